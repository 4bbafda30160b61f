import datetime

import pytest

from tissage.activities.interfaces.forms import ActivityForm

from ...factories import ActivityFactory, EditionFactory, HubFactory, RoomFactory


@pytest.fixture
def edition(db):
    return EditionFactory(festival__hub=HubFactory(timezone="Africa/Kinshasa"))


def activity_data(edition, **fields) -> dict:
    return {
        "edition": edition.pk,
        "title_0": "Concert",
        "kind": "concert",
        "starts_at": "2004-11-20T20:00",
        "ends_at": "2004-11-20T23:30",
        **fields,
    }


def test_activity_form_reads_times_in_the_hubs_zone_and_gives_utc(edition):
    form = ActivityForm(activity_data(edition))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts_at"] == datetime.datetime(2004, 11, 20, 19, 0, tzinfo=datetime.UTC)
    assert form.cleaned_data["starts_at"].tzinfo == datetime.UTC


def test_activity_form_shows_stored_times_in_the_hubs_zone(edition):
    activity = ActivityFactory(
        edition=edition,
        starts_at=datetime.datetime(2004, 11, 20, 19, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2004, 11, 20, 22, 30, tzinfo=datetime.UTC),
    )
    form = ActivityForm(instance=activity)
    assert form["starts_at"].value() == datetime.datetime(2004, 11, 20, 20, 0)
    assert 'value="2004-11-20T20:00"' in str(form["starts_at"])


def test_activity_form_offers_only_the_rooms_of_a_known_hub(edition):
    room = RoomFactory(venue__hub=edition.festival.hub)
    RoomFactory()
    assert list(ActivityForm(hub=edition.festival.hub).fields["room"].queryset) == [room]
    assert ActivityForm().fields["room"].queryset.count() == 2


def test_activity_form_needs_a_hub_to_read_times(db):
    form = ActivityForm({"title_0": "Concert", "kind": "concert", "starts_at": "2004-11-20T20:00"})
    assert form.errors["starts_at"] == [
        "Choose an edition or a session first: times are read in its hub's zone."
    ]
