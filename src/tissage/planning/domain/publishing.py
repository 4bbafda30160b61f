"""Publishing a session's plan: each group becomes a crossed-workshop activity of the session, with
its members, its leader and its interpreter. It notifies nobody by itself (the edition's programme
reaches the public with its next release) and can be undone until the session starts.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tissage.activities.domain.activities import activity_create, activity_delete, activity_members_set
from tissage.activities.enums import ActivityKind, MemberRole
from tissage.activities.models import Activity
from tissage.core.domain.audit import audit_record
from tissage.network.models import Session

from ..enums import PlanScope, PlanStatus
from ..models import Plan, PlanGroup
from .plans import plan_dropouts, plan_for_change, plan_groups, stored_problem


def session_started(session: Session) -> bool:
    """Whether the session's first day has come, on its hub's calendar."""
    return timezone.now().astimezone(session.hub.tzinfo).date() >= session.start_date


def _refuse_if_started(session: Session) -> None:
    if session_started(session):
        raise ValidationError(
            _("%(session)s has started: its crossed workshops can no longer be changed from here.")
            % {"session": session}
        )


def workshop_title(number: int) -> dict[str, str]:
    """ "Crossed workshop 2" in each interface language."""
    titles = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            titles[code] = _("Crossed workshop %(number)s") % {"number": number}
    return titles


def _interpreting(group: PlanGroup, languages: dict[str, set[str]]) -> list[str]:
    """The languages the group's interpreter covers: for each member without the working language,
    the first language they share with the interpreter."""
    if group.interpreter_id is None:
        return []
    theirs = languages.get(str(group.interpreter_id), set())
    covered = set()
    for member in group.members.all():
        own = languages.get(str(member.person_id), set())
        if group.language not in own and (shared := sorted(own & theirs)):
            covered.add(shared[0])
    return sorted(covered)


def _remove_activities(*, actor, plan: Plan) -> int:
    """Delete the activities ``plan`` made (each deletion audited)."""
    activities = list(
        Activity.objects.filter(pk__in=plan.groups.exclude(activity=None).values("activity")).select_related(
            "session", "edition"
        )
    )
    for activity in activities:
        activity_delete(actor=actor, activity=activity)
    return len(activities)


def plan_publish(*, actor, plan: Plan, version: int) -> list[Activity]:
    """Publish the draft ``plan`` of a session that has not started: its groups become
    crossed-workshop activities, and the session's plan published before it is superseded (its
    activities deleted). Refused while the plan breaks a rule."""
    if plan.scope != PlanScope.SESSION:
        raise ValidationError(
            _("Take a session from this programme's plan, then publish that session's plan.")
        )
    session = plan.session
    _refuse_if_started(session)
    with transaction.atomic():
        plan = plan_for_change(plan, version)
        if plan.violations:
            raise ValidationError(
                _("This plan breaks %(count)s rule(s): mend them (or re-solve) before publishing.")
                % {"count": len(plan.violations)}
            )
        if plan_dropouts(plan):
            raise ValidationError(
                _("Some of its people no longer take part: repair the plan before publishing.")
            )
        previous = Plan.objects.filter(session=session, status=PlanStatus.PUBLISHED).first()
        if previous is not None:
            _remove_activities(actor=actor, plan=previous)
            previous.status = PlanStatus.SUPERSEDED
            previous.version += 1
            previous.save(update_fields=["status", "version", "updated_at"])
            audit_record(
                actor=actor,
                action="plan.superseded",
                obj=previous,
                changes={"status": [PlanStatus.PUBLISHED, PlanStatus.SUPERSEDED]},
                related=[session, plan],
            )
        languages = {person.id: set(person.usable_languages) for person in stored_problem(plan).people}
        activities = []
        for group in plan_groups(plan):
            activity = activity_create(
                actor=actor,
                data={
                    "session": session,
                    "title": workshop_title(group.number),
                    "kind": ActivityKind.CROSSED_WORKSHOP,
                    "languages": [group.language] if group.language else [],
                    "interpreting": _interpreting(group, languages),
                },
            )
            members = [
                (m.person, MemberRole.LEADER if m.person_id == group.leader_id else MemberRole.MEMBER)
                for m in group.members.all()
            ]
            if group.interpreter is not None:
                members.append((group.interpreter, MemberRole.INTERPRETER))
            activity_members_set(actor=actor, activity=activity, members=members)
            group.activity = activity
            group.save(update_fields=["activity"])
            activities.append(activity)
        plan.status = PlanStatus.PUBLISHED
        plan.published_at = timezone.now()
        plan.version += 1
        plan.save(update_fields=["status", "published_at", "version", "updated_at"])
        audit_record(
            actor=actor,
            action="plan.published",
            obj=plan,
            changes={"status": [PlanStatus.DRAFT, PlanStatus.PUBLISHED], "activities": [0, len(activities)]},
            related=[session, *activities],
        )
    return activities


def plan_unpublish(*, actor, plan: Plan, version: int) -> int:
    """Undo publishing, until the session starts: the plan's activities are deleted and it is a
    draft again. Returns how many activities were deleted."""
    if plan.status != PlanStatus.PUBLISHED:
        raise ValidationError(_("This plan is not published."))
    _refuse_if_started(plan.session)
    with transaction.atomic():
        plan = plan_for_change(plan, version, drafts_only=False)
        removed = _remove_activities(actor=actor, plan=plan)
        plan.status = PlanStatus.DRAFT
        plan.published_at = None
        plan.version += 1
        plan.save(update_fields=["status", "published_at", "version", "updated_at"])
        audit_record(
            actor=actor,
            action="plan.unpublished",
            obj=plan,
            changes={"status": [PlanStatus.PUBLISHED, PlanStatus.DRAFT], "activities": [removed, 0]},
            related=[plan.session],
        )
    return removed
