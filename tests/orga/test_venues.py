import pytest
from django.urls import reverse

from tissage.core.models import AuditEntry
from tissage.network.enums import RoomKind
from tissage.network.models import Room, Venue

from ..factories import ActivityFactory, EditionFactory, HubFactory, RoomFactory, VenueFactory
from .access import anonymous_outcomes, sent_to_login, statuses

LIST_QUERIES = 5
DETAIL_QUERIES = 7


@pytest.fixture
def venue(db):
    hub = HubFactory(slug="frioul")
    return VenueFactory(hub=hub, slug="hopital-caroline", name={"en": "Hôpital Caroline"})


def venue_urls(venue, room) -> list[str]:
    return [
        reverse("orga:venue-list"),
        reverse("orga:venue-create"),
        reverse("orga:venue-detail", args=[venue.pk]),
        reverse("orga:venue-update", args=[venue.pk]),
        reverse("orga:room-create", args=[venue.pk]),
        reverse("orga:room-update", args=[room.pk]),
        reverse("orga:room-delete", args=[room.pk]),
    ]


def test_venue_pages_send_anonymous_visitors_to_login(client, venue):
    urls = venue_urls(venue, RoomFactory(venue=venue))
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)
    assert anonymous_outcomes(client, urls, "post") == sent_to_login(urls)


def test_venue_pages_are_forbidden_to_non_staff(member_client, venue):
    urls = venue_urls(venue, RoomFactory(venue=venue))
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    assert statuses(member_client, urls, "post") == dict.fromkeys(urls, 403)


def test_venue_list_filters_by_hub_and_text(staff_client, venue):
    VenueFactory(hub=venue.hub, slug="chapelle", name={"en": "Chapelle"})
    VenueFactory(slug="bandal", name={"en": "Espace Bandal"}, address="Bandalungwa")
    url = reverse("orga:venue-list")
    by_hub = staff_client.get(url, {"hub": venue.hub.pk})
    by_text = staff_client.get(url, {"q": "bandalungwa"})
    assert [v.slug for v in by_hub.context["object_list"]] == ["chapelle", "hopital-caroline"]
    assert [v.slug for v in by_text.context["object_list"]] == ["bandal"]


def test_venue_list_query_count_does_not_grow_with_venues(staff_client, django_assert_max_num_queries):
    for venue in VenueFactory.create_batch(2):
        RoomFactory.create_batch(2, venue=venue)
    with django_assert_max_num_queries(LIST_QUERIES):
        small = staff_client.get(reverse("orga:venue-list"))
    for venue in VenueFactory.create_batch(20):
        RoomFactory.create_batch(3, venue=venue)
    with django_assert_max_num_queries(LIST_QUERIES):
        large = staff_client.get(reverse("orga:venue-list"))
    assert small.status_code == large.status_code == 200
    assert large.context["paginator"].count == 22


def test_venue_page_shows_rooms_editions_and_history(staff_client, venue):
    RoomFactory(venue=venue, name="Grande salle", capacity=120, equipment="Piano\nFaçade 2 kW")
    edition = EditionFactory(festival__hub=venue.hub)
    edition.venues.add(venue)
    staff_client.post(reverse("orga:room-create", args=[venue.pk]), {"name": "Chapelle", "kind": "rehearsal"})
    page = staff_client.get(venue.get_absolute_url())
    html = page.content.decode()
    assert [room.name for room in page.context["rooms"]] == ["Chapelle", "Grande salle"]
    assert list(page.context["editions"]) == [edition]
    assert "Piano, Façade 2 kW" in html
    assert [entry.action for entry in page.context["audit_entries"]] == ["room.created"]
    assert "<strong>Created</strong> · Hôpital Caroline — Chapelle" in html


def test_venue_page_query_count_does_not_grow_with_rooms(staff_client, venue, django_assert_max_num_queries):
    RoomFactory.create_batch(2, venue=venue)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        staff_client.get(venue.get_absolute_url())
    RoomFactory.create_batch(20, venue=venue)
    for edition in EditionFactory.create_batch(5, festival__hub=venue.hub):
        edition.venues.add(venue)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = staff_client.get(venue.get_absolute_url())
    assert len(response.context["rooms"]) == 22


def test_venue_create_from_a_hub_page_preselects_the_hub_and_makes_the_slug(staff_client):
    hub = HubFactory(slug="kinshasa")
    form_page = staff_client.get(reverse("orga:venue-create"), {"hub": "kinshasa"})
    assert form_page.context["form"].initial["hub"] == hub
    assert form_page.context["cancel_url"] == hub.get_absolute_url()
    response = staff_client.post(
        reverse("orga:venue-create") + "?hub=kinshasa",
        {"hub": hub.pk, "name_0": "Espace Bandal", "slug": "", "address": "Bandalungwa"},
    )
    venue = Venue.objects.get()
    assert response.status_code == 302
    assert response["Location"] == venue.get_absolute_url()
    assert venue.slug == "espace-bandal"
    assert AuditEntry.objects.for_object(venue).get().action == "venue.created"


def test_venue_create_with_bad_input_shows_errors_and_writes_nothing(staff_client):
    response = staff_client.post(reverse("orga:venue-create"), {"name_0": "", "website": "not a url"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"hub", "name", "website"}
    assert (Venue.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_venue_update_audits_the_change(staff_client, venue):
    response = staff_client.post(
        reverse("orga:venue-update", args=[venue.pk]),
        {"hub": venue.hub.pk, "name_1": "Hôpital Caroline", "slug": venue.slug, "address": "Île Ratonneau"},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.for_object(venue).get()
    assert (entry.action, entry.changes["address"]) == ("venue.updated", ["", "Île Ratonneau"])


def test_room_create_from_the_venue_page_returns_there(staff_client, venue):
    response = staff_client.post(
        reverse("orga:room-create", args=[venue.pk]),
        {"name": "Chapelle", "kind": RoomKind.REHEARSAL, "capacity": "120", "equipment": "Piano droit"},
    )
    room = Room.objects.get()
    assert response["Location"] == venue.get_absolute_url()
    assert (room.venue, room.capacity, room.kind) == (venue, 120, RoomKind.REHEARSAL)
    assert AuditEntry.objects.for_object(venue).get().action == "room.created"


def test_room_create_with_bad_input_shows_the_form_again(staff_client, venue):
    RoomFactory(venue=venue, name="Chapelle")
    response = staff_client.post(
        reverse("orga:room-create", args=[venue.pk]), {"name": "Chapelle", "kind": "stage", "capacity": "-3"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"capacity"}
    assert response.context["cancel_url"] == venue.get_absolute_url()
    assert Room.objects.count() == 1


def test_room_create_refuses_a_second_room_of_the_same_name(staff_client, venue):
    RoomFactory(venue=venue, name="Chapelle")
    response = staff_client.post(
        reverse("orga:room-create", args=[venue.pk]), {"name": "Chapelle", "kind": "stage"}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["__all__"]
    assert (Room.objects.count(), AuditEntry.objects.count()) == (1, 0)


def test_room_update_audits_on_the_venue_page(staff_client, venue):
    room = RoomFactory(venue=venue, name="Chapelle", capacity=100)
    response = staff_client.post(
        reverse("orga:room-update", args=[room.pk]), {"name": "Chapelle", "kind": "other", "capacity": "80"}
    )
    assert response["Location"] == venue.get_absolute_url()
    assert AuditEntry.objects.for_object(venue).get().changes == {"capacity": [100, 80]}


def test_room_delete_asks_first_then_deletes_and_frees_its_activities(staff_client, venue):
    room = RoomFactory(venue=venue, name="Chapelle")
    activity = ActivityFactory(room=room)
    question = staff_client.get(reverse("orga:room-delete", args=[room.pk]))
    assert question.context["page_title"] == "Delete Hôpital Caroline — Chapelle?"
    response = staff_client.post(reverse("orga:room-delete", args=[room.pk]))
    activity.refresh_from_db()
    assert response["Location"] == venue.get_absolute_url()
    assert (Room.objects.count(), activity.room) == (0, None)
    assert AuditEntry.objects.for_object(venue).get().action == "room.deleted"


def test_venue_and_room_pages_mark_venues_as_the_current_section(staff_client, venue):
    room = RoomFactory(venue=venue)
    current = f'<a href="{reverse("orga:venue-list")}" aria-current="page">'
    for url in (
        reverse("orga:venue-list"),
        venue.get_absolute_url(),
        reverse("orga:room-update", args=[room.pk]),
    ):
        assert staff_client.get(url).content.decode().count('aria-current="page"') == 1
        assert current in staff_client.get(url).content.decode()
