import datetime
import re

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import translation

from tissage.outbox.models import Message
from tissage.people.domain.portal import person_password_set, portal_link_make

from ..factories import PersonFactory, StaffFactory, UserFactory
from ..public.html import elements

LINK = re.compile(r"https?://[^/\s]+(/\w\w/portal/sign-in/[^/\s]+/)")


def portal_url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"portal:{name}", kwargs=kwargs)


SIGNED_IN_PAGES = ["home", "documents", "profile", "password", "privacy"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_portal_pages_send_visitors_to_the_portal_sign_in(client, name):
    response = client.get(portal_url(name))
    assert response.status_code == 302
    assert response["Location"] == f"{portal_url('sign-in')}?next={portal_url(name)}"


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_portal_pages_are_forbidden_to_an_account_without_a_person(member_client, name):
    assert member_client.get(portal_url(name)).status_code == 403


@pytest.mark.django_db
def test_sign_in_page_offers_a_link_and_a_password(client):
    response = client.get(portal_url("sign-in", "fr"))
    assert response.status_code == 200
    assert [f.attrs["name"] for f in elements(response, "input") if f.attrs.get("type") != "hidden"] == [
        "link-email",
        "password-email",
        "password-password",
    ]


def test_asking_for_a_link_sends_one_in_the_persons_language(client, participant):
    participant.language = "fr"
    participant.save()
    response = client.post(portal_url("sign-in", "en"), {"way": "link", "link-email": "GRACE@example.cd"})
    assert response["Location"] == portal_url("link-sent")
    message = Message.objects.get()
    assert (message.recipient_email, message.language, message.template_key) == (
        "grace@example.cd",
        "fr",
        "portal_sign_in",
    )
    path = LINK.search(message.body_text).group(1)
    assert path.startswith("/fr/portal/sign-in/")
    page = client.get(path)
    assert page.status_code == 200
    assert client.get(portal_url("home")).status_code == 302
    response = client.post(path)
    assert response["Location"] == portal_url("home", "fr")
    assert client.get(portal_url("home")).status_code == 200


@pytest.mark.django_db
def test_asking_for_a_link_with_an_unknown_email_answers_the_same_and_sends_nothing(client):
    response = client.post(portal_url("sign-in"), {"way": "link", "link-email": "nobody@example.org"})
    assert response["Location"] == portal_url("link-sent")
    assert (Message.objects.count(), mail.outbox) == (0, [])


@pytest.mark.django_db
def test_no_link_is_sent_to_a_staff_account(client):
    PersonFactory(email="staff@example.org", user=StaffFactory())
    client.post(portal_url("sign-in"), {"way": "link", "link-email": "staff@example.org"})
    assert Message.objects.count() == 0


@pytest.mark.django_db
def test_asking_with_a_malformed_email_shows_the_error(client):
    response = client.post(portal_url("sign-in"), {"way": "link", "link-email": "grace"})
    assert response.status_code == 200
    assert list(response.context["link_form"].errors) == ["email"]


def test_a_used_link_is_refused_with_a_way_forward(client, participant):
    path = portal_url("link", token=portal_link_make(person=participant))
    client.post(path)
    client.logout()
    response = client.post(path)
    assert response.status_code == 400
    assert response.context["error"] == "This sign-in link has already been used: ask for a new one."
    assert portal_url("sign-in") in response.content.decode()


def test_an_expired_link_is_refused(client, participant, monkeypatch):
    path = portal_url(
        "link", token=portal_link_make(person=participant, lifetime=datetime.timedelta(minutes=1))
    )
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 120)
    assert client.post(path).context["error"] == "This sign-in link has expired: ask for a new one."


def test_a_link_for_someone_without_an_account_makes_one(client, db):
    person = PersonFactory(email="artyom@example.ru")
    client.post(portal_url("link", token=portal_link_make(person=person)))
    person.refresh_from_db()
    assert person.user is not None
    assert client.get(portal_url("home")).context["person"] == person


def test_password_sign_in(client, participant):
    person_password_set(actor=None, person=participant, password="rumba at dawn")
    wrong = client.post(
        portal_url("sign-in"),
        {"way": "password", "password-email": "grace@example.cd", "password-password": "salsa"},
    )
    assert wrong.context["password_form"].non_field_errors() == [
        "This email and password do not match. You can ask for a link instead."
    ]
    right = client.post(
        portal_url("sign-in") + "?next=/en/portal/documents/",
        {"way": "password", "password-email": "grace@example.cd", "password-password": "rumba at dawn"},
    )
    assert right["Location"] == "/en/portal/documents/"


def test_password_sign_in_stops_a_guesser_after_five_failures(client, participant):
    person_password_set(actor=None, person=participant, password="rumba at dawn")
    for guess in ("salsa", "tango", "mambo", "cumbia", "soukous"):
        client.post(
            portal_url("sign-in"),
            {"way": "password", "password-email": "grace@example.cd", "password-password": guess},
        )
    right = client.post(
        portal_url("sign-in"),
        {"way": "password", "password-email": "grace@example.cd", "password-password": "rumba at dawn"},
    )
    assert right.status_code == 200
    assert client.get(portal_url("home")).status_code == 302


def test_sign_out(portal_client):
    assert portal_client.post(portal_url("sign-out"))["Location"] == portal_url("sign-in")
    assert portal_client.get(portal_url("home")).status_code == 302


def test_sign_in_ignores_a_next_address_on_another_site(client, participant):
    person_password_set(actor=None, person=participant, password="rumba at dawn")
    response = client.post(
        portal_url("sign-in") + "?next=//evil.example/",
        {"way": "password", "password-email": "grace@example.cd", "password-password": "rumba at dawn"},
    )
    assert response["Location"] == portal_url("home")


def test_a_signed_in_participant_is_not_staff(portal_client):
    assert portal_client.get(reverse("orga:dashboard")).status_code == 403


def test_a_user_with_a_person_and_no_rights_elsewhere_sees_only_the_portal(client, db):
    user = UserFactory()
    PersonFactory(user=user)
    client.force_login(user)
    assert client.get(portal_url("home")).status_code == 200
