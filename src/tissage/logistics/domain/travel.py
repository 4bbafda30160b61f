"""State changes of travel legs."""

from tissage.core.domain.writes import audited_create, audited_delete, audited_update

from ..models import TravelLeg
from .common import concerning


def travel_leg_create(*, actor, data: dict) -> TravelLeg:
    return audited_create(
        actor=actor,
        model=TravelLeg,
        data=data,
        action="travel_leg.created",
        related=concerning(data["participation"]),
    )


def travel_leg_update(*, actor, leg: TravelLeg, data: dict) -> dict:
    return audited_update(
        actor=actor,
        instance=leg,
        data=data,
        action="travel_leg.updated",
        related=concerning(leg.participation),
    )


def travel_leg_delete(*, actor, leg: TravelLeg) -> None:
    audited_delete(
        actor=actor, instance=leg, action="travel_leg.deleted", related=concerning(leg.participation)
    )
