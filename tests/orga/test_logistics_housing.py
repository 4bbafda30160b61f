import datetime

from django.urls import reverse

from tissage.core.models import AuditEntry
from tissage.logistics.models import AccommodationPlace, Bed, Stay

from ..factories import AccommodationPlaceFactory, BedFactory, HubFactory, ParticipationFactory
from .logistics_world import world_fixture  # noqa: F401

D = datetime.date
LIST_QUERIES = 6
PLACE_QUERIES = 9


def test_place_create_then_bedrooms_with_beds(staff_client, db):
    hub = HubFactory(slug="narian-mar", currency="RUB")
    url = reverse("orga:place-create") + "?hub=narian-mar"
    assert staff_client.get(url).context["form"].initial["nightly_currency"] == "RUB"
    response = staff_client.post(
        url,
        {
            "hub": hub.pk,
            "name": "Гостиница Печора",
            "kind": "hotel",
            "nightly_amount": "3200",
            "nightly_currency": "rub",
        },
    )
    place = AccommodationPlace.objects.get()
    assert response["Location"] == place.get_absolute_url()
    staff_client.post(reverse("orga:bedroom-create", args=[place.pk]), {"name": "201", "beds": 2})
    page = staff_client.get(place.get_absolute_url())
    assert [bed.label for room in page.context["rooms"] for bed in room.beds.all()] == ["1", "2"]
    assert "3,200.00\xa0RUB" in page.content.decode()


def test_bedroom_with_no_bed_shows_errors_and_writes_nothing(staff_client, db):
    place = AccommodationPlaceFactory()
    response = staff_client.post(reverse("orga:bedroom-create", args=[place.pk]), {"name": "", "beds": 0})
    assert set(response.context["form"].errors) == {"name", "beds"}
    assert (Bed.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_place_list_query_count_does_not_grow(staff_client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(LIST_QUERIES):
        staff_client.get(reverse("orga:place-list"))
    for _n in range(12):
        BedFactory.create_batch(2, room__place=AccommodationPlaceFactory())
    with django_assert_max_num_queries(LIST_QUERIES):
        page = staff_client.get(reverse("orga:place-list"))
    assert [place.bed_count for place in page.context["object_list"]] == [2] * 12


def test_place_page_query_count_does_not_grow_with_beds(staff_client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(PLACE_QUERIES):
        staff_client.get(world.place.get_absolute_url())
    BedFactory.create_batch(10, room=world.bed.room)
    with django_assert_max_num_queries(PLACE_QUERIES):
        staff_client.get(world.place.get_absolute_url())


def test_stay_create_offers_the_hub_beds_and_every_night(staff_client, world):
    other = ParticipationFactory(
        session=world.participation.session, arrives_on=D(2027, 7, 20), departs_on=D(2027, 7, 24)
    )
    BedFactory(room__place__hub=HubFactory())
    url = reverse("orga:stay-create") + f"?participation={other.pk}"
    form = staff_client.get(url).context["form"]
    assert list(form.fields["bed"].queryset) == [world.bed]
    assert (form.initial["check_in"], form.initial["check_out"]) == (D(2027, 7, 20), D(2027, 7, 24))


def test_double_booked_bed_is_refused_with_who_holds_it(staff_client, world):
    other = ParticipationFactory(session=world.participation.session)
    response = staff_client.post(
        reverse("orga:stay-create") + f"?participation={other.pk}",
        {"bed": world.bed.pk, "check_in": "2027-07-24", "check_out": "2027-07-26"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "bed": ["This bed is taken by Grâce Nsimba from 19 Jul 2027 to 25 Jul 2027."]
    }
    assert (Stay.objects.count(), AuditEntry.objects.count()) == (1, 0)


def test_stay_delete_frees_the_bed(staff_client, world):
    url = reverse("orga:stay-delete", args=[world.stay.pk])
    assert "Free the bed of Grâce Nsimba" in staff_client.get(url).content.decode()
    response = staff_client.post(url)
    assert (
        response["Location"]
        == reverse("orga:logistics-participation", args=[world.participation.pk]) + "#stays"
    )
    assert Stay.objects.count() == 0


def test_stay_create_books_the_bed_and_goes_back_to_the_participation(staff_client, world):
    other = ParticipationFactory(session=world.participation.session)
    free = BedFactory(room=world.bed.room, label="B")
    response = staff_client.post(
        reverse("orga:stay-create") + f"?participation={other.pk}",
        {"bed": free.pk, "check_in": "2027-07-19", "check_out": "2027-07-25"},
    )
    assert response["Location"] == reverse("orga:logistics-participation", args=[other.pk]) + "#stays"
    stay = Stay.objects.get(participation=other)
    assert (stay.bed, stay.nights) == (free, 6)
    assert AuditEntry.objects.for_object(other.person).get().action == "stay.created"
