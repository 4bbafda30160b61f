"""State changes of activities and of who takes part in them."""

from tissage.core.domain.slugs import unique_slug
from tissage.core.domain.writes import audited_create, audited_delete, audited_update

from ..enums import MemberRole
from ..models import Activity, ActivityMember


def activity_create(*, actor, data: dict) -> Activity:
    """Create an activity; it joins its session's edition, and its slug comes from its title."""
    data = dict(data)
    session = data.get("session")
    if session is not None and not data.get("edition"):
        data["edition"] = session.edition
    if not data.get("slug"):
        siblings = (
            Activity.objects.filter(edition=data["edition"])
            if data.get("edition")
            else Activity.objects.none()
        )
        data["slug"] = unique_slug(siblings, str(data.get("title") or ""), fallback="activity")
    related = [o for o in (data.get("edition"), session) if o is not None]
    return audited_create(actor=actor, model=Activity, data=data, action="activity.created", related=related)


def activity_update(*, actor, activity: Activity, data: dict) -> dict:
    return audited_update(actor=actor, instance=activity, data=data, action="activity.updated")


def activity_delete(*, actor, activity: Activity) -> None:
    related = [o for o in (activity.edition, activity.session) if o is not None]
    audited_delete(actor=actor, instance=activity, action="activity.deleted", related=related)


def activity_member_add(
    *, actor, activity: Activity, person, role: str = MemberRole.MEMBER
) -> ActivityMember:
    return audited_create(
        actor=actor,
        model=ActivityMember,
        data={"activity": activity, "person": person, "role": role},
        action="activity.member_added",
        related=[activity, person],
    )


def activity_member_update(*, actor, member: ActivityMember, role: str) -> dict:
    return audited_update(
        actor=actor,
        instance=member,
        data={"role": role},
        action="activity.member_updated",
        related=[member.activity, member.person],
    )


def activity_member_remove(*, actor, member: ActivityMember) -> None:
    audited_delete(
        actor=actor,
        instance=member,
        action="activity.member_removed",
        related=[member.activity, member.person],
    )
