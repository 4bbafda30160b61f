"""State changes of calls and of what their forms ask (questions) and their reviewers score (criteria)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from i18nfield.strings import LazyI18nString

from tissage.core.domain.slugs import unique_slug
from tissage.core.domain.writes import audited_create, audited_delete, audited_update

from ..models import Call, Criterion, Question


def call_create(*, actor, data: dict) -> Call:
    """Create a call; the short name defaults to one made from its title."""
    data = dict(data)
    if not data.get("slug"):
        title = data.get("title") or ""
        if not isinstance(title, LazyI18nString):
            title = LazyI18nString(title)
        text = title.localize(settings.LANGUAGE_CODE)
        data["slug"] = unique_slug(Call.objects.all(), text, fallback="call")
    return audited_create(
        actor=actor, model=Call, data=data, action="call.created", related=[data.get("programme")]
    )


def call_update(*, actor, call: Call, data: dict) -> dict:
    return audited_update(
        actor=actor, instance=call, data=data, action="call.updated", related=[call.programme]
    )


def call_delete(*, actor, call: Call) -> None:
    """Delete a call nobody has applied to yet: applications are people's words, kept with their call."""
    if call.applications.exists():
        raise ValidationError(_("People have applied to this call: unpublish it rather than delete it."))
    audited_delete(actor=actor, instance=call, action="call.deleted", related=[call.programme])


def _next_position(queryset) -> int:
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return 1 if last is None else last + 1


def _refuse_once_applied(call: Call, message: str) -> None:
    """The form people answered, and the scale reviewers used, stay as they were once applications came in."""
    if call.applications.exists():
        raise ValidationError(message)


def question_create(*, actor, call: Call, data: dict) -> Question:
    data = {"position": _next_position(call.questions.all()), **data, "call": call}
    return audited_create(
        actor=actor, model=Question, data=data, action="call.question_added", related=[call]
    )


def question_update(*, actor, question: Question, data: dict) -> dict:
    if "kind" in data and data["kind"] != question.kind and question.call.applications.exists():
        raise ValidationError({"kind": _("People have answered this question: its kind of answer stays.")})
    return audited_update(
        actor=actor, instance=question, data=data, action="call.question_updated", related=[question.call]
    )


def question_delete(*, actor, question: Question) -> None:
    _refuse_once_applied(
        question.call, _("People have answered this call: its questions can no longer be removed.")
    )
    audited_delete(actor=actor, instance=question, action="call.question_deleted", related=[question.call])


def criterion_create(*, actor, call: Call, data: dict) -> Criterion:
    data = {"position": _next_position(call.criteria.all()), **data, "call": call}
    return audited_create(
        actor=actor, model=Criterion, data=data, action="call.criterion_added", related=[call]
    )


def criterion_update(*, actor, criterion: Criterion, data: dict) -> dict:
    if (
        "scale" in data
        and data["scale"] != criterion.scale
        and criterion.call.applications.filter(reviews__isnull=False).exists()
    ):
        raise ValidationError({"scale": _("Reviews use this scale already: it stays.")})
    return audited_update(
        actor=actor, instance=criterion, data=data, action="call.criterion_updated", related=[criterion.call]
    )


def criterion_delete(*, actor, criterion: Criterion) -> None:
    _refuse_once_applied(
        criterion.call, _("People have applied to this call: its criteria can no longer be removed.")
    )
    audited_delete(actor=actor, instance=criterion, action="call.criterion_deleted", related=[criterion.call])
