"""The outbox: every email is rendered in its recipient's language, stored, then sent by a background
task that retries with a growing delay when the mail server fails.

Mail templates live in this app, under ``templates/outbox/``: ``<key>.subject.txt``, ``<key>.txt`` and
``<key>.html`` for each message. They are rendered inside ``translation.override(language)``, so that
``{% translate %}`` and date formats speak the recipient's language whatever the sender's is.

With a worker (the database backend) a failed attempt is enqueued again to run after its delay;
without one (the immediate backend) ``tissage send_outbox`` sends whatever is due.

Inside :func:`sending_deferred`, queued messages are stored but not handed to the worker: they go
when :func:`messages_send_due` runs, through the connection it is given (the demo network sends
its invented addresses through a connection that delivers nowhere).
"""

import contextlib
import contextvars
import datetime
import logging
from email.utils import formataddr

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from tissage.core.domain.audit import audit_record, audit_value

from ..enums import MessageStatus
from ..models import Message

logger = logging.getLogger(__name__)

# Attempts before a message is marked failed for good (staff can still retry it by hand).
MAX_ATTEMPTS = 5
# The delay before attempt n + 1 is FIRST_RETRY_DELAY × BACKOFF_FACTOR ** (n − 1): 1, 4, 16, 64 minutes.
FIRST_RETRY_DELAY = datetime.timedelta(minutes=1)
BACKOFF_FACTOR = 4


_deferred = contextvars.ContextVar("tissage_outbox_deferred", default=False)


@contextlib.contextmanager
def sending_deferred():
    """Messages queued inside this block wait for :func:`messages_send_due` instead of the worker."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long to wait after the ``attempts``-th failed attempt."""
    return FIRST_RETRY_DELAY * BACKOFF_FACTOR ** max(attempts - 1, 0)


def message_render(*, template_key: str, context: dict, language: str) -> tuple[str, str, str]:
    """``(subject, text, html)`` of a message, in ``language``."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"outbox/{template_key}.subject.txt", context).split())
        text = render_to_string(f"outbox/{template_key}.txt", context).strip() + "\n"
        html = render_to_string(f"outbox/{template_key}.html", context)
    return subject, text, html


def message_queue(
    *,
    actor,
    to: str,
    name: str = "",
    language: str,
    template_key: str,
    context: dict,
    person=None,
    about: models.Model | None = None,
) -> Message:
    """Render a message in ``language``, store it and hand it to the worker.

    ``context`` may hold model instances and dates for the templates; the message keeps a readable
    copy of it. ``about`` is the object the message concerns: it shows the message in its history.
    """
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Messages are written in French, English or Russian.")})
    subject, text, html = message_render(template_key=template_key, context=context, language=language)
    with transaction.atomic():
        message = Message(
            recipient_email=to,
            recipient_name=name[:200],
            person=person,
            language=language,
            template_key=template_key,
            context=audit_value(context),
            subject=subject[:300],
            body_text=text,
            body_html=html,
            content_type=ContentType.objects.get_for_model(about, for_concrete_model=False)
            if about
            else None,
            object_id=str(about.pk) if about else "",
        )
        message.full_clean()
        message.save()
        audit_record(
            actor=actor,
            action="message.queued",
            obj=message,
            changes={"recipient_email": [None, to], "subject": [None, message.subject]},
            related=[obj for obj in (about, person) if obj is not None],
        )
        if not _deferred.get():
            send_message_task.enqueue(message_id=message.pk)
    message.refresh_from_db()
    return message


def _send(message: Message, connection=None) -> None:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[formataddr((message.recipient_name, message.recipient_email))],
        connection=connection,
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    email.send()


def message_send(*, message_id: int, connection=None) -> Message:
    """Try to send a queued message once (through ``connection``, else the configured mail backend).
    A failure puts it back in the queue with a delay, or marks it failed after :data:`MAX_ATTEMPTS`;
    a message already taken by another worker is left alone."""
    now = timezone.now()
    claimed = Message.objects.filter(pk=message_id, status=MessageStatus.QUEUED).update(
        status=MessageStatus.SENDING, attempts=models.F("attempts") + 1, updated_at=now
    )
    message = Message.objects.get(pk=message_id)
    if not claimed:
        return message
    try:
        _send(message, connection)
    except Exception as error:  # any failure of any mail backend: SMTP, network, file system …
        logger.warning("Message %s: attempt %s failed: %s", message.pk, message.attempts, error)
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        if message.attempts >= MAX_ATTEMPTS:
            message.status, message.next_attempt_at = MessageStatus.FAILED, None
            audit_record(
                actor=None,
                action="message.failed",
                obj=message,
                changes={"error": [None, message.last_error]},
            )
        else:
            message.status = MessageStatus.QUEUED
            message.next_attempt_at = timezone.now() + retry_delay(message.attempts)
        message.save(update_fields=["status", "last_error", "next_attempt_at", "updated_at"])
        if message.status == MessageStatus.QUEUED:
            _retry_later(message)
    else:
        message.status, message.sent_at, message.next_attempt_at = MessageStatus.SENT, timezone.now(), None
        message.save(update_fields=["status", "sent_at", "next_attempt_at", "updated_at"])
    return message


def _retry_later(message: Message) -> None:
    """Enqueue the next attempt to run after its delay, when the task backend can wait; otherwise it
    stays due for ``tissage send_outbox``."""
    if send_message_task.get_backend().supports_defer:
        send_message_task.using(run_after=message.next_attempt_at).enqueue(message_id=message.pk)


def message_retry(*, actor, message: Message) -> Message:
    """Send a failed message again now, with a fresh round of attempts (the mail server that refused
    it may have been down for hours)."""
    if message.status != MessageStatus.FAILED:
        raise ValidationError(_("Only a message that failed can be sent again."))
    with transaction.atomic():
        Message.objects.filter(pk=message.pk).update(
            status=MessageStatus.QUEUED, next_attempt_at=None, attempts=0, updated_at=timezone.now()
        )
        audit_record(
            actor=actor,
            action="message.retried",
            obj=message,
            changes={"status": [message.status, MessageStatus.QUEUED], "attempts": [message.attempts, 0]},
        )
        send_message_task.enqueue(message_id=message.pk)
    message.refresh_from_db()
    return message


def messages_due(now: datetime.datetime | None = None) -> models.QuerySet:
    """Queued messages whose next attempt has come (or that were never tried)."""
    now = now or timezone.now()
    return Message.objects.filter(status=MessageStatus.QUEUED).filter(
        models.Q(next_attempt_at__isnull=True) | models.Q(next_attempt_at__lte=now)
    )


def messages_send_due(*, connection=None) -> dict[str, int]:
    """Try every due message once; ``{status: count}`` of the outcomes."""
    outcomes: dict[str, int] = {}
    for message_id in messages_due().order_by("created_at", "pk").values_list("pk", flat=True):
        status = message_send(message_id=message_id, connection=connection).status
        outcomes[status] = outcomes.get(status, 0) + 1
    return outcomes


@task()
def send_message_task(*, message_id: int) -> None:
    message_send(message_id=message_id)


def site_url(path: str) -> str:
    """An address on this site as people reach it from their mailbox."""
    return f"{settings.TISSAGE_BASE_URL}{path}"
