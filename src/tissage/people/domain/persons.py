"""State changes of people: identity, languages, roles over time."""

from collections.abc import Iterable

from django.db import transaction

from tissage.core.domain.audit import audit_record
from tissage.core.domain.slugs import unique_slug
from tissage.core.domain.writes import audited_create, audited_delete, audited_update

from ..models import Person, PersonLanguage, PersonRole

LanguageLevels = Iterable[tuple[str, str]]


def person_create(*, actor, data: dict, languages: LanguageLevels = ()) -> Person:
    """Create a person; the slug defaults to one made from the name."""
    data = dict(data)
    if not data.get("slug"):
        name = f"{data.get('given_name', '')} {data.get('family_name', '')}"
        data["slug"] = unique_slug(Person.objects.all(), name, fallback="person")
    with transaction.atomic():
        person = audited_create(actor=actor, model=Person, data=data, action="person.created")
        if languages:
            person_languages_set(actor=actor, person=person, languages=languages)
    return person


def person_update(*, actor, person: Person, data: dict) -> dict:
    return audited_update(actor=actor, instance=person, data=data, action="person.updated")


def person_languages_set(*, actor, person: Person, languages: LanguageLevels) -> dict:
    """Replace a person's languages; returns ``{language: [level before, level after]}``."""
    wanted = dict(languages)
    with transaction.atomic():
        current = {pl.language: pl for pl in person.languages.all()}
        changes = {}
        for code, row in current.items():
            if code not in wanted:
                row.delete()
                changes[code] = [row.level, None]
        for code, level in wanted.items():
            row = current.get(code)
            if row is None:
                row = PersonLanguage(person=person, language=code, level=level)
                row.full_clean()
                row.save()
                changes[code] = [None, level]
            elif row.level != level:
                changes[code] = [row.level, level]
                row.level = level
                row.full_clean()
                row.save(update_fields=["level"])
        if changes:
            audit_record(actor=actor, action="person.languages_changed", obj=person, changes=changes)
    return changes


def person_role_add(*, actor, person: Person, data: dict) -> PersonRole:
    return audited_create(
        actor=actor,
        model=PersonRole,
        data={**data, "person": person},
        action="person.role_added",
        related=[person],
    )


def person_role_update(*, actor, role: PersonRole, data: dict) -> dict:
    return audited_update(
        actor=actor, instance=role, data=data, action="person.role_updated", related=[role.person]
    )


def person_role_delete(*, actor, role: PersonRole) -> None:
    audited_delete(actor=actor, instance=role, action="person.role_deleted", related=[role.person])
