import pytest
from django.urls import reverse

from tissage.core.domain.writes import audited_delete
from tissage.people.domain.persons import person_create, person_update

from ..factories import PersonFactory
from .access import anonymous_outcomes, sent_to_login, statuses

pytestmark = pytest.mark.django_db

LIST_QUERIES = 9
URL = "/orga/audit/"


def shown(response) -> list[tuple[str, str]]:
    return [(entry.action, entry.object_repr) for entry in response.context["object_list"]]


def test_anonymous_visitors_are_sent_to_login(client):
    assert reverse("orga:audit") == URL
    assert anonymous_outcomes(client, [URL]) == sent_to_login([URL])


def test_signed_in_people_without_staff_rights_are_refused(member_client):
    assert statuses(member_client, [URL]) == {URL: 403}


def test_staff_search_every_change_including_those_of_deleted_objects(staff_client, staff_user):
    anna = person_create(actor=staff_user, data={"given_name": "Anna", "family_name": "Vokueva"})
    person_update(actor=staff_user, person=anna, data={"given_name": "Anya"})
    ines = person_create(actor=None, data={"given_name": "Inès", "family_name": "Mbala"})
    audited_delete(actor=staff_user, instance=ines, action="person.deleted")

    everything = shown(staff_client.get(URL))
    assert everything[:4] == [
        ("person.deleted", "Inès Mbala"),
        ("person.created", "Inès Mbala"),
        ("person.updated", "Anya Vokueva"),
        ("person.created", "Anna Vokueva"),
    ]
    assert shown(staff_client.get(URL, {"q": "mbala"})) == everything[:2]
    assert shown(staff_client.get(URL, {"action": "person.updated"})) == [everything[2]]
    assert shown(staff_client.get(URL, {"who": staff_user.username})) == [everything[0], *everything[2:4]]
    page = staff_client.get(URL, {"action": "person.updated"})
    assert "Anya" in page.content.decode()
    assert shown(staff_client.get(URL, {"since": "2999-01-01"})) == []


def test_a_bad_filter_value_says_so_and_shows_nothing_wrong(staff_client):
    response = staff_client.get(URL, {"since": "yesterday", "kind": "99999"})
    assert response.status_code == 200
    assert set(response.context["filter"].errors) == {"since", "kind"}


def test_the_audit_log_query_count_does_not_grow(staff_client, staff_user, django_assert_max_num_queries):
    for n in range(3):
        person_create(actor=staff_user, data={"given_name": f"P{n}", "family_name": "Small"})
    with django_assert_max_num_queries(LIST_QUERIES):
        staff_client.get(URL)
    for person in PersonFactory.create_batch(40):
        person_update(actor=staff_user, person=person, data={"given_name": "Renamed"})
    with django_assert_max_num_queries(LIST_QUERIES):
        response = staff_client.get(URL)
    assert response.context["page_obj"].paginator.count == 43
