import pytest

from tissage.core.models import AuditEntry
from tissage.people.domain.organisations import (
    organisation_create,
    organisation_update,
    skill_create,
    skill_update,
)
from tissage.people.enums import OrganisationKind, SkillCategory

from ...factories import OrganisationFactory, SkillFactory, StaffFactory


@pytest.mark.django_db
def test_organisation_create_makes_a_unique_slug_from_the_name_and_audits():
    OrganisationFactory(slug="institut-francais")
    organisation = organisation_create(
        actor=StaffFactory(), data={"name": "Institut français", "kind": OrganisationKind.EMBASSY}
    )
    assert organisation.slug == "institut-francais-2"
    assert AuditEntry.objects.for_object(organisation).get().action == "organisation.created"


@pytest.mark.django_db
def test_organisation_update_records_what_changed():
    organisation = OrganisationFactory(city="")
    changes = organisation_update(actor=None, organisation=organisation, data={"city": "Kinshasa"})
    assert changes == {"city": ["", "Kinshasa"]}
    assert AuditEntry.objects.for_object(organisation).get().action == "organisation.updated"


@pytest.mark.django_db
def test_skill_create_makes_the_slug_from_the_name_in_the_default_language():
    skill = skill_create(
        actor=None,
        data={
            "name": {"fr": "Contrebasse", "en": "Double bass", "ru": "Контрабас"},
            "category": "instrument",
        },
    )
    assert skill.slug == "double-bass"
    assert AuditEntry.objects.for_object(skill).get().action == "skill.created"


@pytest.mark.django_db
def test_skill_create_falls_back_to_a_plain_slug_for_a_name_in_another_script():
    skill = skill_create(actor=None, data={"name": {"ru": "Варган"}, "category": SkillCategory.INSTRUMENT})
    assert skill.slug == "skill"


@pytest.mark.django_db
def test_skill_update_records_what_changed():
    skill = SkillFactory(category=SkillCategory.INSTRUMENT)
    assert skill_update(actor=None, skill=skill, data={"category": SkillCategory.VOICE}) == {
        "category": ["instrument", "voice"]
    }
    assert AuditEntry.objects.for_object(skill).get().action == "skill.updated"
