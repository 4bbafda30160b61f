"""Applying to a call: checking the answers and files against the call's form, storing them, and
telling the applicant their application arrived, in their language."""

import datetime
import decimal
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from tissage.core.domain.audit import audit_record
from tissage.outbox.domain.messages import message_queue, site_url
from tissage.people.domain.persons import checked_languages

from ..enums import QuestionKind
from ..filetypes import FILE_TYPES, HEAD_BYTES, FileType, file_type_of
from ..models import Application, ApplicationFile, Call, Question

# Longest answers, in characters: a short text is a line, a long one a few paragraphs.
TEXT_LIMITS = {QuestionKind.TEXT: 300, QuestionKind.LONG_TEXT: 5000}
MAX_LINKS = 5


def question_field_name(question: Question) -> str:
    """The name of a question's answer in forms and in refusals."""
    return f"question_{question.pk}"


def call_moment(call: Call, moment: datetime.datetime) -> str:
    """A moment as the call's hub reads it, in the current language: "15 March 2027, 23:59 (Narian-Mar)"."""
    local = timezone.localtime(moment, call.hub.tzinfo)
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} ({call.hub})"


def call_closed_error(call: Call, moment: datetime.datetime) -> ValidationError | None:
    """Why ``call`` takes no application at ``moment``, or None when it does."""
    if not call.is_published:
        return ValidationError(_("This call is not open."), code="closed")
    if moment < call.opens_at:
        return ValidationError(
            _("This call opens on %(opens)s.") % {"opens": call_moment(call, call.opens_at)},
            code="not_open_yet",
        )
    if moment >= call.closes_at:
        return ValidationError(
            _("This call closed on %(closes)s: applications are no longer accepted.")
            % {"closes": call_moment(call, call.closes_at)},
            code="closed",
        )
    return None


def file_check(*, call: Call, upload: UploadedFile) -> FileType:
    """The type of an uploaded file, if the call accepts it and it is not too large."""
    if upload.size > call.max_upload_bytes:
        raise ValidationError(
            _("This file weighs %(size)s; the largest accepted is %(limit)s MB.")
            % {"size": filesizeformat(upload.size), "limit": call.max_upload_mb},
            code="file_too_large",
        )
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    file_type = file_type_of(upload.name or "", head, call.accepted_types)
    if file_type is None:
        names = ", ".join(f".{key}" for key in call.accepted_types if key in FILE_TYPES)
        raise ValidationError(
            _("Send a file of one of these types: %(types)s.") % {"types": names}, code="file_type"
        )
    return file_type


def _url(value: str) -> str:
    value = str(value).strip()
    URLValidator()(value)
    return value


def _is_blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, list | tuple):
        return not any(str(item).strip() for item in value)
    return not str(value).strip()


def _answer(question: Question, value, upload: UploadedFile | None):
    """The JSON form of one answer, or None for a question left blank."""
    kind = question.kind
    if kind == QuestionKind.FILE:
        if upload is None:
            return None
        file_check(call=question.call, upload=upload)
        return upload.name
    if _is_blank(value):
        return None
    if kind in TEXT_LIMITS:
        text = str(value).strip()
        if len(text) > TEXT_LIMITS[kind]:
            raise ValidationError(
                _("Keep the answer under %(limit)s characters.") % {"limit": TEXT_LIMITS[kind]},
                code="too_long",
            )
        return text
    if kind in (QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE):
        keys = {key for key, _label in question.choice_list()}
        chosen = [str(value)] if kind == QuestionKind.CHOICE else [str(v) for v in value]
        if any(key not in keys for key in chosen):
            raise ValidationError(_("Choose from the list."), code="invalid_choice")
        return chosen[0] if kind == QuestionKind.CHOICE else sorted(set(chosen), key=int)
    if kind == QuestionKind.NUMBER:
        try:
            number = decimal.Decimal(str(value).strip())
        except decimal.InvalidOperation:
            raise ValidationError(_("Give a number."), code="invalid_number") from None
        if not number.is_finite():
            raise ValidationError(_("Give a number."), code="invalid_number")
        return str(number)
    if kind == QuestionKind.DATE:
        try:
            day = (
                value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value).strip())
            )
        except ValueError:
            raise ValidationError(_("Give a date."), code="invalid_date") from None
        return day.isoformat()
    return _url(value)


def answers_check(
    *, call: Call, answers: Mapping[int, object], files: Mapping[int, UploadedFile]
) -> dict[str, object]:
    """``{question id: JSON answer}`` for the call's questions (keys as strings), refusing missing
    required answers and answers of the wrong kind, each on its question."""
    cleaned, errors = {}, {}
    for question in call.questions.all():
        try:
            value = _answer(question, answers.get(question.pk), files.get(question.pk))
        except ValidationError as error:
            errors[question_field_name(question)] = error
            continue
        if value is None and question.required:
            errors[question_field_name(question)] = ValidationError(
                _("This question needs an answer."), code="required"
            )
        elif value is not None:
            cleaned[str(question.pk)] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def _links(links: Iterable[str]) -> list[str]:
    links = [str(link).strip() for link in links if str(link).strip()]
    if len(links) > MAX_LINKS:
        raise ValidationError({"links": _("Give at most %(count)s links.") % {"count": MAX_LINKS}})
    try:
        return [_url(link) for link in links]
    except ValidationError:
        raise ValidationError({"links": _("Each link is a web address, e.g. https://…")}) from None


def application_submit(
    *,
    actor,
    call: Call,
    data: dict,
    languages: Iterable[tuple[str, str]] = (),
    skills: Iterable = (),
    links: Iterable[str] = (),
    answers: Mapping[int, object] | None = None,
    files: Mapping[int, UploadedFile] | None = None,
    now: datetime.datetime | None = None,
) -> Application:
    """Store an application to an open call and queue its acknowledgement to the applicant.

    ``data`` holds who they are (names, email, phone, city, country, nationality, nearest hub,
    language for messages, consent); ``answers`` and ``files`` are keyed by question id. Nothing is
    stored unless everything is accepted: a late application, a missing answer, a file too large
    or of the wrong type is refused whole.
    """
    moment = now or timezone.now()
    if (closed := call_closed_error(call, moment)) is not None:
        raise closed
    files = files or {}
    errors = {}
    if not data.get("consent"):
        errors["consent"] = ValidationError(_("We need your agreement to process your application."))
    email = (data.get("email") or "").strip()
    if email and call.applications.filter(email__iexact=email).exists():
        errors["email"] = ValidationError(
            _("An application with this email has already been sent to this call."), code="unique"
        )
    checks = {
        "languages": lambda: [[code, level] for code, level in checked_languages(languages).items()],
        "links": lambda: _links(links),
        "answers": lambda: answers_check(call=call, answers=answers or {}, files=files),
    }
    checked = {}
    for name, check in checks.items():
        try:
            checked[name] = check()
        except ValidationError as error:
            errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        application = Application(
            **{**data, "email": email},
            call=call,
            languages=checked["languages"],
            links=checked["links"],
            answers=checked["answers"],
            reference=Application.new_reference(),
        )
        application.full_clean()
        application.save()
        application.skills.set(list(skills))
        for question in call.questions.all():
            if (upload := files.get(question.pk)) is not None:
                file_type = file_check(call=call, upload=upload)
                ApplicationFile.objects.create(
                    application=application,
                    question=question,
                    file=upload,
                    name=(upload.name or "")[:200],
                    size=upload.size,
                    content_type=file_type.content_type,
                )
        audit_record(
            actor=actor,
            action="application.submitted",
            obj=application,
            changes={"call": [None, str(call)], "email": [None, email]},
            related=[call],
        )
        application_acknowledge(actor=actor, application=application)
    return application


def application_acknowledge(*, actor, application: Application):
    """Tell the applicant, in their language, that their application arrived and what comes next."""
    call = application.call
    with translation.override(application.language):
        context = {
            "name": application.given_name,
            "call": str(call.title),
            "reference": application.reference,
            "closes": call_moment(call, call.closes_at),
            "call_url": site_url(call.get_public_url()),
            "session": str(call.session) if call.session_id else "",
        }
    return message_queue(
        actor=actor,
        to=application.email,
        name=application.full_name,
        language=application.language,
        template_key="application_received",
        context=context,
        person=application.person,
        about=application,
    )
