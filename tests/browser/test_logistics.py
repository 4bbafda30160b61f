"""Travel & money in a real browser, over the demo network: the "ready to travel?" board of the
demo's next session shows what is missing and leads to the page that fixes it; a participant signs
in to the portal and sees their visa case with its deadlines. Its screenshots are the README's
pictures of Travel & money: docs/screenshots/logistics-*.png."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tissage.demo.build import build_demo
from tissage.logistics.models import VisaCase
from tissage.network.models import Session
from tissage.people.domain.portal import person_account_ensure

from ..factories import StaffFactory
from .conftest import DESKTOP, screenshot

PASSWORD = "correct horse battery staple"


@pytest.fixture
def demo_network(transactional_db):
    build_demo()
    return StaffFactory(username="ines", first_name="Inès", last_name="Martin", is_superuser=True)


def log_in(page, live_server, url: str) -> None:
    page.goto(live_server.url + url)
    page.get_by_label("Username").fill("ines")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_board_shows_what_is_missing_then_a_participant_sees_a_visa_deadline_in_the_portal(
    live_server, page, browser, demo_network
):
    """One demo build for both halves: it is the slow part."""
    board_shows_what_is_missing_and_fixes_a_per_diem(live_server, page)
    participant = browser.new_context(viewport=DESKTOP, locale="en-GB")
    try:
        participant_sees_a_visa_case_with_its_deadlines(live_server, participant.new_page())
    finally:
        participant.close()


def board_shows_what_is_missing_and_fixes_a_per_diem(live_server, page):
    session = Session.objects.get(programme__slug="tissage-2026-2028", number=2)
    log_in(page, live_server, reverse("orga:logistics-ready", args=[session.pk]))
    page.wait_for_url(re.compile(rf"/orga/sessions/{session.pk}/ready/$"))
    assert page.get_by_role("heading", level=1).inner_text() == f"Ready to travel? {session}"
    table = page.get_by_role("table")
    for missing in ("No return journey", "No bed for 8 nights", "Per diem not set"):
        assert table.get_by_role("link", name=re.compile(missing)).first.is_visible()
    screenshot(page, "logistics-1-ready")

    # The per diem: its form starts from the hub's rate; saving it takes it off the board.
    table.get_by_role("link", name=re.compile("Per diem not set")).click()
    page.wait_for_url(re.compile(r"/orga/participations/\d+/per-diem/$"))
    assert page.get_by_label("Currency").input_value() == "USD"
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/orga/participations/\d+/logistics/#money$"))
    assert page.get_by_text("The per diem was set.").is_visible()
    page.goto(live_server.url + reverse("orga:logistics-ready", args=[session.pk]))
    assert page.get_by_role("link", name=re.compile("Per diem not set")).count() == 0


def participant_sees_a_visa_case_with_its_deadlines(live_server, page):
    case = (
        VisaCase.objects.filter(
            participation__session__programme__slug="tissage-2026-2028", status="to_start"
        )
        .select_related("participation__person", "rule")
        .order_by("participation__session__start_date", "pk")
        .first()
    )
    person = case.participation.person
    user = person_account_ensure(actor=None, person=person)
    user.set_password(PASSWORD)
    user.save()

    with translation.override("en"):
        page.goto(live_server.url + reverse("portal:sign-in"))
    password_form = page.get_by_role("region", name="Sign in with a password")
    password_form.get_by_label("Your email").fill(person.email)
    password_form.get_by_label("Password").fill(PASSWORD)
    password_form.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/en/portal/$"))

    page.get_by_role("navigation", name="My space").get_by_role("link", name="Travel & stay").click()
    page.wait_for_url(re.compile(r"/en/portal/travel/$"))
    invitation = case.steps()[0]
    caption = page.get_by_text(re.compile("Steps of your visa, counted back from your arrival"))
    assert caption.first.is_visible()
    deadline = page.locator(f'time[datetime="{invitation.due_on.isoformat()}"]').first
    assert deadline.is_visible()
    assert page.get_by_role("row", name=re.compile("Invitation letter sent")).first.is_visible()
    deadline.evaluate("element => element.scrollIntoView({block: 'center'})")
    screenshot(page, "logistics-2-portal-visa")
