import pytest

from tissage.core.models import AuditEntry
from tissage.network.domain.hubs import venue_create

from ...factories import HubFactory, VenueFactory


@pytest.mark.django_db
def test_venue_create_makes_a_short_name_unique_at_its_hub():
    marseille, kinshasa = HubFactory(), HubFactory()
    VenueFactory(hub=marseille, slug="la-chapelle")
    again = venue_create(actor=None, data={"hub": marseille, "name": {"fr": "La Chapelle"}})
    elsewhere = venue_create(actor=None, data={"hub": kinshasa, "name": {"fr": "La Chapelle"}})
    assert (again.slug, elsewhere.slug) == ("la-chapelle-2", "la-chapelle")
    assert AuditEntry.objects.for_object(marseille).get().action == "venue.created"


@pytest.mark.django_db
def test_venue_create_keeps_a_given_short_name():
    venue = venue_create(actor=None, data={"hub": HubFactory(), "name": {"fr": "Dom"}, "slug": "dom-kultury"})
    assert venue.slug == "dom-kultury"
