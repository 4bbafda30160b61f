"""Reviewing an application: scores on the call's criteria, or a declared conflict of interest."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tissage.core.domain.writes import audited_create, audited_update
from tissage.core.rules import is_network_staff
from tissage.people.models import Person

from ..enums import REVIEWABLE_STATES
from ..models import Application, Review


def criterion_field_name(criterion) -> str:
    """The name of a criterion's score in forms and in refusals."""
    return f"criterion_{criterion.pk}"


def own_application_reason(*, reviewer, application: Application) -> str:
    """Why ``reviewer`` may not review ``application`` at all (it is their own), or an empty string."""
    emails = {reviewer.email.lower()} if reviewer.email else set()
    person = Person.objects.filter(user=reviewer).first()
    if person is not None:
        if application.person_id == person.pk:
            return _("This is your own application: you cannot review it.")
        if person.email:
            emails.add(person.email.lower())
    if application.email.lower() in emails:
        return _("This is your own application: you cannot review it.")
    return ""


def _checked_scores(application: Application, scores: dict) -> dict[str, int]:
    criteria = list(application.call.criteria.all())
    if not criteria:
        raise ValidationError(_("This call has no criteria to score yet."))
    cleaned, errors = {}, {}
    for criterion in criteria:
        value = scores.get(criterion.pk, scores.get(str(criterion.pk)))
        try:
            score = int(value)
        except (TypeError, ValueError):
            score = None
        if score is None or not 1 <= score <= criterion.scale:
            errors[criterion_field_name(criterion)] = ValidationError(
                _("Give a score from 1 to %(scale)s.") % {"scale": criterion.scale}, code="invalid_score"
            )
        else:
            cleaned[str(criterion.pk)] = score
    if errors:
        raise ValidationError(errors)
    return cleaned


def review_submit(
    *,
    actor,
    application: Application,
    scores: dict,
    comment: str = "",
    conflict_of_interest: bool = False,
    reviewer=None,
) -> Review:
    """Record (or change) a reviewer's review of an application: the actor's own, or, for staff (and
    the system), one a reviewer sent them, e.g. from a hub with a poor connection.

    Only the call's reviewers review, only applications not yet decided, never their own. A reviewer
    who declares a conflict of interest gives no scores: the review counts for nothing in the ranking
    but stays on record.
    """
    reviewer = reviewer or actor
    if reviewer != actor and actor is not None and not is_network_staff(actor):
        raise ValidationError(_("Only staff record a review for someone else."), code="not_reviewer")
    call = application.call
    if not call.reviewers.filter(pk=reviewer.pk).exists():
        raise ValidationError(_("You are not a reviewer of this call."), code="not_reviewer")
    if application.state not in REVIEWABLE_STATES:
        raise ValidationError(_("This application has been decided: reviews are closed."), code="decided")
    if reason := own_application_reason(reviewer=reviewer, application=application):
        raise ValidationError(reason, code="conflict")
    data = {
        "scores": {} if conflict_of_interest else _checked_scores(application, scores),
        "comment": comment.strip(),
        "conflict_of_interest": conflict_of_interest,
    }
    review = Review.objects.filter(application=application, reviewer=reviewer).first()
    if review is None:
        return audited_create(
            actor=actor,
            model=Review,
            data={**data, "application": application, "reviewer": reviewer},
            action="review.scored",
            related=[application],
        )
    audited_update(actor=actor, instance=review, data=data, action="review.updated", related=[application])
    return review
