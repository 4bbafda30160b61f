import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from tissage.network.enums import Season
from tissage.schedule.domain.releases import release_publish

from ..factories import EditionFactory, FestivalFactory, HubFactory, RoomFactory, VenueFactory

LANGUAGES = ["fr", "en", "ru"]


def utc(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def public_url(name: str, language: str = "en", **kwargs) -> str:
    """A public page's address in one interface language (``/fr/…``, ``/en/…``, ``/ru/…``)."""
    with translation.override(language):
        return reverse(f"public:{name}", kwargs=kwargs)


def edition_url(edition, language: str = "en") -> str:
    return public_url("edition", language, festival=edition.festival.slug, edition=edition.slug)


def activity_url(activity, language: str = "en") -> str:
    edition = activity.edition
    return public_url(
        "activity", language, festival=edition.festival.slug, edition=edition.slug, activity=activity.slug
    )


def publish(edition):
    """Publish the edition's timetable as its next release: the public only ever sees releases."""
    return release_publish(actor=None, edition=edition)


def dated_edition(festival, title: str, start: datetime.date, **kwargs):
    """A published edition of four days, titled in English."""
    return EditionFactory(
        festival=festival,
        title={"en": title},
        start_date=start,
        end_date=start + datetime.timedelta(days=3),
        **kwargs,
    )


@pytest.fixture
def narian_mar(db):
    return HubFactory(
        slug="narian-mar",
        name={"en": "Narian-Mar", "fr": "Narian-Mar", "ru": "Нарьян-Мар"},
        country="RU",
        timezone="Europe/Moscow",
        languages=["ru", "yrk"],
        currency="RUB",
        season=Season.SPRING,
    )


@pytest.fixture
def mimi_nor(narian_mar):
    return FestivalFactory(
        slug="mimi-nor",
        name={"en": "Mimi-Nor", "fr": "Mimi-Nor", "ru": "Мими-Нор"},
        hub=narian_mar,
        season=Season.SPRING,
        founded_year=2002,
        tagline={"en": "Music at the edge of the tundra", "fr": "La musique au bord de la toundra"},
    )


@pytest.fixture
def edition(mimi_nor):
    """A published edition in May 2024: Narian-Mar is at UTC+3 all year since 2014."""
    edition = EditionFactory(
        festival=mimi_nor,
        number=3,
        slug="2024",
        title={"en": "Mimi-Nor 2024", "fr": "Mimi-Nor 2024 (fr)", "ru": "Мими-Нор 2024"},
        start_date=datetime.date(2024, 5, 20),
        end_date=datetime.date(2024, 5, 25),
    )
    edition.venues.add(
        VenueFactory(hub=mimi_nor.hub, name={"en": "House of Culture"}, address="Smidovicha 20")
    )
    return edition


@pytest.fixture
def room(edition):
    return RoomFactory(venue=edition.venues.get(), name="Big hall")
