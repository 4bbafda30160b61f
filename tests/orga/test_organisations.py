import pytest
from django.urls import reverse

from tissage.core.models import AuditEntry
from tissage.people.enums import OrganisationKind
from tissage.people.models import Organisation

from ..factories import HubFactory, OrganisationFactory, ProgrammeFactory, VenueFactory

LIST_QUERIES = 6
DETAIL_QUERIES = 8


def listed(response) -> list[str]:
    return [organisation.slug for organisation in response.context["object_list"]]


def linked_organisation(**kwargs):
    """An organisation with every kind of link: funder, hub partner, venue owner."""
    organisation = OrganisationFactory(**kwargs)
    ProgrammeFactory().funders.add(organisation)
    HubFactory().partners.add(organisation)
    VenueFactory(owner=organisation)
    return organisation


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("orga:organisation-list", []),
        ("orga:organisation-create", []),
        ("orga:organisation-detail", ["institut"]),
        ("orga:organisation-update", ["institut"]),
    ],
)
def test_organisation_pages_send_anonymous_visitors_to_login(client, name, args):
    OrganisationFactory(slug="institut")
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("orga:login"))


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("orga:organisation-list", []),
        ("orga:organisation-create", []),
        ("orga:organisation-detail", ["institut"]),
        ("orga:organisation-update", ["institut"]),
    ],
)
def test_organisation_pages_are_forbidden_to_non_staff(member_client, name, args):
    OrganisationFactory(slug="institut")
    assert member_client.get(reverse(name, args=args)).status_code == 403


def test_organisation_list_counts_each_organisations_links(staff_client):
    organisation = linked_organisation(name="Institut français")
    ProgrammeFactory().funders.add(organisation)
    response = staff_client.get(reverse("orga:organisation-list"))
    row = response.context["object_list"][0]
    assert (row.programmes_funded, row.hubs_partnered, row.venues_owned_count) == (2, 1, 1)
    assert "Institut français" in response.content.decode()


def test_organisation_list_query_count_does_not_grow_with_organisations(
    staff_client, django_assert_max_num_queries
):
    linked_organisation()
    with django_assert_max_num_queries(LIST_QUERIES):
        small = staff_client.get(reverse("orga:organisation-list"))
    for _ in range(24):
        linked_organisation(country="CD")
    with django_assert_max_num_queries(LIST_QUERIES):
        large = staff_client.get(reverse("orga:organisation-list"))
    assert (small.status_code, large.status_code) == (200, 200)
    assert len(large.context["object_list"]) == 25


def test_organisation_list_filters_by_text_kind_hub_and_country(staff_client):
    kinshasa = HubFactory(slug="kinshasa")
    OrganisationFactory(
        slug="wallonie", name="Wallonie-Bruxelles", kind=OrganisationKind.PUBLIC_BODY, country="BE"
    )
    OrganisationFactory(
        slug="halle", name="Halle de la Gombe", kind=OrganisationKind.VENUE_OPERATOR, hub=kinshasa
    )
    OrganisationFactory(
        slug="institut", name="Institut français", kind=OrganisationKind.EMBASSY, country="CD"
    )
    url = reverse("orga:organisation-list")
    assert listed(staff_client.get(url, {"q": "gombe"})) == ["halle"]
    assert listed(staff_client.get(url, {"kind": "embassy"})) == ["institut"]
    assert listed(staff_client.get(url, {"hub": "kinshasa"})) == ["halle"]
    response = staff_client.get(url, {"country": "BE"})
    assert listed(response) == ["wallonie"]
    assert list(response.context["filter"].form.fields["country"].choices) == [
        ("", "---------"),
        ("BE", "Belgium"),
        ("CD", "Democratic Republic of the Congo"),
    ]


def test_organisation_page_shows_its_roles_through_its_links(staff_client):
    organisation = OrganisationFactory(slug="institut")
    ProgrammeFactory(name={"en": "Mimi-Sud"}).funders.add(organisation)
    HubFactory(name={"en": "Kinshasa"}).partners.add(organisation)
    VenueFactory(owner=organisation, name={"en": "Halle de la Gombe"})
    response = staff_client.get(reverse("orga:organisation-detail", args=["institut"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert [str(p.name) for p in response.context["organisation"].funded_programmes.all()] == ["Mimi-Sud"]
    assert ("Mimi-Sud" in page, "Kinshasa" in page, "Halle de la Gombe" in page) == (True, True, True)
    assert 'id="history-heading"' in page


def test_organisation_page_query_count_does_not_grow_with_links(staff_client, django_assert_max_num_queries):
    organisation = linked_organisation(slug="institut")
    url = reverse("orga:organisation-detail", args=["institut"])
    with django_assert_max_num_queries(DETAIL_QUERIES):
        few = staff_client.get(url)
    for _ in range(10):
        ProgrammeFactory().funders.add(organisation)
        HubFactory().partners.add(organisation)
        VenueFactory(owner=organisation)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        many = staff_client.get(url)
    assert (few.status_code, many.status_code) == (200, 200)


def test_organisation_create_saves_through_the_domain_with_a_slug_from_the_name(staff_client):
    response = staff_client.post(
        reverse("orga:organisation-create"),
        {
            "name": "Institut français de Kinshasa",
            "kind": "embassy",
            "country": "CD",
            "website": "institutfrancais.cd",
        },
    )
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert (organisation.slug, organisation.website) == (
        "institut-francais-de-kinshasa",
        "https://institutfrancais.cd",
    )
    assert AuditEntry.objects.for_object(organisation).get().action == "organisation.created"


def test_organisation_create_without_a_name_shows_errors_and_writes_nothing(staff_client):
    response = staff_client.post(reverse("orga:organisation-create"), {"kind": "nonsense"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "kind"}
    assert Organisation.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_organisation_update_audits_the_change_on_its_page(staff_client):
    organisation = OrganisationFactory(slug="institut", name="Institut", kind=OrganisationKind.EMBASSY)
    response = staff_client.post(
        reverse("orga:organisation-update", args=["institut"]),
        {"name": "Institut", "kind": "embassy", "city": "Kinshasa"},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.for_object(organisation).get()
    assert (entry.action, entry.changes) == ("organisation.updated", {"city": ["", "Kinshasa"]})
    page = staff_client.get(organisation.get_absolute_url())
    assert list(page.context["audit_entries"]) == [entry]
    assert "<dt>City</dt><dd><ins>Kinshasa</ins></dd>" in page.content.decode()
