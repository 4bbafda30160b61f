"""State changes of festivals and editions."""

from django.db.models import Max

from tissage.core.domain.writes import audited_create, audited_update

from ..models import Edition, Festival


def festival_create(*, actor, data: dict) -> Festival:
    return audited_create(actor=actor, model=Festival, data=data, action="festival.created")


def festival_update(*, actor, festival: Festival, data: dict) -> dict:
    return audited_update(actor=actor, instance=festival, data=data, action="festival.updated")


def next_edition_number(festival: Festival) -> int:
    return (festival.editions.aggregate(n=Max("number"))["n"] or 0) + 1


def edition_create(*, actor, data: dict) -> Edition:
    """Create an edition; its number and slug default to the next number and the year."""
    data = dict(data)
    festival = data["festival"]
    data.setdefault("number", next_edition_number(festival))
    if not data.get("slug"):
        data["slug"] = str(data["start_date"].year)
    return audited_create(actor=actor, model=Edition, data=data, action="edition.created")


def edition_update(*, actor, edition: Edition, data: dict) -> dict:
    return audited_update(actor=actor, instance=edition, data=data, action="edition.updated")


def edition_publish(*, actor, edition: Edition, published: bool = True) -> dict:
    action = "edition.published" if published else "edition.unpublished"
    return audited_update(actor=actor, instance=edition, data={"is_published": published}, action=action)
