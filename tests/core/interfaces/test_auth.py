import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from tissage.core.domain.signins import LIMITS
from tissage.core.models import AuditEntry

from ...factories import StaffFactory
from ...public.html import texts

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def sign_in(client, username, password, address="192.0.2.1"):
    return client.post(
        reverse("orga:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_an_account_is_locked_after_repeated_failures_even_for_the_right_password(client):
    StaffFactory(username="mathilde")
    for _ in range(LIMITS["account"]):
        failed = sign_in(client, "mathilde", "guess")
        assert failed.status_code == 200
        assert "_auth_user_id" not in client.session
    locked = sign_in(client, "Mathilde", PASSWORD)
    assert locked.status_code == 200
    assert "_auth_user_id" not in client.session
    assert any("Too many failed sign-ins" in text for text in texts(locked, "li"))
    assert authenticate(username="mathilde", password=PASSWORD) is None
    entry = AuditEntry.objects.get(action="signin.locked")
    assert entry.changes == {"account": [None, "mathilde"]}


def test_an_address_is_locked_after_failures_across_accounts(client):
    StaffFactory(username="ines")
    for n in range(LIMITS["address"]):
        sign_in(client, f"nobody-{n}", "guess", address="198.51.100.7")
    assert (
        "_auth_user_id" not in sign_in(client, "ines", PASSWORD, address="198.51.100.7").wsgi_request.session
    )
    assert sign_in(client, "ines", PASSWORD, address="203.0.113.9").status_code == 302


def test_a_successful_sign_in_clears_the_account_counter(client):
    StaffFactory(username="anna")
    for _ in range(LIMITS["account"] - 1):
        sign_in(client, "anna", "guess")
    assert sign_in(client, "anna", PASSWORD).status_code == 302
    client.logout()
    for _ in range(LIMITS["account"] - 1):
        sign_in(client, "anna", "guess")
    assert sign_in(client, "anna", PASSWORD).status_code == 302


@pytest.mark.parametrize("password", ["short1", "1234567890123", "password1234", "anna-vokueva"])
def test_weak_passwords_are_refused(password):
    user = StaffFactory.build(username="anna-vokueva", first_name="Anna")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_behind_the_proxy_each_visitor_keeps_their_own_address(client, settings):
    settings.TISSAGE_BEHIND_PROXY = True
    StaffFactory(username="ines")
    for n in range(LIMITS["address"]):
        client.post(
            reverse("orga:login"),
            {"username": f"nobody-{n}", "password": "guess"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7",
        )
    other = client.post(
        reverse("orga:login"),
        {"username": "ines", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert other.status_code == 302
