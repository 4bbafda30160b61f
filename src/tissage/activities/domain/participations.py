"""State changes of participations (a person in a session), and the head counts drawn from them."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q, QuerySet

from tissage.core.domain.writes import audited_create, audited_update

from ..enums import PRESENT_STATUSES, ParticipationStatus
from ..models import Participation
from ..signals import attendance_changed

# The fields whose change may change who is present where.
ATTENDANCE_FIELDS = frozenset({"status", "person", "session"})


def _attendance_changed(*pairs: tuple[int, int]) -> None:
    for person_id, session_id in dict.fromkeys(pairs):
        attendance_changed.send(sender=Participation, person_id=person_id, session_id=session_id)


def participation_create(*, actor, data: dict) -> Participation:
    with transaction.atomic():
        participation = audited_create(
            actor=actor,
            model=Participation,
            data=data,
            action="participation.created",
            related=[data["person"], data["session"]],
        )
        _attendance_changed((participation.person_id, participation.session_id))
    return participation


def _participation_write(*, actor, participation: Participation, data: dict, action: str) -> dict:
    before = (participation.person_id, participation.session_id)
    with transaction.atomic():
        changes = audited_update(
            actor=actor,
            instance=participation,
            data=data,
            action=action,
            related=[participation.person, participation.session],
        )
        if ATTENDANCE_FIELDS & set(changes):
            _attendance_changed(before, (participation.person_id, participation.session_id))
    return changes


def participation_update(*, actor, participation: Participation, data: dict) -> dict:
    return _participation_write(
        actor=actor, participation=participation, data=data, action="participation.updated"
    )


def participation_set_status(*, actor, participation: Participation, status: str) -> dict:
    return _participation_write(
        actor=actor, participation=participation, data={"status": status}, action=f"participation.{status}"
    )


def with_head_counts(sessions: QuerySet, prefix: str = "") -> QuerySet:
    """Annotate sessions (or, with ``prefix="sessions__"``, editions) with ``present_count``: people
    confirmed or attended, and ``invited_count``: people invited who have not answered yet."""
    participations = f"{prefix}participations"
    return sessions.annotate(
        present_count=Count(
            participations, filter=Q(**{f"{participations}__status__in": PRESENT_STATUSES}), distinct=True
        ),
        invited_count=Count(
            participations,
            filter=Q(**{f"{participations}__status": ParticipationStatus.INVITED}),
            distinct=True,
        ),
    )


@dataclass
class ProgrammeParticipant:
    """Someone who took part in a programme's sessions: in which roles, in which sessions."""

    person: object
    roles: list[str] = field(default_factory=list)
    sessions: list = field(default_factory=list)
    attended: int = 0


def programme_participants(programme) -> list[ProgrammeParticipant]:
    """The people confirmed in, or who attended, a programme's sessions, by name (one query)."""
    rows = (
        Participation.objects.filter(session__programme=programme, status__in=PRESENT_STATUSES)
        .select_related("person__home_hub", "session__hub")
        .order_by("person__family_name", "person__given_name", "person__pk", "session__start_date")
    )
    people: dict[int, ProgrammeParticipant] = {}
    for row in rows:
        entry = people.setdefault(row.person_id, ProgrammeParticipant(person=row.person))
        role = row.get_role_display()
        if role not in entry.roles:
            entry.roles.append(role)
        entry.sessions.append(row.session)
        entry.attended += row.status == ParticipationStatus.ATTENDED
    return list(people.values())
