"""State changes of hubs, venues and rooms."""

from tissage.core.domain.slugs import unique_slug
from tissage.core.domain.writes import audited_create, audited_delete, audited_update

from ..models import Hub, Room, Venue
from .texts import plain_text


def hub_create(*, actor, data: dict) -> Hub:
    return audited_create(actor=actor, model=Hub, data=data, action="hub.created")


def hub_update(*, actor, hub: Hub, data: dict) -> dict:
    return audited_update(actor=actor, instance=hub, data=data, action="hub.updated")


def venue_create(*, actor, data: dict) -> Venue:
    """Create a venue; its short name defaults to one made from its name, unique at its hub."""
    data = dict(data)
    if not data.get("slug") and data.get("hub") is not None:
        siblings = Venue.objects.filter(hub=data["hub"])
        data["slug"] = unique_slug(siblings, plain_text(data.get("name")), fallback="venue")
    return audited_create(
        actor=actor, model=Venue, data=data, action="venue.created", related=[data.get("hub")]
    )


def venue_update(*, actor, venue: Venue, data: dict) -> dict:
    return audited_update(actor=actor, instance=venue, data=data, action="venue.updated")


def room_create(*, actor, data: dict) -> Room:
    return audited_create(actor=actor, model=Room, data=data, action="room.created", related=[data["venue"]])


def room_update(*, actor, room: Room, data: dict) -> dict:
    return audited_update(actor=actor, instance=room, data=data, action="room.updated", related=[room.venue])


def room_delete(*, actor, room: Room) -> None:
    audited_delete(actor=actor, instance=room, action="room.deleted", related=[room.venue])
