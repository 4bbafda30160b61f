import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tissage.activities.models import Activity
from tissage.core.models import AuditEntry, Job
from tissage.network.models import Room
from tissage.schedule.tasks import JOB_KIND

from ..factories import PersonFactory, StaffFactory
from ..public.html import elements, texts
from ..schedule.conftest import edition, hall, leader, local, placed, studio, unplaced  # noqa: F401
from .access import anonymous_outcomes, sent_to_login, statuses

pytestmark = pytest.mark.django_db

GRID_QUERIES = 17


def timetable_urls(edition, activity, room) -> list[str]:
    return [
        reverse("orga:timetable", args=[edition.pk]),
        reverse("orga:timetable-place", args=[activity.pk]),
        reverse("orga:timetable-needs", args=[activity.pk]),
        reverse("orga:timetable-room", args=[room.pk]),
    ]


def action_urls(edition, activity) -> list[str]:
    return [
        reverse("orga:timetable-solve", args=[edition.pk]),
        reverse("orga:timetable-unschedule", args=[activity.pk]),
        reverse("orga:timetable-pin", args=[activity.pk]),
    ]


def test_timetable_pages_send_anonymous_visitors_to_login(client, edition, hall):
    activity = placed(edition, hall, 3, 10)
    urls = timetable_urls(edition, activity, hall)
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)
    actions = action_urls(edition, activity)
    assert anonymous_outcomes(client, actions, "post") == sent_to_login(actions)


def test_timetable_pages_refuse_non_staff(member_client, edition, hall):
    activity = placed(edition, hall, 3, 10)
    urls = timetable_urls(edition, activity, hall)
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    actions = action_urls(edition, activity)
    assert statuses(member_client, actions, "post") == dict.fromkeys(actions, 403)


def test_timetable_shows_days_rooms_conflicts_and_what_is_left_to_place(
    staff_client, edition, hall, studio, leader
):
    placed(edition, hall, 3, 10, people=[leader], title={"en": "Sound workshop"})
    placed(edition, studio, 3, 11, people=[leader], title={"en": "Mixing"})
    unplaced(edition, 90, title={"en": "Stage management"})
    response = staff_client.get(reverse("orga:timetable", args=[edition.pk]))
    assert response.status_code == 200
    assert texts(response, "h1") == ["Timetable of Mimi-Nor 2002"]
    assert [th.text for th in elements(response, "th", scope="col")][:3] == ["Room", "Mon 2 Sep", "Tue 3 Sep"]
    assert [th.text.split(" House")[0] for th in elements(response, "th", scope="row")] == [
        "Big hall",
        "Studio",
    ]
    assert texts(response, "ul", class_="conflict-list") == [
        "Someone in two places: Marius Giordano cannot be at “Sound workshop” and “Mixing” at once. "
        "Sound workshop · Mixing"
    ]
    # The activities still to place are a list beside the grid, in their own landmark.
    side = elements(response, "aside", aria_labelledby="unscheduled-heading")[0]
    assert side.text.startswith("Still to place 1 90 minutes Stage management")
    assert "10:00–12:00 Sound workshop" in elements(response, "td", data_day="2002-09-03")[0].text


def test_timetable_query_count_does_not_grow_with_the_programme(
    staff_client, edition, hall, django_assert_max_num_queries
):
    def add(count):
        for n in range(count):
            placed(edition, hall, 2 + n % 5, 8 + n % 14, people=PersonFactory.create_batch(2))
            unplaced(edition, 60, people=PersonFactory.create_batch(1))

    url = reverse("orga:timetable", args=[edition.pk])
    add(2)
    with django_assert_max_num_queries(GRID_QUERIES):
        small = staff_client.get(url)
    add(20)
    with django_assert_max_num_queries(GRID_QUERIES):
        large = staff_client.get(url)
    assert small.status_code == large.status_code == 200


def test_place_form_moves_an_activity_in_hub_time_and_audits_it(staff_client, edition, hall, studio):
    activity = unplaced(edition, 90)
    url = reverse("orga:timetable-place", args=[activity.pk])
    page = staff_client.get(url)
    assert page.status_code == 200
    assert [
        o.attrs["value"] for o in elements(page, "option") if o.attrs.get("value", "").startswith("2002")
    ] == [f"2002-09-0{day}" for day in range(2, 8)]
    response = staff_client.post(url, {"day": "2002-09-04", "start": "14:30", "room": studio.pk})
    assert response.status_code == 302
    assert response["Location"] == f"/orga/editions/{edition.pk}/timetable/#activity-{activity.pk}"
    activity.refresh_from_db()
    assert (activity.starts_at, activity.ends_at, activity.room) == (local(4, 14, 30), local(4, 16), studio)
    assert AuditEntry.objects.for_object(activity).first().action == "activity.updated"


def test_place_form_shows_errors_and_writes_nothing(staff_client, edition, hall):
    activity = unplaced(edition, 90)
    before = AuditEntry.objects.count()
    response = staff_client.post(
        reverse("orga:timetable-place", args=[activity.pk]), {"day": "2002-10-01", "start": "25:00"}
    )
    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == ["day", "start"]
    activity.refresh_from_db()
    assert (activity.starts_at, AuditEntry.objects.count()) == (None, before)


def test_place_form_alone_for_htmx(staff_client, edition, hall):
    activity = placed(edition, hall, 3, 10)
    response = staff_client.get(
        reverse("orga:timetable-place", args=[activity.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert elements(response, "html") == []
    assert [i.attrs["value"] for i in elements(response, "input", name="start")] == ["10:00"]


def test_unschedule_and_pin_buttons(staff_client, edition, hall):
    activity = placed(edition, hall, 3, 10)
    staff_client.post(reverse("orga:timetable-pin", args=[activity.pk]), {"pinned": "1"})
    activity.refresh_from_db()
    assert activity.is_pinned is True
    response = staff_client.post(reverse("orga:timetable-unschedule", args=[activity.pk]))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.starts_at, activity.duration_minutes) == (None, 120)


def test_needs_and_room_rules_forms(staff_client, edition, hall):
    activity = unplaced(edition, 90)
    response = staff_client.post(
        reverse("orga:timetable-needs", args=[activity.pk]),
        {"duration_minutes": 45, "expected_attendance": 30, "required_equipment": "piano", "is_pinned": ""},
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.duration_minutes, activity.expected_attendance, activity.equipment_items) == (
        45,
        30,
        ["piano"],
    )
    url = reverse("orga:timetable-room", args=[hall.pk])
    refused = staff_client.post(url, {"capacity": 200, "changeover_minutes": 30, "opens_at": "10:00"})
    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors() == [
        "Give both the opening time and the curfew, or neither; they cannot be equal."
    ]
    accepted = staff_client.post(
        f"{url}?next=/orga/editions/{edition.pk}/timetable/",
        {"capacity": 200, "changeover_minutes": 30, "opens_at": "10:00", "closes_at": "01:00"},
    )
    assert accepted["Location"] == f"/orga/editions/{edition.pk}/timetable/"
    hall = Room.objects.get(pk=hall.pk)
    assert (hall.changeover_minutes, hall.opens_at, hall.closes_at) == (
        30,
        datetime.time(10),
        datetime.time(1),
    )


def test_solve_starts_a_job_and_the_timetable_shows_its_outcome(staff_client, edition, hall, leader):
    unplaced(edition, 60, people=[leader])
    response = staff_client.post(reverse("orga:timetable-solve", args=[edition.pk]), {"time_limit": 10})
    job = Job.objects.get(kind=JOB_KIND)
    assert response["Location"] == reverse("orga:job-detail", args=[job.pk])
    assert not Activity.objects.filter(starts_at__isnull=True).exists()
    page = staff_client.get(reverse("orga:timetable", args=[edition.pk]))
    assert "1 activity placed" in elements(page, "div", class_="job-result")[0].text


def test_timetable_offers_the_draft_as_files_through_the_exporter_registry(staff_client, edition, hall):
    placed(edition, hall, 3, 10, title={"en": "Sound workshop"}, is_public=False)
    page = staff_client.get(reverse("orga:timetable", args=[edition.pk]))
    links = [
        a.attrs["href"] for a in elements(page, "a") if a.attrs.get("href", "").startswith("/orga/export/")
    ]
    assert f"/orga/export/?exporter=schedule.ics&edition={edition.pk}&draft=1" in links
    calendar = staff_client.get(f"/orga/export/?exporter=schedule.ics&edition={edition.pk}&draft=1")
    assert calendar.status_code == 200
    assert b"SUMMARY:Sound workshop" in b"".join(calendar.streaming_content)
    refused = staff_client.get(f"/orga/export/?exporter=schedule.ics&edition={edition.pk}")
    assert refused.status_code == 400
    assert refused.content.decode() == "edition: This edition has no published release yet; ask for draft=1."


def test_two_staff_moving_one_activity_the_second_is_told_and_moves_nothing(edition, hall, studio):
    activity = unplaced(edition, 90)
    url = reverse("orga:timetable-place", args=[activity.pk])
    first, second = Client(), Client()
    first.force_login(StaffFactory(username="mathilde"))
    second.force_login(StaffFactory(username="ines"))
    seen = [client.get(url).context["seen_version"] for client in (first, second)]
    moved = first.post(
        url, {"day": "2002-09-04", "start": "14:30", "room": studio.pk, "seen_version": seen[0]}
    )
    assert moved.status_code == 302
    late = second.post(url, {"day": "2002-09-05", "start": "10:00", "room": hall.pk, "seen_version": seen[1]})
    assert late.status_code == 200
    assert "mathilde saved this page at" in " ".join(texts(late, "li"))
    activity.refresh_from_db()
    assert (activity.starts_at, activity.room) == (local(4, 14, 30), studio)
