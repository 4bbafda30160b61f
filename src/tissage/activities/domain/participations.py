"""State changes of participations: a person in a session."""

from tissage.core.domain.writes import audited_create, audited_update

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
