"""The timetable in a real browser: a move that puts a leader in two places shows the conflict, the
automatic timetabling clears it, a release publishes it, and the public reads it in French with a
calendar to subscribe to."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tissage.activities.enums import ActivityKind, MemberRole

from ..factories import (
    ActivityFactory,
    ActivityMemberFactory,
    EditionFactory,
    HubFactory,
    PersonFactory,
    RoomFactory,
    StaffFactory,
    VenueFactory,
)
from .conftest import screenshot

PASSWORD = "correct horse battery staple"
PARIS = datetime.timezone(datetime.timedelta(hours=2))


@pytest.fixture
def festival(transactional_db):
    hub = HubFactory(slug="marseille", name={"en": "Marseille", "fr": "Marseille"}, timezone="Europe/Paris")
    venue = VenueFactory(hub=hub, slug="caroline", name={"en": "Hôpital Caroline", "fr": "Hôpital Caroline"})
    edition = EditionFactory(
        festival__hub=hub,
        festival__slug="mimi",
        festival__name={"en": "Mimi", "fr": "Mimi"},
        slug="2006",
        title={"en": "Mimi 2006", "fr": "Mimi 2006"},
        start_date=datetime.date(2006, 7, 27),
        end_date=datetime.date(2006, 7, 30),
    )
    edition.venues.add(venue)
    chapel = RoomFactory(venue=venue, name="Chapel", capacity=150)
    RoomFactory(venue=venue, name="Courtyard", capacity=300)
    leader = PersonFactory(given_name="Marius", family_name="Giordano", is_public=True)

    def activity(title, hour, kind=ActivityKind.CROSSED_WORKSHOP):
        starts = datetime.datetime(2006, 7, 28, hour, tzinfo=PARIS)
        made = ActivityFactory(
            edition=edition,
            room=chapel,
            kind=kind,
            title={"en": title, "fr": title},
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
        )
        ActivityMemberFactory(activity=made, person=leader, role=MemberRole.LEADER)
        return made

    activity("Percussion workshop", 10)
    activity("Voice workshop", 15)
    # Still to place: the automatic timetabling finds it an evening.
    concert = ActivityFactory(
        edition=edition,
        kind=ActivityKind.CONCERT,
        title={"en": "Night concert", "fr": "Concert de nuit"},
        starts_at=None,
        ends_at=None,
        duration_minutes=120,
    )
    ActivityMemberFactory(activity=concert, person=leader, role=MemberRole.LEADER)
    StaffFactory(username="ines", is_superuser=True)
    return edition


def test_timetable_move_conflict_solve_publish_and_read_in_french(live_server, page, festival):
    page.goto(live_server.url + reverse("orga:login"))
    page.get_by_label("Username").fill("ines")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/orga/$"))

    # Move the voice workshop onto the percussion workshop's slot, with the keyboard-friendly form.
    page.goto(live_server.url + reverse("orga:timetable", args=[festival.pk]))
    assert page.get_by_role("heading", level=1).inner_text() == "Timetable of Mimi 2006"
    to_place = page.get_by_role("complementary", name=re.compile("^Still to place"))
    assert to_place.locator("li.timetable-item a").first.inner_text() == "Night concert"
    voice = page.locator("li.timetable-item", has_text="Voice workshop")
    voice.get_by_text("Move").first.click()
    form = voice.locator("form")
    form.get_by_label("Day").select_option("2006-07-28")
    form.get_by_label("Starts at").fill("10:00")
    form.get_by_label("Room").select_option(label="Hôpital Caroline — Courtyard")
    form.get_by_role("button", name=re.compile("^Move")).click()
    conflict = page.locator("ul.conflict-list li").first
    conflict.wait_for()
    assert conflict.inner_text().startswith("Someone in two places: Marius Giordano cannot be at")
    page.locator("#grid-heading").evaluate("heading => heading.scrollIntoView()")
    screenshot(page, "07-timetable-conflict")

    # Let the automatic timetabling move what is not pinned.
    page.get_by_label("Also move the placed activities that are not pinned").check()
    page.get_by_role("button", name="Run the automatic timetabling").click()
    page.wait_for_url(re.compile(r"/orga/jobs/\d+/$"))
    page.get_by_text("done").first.wait_for()
    page.goto(live_server.url + reverse("orga:timetable", args=[festival.pk]))
    assert (
        page.get_by_role("status").first.inner_text()
        == "No conflict: nobody is in two places, every room fits."
    )
    assert to_place.locator("li").count() == 0
    concert_time = page.locator("li.timetable-item", has_text="Night concert").locator("time").first
    assert concert_time.inner_text() >= "18:00"  # in the evening, as concerts prefer

    # Publish the first release.
    page.get_by_label("Comment").fill("The programme of the 21st edition")
    page.get_by_role("button", name="Publish a new release").click()
    page.wait_for_url(re.compile(r"/orga/releases/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Release 1 of Mimi 2006"

    # The public programme, in French, with its calendar to subscribe to.
    with translation.override("fr"):
        public = festival.get_public_url()
    page.goto(live_server.url + public)
    assert page.locator("html").get_attribute("lang") == "fr"
    titles = page.locator("li.programme-item h4").all_inner_texts()
    assert sorted(titles) == ["Concert de nuit", "Percussion workshop", "Voice workshop"]
    subscribe = page.locator("a[href^='webcal://']")
    assert subscribe.count() == 1
    assert subscribe.get_attribute("href").endswith("/fr/festivals/mimi/2006/programme/files/schedule.ics")
    screenshot(page, "08-public-programme-fr")
