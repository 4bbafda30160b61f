import pytest
from django.urls import reverse

from tissage.core.models import AuditEntry
from tissage.network.models import Hub

from ..factories import FestivalFactory, HubFactory, RoomFactory, VenueFactory

HUB_QUERIES = 8


@pytest.mark.django_db
def test_hub_list_redirects_anonymous_visitors_to_login(client):
    response = client.get(reverse("orga:hub-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("orga:login"))


def test_hub_list_is_forbidden_to_non_staff(member_client):
    assert member_client.get(reverse("orga:hub-list")).status_code == 403


def test_hub_list_query_count_does_not_grow_with_hubs(staff_client, django_assert_max_num_queries):
    HubFactory.create_batch(3)
    with django_assert_max_num_queries(6):
        small = staff_client.get(reverse("orga:hub-list"))
    HubFactory.create_batch(20)
    with django_assert_max_num_queries(6):
        large = staff_client.get(reverse("orga:hub-list"))
    assert small.status_code == large.status_code == 200


def test_hub_list_filters_by_text(staff_client):
    HubFactory(slug="kinshasa", name={"fr": "Kinshasa"})
    HubFactory(slug="narian-mar", name={"fr": "Narian-Mar", "ru": "Нарьян-Мар"})
    response = staff_client.get(reverse("orga:hub-list"), {"q": "Нарьян"})
    assert [hub.slug for hub in response.context["object_list"]] == ["narian-mar"]


def test_hub_create_saves_through_the_domain_and_audits(staff_client):
    response = staff_client.post(
        reverse("orga:hub-create"),
        {
            "name_0": "Kinshasa",
            "name_1": "Kinshasa",
            "name_2": "Киншаса",
            "slug": "kinshasa",
            "country": "CD",
            "timezone": "Africa/Kinshasa",
            "languages": ["fr", "ln"],
            "currency": "CDF",
            "season": "winter",
        },
    )
    hub = Hub.objects.get(slug="kinshasa")
    assert response.status_code == 302
    assert response["Location"] == hub.get_absolute_url()
    assert hub.languages == ["fr", "ln"]
    assert str(hub.name.localize("ru")) == "Киншаса"
    assert AuditEntry.objects.for_object(hub).get().action == "hub.created"


def test_hub_create_with_bad_input_shows_errors_in_the_users_language(staff_client):
    response = staff_client.post(
        reverse("orga:hub-create"),
        {"slug": "x", "country": "CD", "timezone": "Nowhere/Here", "currency": "cdf", "season": "winter"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "timezone", "__all__"}
    assert "Ce champ est obligatoire." in response.content.decode()
    assert Hub.objects.count() == 0


def test_hub_update_audits_the_change_on_the_hub_page(staff_client):
    hub = HubFactory(currency="EUR", season="summer")
    response = staff_client.post(
        reverse("orga:hub-update", args=[hub.slug]),
        {
            "name_0": "Marseille",
            "slug": hub.slug,
            "country": "FR",
            "timezone": "Europe/Paris",
            "currency": "EUR",
            "season": "autumn",
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.for_object(hub).get()
    assert entry.changes["season"] == ["summer", "autumn"]
    page = staff_client.get(hub.get_absolute_url())
    assert page.context["audit_entries"][0] == entry
    assert "<dt>Festival season</dt><dd><del>summer</del> → <ins>autumn</ins></dd>" in page.content.decode()


def test_hub_page_links_to_its_festivals_and_venues_and_offers_new_ones(staff_client):
    hub = HubFactory(slug="narian-mar")
    festival = FestivalFactory(hub=hub)
    venue = VenueFactory(hub=hub)
    html = staff_client.get(hub.get_absolute_url()).content.decode()
    assert festival.get_absolute_url() in html
    assert venue.get_absolute_url() in html
    assert reverse("orga:venue-create") + "?hub=narian-mar" in html
    assert reverse("orga:festival-create") + "?hub=narian-mar" in html


def test_hub_page_query_count_does_not_grow(staff_client, django_assert_max_num_queries):
    hub = HubFactory()
    RoomFactory(venue__hub=hub)
    with django_assert_max_num_queries(HUB_QUERIES):
        staff_client.get(hub.get_absolute_url())
    for venue in VenueFactory.create_batch(5, hub=hub):
        RoomFactory.create_batch(3, venue=venue)
    FestivalFactory.create_batch(3, hub=hub)
    with django_assert_max_num_queries(HUB_QUERIES):
        response = staff_client.get(hub.get_absolute_url())
    assert response.status_code == 200
