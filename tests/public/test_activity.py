import pytest

from tissage.activities.enums import ActivityMode, MemberRole

from ..factories import ActivityFactory, ActivityMemberFactory, PersonFactory
from .conftest import activity_url, publish, utc
from .html import elements, texts

pytestmark = pytest.mark.django_db

# The page's freshness, its kept copy (looked up, then stored), the edition and its venues, the
# release and who of its people are still public: the same whatever the activity's size.
PAGE_QUERIES = 11


@pytest.fixture
def workshop(edition, room):
    return ActivityFactory(
        edition=edition,
        slug="sound",
        title={"en": "Sound workshop", "fr": "Atelier son", "ru": "Звуковая мастерская"},
        description={"en": "Mixing a live concert in a small hall."},
        mode=ActivityMode.OPEN,
        room=room,
        languages=["ru", "fr"],
        interpreting=["yrk"],
        starts_at=utc(2024, 5, 21, 7),
        ends_at=utc(2024, 5, 21, 10),
    )


@pytest.mark.parametrize(
    ("language", "title"), [("fr", "Atelier son"), ("en", "Sound workshop"), ("ru", "Звуковая мастерская")]
)
def test_activity_page_shows_the_title_in_each_language(client, workshop, language, title):
    publish(workshop.edition)
    response = client.get(activity_url(workshop, language))
    assert response.status_code == 200
    assert elements(response, "html")[0].attrs["lang"] == language
    assert texts(response, "h1") == [title]
    assert texts(response, "title") == [f"{title} · {workshop.edition.title[language]} · Tissage"]


def test_activity_page_shows_when_where_and_languages_in_hub_time(client, workshop):
    publish(workshop.edition)
    response = client.get(activity_url(workshop))
    facts = dict(zip(texts(response, "dt"), texts(response, "dd"), strict=True))
    assert facts == {
        "When": "Tuesday, May 21, 2024 10:00–13:00 (Narian-Mar time, UTC+3)",
        "Where": "Big hall House of Culture Smidovicha 20",
        "Working languages": "Russian, French",
        "Interpreting into": "Nenets",
        "Edition": "Mimi-Nor 2024",
    }
    assert [t.attrs["datetime"] for t in elements(response, "time")] == [
        "2024-05-21T10:00:00+03:00",
        "2024-05-21T13:00:00+03:00",
    ]
    assert texts(response, "p", class_="lead") == ["Crossed workshop Open to trainees"]
    assert elements(response, "meta", name="description")[0].attrs["content"] == (
        "Mixing a live concert in a small hall."
    )


def test_activity_page_names_only_people_with_public_profiles(client, workshop):
    leader = PersonFactory(is_public=True, given_name="Anna", family_name="Talbey")
    member = PersonFactory(is_public=True, given_name="Jean", family_name="Dupont")
    ActivityMemberFactory(activity=workshop, person=leader, role=MemberRole.LEADER)
    ActivityMemberFactory(activity=workshop, person=member, role=MemberRole.MEMBER)
    for n in range(3):
        ActivityMemberFactory(
            activity=workshop, person=PersonFactory(given_name="Private", family_name=f"P{n}")
        )
    publish(workshop.edition)
    response = client.get(activity_url(workshop))
    facts = dict(zip(texts(response, "dt"), texts(response, "dd"), strict=False))
    assert facts["Led by"] == "Anna Talbey"
    assert facts["With"] == "Jean Dupont"
    assert [a.attrs["href"] for a in elements(response, "a") if a.text in {"Anna Talbey", "Jean Dupont"}] == [
        f"/en/people/{leader.slug}/",
        f"/en/people/{member.slug}/",
    ]
    assert "And 3 other participants." in texts(response, "p")
    assert "Private" not in response.content.decode()


def test_activity_page_counts_participants_when_none_is_public(client, workshop):
    ActivityMemberFactory(activity=workshop, role=MemberRole.LEADER)
    publish(workshop.edition)
    response = client.get(activity_url(workshop))
    assert "1 participant." in texts(response, "p")


def test_activity_page_without_time_says_it_is_to_be_announced(client, edition):
    activity = ActivityFactory(edition=edition, starts_at=None, ends_at=None)
    publish(edition)
    response = client.get(activity_url(activity))
    assert (
        dict(zip(texts(response, "dt"), texts(response, "dd"), strict=False))["When"]
        == "Time to be announced"
    )


def test_non_public_activity_is_not_found(client, workshop):
    workshop.is_public = False
    workshop.save()
    publish(workshop.edition)
    assert client.get(activity_url(workshop)).status_code == 404


def test_activity_of_an_unpublished_edition_is_not_found(client, workshop):
    publish(workshop.edition)
    workshop.edition.is_published = False
    workshop.edition.save()
    assert client.get(activity_url(workshop)).status_code == 404


def test_activity_page_breadcrumbs_lead_back_to_edition_and_festival(client, workshop):
    publish(workshop.edition)
    response = client.get(activity_url(workshop))
    crumbs = elements(response, "nav", class_="breadcrumbs")[0]
    assert crumbs.text == "Festivals Mimi-Nor Mimi-Nor 2024 Sound workshop"
    assert [a.attrs["href"] for a in elements(response, "a") if a.text in {"Festivals", "Mimi-Nor"}][-2:] == [
        "/en/",
        "/en/festivals/mimi-nor/",
    ]


def test_activity_page_query_count_does_not_grow_with_its_people(
    client, workshop, django_assert_max_num_queries
):
    def add_people(count):
        for n in range(count):
            role = MemberRole.LEADER if n % 3 == 0 else MemberRole.MEMBER
            ActivityMemberFactory(activity=workshop, person=PersonFactory(is_public=n % 2 == 0), role=role)

    add_people(2)
    publish(workshop.edition)
    with django_assert_max_num_queries(PAGE_QUERIES):
        small = client.get(activity_url(workshop))
    add_people(40)
    publish(workshop.edition)
    with django_assert_max_num_queries(PAGE_QUERIES):
        large = client.get(activity_url(workshop))
    assert small.status_code == large.status_code == 200
    assert "And 21 other participants." in texts(large, "p")
