"""No one reaches another participant's things by guessing numbers in addresses: every portal
address that takes a number answers 404 for someone else's object, and the list below must name
each such address (a new one fails this test until it is added)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse

from tissage.people.domain.privacy import person_data_export_request

from ..factories import (
    ApplicationFactory,
    ApplicationFileFactory,
    MessageFactory,
    ParticipationFactory,
    PersonFactory,
    VisaCaseFactory,
    VisaDocumentFactory,
)

pytestmark = pytest.mark.django_db


def someone_elses(name: str, other):
    """Another participant's object for the portal address ``name``."""
    participation = ParticipationFactory(person=other)
    makers = {
        "participation": lambda: participation,
        "participation-answer": lambda: participation,
        "message": lambda: MessageFactory(person=other, recipient_email="other@example.org"),
        "application-file": lambda: ApplicationFileFactory(
            application=ApplicationFactory(person=other), file=ContentFile(b"x", name="other.mp3")
        ),
        "export-download": lambda: person_data_export_request(actor=None, person=other),
        "visa-document": lambda: VisaDocumentFactory(case=VisaCaseFactory(participation=participation)),
    }
    return makers[name]()


def numbered_portal_addresses() -> list[str]:
    names = []
    for language_patterns in get_resolver().url_patterns:
        for pattern in getattr(language_patterns, "url_patterns", []):
            if getattr(pattern, "namespace", None) != "portal":
                continue
            stack = list(pattern.url_patterns)
            while stack:
                inner = stack.pop()
                if hasattr(inner, "url_patterns"):
                    stack.extend(inner.url_patterns)
                elif "pk" in inner.pattern.converters:
                    names.append(inner.name)
    return sorted(set(names))


def test_the_list_knows_every_numbered_portal_address():
    assert numbered_portal_addresses() == sorted(
        [
            "participation",
            "participation-answer",
            "message",
            "application-file",
            "export-download",
            "visa-document",
        ]
    )


@pytest.mark.parametrize("name", numbered_portal_addresses())
def test_another_participants_object_is_not_found(portal_client, name):
    other = PersonFactory(email="other@example.org")
    url = reverse(f"portal:{name}", args=[someone_elses(name, other).pk])
    assert portal_client.get(url).status_code in {404, 405}
    assert portal_client.post(url).status_code in {404, 405}


def test_the_same_address_opens_ones_own_object(portal_client, participation):
    assert portal_client.get(reverse("portal:participation", args=[participation.pk])).status_code == 200
