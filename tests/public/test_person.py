import datetime

import pytest

from tissage.activities.enums import MemberRole

from ..factories import (
    ActivityFactory,
    ActivityMemberFactory,
    EditionFactory,
    FestivalFactory,
    HubFactory,
    PersonFactory,
)
from .conftest import public_url, publish, utc
from .html import elements, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def singer(narian_mar):
    return PersonFactory(
        slug="anna-talbey",
        given_name="Anna",
        family_name="Talbey",
        native_name="Анна Талбей",
        home_hub=narian_mar,
        bio={"en": "Nenets singer.", "fr": "Chanteuse nénètse.", "ru": "Ненецкая певица."},
        is_public=True,
    )


@pytest.mark.parametrize(
    ("language", "bio", "home"),
    [
        ("fr", "Chanteuse nénètse.", "Narian-Mar, Russie"),
        ("en", "Nenets singer.", "Narian-Mar, Russia"),
        ("ru", "Ненецкая певица.", "Нарьян-Мар, Россия"),
    ],
)
def test_person_page_shows_the_profile_in_each_language(client, singer, language, bio, home):
    response = client.get(public_url("person", language, person=singer.slug))
    assert response.status_code == 200
    assert elements(response, "html")[0].attrs["lang"] == language
    assert texts(response, "h1") == ["Anna Talbey"]
    assert texts(response, "p", class_="lead") == ["Анна Талбей"]
    assert bio in texts(response, "p")
    assert texts(response, "dd") == [home]


def test_non_public_person_is_not_found(client, singer):
    singer.is_public = False
    singer.save()
    assert client.get(public_url("person", person=singer.slug)).status_code == 404


def test_person_page_lists_public_activities_by_edition_latest_first_in_each_hubs_time(
    client, singer, edition
):
    marseille = HubFactory(name={"en": "Marseille"}, timezone="Europe/Paris")
    mimi = EditionFactory(
        festival=FestivalFactory(hub=marseille, name={"en": "Mimi"}),
        title={"en": "Mimi 2025"},
        start_date=datetime.date(2025, 7, 24),
        end_date=datetime.date(2025, 7, 27),
    )
    concert = ActivityFactory(
        edition=mimi,
        title={"en": "Closing concert"},
        starts_at=utc(2025, 7, 27, 19),
        ends_at=utc(2025, 7, 27, 21),
    )
    workshop = ActivityFactory(
        edition=edition,
        title={"en": "Voice workshop"},
        starts_at=utc(2024, 5, 21, 7),
        ends_at=utc(2024, 5, 21, 9),
    )
    hidden = ActivityFactory(edition=edition, title={"en": "Closed rehearsal"}, is_public=False)
    draft = ActivityFactory(edition=EditionFactory(is_published=False), title={"en": "Draft"})
    for activity in (concert, workshop, hidden, draft):
        ActivityMemberFactory(activity=activity, person=singer, role=MemberRole.LEADER)

    for published in (mimi, edition, draft.edition):
        publish(published)
    response = client.get(public_url("person", person=singer.slug))
    assert texts(response, "h3") == ["Mimi 2025", "Mimi-Nor 2024"]
    assert texts(response, "h4") == ["Closing concert", "Voice workshop"]
    assert texts(response, "p", class_="programme-when") == [
        "Sunday, July 27, 2025 21:00–23:00",
        "Tuesday, May 21, 2024 10:00–12:00",
    ]


def test_person_page_query_count_does_not_grow_with_activities(
    client, singer, edition, django_assert_max_num_queries
):
    def add_activities(count):
        for _ in range(count):
            other = EditionFactory(festival=edition.festival)
            ActivityMemberFactory(activity=ActivityFactory(edition=other), person=singer)
            publish(other)

    add_activities(2)
    with django_assert_max_num_queries(3):
        small = client.get(public_url("person", person=singer.slug))
    add_activities(20)
    with django_assert_max_num_queries(3):
        large = client.get(public_url("person", person=singer.slug))
    assert small.status_code == large.status_code == 200
    assert len(elements(large, "li", class_="programme-item")) == 22


def test_person_page_answers_304_until_their_profile_or_a_release_changes(client, singer, edition):
    ActivityMemberFactory(activity=ActivityFactory(edition=edition), person=singer)
    publish(edition)
    url = public_url("person", person=singer.slug)
    first = client.get(url)
    assert (first.status_code, first["Cache-Control"]) == (200, "max-age=60")
    assert first.has_header("Last-Modified")
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304

    ActivityMemberFactory(activity=ActivityFactory(edition=edition, title={"en": "Encore"}), person=singer)
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304  # a draft
    publish(edition)
    released = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert released.status_code == 200
    assert "Encore" in texts(released, "h4")

    # A withdrawn profile is gone at once, whatever the reader holds.
    singer.is_public = False
    singer.save()
    assert client.get(url, headers={"If-None-Match": released["ETag"]}).status_code == 404
