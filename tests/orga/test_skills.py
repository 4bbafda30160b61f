import pytest
from django.urls import reverse

from tissage.core.models import AuditEntry
from tissage.people.enums import SkillCategory
from tissage.people.models import Skill

from ..factories import PersonFactory, SkillFactory

LIST_QUERIES = 4


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "args"), [("orga:skill-list", []), ("orga:skill-create", []), ("orga:skill-update", ["guitar"])]
)
def test_skill_pages_send_anonymous_visitors_to_login(client, name, args):
    SkillFactory(slug="guitar")
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("orga:login"))


@pytest.mark.parametrize(
    ("name", "args"), [("orga:skill-list", []), ("orga:skill-create", []), ("orga:skill-update", ["guitar"])]
)
def test_skill_pages_are_forbidden_to_non_staff(member_client, name, args):
    SkillFactory(slug="guitar")
    assert member_client.get(reverse(name, args=args)).status_code == 403


def test_skill_list_counts_people_and_links_to_them(staff_client):
    guitar = SkillFactory(slug="guitar")
    for person in PersonFactory.create_batch(2):
        person.skills.add(guitar)
    response = staff_client.get(reverse("orga:skill-list"))
    assert [(skill.slug, skill.people_count) for skill in response.context["object_list"]] == [("guitar", 2)]
    assert f'href="{reverse("orga:person-list")}?skill=guitar"' in response.content.decode()


def test_skill_list_query_count_does_not_grow_with_skills(staff_client, django_assert_max_num_queries):
    SkillFactory()
    with django_assert_max_num_queries(LIST_QUERIES):
        small = staff_client.get(reverse("orga:skill-list"))
    person = PersonFactory()
    person.skills.add(*SkillFactory.create_batch(30))
    with django_assert_max_num_queries(LIST_QUERIES):
        large = staff_client.get(reverse("orga:skill-list"))
    assert (small.status_code, large.status_code) == (200, 200)
    assert len(large.context["object_list"]) == 25


def test_skill_list_filters_by_category_and_text(staff_client):
    SkillFactory(slug="violin", name={"en": "Violin", "ru": "Скрипка"}, category=SkillCategory.INSTRUMENT)
    SkillFactory(slug="stage-management", name={"en": "Stage management"}, category=SkillCategory.STAGE)
    url = reverse("orga:skill-list")
    assert [s.slug for s in staff_client.get(url, {"category": "stage"}).context["object_list"]] == [
        "stage-management"
    ]
    assert [s.slug for s in staff_client.get(url, {"q": "Скрипка"}).context["object_list"]] == ["violin"]


def test_skill_create_saves_through_the_domain_and_makes_the_slug(staff_client):
    response = staff_client.post(
        reverse("orga:skill-create"),
        {"name_0": "Contrebasse", "name_1": "Double bass", "name_2": "Контрабас", "category": "instrument"},
    )
    skill = Skill.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("orga:skill-list")
    assert (skill.slug, str(skill.name.localize("ru"))) == ("double-bass", "Контрабас")
    assert AuditEntry.objects.for_object(skill).get().action == "skill.created"


def test_skill_create_without_a_name_shows_errors_and_writes_nothing(staff_client):
    response = staff_client.post(reverse("orga:skill-create"), {"category": "instrument"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name"}
    assert Skill.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_skill_update_audits_the_change_and_requires_a_slug(staff_client):
    skill = SkillFactory(slug="guitar", category=SkillCategory.INSTRUMENT)
    url = reverse("orga:skill-update", args=["guitar"])
    refused = staff_client.post(url, {"name_1": "Guitar", "category": "instrument", "slug": ""})
    assert set(refused.context["form"].errors) == {"slug"}
    response = staff_client.post(url, {"name_1": "Guitar", "category": "voice", "slug": "guitar"})
    assert response.status_code == 302
    entry = AuditEntry.objects.for_object(skill).get()
    assert (entry.action, entry.changes) == ("skill.updated", {"category": ["instrument", "voice"]})
