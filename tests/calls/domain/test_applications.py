import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from tissage.calls.domain.applications import application_submit, question_field_name
from tissage.calls.models import Application, ApplicationFile
from tissage.core.models import AuditEntry
from tissage.outbox.models import Message

from ...factories import ApplicationFactory, SkillFactory
from ..conftest import IDENTITY, MP3, answers_for, files_for, upload


def submit(call, **kwargs):
    options = {
        "data": dict(IDENTITY),
        "languages": [("ru", "native"), ("fr", "basic")],
        "answers": answers_for(call),
        "files": files_for(call),
        **kwargs,
    }
    return application_submit(actor=None, call=call, **options)


def refusal(call, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        submit(call, **kwargs)
    return caught.value.message_dict if hasattr(caught.value, "error_dict") else {"": caught.value.messages}


def nothing_stored():
    return (Application.objects.count(), ApplicationFile.objects.count(), Message.objects.count()) == (
        0,
        0,
        0,
    )


def test_application_submit_stores_everything_and_acknowledges_it_in_the_applicants_language(call):
    guitar = SkillFactory(slug="sound-mixing")
    application = submit(call, skills=[guitar], links=["https://example.ru/live-at-siyanie"])
    questions = {q.position: str(q.pk) for q in call.questions.all()}
    assert (application.state, application.language, application.email) == (
        "submitted",
        "ru",
        "ksenia.orlova@example.ru",
    )
    assert application.answers == {
        questions[1]: "The tundra and the Pechora.",
        questions[2]: "2",
        questions[3]: "cv.pdf",
        questions[4]: "7",
    }
    assert application.languages == [["ru", "native"], ["fr", "basic"]]
    assert application.links == ["https://example.ru/live-at-siyanie"]
    assert list(application.skills.all()) == [guitar]
    [file] = application.files.all()
    assert (file.name, file.size, file.content_type, file.file.name.endswith(".pdf")) == (
        "cv.pdf",
        len(upload().read()),
        "application/pdf",
        True,
    )
    [message] = Message.objects.all()
    assert (message.recipient_email, message.language, message.template_key, message.status) == (
        "ksenia.orlova@example.ru",
        "ru",
        "application_received",
        "sent",
    )
    assert application.reference in message.body_text
    assert "/ru/calls/sound-2027/" in message.body_text
    assert list(Message.objects.about(application)) == [message]
    assert len(mail.outbox) == 1
    actions = list(AuditEntry.objects.for_object(application).values_list("action", flat=True))
    assert sorted(actions) == ["application.submitted", "message.queued"]


def test_application_submit_after_the_deadline_is_refused_and_stores_nothing(call):
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save()
    with pytest.raises(ValidationError) as caught:
        submit(call)
    assert caught.value.code == "closed"
    assert caught.value.messages[0].startswith("This call closed on ")
    assert caught.value.messages[0].endswith("(Narian-Mar): applications are no longer accepted.")
    assert nothing_stored()
    assert mail.outbox == []


def test_application_submit_names_the_deadline_in_the_hubs_time(call):
    call.closes_at = datetime.datetime(2026, 3, 1, 20, 59, tzinfo=datetime.UTC)
    call.opens_at = call.closes_at - datetime.timedelta(days=30)
    call.save()
    # 20:59 UTC is 23:59 in Narian-Mar (UTC+3).
    assert refusal(call) == {
        "": [
            "This call closed on March 1, 2026, 11:59 p.m. (Narian-Mar): applications are no longer accepted."
        ]
    }


def test_application_submit_before_the_opening_is_refused(call):
    call.opens_at = timezone.now() + datetime.timedelta(days=1)
    call.save()
    with pytest.raises(ValidationError) as caught:
        submit(call)
    assert caught.value.code == "not_open_yet"
    assert nothing_stored()


def test_application_submit_to_an_unpublished_call_is_refused(call):
    call.is_published = False
    call.save()
    assert refusal(call) == {"": ["This call is not open."]}
    assert nothing_stored()


def test_application_submit_refuses_an_oversize_file_and_stores_nothing(call):
    big = upload("cv.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024))
    field = question_field_name(call.questions.get(position=3))
    assert refusal(call, files=files_for(call, big)) == {
        field: ["This file weighs 1.0\xa0MB; the largest accepted is 1 MB."]
    }
    assert nothing_stored()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.exe", b"MZ\x90\x00"),
        ("cv.pdf", b"MZ\x90\x00 a program named like a PDF"),
        ("cv.png", b"\x89PNG\r\n\x1a\n"),
    ],
)
def test_application_submit_refuses_a_file_of_a_type_the_call_does_not_accept(call, name, content):
    field = question_field_name(call.questions.get(position=3))
    assert refusal(call, files=files_for(call, upload(name, content))) == {
        field: ["Send a file of one of these types: .pdf, .mp3."]
    }
    assert nothing_stored()


def test_application_submit_accepts_a_recording_by_its_first_bytes(call):
    application = submit(call, files=files_for(call, upload("demo.MP3", MP3, "audio/mpeg")))
    assert application.files.get().content_type == "audio/mpeg"


def test_application_submit_refuses_missing_and_malformed_answers_each_on_its_question(call):
    fields = {q.position: question_field_name(q) for q in call.questions.all()}
    errors = refusal(call, answers=answers_for(call, q1="  ", q2="9", q4="seven"), files={})
    assert errors == {
        fields[1]: ["This question needs an answer."],
        fields[2]: ["Choose from the list."],
        fields[3]: ["This question needs an answer."],
        fields[4]: ["Give a number."],
    }
    assert nothing_stored()


def test_application_submit_refuses_bad_links_languages_and_a_missing_consent(call):
    errors = refusal(
        call,
        data={**IDENTITY, "consent": False},
        languages=[("tlh", "native")],
        links=["not a link"],
    )
    assert sorted(errors) == ["consent", "languages", "links"]
    assert nothing_stored()


def test_application_submit_refuses_a_second_application_from_the_same_email(call):
    ApplicationFactory(call=call, email="KSENIA.ORLOVA@example.ru")
    assert refusal(call) == {"email": ["An application with this email has already been sent to this call."]}
    assert Application.objects.count() == 1


def test_application_submit_allows_the_same_person_in_another_call(call):
    ApplicationFactory(email="ksenia.orlova@example.ru")
    assert submit(call).email == "ksenia.orlova@example.ru"
