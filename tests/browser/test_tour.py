"""The newcomer's tour of the README, walked in a real browser over the demo network.

Its screenshots are the README's pictures: docs/screenshots/*.png.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tissage.activities.models import Participation
from tissage.demo.build import build_demo
from tissage.network.models import Session
from tissage.people.models import Person

from ..factories import StaffFactory
from .conftest import screenshot

PASSWORD = "correct horse battery staple"


@pytest.fixture
def demo_network(transactional_db):
    build_demo()
    return StaffFactory(username="ines", first_name="Inès", last_name="Martin", is_superuser=True)


def test_tour_log_in_create_a_person_add_them_to_a_session_and_read_the_programme_in_russian(
    live_server, page, phone_page, demo_network
):
    # Log in.
    page.goto(live_server.url + reverse("orga:dashboard"))
    page.get_by_label("Username").fill("ines")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/orga/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"
    screenshot(page, "01-dashboard")

    # A programme and its sessions.
    page.get_by_role("navigation", name="Staff sections").get_by_role("link", name="Programmes").click()
    page.get_by_role("link", name=re.compile("Tissage 2026")).first.click()
    screenshot(page, "02-programme")

    # Create a person, with a spoken language.
    page.goto(live_server.url + reverse("orga:person-create"))
    page.get_by_label("Given name").fill("Mireille")
    page.get_by_label("Family name").fill("Kabongo")
    page.get_by_label("Email").fill("mireille.kabongo@example.cd")
    page.get_by_label("Home hub").select_option(label="Kinshasa")
    page.locator("select[name$='0-language']").select_option("ln")
    page.locator("select[name$='0-level']").select_option("native")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/orga/people/mireille-kabongo/$"))
    person = Person.objects.get(email="mireille.kabongo@example.cd")
    assert list(person.languages.values_list("language", "level")) == [("ln", "native")]

    # Add her to the next Kinshasa session (Mimi-Sud 2026).
    page.get_by_role("link", name="Add to a session").click()
    assert page.get_by_label("Person").input_value() == "Mireille Kabongo (mireille-kabongo)"
    next_kinshasa_session = Session.objects.get(hub__slug="kinshasa", start_date__year=2026)
    page.get_by_label("Session").select_option(str(next_kinshasa_session.pk))
    page.get_by_label("Role").select_option("artist")
    page.get_by_label("Status").select_option("confirmed")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/orga/people/mireille-kabongo/$"))
    participation = Participation.objects.get(person=person)
    assert (participation.session.hub.slug, participation.session.start_date.year, participation.status) == (
        "kinshasa",
        2026,
        "confirmed",
    )
    screenshot(page, "03-person")
    assert page.get_by_role("link", name=str(next_kinshasa_session)).first.is_visible()

    # The session she joined, with its participants.
    page.goto(live_server.url + participation.session.get_absolute_url())
    assert page.get_by_role("link", name="Mireille Kabongo", exact=True).is_visible()
    screenshot(page, "04-session")

    # The public edition page in Russian, on a desktop and on a phone.
    edition = participation.session.edition
    with translation.override("ru"):
        page.goto(live_server.url + edition.get_public_url())
    assert page.evaluate("document.documentElement.lang") == "ru"
    assert "Мими-Сюд" in page.get_by_role("heading", level=1).inner_text()
    screenshot(page, "05-public-edition-ru")
    phone_page.goto(page.url)
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone_page, "06-public-edition-phone")
