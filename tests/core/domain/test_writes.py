import pytest
from django.core.exceptions import ValidationError

from tissage.core.domain.writes import audited_create, audited_delete, audited_update
from tissage.core.models import AuditEntry
from tissage.network.models import Hub, Room

from ...factories import HubFactory, RoomFactory, StaffFactory


@pytest.mark.django_db
def test_audited_create_records_every_given_field():
    staff = StaffFactory(username="ines")
    hub = audited_create(
        actor=staff,
        model=Hub,
        data={
            "slug": "kinshasa",
            "name": {"fr": "Kinshasa"},
            "country": "CD",
            "timezone": "Africa/Kinshasa",
            "currency": "CDF",
            "season": "winter",
        },
        action="hub.created",
    )
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.actor_name, entry.action, entry.object_id) == (
        staff,
        "ines",
        "hub.created",
        str(hub.pk),
    )
    assert entry.changes["slug"] == [None, "kinshasa"]
    assert entry.changes["name"] == [None, {"fr": "Kinshasa"}]


@pytest.mark.django_db
def test_audited_create_with_invalid_data_writes_nothing():
    with pytest.raises(ValidationError) as caught:
        audited_create(
            actor=None,
            model=Hub,
            data={
                "slug": "x",
                "name": {"en": "X"},
                "country": "FR",
                "timezone": "Mars/Olympus",
                "currency": "eur",
                "season": "summer",
            },
            action="hub.created",
        )
    assert set(caught.value.error_dict) == {"timezone", "__all__"}
    assert Hub.objects.count() == 0
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_audited_update_records_only_what_changed():
    hub = HubFactory(currency="EUR", season="summer")
    changes = audited_update(
        actor=None, instance=hub, data={"currency": "EUR", "season": "winter"}, action="hub.updated"
    )
    assert changes == {"season": ["summer", "winter"]}
    entry = AuditEntry.objects.get()
    assert (entry.actor_name, entry.changes) == ("system", {"season": ["summer", "winter"]})


@pytest.mark.django_db
def test_audited_update_without_change_writes_no_entry():
    hub = HubFactory(currency="EUR")
    assert audited_update(actor=None, instance=hub, data={"currency": "EUR"}, action="hub.updated") == {}
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_audited_delete_keeps_the_entry_and_shows_it_on_related_objects():
    room = RoomFactory(name="Grande salle", capacity=120)
    venue = room.venue
    audited_delete(actor=None, instance=room, action="room.deleted", related=[venue])
    assert Room.objects.count() == 0
    entry = AuditEntry.objects.for_object(venue).get()
    assert entry.action == "room.deleted"
    assert entry.changes["capacity"] == [120, None]
    assert entry.object_repr.endswith("Grande salle")
