"""Every address of the site × every kind of visitor, by GET and by POST.

The addresses are read from the URL configuration, so a new one is checked the day it is added:
a staff page must send anonymous visitors to the login page and refuse everyone without staff
rights; a participant's page must send anonymous visitors to the portal's sign-in and refuse
anyone who is not a participant; the few pages meant for everyone are named below, and a new
address that answers anonymous visitors without being named here fails the test. Objects that do
not exist are asked for, so the refusal must come before any lookup, or be a 404."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tissage.people.domain.portal import person_account_ensure

from .factories import PersonFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

# Addresses open to anonymous visitors on purpose (the rest of orga and portal is not).
OPEN_STAFF = {"orga:login", "orga:logout"}
OPEN_PORTAL = {"portal:sign-in", "portal:link-sent", "portal:link", "portal:sign-out"}
# A stand-in for each kind of argument: objects that do not exist.
ARGUMENTS = {"int": 999999, "slug": "no-such-thing", "string": "no-such-thing", "path": "no/such/thing"}


def addresses() -> list[tuple[str, str]]:
    """(name, address) of every named address of the staff interface, portal and public site."""
    found = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif (
                isinstance(pattern, URLPattern) and pattern.name and namespace in {"orga", "portal", "public"}
            ):
                name = f"{namespace}:{pattern.name}"
                kwargs = {key: ARGUMENTS[type(c).__name__.removesuffix("Converter").lower()]
                          for key, c in pattern.pattern.converters.items()}  # fmt: skip
                found.append((name, reverse(name, kwargs=kwargs)))

    walk(get_resolver().url_patterns, None)
    return sorted(set(found))


ADDRESSES = addresses()


def visitors() -> dict[str, Client]:
    member, participant_client = Client(), Client()
    member.force_login(UserFactory(username="member"))
    participant = PersonFactory(email="grace@example.cd")
    person_account_ensure(actor=None, person=participant)
    participant_client.force_login(participant.user)
    staff = Client()
    staff.force_login(StaffFactory(username="staff"))
    return {"anonymous": Client(), "member": member, "participant": participant_client, "staff": staff}


def test_the_matrix_reads_every_part_of_the_site():
    namespaces = {name.partition(":")[0] for name, _address in ADDRESSES}
    assert namespaces == {"orga", "portal", "public"}
    assert len(ADDRESSES) > 200


@pytest.mark.parametrize(("name", "address"), [a for a in ADDRESSES if a[0].startswith("orga:")])
def test_staff_pages_send_anonymous_visitors_to_login_and_refuse_non_staff(name, address):
    if name in OPEN_STAFF:
        return
    who = visitors()
    for method in ("get", "post"):
        anonymous = getattr(who["anonymous"], method)(address)
        assert (anonymous.status_code, anonymous.get("Location", "").split("?")[0]) == (
            302,
            reverse("orga:login"),
        ), f"{method.upper()} {address} for an anonymous visitor"
        for role in ("member", "participant"):
            refused = getattr(who[role], method)(address).status_code
            assert refused in {403, 404}, f"{method.upper()} {address} for a {role}: {refused}"


@pytest.mark.parametrize(("name", "address"), [a for a in ADDRESSES if a[0].startswith("portal:")])
def test_portal_pages_are_for_signed_in_participants_only(name, address):
    if name in OPEN_PORTAL:
        return
    who = visitors()
    for method in ("get", "post"):
        anonymous = getattr(who["anonymous"], method)(address)
        assert anonymous.status_code == 302, f"{method.upper()} {address} for an anonymous visitor"
        assert anonymous["Location"].split("?")[0].endswith(reverse("portal:sign-in").split("/", 2)[2])
        for role in ("member", "staff"):
            refused = getattr(who[role], method)(address).status_code
            assert refused in {403, 404}, (
                f"{method.upper()} {address} for a {role} without a person: {refused}"
            )


@pytest.mark.parametrize(("name", "address"), [a for a in ADDRESSES if a[0].startswith("public:")])
def test_public_pages_answer_everyone_without_an_error(name, address):
    for role, client in visitors().items():
        status = client.get(address).status_code
        assert status in {200, 301, 302, 304, 404}, f"GET {address} for {role}: {status}"
