import datetime

import pytest
from django.core import signing
from django.core.exceptions import ValidationError

from tissage.core.models import AuditEntry
from tissage.people.domain.portal import (
    LINK_SALT,
    person_account_ensure,
    person_by_email,
    person_password_set,
    portal_link_make,
    portal_link_redeem,
)
from tissage.people.models import UsedPortalLink

from ...factories import PersonFactory, StaffFactory, UserFactory


def refusal(token: str) -> str:
    with pytest.raises(ValidationError) as caught:
        portal_link_redeem(token=token)
    return caught.value.messages[0]


@pytest.mark.django_db
def test_portal_link_signs_in_its_person_once():
    person = PersonFactory()
    token = portal_link_make(person=person)
    assert portal_link_redeem(token=token) == person
    assert refusal(token) == "This sign-in link has already been used: ask for a new one."
    assert UsedPortalLink.objects.get().person == person
    assert list(AuditEntry.objects.for_object(person).values_list("action", flat=True)) == [
        "person.portal_link_used"
    ]


@pytest.mark.django_db
def test_portal_link_expires_after_its_lifetime(monkeypatch):
    person = PersonFactory()
    token = portal_link_make(person=person, lifetime=datetime.timedelta(minutes=5))
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 6 * 60)
    assert refusal(token) == "This sign-in link has expired: ask for a new one."
    assert UsedPortalLink.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "token",
    ["", "not-a-token", signing.dumps({"p": 1, "n": "x", "s": 60}, salt="another.salt")],
    ids=["empty", "garbage", "another-salt"],
)
def test_portal_link_refuses_a_forged_or_broken_token(token):
    PersonFactory()
    assert refusal(token) == "This sign-in link is not valid: ask for a new one."


@pytest.mark.django_db
def test_portal_link_refuses_a_person_who_is_gone():
    person = PersonFactory()
    token = portal_link_make(person=person)
    person.delete()
    assert refusal(token) == "This sign-in link is not valid: ask for a new one."


@pytest.mark.django_db
def test_portal_link_never_opens_a_staff_account():
    person = PersonFactory(user=StaffFactory())
    assert refusal(portal_link_make(person=person)) == "Staff accounts sign in with their password."


@pytest.mark.django_db
def test_portal_link_payload_names_the_person_and_its_lifetime():
    person = PersonFactory()
    payload = signing.loads(
        portal_link_make(person=person, lifetime=datetime.timedelta(days=14)), salt=LINK_SALT
    )
    assert (payload["p"], payload["s"], len(payload["n"]) >= 24) == (person.pk, 14 * 24 * 3600, True)


@pytest.mark.django_db
def test_person_account_ensure_makes_one_account_without_a_password():
    UserFactory(username="p-ines-mbuyi")
    person = PersonFactory(slug="ines-mbuyi", given_name="Inès", family_name="Mbuyi", email="ines@example.cd")
    user = person_account_ensure(actor=None, person=person)
    assert (user.username, user.email, user.first_name, user.has_usable_password()) == (
        "p-ines-mbuyi-2",
        "ines@example.cd",
        "Inès",
        False,
    )
    person.refresh_from_db()
    assert person.user == user
    assert person_account_ensure(actor=None, person=person) == user
    assert AuditEntry.objects.for_object(person).get().action == "person.account_created"


@pytest.mark.django_db
def test_person_password_set_lets_the_person_sign_in_with_it(client):
    person = PersonFactory()
    person_password_set(actor=None, person=person, password="tundra and river")
    person.refresh_from_db()
    assert person.user.check_password("tundra and river")
    assert AuditEntry.objects.filter(action="person.password_set").count() == 1


@pytest.mark.django_db
def test_person_by_email_ignores_case_and_blanks():
    person = PersonFactory(email="Grace.Nsimba@example.cd")
    assert person_by_email(" grace.nsimba@EXAMPLE.cd ") == person
    assert (person_by_email(""), person_by_email("nobody@example.cd")) == (None, None)
