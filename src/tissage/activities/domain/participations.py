"""State changes of participations (a person in a session), and the head counts drawn from them."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from tissage.core.domain.writes import audited_create, audited_update

from ..enums import PRESENT_STATUSES, ParticipationStatus
from ..models import Participation


def participation_create(*, actor, data: dict) -> Participation:
    return audited_create(
        actor=actor,
        model=Participation,
        data=data,
        action="participation.created",
        related=[data["person"], data["session"]],
    )


def participation_update(*, actor, participation: Participation, data: dict) -> dict:
    return audited_update(
        actor=actor,
        instance=participation,
        data=data,
        action="participation.updated",
        related=[participation.person, participation.session],
    )


def participation_set_status(*, actor, participation: Participation, status: str) -> dict:
    return audited_update(
        actor=actor,
        instance=participation,
        data={"status": status},
        action=f"participation.{status}",
        related=[participation.person, participation.session],
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
