"""State changes of festivals and editions."""

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.translation import gettext as _

from tissage.core.domain.writes import audited_create, audited_update

from ..models import Edition, Festival
from .texts import plain_text


def festival_create(*, actor, data: dict) -> Festival:
    return audited_create(actor=actor, model=Festival, data=data, action="festival.created")


def festival_update(*, actor, festival: Festival, data: dict) -> dict:
    return audited_update(actor=actor, instance=festival, data=data, action="festival.updated")


def next_edition_number(festival: Festival) -> int:
    return (festival.editions.aggregate(n=Max("number"))["n"] or 0) + 1


def _validate_venues(festival: Festival | None, venues) -> None:
    """An edition takes place in venues of its festival's hub."""
    if festival is None:
        return
    elsewhere = sorted(plain_text(venue.name) for venue in venues if venue.hub_id != festival.hub_id)
    if elsewhere:
        raise ValidationError(
            {
                "venues": _("These venues are not at the festival's hub: %(venues)s.")
                % {"venues": ", ".join(elsewhere)}
            }
        )


def edition_create(*, actor, data: dict) -> Edition:
    """Create an edition; its number and slug default to the next number and the year."""
    data = dict(data)
    festival = data["festival"]
    _validate_venues(festival, data.get("venues", []))
    if not data.get("number"):
        data["number"] = next_edition_number(festival)
    if not data.get("slug") and data.get("start_date"):
        data["slug"] = str(data["start_date"].year)
    return audited_create(actor=actor, model=Edition, data=data, action="edition.created", related=[festival])


def edition_update(*, actor, edition: Edition, data: dict) -> dict:
    if "venues" in data or "festival" in data:
        _validate_venues(data.get("festival", edition.festival), data.get("venues", edition.venues.all()))
    return audited_update(
        actor=actor, instance=edition, data=data, action="edition.updated", related=[edition.festival]
    )


def edition_publish(*, actor, edition: Edition, published: bool = True) -> dict:
    action = "edition.published" if published else "edition.unpublished"
    return audited_update(actor=actor, instance=edition, data={"is_published": published}, action=action)
