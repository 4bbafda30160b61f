import pytest
from django.urls import reverse

from ...factories import EditionFactory

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, str]:
    return {
        directive.split()[0]: directive.partition(" ")[2]
        for directive in (part.strip() for part in response["Content-Security-Policy"].split(";"))
        if directive
    }


def test_every_page_forbids_foreign_scripts_and_framing(client, staff_client):
    for response in (client.get("/en/"), staff_client.get(reverse("orga:dashboard"))):
        rules = policy(response)
        assert rules["default-src"] == "'self'"
        assert rules["script-src"].startswith("'self' 'nonce-")
        assert rules["object-src"] == "'none'"
        assert rules["frame-ancestors"] == "'none'"
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_each_response_has_its_own_nonce(client):
    first, second = (policy(client.get("/en/"))["script-src"] for _ in range(2))
    assert first != second


def test_the_programme_widget_may_be_framed_by_partners(client):
    edition = EditionFactory(is_published=True)
    response = client.get(
        reverse("public:edition-widget", args=[edition.festival.slug, edition.slug]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code in {200, 404}
    assert "frame-ancestors" not in policy(response)
    assert "X-Frame-Options" not in response
