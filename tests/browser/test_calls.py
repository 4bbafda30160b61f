"""From an open call to the participant portal, in a real browser over the demo network: a newcomer
applies, staff accept, and the accepted person signs in with the link from the outbox."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from tissage.calls.models import Application
from tissage.demo.build import build_demo
from tissage.outbox.models import Message

from ..factories import StaffFactory
from .conftest import DESKTOP, screenshot

PASSWORD = "correct horse battery staple"
CALL_TITLE = "Sound, light and stage trainees for Mimi-Nor 2027"
LINK = re.compile(r"https?://\S+/portal/sign-in/\S+/")


@pytest.fixture
def demo_network(transactional_db):
    build_demo()
    return StaffFactory(username="ines", first_name="Inès", last_name="Martin", is_superuser=True)


def apply_as_a_newcomer(page, live_server) -> Application:
    with translation.override("en"):
        page.goto(live_server.url + reverse("public:calls"))
    page.get_by_role("link", name=CALL_TITLE).click()
    assert page.get_by_role("heading", level=1).inner_text() == CALL_TITLE
    assert page.get_by_label("Language for messages").input_value() == "en"
    page.get_by_label("Given name").fill("Nadia")
    page.get_by_label("Family name").fill("Laptander")
    page.get_by_label("Email").fill("nadia.laptander@example.ru")
    page.get_by_label("City").fill("Narian-Mar")
    page.locator("select[name='languages-0-language']").select_option("ru")
    page.locator("select[name='languages-0-level']").select_option("native")
    page.locator("select[name='languages-1-language']").select_option("yrk")
    page.locator("select[name='languages-1-level']").select_option("fluent")
    page.get_by_label("Why do you want to join this cycle?").fill("To light the tundra's concerts.")
    page.get_by_label("Light", exact=True).check()
    page.get_by_label("I agree that the network keeps and uses this application's data").check()
    screenshot(page, "calls-1-apply")
    page.get_by_role("button", name="Send my application").click()
    page.wait_for_url(re.compile(r"/en/calls/trainees-mimi-nor-2027/sent/\w+/$"))
    application = Application.objects.get(email="nadia.laptander@example.ru")
    assert application.reference in page.get_by_role("status").inner_text()
    return application


def accept_as_staff(page, live_server, application) -> None:
    page.goto(live_server.url + reverse("orga:dashboard"))
    page.get_by_label("Username").fill("ines")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("navigation", name="Staff sections").get_by_role("link", name="Calls").click()
    page.get_by_role("link", name=CALL_TITLE).click()
    page.get_by_role("link", name="Nadia Laptander").click()
    assert "To light the tundra's concerts." in page.get_by_role("main").inner_text()
    page.get_by_label("Accept").check()
    screenshot(page, "calls-2-decide")
    page.get_by_role("button", name="Decide and tell the applicant").click()
    assert (
        page.get_by_role("status").first.inner_text()
        == "Nadia Laptander is accepted; the message is on its way."
    )
    application.refresh_from_db()
    assert (application.state, application.participation.status) == ("accepted", "invited")


def sign_in_link(application) -> str:
    """The portal link in the acceptance message, as the outbox holds it (an address on this site)."""
    message = Message.objects.about(application).get(template_key="application_decision")
    return urlsplit(LINK.search(message.body_text).group(0)).path


def see_the_logistics_section(portal) -> None:
    """The logistics area's part of the portal renders in its frame. Its visa case, with the deadline
    of its next step, shows there once the session's visa is opened (tested by the logistics area)."""
    portal.get_by_role("navigation", name="My space").get_by_role("link", name="Travel & stay").click()
    assert portal.get_by_role("heading", level=1).is_visible()


def test_apply_to_a_demo_call_review_and_accept_then_open_the_portal(
    live_server, browser, page, demo_network
):
    applicant = browser.new_context(viewport=DESKTOP, locale="en-GB").new_page()
    application = apply_as_a_newcomer(applicant, live_server)
    accept_as_staff(page, live_server, application)

    applicant.goto(live_server.url + sign_in_link(application))
    applicant.get_by_role("button", name="Sign in to my space").click()
    applicant.wait_for_url(re.compile(r"/en/portal/$"))
    assert applicant.get_by_role("heading", level=1).inner_text() == "Hello Nadia"
    session = application.participation.session
    applicant.get_by_role("link", name=str(session)).first.click()
    assert applicant.get_by_role("heading", level=1).inner_text() == str(session)
    screenshot(applicant, "calls-3-portal-session")
    applicant.get_by_role("button", name=re.compile("^I come")).click()
    assert applicant.get_by_role("status").first.inner_text() == f"You confirmed that you come to {session}."
    application.participation.refresh_from_db()
    assert application.participation.status == "confirmed"
    see_the_logistics_section(applicant)
