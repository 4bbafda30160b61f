import datetime

from django.urls import reverse

from tissage.core.models import AuditEntry
from tissage.core.money import Money
from tissage.logistics.models import TravelLeg

from .logistics_world import world_fixture  # noqa: F401


def test_travel_leg_create_reads_each_time_in_its_own_zone(staff_client, world):
    participation = world.participation
    url = reverse("orga:travel-leg-create") + f"?participation={participation.pk}&direction=return"
    form_page = staff_client.get(url)
    assert {
        k: form_page.context["form"].initial[k] for k in ("direction", "from_timezone", "to_timezone")
    } == {
        "direction": "return",
        "from_timezone": "Europe/Paris",
        "to_timezone": "Africa/Kinshasa",
    }
    response = staff_client.post(
        url,
        {
            "direction": "return",
            "mode": "plane",
            "carrier": "Air France",
            "number": "AF 888",
            "from_place": "Marseille MRS",
            "from_timezone": "Europe/Paris",
            "departs_at": "2027-07-26T07:10",
            "to_place": "Kinshasa FIH",
            "to_timezone": "Africa/Kinshasa",
            "arrives_at": "2027-07-26T18:40",
            "status": "booked",
            "booked_by": "network",
            "cost_amount": "612.40",
            "cost_currency": "eur",
        },
    )
    leg = TravelLeg.objects.get(direction="return")
    assert response.status_code == 302
    assert (
        response["Location"] == reverse("orga:logistics-participation", args=[participation.pk]) + "#travel"
    )
    assert (leg.departs_at, leg.arrives_at, leg.cost) == (
        datetime.datetime(2027, 7, 26, 5, 10, tzinfo=datetime.UTC),
        datetime.datetime(2027, 7, 26, 17, 40, tzinfo=datetime.UTC),
        Money("612.40", "EUR"),
    )
    assert AuditEntry.objects.for_object(participation.person).first().action == "travel_leg.created"


def test_travel_leg_arriving_before_it_leaves_is_refused_and_nothing_written(staff_client, world):
    url = reverse("orga:travel-leg-create") + f"?participation={world.participation.pk}"
    response = staff_client.post(
        url,
        {
            "direction": "arrival",
            "mode": "plane",
            "from_place": "Kinshasa",
            "from_timezone": "Africa/Kinshasa",
            "departs_at": "2027-07-18T23:10",
            "to_place": "Paris",
            "to_timezone": "Europe/Paris",
            # 22:30 in Paris is 21:30 in Kinshasa: before the departure.
            "arrives_at": "2027-07-18T22:30",
            "status": "to_book",
            "booked_by": "network",
            "cost_amount": "100",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "__all__": ["A journey arrives after it departs.", "Give an amount and its currency, or neither."]
    }
    assert (TravelLeg.objects.count(), AuditEntry.objects.count()) == (1, 0)


def test_travel_leg_update_shows_local_times_and_audits_the_change(staff_client, world):
    url = reverse("orga:travel-leg-update", args=[world.leg.pk])
    form = staff_client.get(url).context["form"]
    assert form.initial["departs_at"] == datetime.datetime(2027, 7, 18, 22, 0)
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(departs_at="2027-07-18T22:00", arrives_at="2027-07-19T10:30", booking_reference="XK7PQ2")
    data["cost_amount"] = ""
    response = staff_client.post(url, data)
    world.leg.refresh_from_db()
    assert response.status_code == 302
    assert world.leg.booking_reference == "XK7PQ2"
    entry = AuditEntry.objects.for_object(world.leg).get()
    assert (entry.action, entry.changes) == ("travel_leg.updated", {"booking_reference": ["", "XK7PQ2"]})


def test_travel_leg_delete_asks_then_deletes(staff_client, world):
    url = reverse("orga:travel-leg-delete", args=[world.leg.pk])
    assert "Delete Kinshasa FIH → Marseille MRS" in staff_client.get(url).content.decode()
    response = staff_client.post(url)
    assert response.status_code == 302
    assert TravelLeg.objects.count() == 0
    assert AuditEntry.objects.for_object(world.participation).get().action == "travel_leg.deleted"
