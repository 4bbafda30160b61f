"""The views of an edition's programme beyond the day-by-day page: by room, by person, by kind, the
embeddable widget and the files (iCal, Frab XML, JSON, spreadsheets, PDF, offline HTML)."""

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from tissage.activities.enums import ActivityKind, MemberRole
from tissage.public.views.caching import PROCESS_COPIES

from ..factories import ActivityFactory, ActivityMemberFactory, PersonFactory, RoomFactory
from .conftest import publish, utc
from .html import elements, texts

pytestmark = pytest.mark.django_db

PAGE_QUERIES = 11
VIEWS = ["edition", "edition-rooms", "edition-people", "edition-kinds", "edition-widget"]
FILES = ["schedule.ics", "schedule.xml", "schedule.json", "programme.csv", "programme.xlsx", "programme.html"]


def url(name: str, edition, language: str = "en", query: str = "", **kwargs) -> str:
    with translation.override(language):
        path = reverse(
            f"public:{name}", kwargs={"festival": edition.festival.slug, "edition": edition.slug, **kwargs}
        )
    return path + query


def file_url(edition, identifier: str, query: str = "") -> str:
    return url("edition-export", edition, query=query, exporter=identifier)


@pytest.fixture
def programme(edition, room):
    """Two rooms, two people with public profiles, three kinds of activity; published."""
    studio = RoomFactory(venue=edition.venues.get(), name="Studio")
    anna = PersonFactory(is_public=True, given_name="Anna", family_name="Talbey", slug="anna-talbey")
    ivan = PersonFactory(is_public=True, given_name="Ivan", family_name="Taleev", slug="ivan-taleev")
    concert = ActivityFactory(
        edition=edition,
        room=room,
        kind=ActivityKind.CONCERT,
        title={"en": "Closing concert", "fr": "Concert de clôture"},
        starts_at=utc(2024, 5, 24, 17),
        ends_at=utc(2024, 5, 24, 19),
    )
    workshop = ActivityFactory(
        edition=edition,
        room=studio,
        title={"en": "Throat singing"},
        starts_at=utc(2024, 5, 21, 7),
        ends_at=utc(2024, 5, 21, 10),
    )
    ActivityFactory(
        edition=edition,
        room=studio,
        kind=ActivityKind.TRAINING,
        title={"en": "Stage management"},
        starts_at=utc(2024, 5, 22, 7),
        ends_at=utc(2024, 5, 22, 10),
    )
    ActivityMemberFactory(activity=concert, person=anna, role=MemberRole.LEADER)
    ActivityMemberFactory(activity=workshop, person=anna, role=MemberRole.LEADER)
    ActivityMemberFactory(activity=workshop, person=ivan)
    publish(edition)
    return {"studio": studio, "anna": anna, "concert": concert}


def test_programme_by_room_lists_each_room_with_its_calendar(client, edition, programme):
    response = client.get(url("edition-rooms", edition))
    assert response.status_code == 200
    assert texts(response, "h2") == ["Big hall · House of Culture", "Studio · House of Culture"]
    assert texts(response, "h4") == ["Closing concert", "Throat singing", "Stage management"]
    studio = programme["studio"].pk
    assert [a.attrs["href"] for a in elements(response, "a") if a.text == "Subscribe to Studio"] == [
        f"webcal://testserver{file_url(edition, 'schedule.ics', f'?room={studio}')}"
    ]


def test_programme_by_person_names_only_public_profiles(client, edition, programme):
    ActivityMemberFactory(activity=programme["concert"], person=PersonFactory(given_name="Hidden"))
    publish(edition)
    response = client.get(url("edition-people", edition))
    assert texts(response, "h2") == ["Anna Talbey", "Ivan Taleev"]
    assert "Hidden" not in response.content.decode()
    anna = [
        a.attrs["href"]
        for a in elements(response, "a")
        if a.text.startswith("Subscribe to the activities of Anna")
    ]
    assert anna == [f"webcal://testserver{file_url(edition, 'schedule.ics', '?person=anna-talbey')}"]


def test_programme_by_kind_in_french(client, edition, programme):
    response = client.get(url("edition-kinds", edition, "fr"))
    assert [h.split(" ")[0] for h in texts(response, "h2")] == ["Atelier", "Stage", "Concert"]
    assert "Concert de clôture" in texts(response, "h4")


def test_every_view_has_one_h1_tabs_and_reads_without_javascript(client, edition, programme):
    for name in VIEWS[:4]:
        response = client.get(url(name, edition))
        assert len(texts(response, "h1")) == 1, name
        assert elements(response, "script") == [], name
        current = [a.text for a in elements(response, "a") if a.attrs.get("aria-current") == "page"]
        assert current in (["By day"], ["By room"], ["By person"], ["By kind"]), name


def test_edition_page_offers_subscription_files_and_the_embed_code(client, edition, programme):
    response = client.get(url("edition", edition, "fr"))
    subscribe = elements(response, "a", class_="button")
    assert [a.attrs["href"] for a in subscribe if a.attrs["href"].startswith("webcal:")] == [
        f"webcal://testserver{url('edition-export', edition, 'fr', exporter='schedule.ics')}"
    ]
    links = [a.attrs.get("href", "") for a in elements(response, "a")]
    files = {
        link.rsplit("/", 1)[1]
        for link in links
        if link.startswith("http://testserver/fr/") and "/files/" in link
    }
    assert files == {*FILES, "programme.pdf"}
    embed = elements(response, "textarea", id="embed-code")[0].text
    assert embed.startswith('<iframe src="http://testserver/fr/festivals/mimi-nor/2024/programme/widget/"')


def test_widget_can_be_framed_and_has_no_site_chrome(client, edition, programme):
    response = client.get(url("edition-widget", edition, query="?day=2024-05-21"))
    assert response.status_code == 200
    assert not response.has_header("X-Frame-Options")
    assert elements(response, "header") == elements(response, "nav") == []
    assert texts(response, "h4") == ["Throat singing"]
    assert elements(response, "base")[0].attrs["target"] == "_top"
    assert client.get(url("edition", edition))["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("identifier", FILES)
def test_every_file_of_the_public_programme_downloads_with_cache_headers(
    client, edition, programme, identifier
):
    response = client.get(file_url(edition, identifier))
    assert response.status_code == 200
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    assert response["Content-Disposition"].endswith(f'filename="mimi-nor-2024.{identifier.split(".")[1]}"')
    again = client.get(file_url(edition, identifier), headers={"If-None-Match": response["ETag"]})
    assert (again.status_code, again.content) == (304, b"")


def test_public_files_leave_out_the_draft_and_unknown_ones_are_not_found(client, edition, programme):
    ActivityFactory(
        edition=edition,
        title={"en": "Draft only"},
        starts_at=utc(2024, 5, 23, 7),
        ends_at=utc(2024, 5, 23, 8),
    )
    ActivityFactory(edition=edition, title={"en": "Closed rehearsal"}, is_public=False)
    calendar = Calendar.from_ical(client.get(file_url(edition, "schedule.ics")).content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [
        "Throat singing",
        "Stage management",
        "Closing concert",
    ]
    assert client.get(file_url(edition, "nothing.txt")).status_code == 404
    assert client.get(file_url(edition, "schedule.ics", "?room=999999")).status_code == 404
    assert client.get(file_url(edition, "schedule.ics", "?person=nobody")).status_code == 404


def test_person_calendar_holds_only_their_activities(client, edition, programme):
    response = client.get(file_url(edition, "schedule.ics", "?person=anna-talbey"))
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Throat singing", "Closing concert"]
    assert response["Content-Disposition"] == 'inline; filename="mimi-nor-2024-anna-talbey.ics"'


def test_an_edition_without_release_shows_no_programme(client, edition, room):
    ActivityFactory(edition=edition, title={"en": "Not yet public"})
    for name in VIEWS:
        response = client.get(url(name, edition))
        assert response.status_code == 200
        assert "Not yet public" not in response.content.decode()
    assert Calendar.from_ical(client.get(file_url(edition, "schedule.ics")).content).walk("VEVENT") == []


def test_pages_of_an_unpublished_edition_are_not_found(client, edition, programme):
    edition.is_published = False
    edition.save()
    for name in VIEWS:
        assert client.get(url(name, edition)).status_code == 404
    assert client.get(file_url(edition, "schedule.ics")).status_code == 404


@pytest.mark.parametrize("name", VIEWS)
def test_every_view_answers_304_and_is_kept_for_the_next_reader(
    client, edition, programme, name, django_assert_max_num_queries
):
    first = client.get(url(name, edition))
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    assert client.get(url(name, edition), headers={"If-None-Match": first["ETag"]}).status_code == 304
    # Another reader without the page: the freshness, and the copy this process kept in memory.
    with django_assert_max_num_queries(1):
        again = client.get(url(name, edition))
    assert again.content == first.content
    # One served by another process: the freshness and the shared copy, nothing else.
    PROCESS_COPIES.clear()
    with django_assert_max_num_queries(2):
        elsewhere = client.get(url(name, edition))
    assert elsewhere.content == first.content


@pytest.mark.parametrize("name", VIEWS)
def test_every_view_query_count_does_not_grow_with_the_programme(
    client, edition, room, name, django_assert_max_num_queries
):
    def add(count):
        for n in range(count):
            activity = ActivityFactory(
                edition=edition,
                room=RoomFactory(venue=edition.venues.get()),
                kind=ActivityKind.CONCERT if n % 2 else ActivityKind.TRAINING,
                starts_at=utc(2024, 5, 20 + n % 5, 6 + n % 12),
                ends_at=utc(2024, 5, 20 + n % 5, 19),
            )
            ActivityMemberFactory(
                activity=activity, person=PersonFactory(is_public=True), role=MemberRole.LEADER
            )
        publish(edition)

    add(2)
    with django_assert_max_num_queries(PAGE_QUERIES):
        small = client.get(url(name, edition))
    add(40)
    with django_assert_max_num_queries(PAGE_QUERIES):
        large = client.get(url(name, edition))
    assert small.status_code == large.status_code == 200
    # Every view shows each scheduled activity with its time, whatever its layout.
    assert len(elements(large, "time")) > len(elements(small, "time"))
