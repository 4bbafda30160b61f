"""State changes of activities and of who takes part in them."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tissage.core.domain.audit import audit_record
from tissage.core.domain.slugs import unique_slug
from tissage.core.domain.writes import audited_create, audited_delete, audited_update
from tissage.network.domain.texts import plain_text

from ..enums import MemberRole
from ..models import Activity, ActivityMember
from ..signals import activity_people_changed

# The fields whose change may change who worked together, when, and for how long.
PEOPLE_FIELDS = frozenset({"starts_at", "ends_at", "session", "edition"})


def _people_changed(activity: Activity) -> None:
    activity_people_changed.send(sender=Activity, activity=activity)


def activity_hub(*, session=None, edition=None):
    """The hub an activity takes place at: its session's, else its edition's festival's."""
    if session is not None:
        return session.hub
    if edition is not None:
        return edition.festival.hub
    return None


def _validate_room(values: dict) -> None:
    room = values.get("room")
    hub = activity_hub(session=values.get("session"), edition=values.get("edition"))
    if room is not None and hub is not None and room.venue.hub_id != hub.pk:
        raise ValidationError(
            {
                "room": _("This room is at %(other)s, not at %(hub)s.")
                % {"other": plain_text(room.venue.hub.name), "hub": plain_text(hub.name)}
            }
        )


def activity_create(*, actor, data: dict) -> Activity:
    """Create an activity; it joins its session's edition, and its slug comes from its title.

    Its room must be at the activity's hub.
    """
    data = dict(data)
    session = data.get("session")
    if session is not None and not data.get("edition"):
        data["edition"] = session.edition
    _validate_room(data)
    if not data.get("slug"):
        siblings = (
            Activity.objects.filter(edition=data["edition"])
            if data.get("edition")
            else Activity.objects.none()
        )
        data["slug"] = unique_slug(siblings, plain_text(data.get("title")), fallback="activity")
    related = [o for o in (data.get("edition"), session) if o is not None]
    return audited_create(actor=actor, model=Activity, data=data, action="activity.created", related=related)


def activity_update(*, actor, activity: Activity, data: dict) -> dict:
    """Update an activity; a new session brings its edition along when none is given."""
    data = dict(data)
    if data.get("session") is not None and not data.get("edition", activity.edition):
        data["edition"] = data["session"].edition
    if {"room", "session", "edition"} & set(data):
        current = {"room": activity.room, "session": activity.session, "edition": activity.edition}
        _validate_room({**current, **data})
    # The entry shows on the pages of the edition and session it leaves and of those it joins.
    concerned = (activity.edition, activity.session, data.get("edition"), data.get("session"))
    related = list(dict.fromkeys(o for o in concerned if o is not None))
    with transaction.atomic():
        changes = audited_update(
            actor=actor, instance=activity, data=data, action="activity.updated", related=related
        )
        if PEOPLE_FIELDS & set(changes):
            _people_changed(activity)
    return changes


def activity_delete(*, actor, activity: Activity) -> None:
    related = [o for o in (activity.edition, activity.session) if o is not None]
    audited_delete(actor=actor, instance=activity, action="activity.deleted", related=related)


def activity_member_add(
    *, actor, activity: Activity, person, role: str = MemberRole.MEMBER
) -> ActivityMember:
    if person is not None and activity.members.filter(person=person).exists():
        raise ValidationError({"person": _("%(person)s is already in this activity.") % {"person": person}})
    with transaction.atomic():
        member = audited_create(
            actor=actor,
            model=ActivityMember,
            data={"activity": activity, "person": person, "role": role},
            action="activity.member_added",
            related=[activity, person],
        )
        _people_changed(activity)
    return member


def activity_member_update(*, actor, member: ActivityMember, role: str) -> dict:
    with transaction.atomic():
        changes = audited_update(
            actor=actor,
            instance=member,
            data={"role": role},
            action="activity.member_updated",
            related=[member.activity, member.person],
        )
        if changes:
            _people_changed(member.activity)
    return changes


def activity_member_remove(*, actor, member: ActivityMember) -> None:
    with transaction.atomic():
        audited_delete(
            actor=actor,
            instance=member,
            action="activity.member_removed",
            related=[member.activity, member.person],
        )
        _people_changed(member.activity)


def activity_members_set(*, actor, activity: Activity, members: Iterable[tuple]) -> dict[str, list]:
    """Make ``members`` (pairs of person and role) the activity's whole membership, in one write.

    Returns ``{person: [role before, role after]}`` for those who joined, left or changed role,
    and records it as one audit entry, shown on the activity's page and on each person's.
    """
    wanted: dict = {}
    for person, role in members:
        if role not in MemberRole.values:
            raise ValidationError({"role": _("Unknown role: %(role)s.") % {"role": role}})
        if person in wanted:
            raise ValidationError({"person": _("%(person)s is listed twice.") % {"person": person}})
        wanted[person] = role
    with transaction.atomic():
        current = {m.person: m for m in activity.members.select_related("person")}
        before = {person: m.role for person, m in current.items()}
        left = [m.pk for person, m in current.items() if person not in wanted]
        changed = [m for person, m in current.items() if person in wanted and m.role != wanted[person]]
        for member in changed:
            member.role = wanted[member.person]
        ActivityMember.objects.filter(pk__in=left).delete()
        ActivityMember.objects.bulk_update(changed, ["role"])
        ActivityMember.objects.bulk_create(
            ActivityMember(activity=activity, person=person, role=role)
            for person, role in wanted.items()
            if person not in current
        )
        touched = [p for p in {**before, **wanted} if before.get(p) != wanted.get(p)]
        changes = {f"{p} ({p.slug})": [before.get(p), wanted.get(p)] for p in touched}
        if changes:
            audit_record(
                actor=actor, action="activity.members_set", obj=activity, changes=changes, related=touched
            )
            _people_changed(activity)
    return changes
