"""From an open call to the participant portal, in a real browser over the demo network: a newcomer
from Kinshasa applies to the Mimi-Nor call, staff review and accept her, open her visa case for
Russia, and she signs in with the link from the outbox to see her session and her visa deadlines."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from tissage.calls.domain.calls import call_update
from tissage.calls.models import Application, Call
from tissage.demo.build import build_demo
from tissage.logistics.models import VisaCase
from tissage.outbox.models import Message

from ..factories import StaffFactory
from .conftest import DESKTOP, screenshot

PASSWORD = "correct horse battery staple"
CALL_TITLE = "Sound, light and stage trainees for Mimi-Nor 2027"
LINK = re.compile(r"https?://\S+/portal/sign-in/\S+/")
SCORES = {"Motivation": "5", "Potential": "4", "What they bring to a crossed group": "5"}


@pytest.fixture
def demo_network(transactional_db):
    build_demo()
    # The demo is built for a fixed "today" (tissage.demo.network.TODAY); the live server applies
    # the real clock, so the open call's deadline is moved past it for this run.
    call = Call.objects.get(slug="trainees-mimi-nor-2027")
    now = timezone.now()
    if call.closes_at <= now:
        call_update(actor=None, call=call, data={"closes_at": now + datetime.timedelta(days=30)})
    return StaffFactory(username="ines", first_name="Inès", last_name="Martin", is_superuser=True)


def apply_as_a_newcomer(page, live_server) -> Application:
    with translation.override("en"):
        page.goto(live_server.url + reverse("public:home"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Calls for applications").click()
    page.get_by_role("link", name=CALL_TITLE).click()
    assert page.get_by_role("heading", level=1).inner_text() == CALL_TITLE
    assert page.get_by_label("Language for messages").input_value() == "en"
    page.get_by_label("Given name").fill("Grâce")
    page.get_by_label("Family name").fill("Mbuyi")
    page.get_by_label("Email").fill("grace.mbuyi@example.cd")
    page.get_by_label("City").fill("Kinshasa")
    page.get_by_label("Nationality").select_option("CD")
    page.locator("select[name='languages-0-language']").select_option("ln")
    page.locator("select[name='languages-0-level']").select_option("native")
    page.locator("select[name='languages-1-language']").select_option("fr")
    page.locator("select[name='languages-1-level']").select_option("fluent")
    page.get_by_label("Why do you want to join this cycle?").fill("To light concerts in the tundra.")
    page.get_by_label("Light", exact=True).check()
    page.get_by_label("I agree that the network keeps and uses this application's data").check()
    screenshot(page, "calls-1-apply")
    page.get_by_role("button", name="Send my application").click()
    page.wait_for_url(re.compile(r"/en/calls/trainees-mimi-nor-2027/sent/\w+/$"))
    application = Application.objects.get(email="grace.mbuyi@example.cd")
    assert application.reference in page.get_by_role("status").inner_text()
    return application


def log_in(page, live_server) -> None:
    page.goto(live_server.url + reverse("orga:dashboard"))
    page.get_by_label("Username").fill("ines")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def review_as_staff(page, live_server) -> None:
    """Staff join the call's reviewers, then score the new application."""
    log_in(page, live_server)
    page.get_by_role("navigation", name="Staff sections").get_by_role("link", name="Calls").click()
    page.get_by_role("link", name=CALL_TITLE).click()
    page.get_by_role("link", name="Edit", exact=True).click()
    page.get_by_label("Inès Martin").check()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("heading", level=1).inner_text() == CALL_TITLE

    page.get_by_role("link", name="Grâce Mbuyi").click()
    review = page.get_by_role("form", name="Review this application")
    for criterion, score in SCORES.items():
        review.get_by_label(criterion, exact=True).select_option(score)
    review.get_by_role("button", name="Save my review").click()
    assert page.get_by_role("status").first.inner_text() == "Your review was saved."
    assert page.get_by_role("heading", name="Inès Martin").is_visible()


def accept_as_staff(page, application) -> None:
    assert "To light concerts in the tundra." in page.get_by_role("main").inner_text()
    page.get_by_label("Accept").check()
    screenshot(page, "calls-2-decide")
    page.get_by_role("button", name="Decide and tell the applicant").click()
    assert (
        page.get_by_role("status").first.inner_text() == "Grâce Mbuyi is accepted; the message is on its way."
    )
    application.refresh_from_db()
    assert (application.state, application.participation.status) == ("accepted", "invited")


def open_the_visa_case(page, application) -> VisaCase:
    """From the application to the session's "ready to travel?" board, to her visa case."""
    session = application.participation.session
    page.get_by_role("main").get_by_role("link", name=str(session)).click()
    page.get_by_role("link", name="Ready to travel?").first.click()
    page.get_by_role("table").get_by_role("link", name="Grâce Mbuyi", exact=True).click()
    page.get_by_role("link", name="Open the visa case").click()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("status").first.inner_text() == "The visa case was opened."
    return VisaCase.objects.get(participation=application.participation)


def english_date(day: datetime.date) -> str:
    with translation.override("en"):
        return formats.date_format(day, "DATE_FORMAT")


def sign_in_link(application) -> str:
    """The portal link in the acceptance message, as the outbox holds it (an address on this site)."""
    message = Message.objects.about(application).get(template_key="application_decision")
    return urlsplit(LINK.search(message.body_text).group(0)).path


def test_apply_to_a_demo_call_review_and_accept_then_open_the_portal(
    live_server, browser, page, demo_network
):
    applicant = browser.new_context(viewport=DESKTOP, locale="en-GB").new_page()
    application = apply_as_a_newcomer(applicant, live_server)
    review_as_staff(page, live_server)
    accept_as_staff(page, application)
    case = open_the_visa_case(page, application)
    assert case.rule.lead_days == 90

    applicant.goto(live_server.url + sign_in_link(application))
    applicant.get_by_role("button", name="Sign in to my space").click()
    applicant.wait_for_url(re.compile(r"/en/portal/$"))
    assert applicant.get_by_role("heading", level=1).inner_text() == "Hello Grâce"
    session = application.participation.session
    applicant.get_by_role("link", name=str(session)).first.click()
    assert applicant.get_by_role("heading", level=1).inner_text() == str(session)
    screenshot(applicant, "calls-3-portal-session")
    applicant.get_by_role("button", name=re.compile("^I come")).click()
    assert applicant.get_by_role("status").first.inner_text() == f"You confirmed that you come to {session}."
    application.participation.refresh_from_db()
    assert application.participation.status == "confirmed"

    applicant.get_by_role("navigation", name="My space").get_by_role("link", name="Travel & stay").click()
    visa = applicant.get_by_role("region", name=str(session))
    assert visa.get_by_text(
        f"Steps of your visa, counted back from your arrival on {english_date(session.start_date)}"
    ).is_visible()
    # The first step, the invitation letter, is due the rule's number of days before her arrival.
    invitation = visa.get_by_role("row", name=re.compile("^Invitation letter sent"))
    due_on = session.start_date - datetime.timedelta(days=case.rule.invitation_days)
    assert invitation.locator("time").get_attribute("datetime") == due_on.isoformat()
    assert invitation.locator("time").inner_text() == english_date(due_on)
    screenshot(applicant, "calls-4-portal-visa")
