import datetime
from zoneinfo import ZoneInfo

import pytest

from tissage.activities.enums import ActivityKind, MemberRole

from ..factories import (
    ActivityFactory,
    ActivityMemberFactory,
    EditionFactory,
    HubFactory,
    PersonFactory,
    RoomFactory,
    VenueFactory,
)

MOSCOW = ZoneInfo("Europe/Moscow")


def local(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """``hour:minute`` on September ``day``, 2002, in Narian-Mar (UTC+4 that year)."""
    return datetime.datetime(2002, 9, day, hour, minute, tzinfo=MOSCOW)


@pytest.fixture
def edition(db):
    """Mimi-Nor's first edition: 2–7 September 2002 in Narian-Mar, at the House of Culture."""
    hub = HubFactory(slug="narian-mar", name={"en": "Narian-Mar"}, timezone="Europe/Moscow")
    venue = VenueFactory(hub=hub, slug="house-of-culture", name={"en": "House of Culture"})
    edition = EditionFactory(
        festival__hub=hub,
        festival__slug="mimi-nor",
        festival__name={"en": "Mimi-Nor"},
        slug="2002",
        title={"en": "Mimi-Nor 2002"},
        start_date=datetime.date(2002, 9, 2),
        end_date=datetime.date(2002, 9, 7),
    )
    edition.venues.add(venue)
    edition.refresh_from_db()  # its texts as the database gives them back
    return edition


@pytest.fixture
def hall(edition):
    return RoomFactory(
        venue=edition.venues.get(), name="Big hall", capacity=200, equipment="sound system\npiano"
    )


@pytest.fixture
def studio(edition):
    return RoomFactory(venue=edition.venues.get(), name="Studio", capacity=8, equipment="mixing desk")


@pytest.fixture
def leader(db):
    return PersonFactory(given_name="Marius", family_name="Giordano", slug="marius-giordano", is_public=True)


def placed(edition, room, day, hour, hours=2, people=(), **kwargs):
    """An activity of ``edition`` at ``hour`` on September ``day`` for ``hours``, with ``people`` as members
    (the first as its leader)."""
    activity = ActivityFactory(
        edition=edition,
        room=room,
        starts_at=local(day, hour),
        ends_at=local(day, hour) + datetime.timedelta(hours=hours),
        kind=kwargs.pop("kind", ActivityKind.CROSSED_WORKSHOP),
        **kwargs,
    )
    for n, person in enumerate(people):
        ActivityMemberFactory(
            activity=activity, person=person, role=MemberRole.LEADER if n == 0 else MemberRole.MEMBER
        )
    return activity


def unplaced(edition, minutes=120, people=(), **kwargs):
    activity = ActivityFactory(
        edition=edition, starts_at=None, ends_at=None, duration_minutes=minutes, **kwargs
    )
    for n, person in enumerate(people):
        ActivityMemberFactory(
            activity=activity, person=person, role=MemberRole.LEADER if n == 0 else MemberRole.MEMBER
        )
    return activity
