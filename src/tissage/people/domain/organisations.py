"""State changes of organisations and of the skill vocabulary."""

from tissage.core.domain.slugs import unique_slug
from tissage.core.domain.writes import audited_create, audited_update

from ..models import Organisation, Skill


def organisation_create(*, actor, data: dict) -> Organisation:
    data = dict(data)
    if not data.get("slug"):
        data["slug"] = unique_slug(Organisation.objects.all(), data.get("name", ""), fallback="organisation")
    return audited_create(actor=actor, model=Organisation, data=data, action="organisation.created")


def organisation_update(*, actor, organisation: Organisation, data: dict) -> dict:
    return audited_update(actor=actor, instance=organisation, data=data, action="organisation.updated")


def skill_create(*, actor, data: dict) -> Skill:
    return audited_create(actor=actor, model=Skill, data=data, action="skill.created")


def skill_update(*, actor, skill: Skill, data: dict) -> dict:
    return audited_update(actor=actor, instance=skill, data=data, action="skill.updated")
