import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone, translation

from tissage.core.models import AuditEntry
from tissage.outbox.domain.messages import (
    MAX_ATTEMPTS,
    message_queue,
    message_render,
    message_retry,
    message_send,
    messages_send_due,
    retry_delay,
    sending_deferred,
)
from tissage.outbox.enums import MessageStatus
from tissage.outbox.models import Message

from ...factories import MessageFactory, PersonFactory, StaffFactory

SIGN_IN = {"name": "Ksenia", "portal_url": "https://tissage.example/link/abc/", "link_minutes": 60}


class BrokenServer(Exception):
    pass


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, email_messages):
        raise BrokenServer("421 service not available")


@pytest.fixture
def refusing():
    return RefusingBackend()


DECISION = {
    "name": "Ksenia",
    "outcome": "accepted",
    "call": "Sound technicians for Mimi-Nor",
    "reference": "K7M2Q9XZ",
    "session": "Mimi-Nor 2027",
    "hub": "Narian-Mar",
    "programme": "Tissage 2026–2028",
    "starts": datetime.date(2027, 5, 15),
    "ends": datetime.date(2027, 5, 23),
    "paragraph": "",
    "note": "",
    "portal_url": "https://tissage.example/link/abc/",
    "link_days": 14,
}
FOOTERS = {
    "en": "Tissage — A network of music workshop-festivals: Marseille, Narian-Mar, Kinshasa.",
    "fr": "Tissage — Un réseau de festivals-ateliers de musique\u00a0: Marseille, Narian-Mar, Kinshasa.",
    "ru": "Tissage — Сеть музыкальных фестивалей-мастерских: Марсель, Нарьян-Мар, Киншаса.",
}
# What the acceptance says first, in each language: its subject, the greeting, and the invitation
# with the session's dates in the language's own format.
ACCEPTANCE = {
    "en": (
        "You are selected: Sound technicians for Mimi-Nor",
        "Hello Ksenia,",
        "You are invited to Mimi-Nor 2027, in Narian-Mar, from May 15, 2027 to May 23, 2027",
    ),
    "fr": (
        "Vous êtes retenu(e) : Sound technicians for Mimi-Nor",
        "Bonjour Ksenia,",
        "Vous êtes invité(e) à Mimi-Nor 2027, à Narian-Mar, du 15 mai 2027 au 23 mai 2027",
    ),
    "ru": (
        "Вы прошли отбор: Sound technicians for Mimi-Nor",
        "Здравствуйте, Ksenia!",
        "Приглашаем вас на сессию Mimi-Nor 2027 (Narian-Mar) с 15 мая 2027 г. по 23 мая 2027 г.",
    ),
}


@pytest.mark.parametrize("language", ["en", "fr", "ru"])
def test_message_render_speaks_the_recipients_language(language):
    """The subject, the sentences, the dates and the page's language follow the recipient, whatever
    the sender's language."""
    with translation.override("fr" if language != "fr" else "en"):
        subject, text, html = message_render(
            template_key="application_decision", context=DECISION, language=language
        )
    expected_subject, greeting, invitation = ACCEPTANCE[language]
    lines = text.splitlines()
    assert (subject, lines[0]) == (expected_subject, greeting)
    assert lines[3].startswith(invitation)
    assert lines[-1] == FOOTERS[language]
    assert f'<html lang="{language}">' in html
    assert FOOTERS[language] in html


def test_message_render_writes_the_subject_on_one_line():
    subject, text, _html = message_render(template_key="portal_sign_in", context=SIGN_IN, language="en")
    assert subject == "Your sign-in link to Tissage"
    assert text.splitlines()[0] == "Hello Ksenia,"
    assert "https://tissage.example/link/abc/" in text


def test_message_render_leaves_the_text_unescaped_and_the_html_escaped():
    context = {**SIGN_IN, "name": "Léa & <Kofi>"}
    _subject, text, html = message_render(template_key="portal_sign_in", context=context, language="en")
    assert text.splitlines()[0] == "Hello Léa & <Kofi>,"
    assert "Hello Léa &amp; &lt;Kofi&gt;," in html


@pytest.mark.django_db
def test_message_queue_stores_sends_and_records_it():
    person, staff = PersonFactory(email="ksenia@example.ru"), StaffFactory()
    message = message_queue(
        actor=staff,
        to="ksenia@example.ru",
        name="Ksenia Orlova",
        language="ru",
        template_key="portal_sign_in",
        context=SIGN_IN,
        person=person,
        about=person,
    )
    assert (message.status, message.attempts, message.language) == (MessageStatus.SENT, 1, "ru")
    assert message.sent_at is not None
    [email] = mail.outbox
    assert (email.to, email.subject, email.alternatives[0].mimetype) == (
        ["Ksenia Orlova <ksenia@example.ru>"],
        message.subject,
        "text/html",
    )
    assert email.body.splitlines()[-1] == FOOTERS["ru"]
    assert email.body == message.body_text
    assert list(Message.objects.about(person)) == [message]
    assert AuditEntry.objects.for_object(person).get().action == "message.queued"


@pytest.mark.django_db
def test_message_queue_refuses_a_language_the_interface_does_not_speak():
    with pytest.raises(ValidationError) as caught:
        message_queue(
            actor=None, to="a@example.org", language="ln", template_key="portal_sign_in", context=SIGN_IN
        )
    assert list(caught.value.message_dict) == ["language"]
    assert Message.objects.count() == 0


@pytest.mark.django_db
def test_message_send_failure_waits_longer_after_each_attempt(refusing):
    message = MessageFactory()
    before = timezone.now()
    waits = []
    for attempt in range(1, MAX_ATTEMPTS):
        message = message_send(message_id=message.pk, connection=refusing)
        assert (message.status, message.attempts) == (MessageStatus.QUEUED, attempt)
        waits.append(message.next_attempt_at - before)
        Message.objects.filter(pk=message.pk).update(next_attempt_at=None)
    assert [round(w.total_seconds() / 60) for w in waits] == [1, 4, 16, 64]
    assert message.last_error == "BrokenServer: 421 service not available"


@pytest.mark.django_db
def test_message_send_fails_for_good_after_the_last_attempt(refusing):
    message = MessageFactory(attempts=MAX_ATTEMPTS - 1)
    message = message_send(message_id=message.pk, connection=refusing)
    assert (message.status, message.attempts, message.next_attempt_at) == (
        MessageStatus.FAILED,
        MAX_ATTEMPTS,
        None,
    )
    assert AuditEntry.objects.for_object(message).get().action == "message.failed"
    assert mail.outbox == []


@pytest.mark.django_db
def test_message_send_leaves_a_message_another_worker_took():
    message = MessageFactory(status=MessageStatus.SENDING, attempts=1)
    assert message_send(message_id=message.pk).status == MessageStatus.SENDING
    assert mail.outbox == []


def test_retry_delay_grows_fourfold():
    assert [retry_delay(n) for n in (1, 2, 3)] == [
        datetime.timedelta(minutes=1),
        datetime.timedelta(minutes=4),
        datetime.timedelta(minutes=16),
    ]


@pytest.mark.django_db
def test_message_retry_sends_a_failed_message_again_with_fresh_attempts():
    staff = StaffFactory()
    message = MessageFactory(status=MessageStatus.FAILED, attempts=MAX_ATTEMPTS, last_error="timeout")
    message = message_retry(actor=staff, message=message)
    assert (message.status, message.attempts) == (MessageStatus.SENT, 1)
    entry = AuditEntry.objects.for_object(message).get(action="message.retried")
    assert entry.changes == {"status": ["failed", "queued"], "attempts": [MAX_ATTEMPTS, 0]}


@pytest.mark.django_db
@pytest.mark.parametrize("status", [MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT])
def test_message_retry_refuses_a_message_that_has_not_failed(status):
    message = MessageFactory(status=status)
    with pytest.raises(ValidationError):
        message_retry(actor=None, message=message)
    assert Message.objects.get().status == status


@pytest.mark.django_db
def test_messages_send_due_sends_what_is_due_only():
    due = MessageFactory()
    later = MessageFactory(next_attempt_at=timezone.now() + datetime.timedelta(minutes=5))
    MessageFactory(status=MessageStatus.SENT)
    assert messages_send_due() == {"sent": 1}
    assert [m.status for m in Message.objects.filter(pk__in=[due.pk, later.pk]).order_by("pk")] == [
        MessageStatus.SENT,
        MessageStatus.QUEUED,
    ]


@pytest.mark.django_db
def test_send_outbox_command_reports_what_it_did():
    out = io.StringIO()
    call_command("send_outbox", stdout=out)
    assert out.getvalue() == "No message is due.\n"
    MessageFactory()
    out = io.StringIO()
    call_command("send_outbox", stdout=out)
    assert out.getvalue() == "sent: 1\n"


@pytest.mark.django_db(transaction=True)
def test_failed_attempt_is_enqueued_again_after_its_delay_in_the_database_worker(settings, refusing):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    message = MessageFactory()
    message_send(message_id=message.pk, connection=refusing)
    message.refresh_from_db()
    [retry] = DBTaskResult.objects.all()
    assert (retry.run_after, retry.args_kwargs["kwargs"]) == (
        message.next_attempt_at,
        {"message_id": message.pk},
    )


@pytest.mark.django_db
def test_messages_queued_while_sending_is_deferred_wait_for_messages_send_due(refusing):
    with sending_deferred():
        message_queue(
            actor=None, to="a@example.org", language="en", template_key="portal_sign_in", context=SIGN_IN
        )
        message_queue(
            actor=None, to="b@example.org", language="en", template_key="portal_sign_in", context=SIGN_IN
        )
    assert (list(Message.objects.values_list("status", flat=True)), mail.outbox) == (["queued", "queued"], [])
    assert messages_send_due(connection=refusing) == {"queued": 2}
    # Both wait for their next attempt now.
    assert messages_send_due() == {}
