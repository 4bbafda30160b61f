"""State changes of organisations and of the skill vocabulary."""

from django.conf import settings
from i18nfield.strings import LazyI18nString

from tissage.core.domain.slugs import unique_slug
from tissage.core.domain.writes import audited_create, audited_update

from ..models import Organisation, Skill


def organisation_create(*, actor, data: dict) -> Organisation:
    """Create an organisation; the slug defaults to one made from the name."""
    data = dict(data)
    if not data.get("slug"):
        data["slug"] = unique_slug(Organisation.objects.all(), data.get("name", ""), fallback="organisation")
    return audited_create(actor=actor, model=Organisation, data=data, action="organisation.created")


def organisation_update(*, actor, organisation: Organisation, data: dict) -> dict:
    return audited_update(actor=actor, instance=organisation, data=data, action="organisation.updated")


def skill_create(*, actor, data: dict) -> Skill:
    """Create a skill or instrument; the slug defaults to one made from its name in the default language."""
    data = dict(data)
    if not data.get("slug"):
        name = data.get("name")
        if not isinstance(name, LazyI18nString):
            name = LazyI18nString(name)
        data["slug"] = unique_slug(
            Skill.objects.all(), name.localize(settings.LANGUAGE_CODE), fallback="skill"
        )
    return audited_create(actor=actor, model=Skill, data=data, action="skill.created")


def skill_update(*, actor, skill: Skill, data: dict) -> dict:
    return audited_update(actor=actor, instance=skill, data=data, action="skill.updated")
