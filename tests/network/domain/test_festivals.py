import datetime

import pytest
from django.core.exceptions import ValidationError

from tissage.core.models import AuditEntry
from tissage.network.domain.festivals import edition_create, edition_publish, edition_update
from tissage.network.models import Edition

from ...factories import EditionFactory, FestivalFactory, StaffFactory, VenueFactory


@pytest.fixture
def festival(db):
    return FestivalFactory(slug="mimi-nor")


def test_edition_create_numbers_and_names_the_edition_when_not_told(festival):
    EditionFactory(festival=festival, number=1)
    edition = edition_create(
        actor=StaffFactory(),
        data={
            "festival": festival,
            "number": None,
            "slug": "",
            "start_date": datetime.date(2003, 5, 12),
            "end_date": datetime.date(2003, 5, 18),
        },
    )
    assert (edition.number, edition.slug) == (2, "2003")
    assert AuditEntry.objects.for_object(festival).get().action == "edition.created"


def test_edition_create_refuses_venues_of_another_hub(festival):
    here = VenueFactory(hub=festival.hub)
    elsewhere = VenueFactory(name={"en": "Cour des lazarets"})
    with pytest.raises(ValidationError) as caught:
        edition_create(
            actor=None,
            data={
                "festival": festival,
                "start_date": datetime.date(2003, 5, 12),
                "end_date": datetime.date(2003, 5, 18),
                "venues": [here, elsewhere],
            },
        )
    assert caught.value.message_dict == {
        "venues": ["These venues are not at the festival's hub: Cour des lazarets."]
    }
    assert (Edition.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_edition_update_checks_the_venues_against_a_new_festival(festival):
    venue = VenueFactory(hub=festival.hub)
    edition = EditionFactory(festival=festival)
    edition.venues.add(venue)
    with pytest.raises(ValidationError) as caught:
        edition_update(actor=None, edition=edition, data={"festival": FestivalFactory()})
    assert list(caught.value.message_dict) == ["venues"]
    assert AuditEntry.objects.count() == 0


def test_edition_update_audits_on_the_festival_page(festival):
    edition = EditionFactory(festival=festival, end_date=datetime.date(2004, 7, 25))
    changes = edition_update(actor=None, edition=edition, data={"end_date": datetime.date(2004, 7, 26)})
    assert changes == {"end_date": ["2004-07-25", "2004-07-26"]}
    assert AuditEntry.objects.for_object(festival).get().action == "edition.updated"


def test_edition_publish_records_publishing_and_unpublishing(festival):
    edition = EditionFactory(festival=festival, is_published=False)
    edition_publish(actor=None, edition=edition)
    edition_publish(actor=None, edition=edition, published=False)
    assert [e.action for e in AuditEntry.objects.for_object(edition)] == [
        "edition.unpublished",
        "edition.published",
    ]
    assert edition.is_published is False
