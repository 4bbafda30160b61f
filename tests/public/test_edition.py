import datetime

import pytest

from tissage.activities.domain.activities import activity_update
from tissage.activities.enums import ActivityKind, MemberRole

from ..factories import (
    ActivityFactory,
    ActivityMemberFactory,
    EditionFactory,
    FestivalFactory,
    HubFactory,
    PersonFactory,
    RoomFactory,
    StaffFactory,
)
from .conftest import edition_url, publish, utc
from .html import elements, texts

pytestmark = pytest.mark.django_db

# The page's freshness, its kept copy (looked up, then stored), the edition and its venues, the
# release and who of its people are still public: the same whatever the programme's size.
PAGE_QUERIES = 11


@pytest.mark.parametrize(
    ("language", "title"), [("fr", "Mimi-Nor 2024 (fr)"), ("en", "Mimi-Nor 2024"), ("ru", "Мими-Нор 2024")]
)
def test_edition_page_shows_the_title_in_each_language(client, edition, language, title):
    ActivityFactory(edition=edition, title={"en": "Sound workshop", "fr": "Atelier son", "ru": "Звук"})
    publish(edition)
    response = client.get(edition_url(edition, language))
    assert response.status_code == 200
    assert elements(response, "html")[0].attrs["lang"] == language
    assert texts(response, "h1") == [title]
    assert texts(response, "h4") == [{"en": "Sound workshop", "fr": "Atelier son", "ru": "Звук"}[language]]


def test_edition_page_shows_times_in_the_hubs_time_zone(client, edition, room):
    ActivityFactory(
        edition=edition, room=room, starts_at=utc(2024, 5, 21, 7), ends_at=utc(2024, 5, 21, 9, 30)
    )
    publish(edition)
    response = client.get(edition_url(edition))
    item = elements(response, "li", class_="programme-item")[0]
    assert item.text.startswith("10:00–12:30 Activity")
    assert [(t.attrs["datetime"], t.text) for t in elements(response, "time")][-2:] == [
        ("2024-05-21T10:00:00+03:00", "10:00"),
        ("2024-05-21T12:30:00+03:00", "12:30"),
    ]
    assert texts(response, "p", class_="timezone-note") == ["All times are Narian-Mar time (UTC+3)."]


def test_edition_page_groups_activities_by_local_day_around_midnight(client, edition):
    # 20:30 UTC is 23:30 in Narian-Mar (still the 21st); 21:30 UTC is 00:30 there (already the 22nd).
    ActivityFactory(
        edition=edition, slug="late", starts_at=utc(2024, 5, 21, 20, 30), ends_at=utc(2024, 5, 21, 21)
    )
    ActivityFactory(
        edition=edition, slug="night", starts_at=utc(2024, 5, 21, 21, 30), ends_at=utc(2024, 5, 21, 23)
    )
    ActivityFactory(
        edition=edition, slug="morning", starts_at=utc(2024, 5, 22, 6), ends_at=utc(2024, 5, 22, 8)
    )
    ActivityFactory(edition=edition, slug="unscheduled", starts_at=None, ends_at=None)
    publish(edition)
    response = client.get(edition_url(edition))
    days = [(day.date, [a.slug for a in day.activities]) for day in response.context["days"]]
    assert days == [
        (datetime.date(2024, 5, 21), ["late"]),
        (datetime.date(2024, 5, 22), ["night", "morning"]),
        (None, ["unscheduled"]),
    ]
    assert texts(response, "h3") == [
        "Tuesday, May 21, 2024",
        "Wednesday, May 22, 2024",
        "Time to be announced",
    ]
    index = elements(response, "nav", aria_label="Days of the programme")
    assert len(index) == 1
    assert [
        a.attrs["href"] for a in elements(response, "a") if a.attrs.get("href", "").startswith("#day")
    ] == [
        "#day-2024-05-21",
        "#day-2024-05-22",
        "#day-unscheduled",
    ]
    assert [e.attrs["id"] for e in elements(response, "section", class_="day")] == [
        "day-2024-05-21",
        "day-2024-05-22",
        "day-unscheduled",
    ]


def test_edition_page_names_the_utc_offsets_when_the_clocks_change(client):
    marseille = HubFactory(name={"en": "Marseille"}, timezone="Europe/Paris")
    edition = EditionFactory(
        festival=FestivalFactory(hub=marseille),
        start_date=datetime.date(2024, 10, 25),
        end_date=datetime.date(2024, 10, 28),
    )
    response = client.get(edition_url(edition))
    assert texts(response, "p", class_="timezone-note") == ["All times are Marseille time (UTC+2 / UTC+1)."]


def test_edition_page_uses_the_offset_of_the_editions_year(client, mimi_nor):
    # In 2002 Russia still had summer time: Narian-Mar was at UTC+4 in September.
    edition = EditionFactory(
        festival=mimi_nor, start_date=datetime.date(2002, 9, 2), end_date=datetime.date(2002, 9, 7)
    )
    ActivityFactory(edition=edition, starts_at=utc(2002, 9, 7, 15), ends_at=utc(2002, 9, 7, 20))
    publish(edition)
    response = client.get(edition_url(edition))
    assert texts(response, "p", class_="timezone-note") == ["All times are Narian-Mar time (UTC+4)."]
    assert texts(response, "p", class_="programme-when") == ["19:00–00:00"]


def test_unpublished_edition_is_not_found(client, edition):
    edition.is_published = False
    edition.save()
    response = client.get(edition_url(edition))
    assert response.status_code == 404
    assert texts(response, "h1") == ["Page not found"]


def test_edition_page_leaves_out_non_public_activities_and_other_editions(client, edition):
    ActivityFactory(edition=edition, slug="shown")
    ActivityFactory(edition=edition, slug="rehearsal", is_public=False)
    ActivityFactory(edition=EditionFactory(festival=edition.festival), slug="elsewhere")
    publish(edition)
    response = client.get(edition_url(edition))
    assert [a.slug for day in response.context["days"] for a in day.activities] == ["shown"]


def test_edition_page_links_public_leaders_and_does_not_name_others(client, edition):
    activity = ActivityFactory(edition=edition)
    public = PersonFactory(is_public=True, given_name="Anna", family_name="Talbey")
    ActivityMemberFactory(activity=activity, person=public, role=MemberRole.LEADER)
    ActivityMemberFactory(
        activity=activity,
        person=PersonFactory(given_name="Hidden", family_name="Leader"),
        role=MemberRole.LEADER,
    )
    ActivityMemberFactory(
        activity=activity, person=PersonFactory(is_public=True, given_name="Public", family_name="Member")
    )
    publish(edition)
    response = client.get(edition_url(edition))
    content = response.content.decode()
    led_by = [p for p in texts(response, "p") if p.startswith("Led by")]
    assert led_by == ["Led by Anna Talbey"]
    assert [a.attrs["href"] for a in elements(response, "a") if a.text == "Anna Talbey"] == [
        f"/en/people/{public.slug}/"
    ]
    assert "Hidden" not in content


def test_edition_page_shows_place_and_languages(client, edition, room):
    ActivityFactory(edition=edition, room=room, languages=["ru", "yrk"], interpreting=["fr"])
    publish(edition)
    response = client.get(edition_url(edition))
    item = elements(response, "li", class_="programme-item")[0]
    assert "Crossed workshop · Big hall, House of Culture" in item.text
    assert "Working languages: Russian, Nenets · Interpreting into: French" in item.text
    assert texts(response, "ul", class_="venue-list") == ["House of Culture Smidovicha 20"]


def test_edition_page_filters_by_kind(client, edition):
    ActivityFactory(edition=edition, slug="workshop", kind=ActivityKind.CROSSED_WORKSHOP)
    ActivityFactory(edition=edition, slug="concert", kind=ActivityKind.CONCERT)
    ActivityFactory(edition=edition, slug="meeting", kind=ActivityKind.MEETING)
    publish(edition)
    response = client.get(edition_url(edition), {"kind": ["concert", "meeting"]})
    assert [a.slug for day in response.context["days"] for a in day.activities] == ["concert", "meeting"]
    checkboxes = elements(response, "input", type="checkbox", name="kind")
    assert [(c.attrs["value"], "checked" in c.attrs) for c in checkboxes] == [
        ("crossed_workshop", False),
        ("concert", True),
        ("meeting", True),
    ]
    assert texts(response, "a", href=f"{edition_url(edition)}#programme") == ["Whole programme"]


def test_edition_page_ignores_an_unknown_kind_and_says_so(client, edition):
    ActivityFactory(edition=edition, slug="workshop", kind=ActivityKind.CROSSED_WORKSHOP)
    ActivityFactory(edition=edition, slug="concert", kind=ActivityKind.CONCERT)
    publish(edition)
    response = client.get(edition_url(edition), {"kind": "opera"})
    assert response.status_code == 200
    assert [a.slug for day in response.context["days"] for a in day.activities] == ["workshop", "concert"]
    assert list(response.context["filter_form"].errors) == ["kind"]


def test_edition_page_offers_no_filter_for_a_single_kind(client, edition):
    ActivityFactory.create_batch(2, edition=edition, kind=ActivityKind.CONCERT)
    publish(edition)
    response = client.get(edition_url(edition))
    assert elements(response, "form", class_="filters") == []


def test_edition_page_query_count_does_not_grow_with_the_programme(
    client, edition, django_assert_max_num_queries
):
    def add_activities(count):
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
            ActivityMemberFactory(activity=activity, person=PersonFactory())

    add_activities(2)
    publish(edition)
    with django_assert_max_num_queries(PAGE_QUERIES):
        small = client.get(edition_url(edition), {"kind": "concert"})
    add_activities(30)
    publish(edition)
    with django_assert_max_num_queries(PAGE_QUERIES):
        large = client.get(edition_url(edition), {"kind": "concert"})
    assert small.status_code == large.status_code == 200
    assert len(elements(large, "li", class_="programme-item")) == 16


def test_edition_page_answers_304_until_a_new_release_is_published(client, edition):
    activity = ActivityFactory(edition=edition)
    publish(edition)
    first = client.get(edition_url(edition))
    assert first["Cache-Control"] == "max-age=60"
    assert first.has_header("Last-Modified")
    again = client.get(edition_url(edition), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    # A change to the draft changes nothing the public sees: still 304, until it is published.
    activity_update(actor=StaffFactory(), activity=activity, data={"title": {"en": "Renamed"}})
    assert client.get(edition_url(edition), headers={"If-None-Match": first["ETag"]}).status_code == 304
    publish(edition)
    changed = client.get(edition_url(edition), headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_edition_page_shows_the_latest_release_not_the_draft(client, edition, room):
    activity = ActivityFactory(
        edition=edition,
        title={"en": "Sound workshop"},
        starts_at=utc(2024, 5, 21, 7),
        ends_at=utc(2024, 5, 21, 9),
    )
    assert texts(client.get(edition_url(edition)), "h4") == []
    publish(edition)
    activity.starts_at, activity.ends_at = utc(2024, 5, 22, 7), utc(2024, 5, 22, 9)
    activity.save()
    ActivityFactory(edition=edition, title={"en": "Added in the draft"})
    response = client.get(edition_url(edition))
    assert texts(response, "h4") == ["Sound workshop"]
    assert texts(response, "p", class_="programme-when") == ["10:00–12:00"]
