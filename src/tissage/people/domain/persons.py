"""State changes of people (identity, languages, roles over time) and the queries of a person's history."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext as _

from tissage.core.domain.audit import audit_record
from tissage.core.domain.slugs import unique_slug
from tissage.core.domain.writes import audited_create, audited_delete, audited_update
from tissage.core.languages import SPOKEN_LANGUAGES, language_name

from ..enums import LanguageLevel
from ..models import Person, PersonLanguage, PersonRole

if TYPE_CHECKING:
    from tissage.activities.models import ActivityMember, Participation
    from tissage.network.models import CohortMember

LanguageLevels = Iterable[tuple[str, str]]

# The identifiers two people cannot share, with the lookup that compares them.
UNIQUE_IDENTIFIERS = {
    "email": ("email__iexact", "person_unique_email"),
    "external_id": ("external_id", "person_unique_external_id"),
}


def _normalised(data: dict) -> dict:
    """Blank identifiers are stored as NULL: two people without an email do not share one."""
    data = dict(data)
    for name in UNIQUE_IDENTIFIERS:
        if name in data:
            data[name] = (data[name] or "").strip() or None
    return data


def person_check_unique(*, data: dict, person: Person | None = None) -> None:
    """Refuse an email or external id that someone else already has, as an error on that field.

    The database constraints hold in any case; this check names the field, which a constraint
    on an expression (the lower-cased email) cannot do.
    """
    others = (
        Person.objects.exclude(pk=person.pk) if person is not None and person.pk else Person.objects.all()
    )
    messages = {c.name: c.get_violation_error_message() for c in Person._meta.constraints}
    errors = {
        name: ValidationError(messages[constraint], code="unique")
        for name, (lookup, constraint) in UNIQUE_IDENTIFIERS.items()
        if data.get(name) and others.filter(**{lookup: data[name]}).exists()
    }
    if errors:
        raise ValidationError(errors)


def checked_languages(languages: LanguageLevels) -> dict[str, str]:
    """``{language: level}``, refusing unknown codes or levels and a language given twice."""
    wanted: dict[str, str] = {}
    errors = []
    for code, level in languages:
        if code not in SPOKEN_LANGUAGES:
            errors.append(ValidationError(_("“%(code)s” is not a known language.") % {"code": code}))
        elif level not in LanguageLevel.values:
            errors.append(ValidationError(_("“%(level)s” is not a language level.") % {"level": level}))
        elif code in wanted:
            errors.append(
                ValidationError(_("%(language)s is given twice.") % {"language": language_name(code)})
            )
        else:
            wanted[code] = level
    if errors:
        raise ValidationError({"languages": errors})
    return wanted


def person_create(*, actor, data: dict, languages: LanguageLevels = ()) -> Person:
    """Create a person and their spoken languages together; the slug is made from the name."""
    data = _normalised(data)
    wanted = checked_languages(languages)
    person_check_unique(data=data)
    if not data.get("slug"):
        name = f"{data.get('given_name', '')} {data.get('family_name', '')}"
        data["slug"] = unique_slug(Person.objects.all(), name, fallback="person")
    with transaction.atomic():
        person = audited_create(actor=actor, model=Person, data=data, action="person.created")
        if wanted:
            person_languages_set(actor=actor, person=person, languages=wanted.items())
    return person


def person_update(*, actor, person: Person, data: dict, languages: LanguageLevels | None = None) -> dict:
    """Change a person and, when ``languages`` is given, replace their languages in the same transaction.

    Returns ``{field: [before, after]}``, with the languages' changes under ``"languages"``.
    """
    data = _normalised(data)
    wanted = None if languages is None else checked_languages(languages)
    person_check_unique(data=data, person=person)
    with transaction.atomic():
        changes = audited_update(actor=actor, instance=person, data=data, action="person.updated")
        if wanted is not None and (
            language_changes := person_languages_set(actor=actor, person=person, languages=wanted.items())
        ):
            changes["languages"] = language_changes
    return changes


def person_languages_set(*, actor, person: Person, languages: LanguageLevels) -> dict:
    """Replace a person's languages; returns ``{language: [level before, level after]}``."""
    wanted = checked_languages(languages)
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


def person_role_end(*, actor, role: PersonRole, on: datetime.date) -> dict:
    """End a role that is still held: the person holds it until ``on``."""
    if role.until is not None:
        raise ValidationError({"until": _("This role has already ended.")})
    return audited_update(
        actor=actor, instance=role, data={"until": on}, action="person.role_ended", related=[role.person]
    )


def person_role_delete(*, actor, role: PersonRole) -> None:
    audited_delete(actor=actor, instance=role, action="person.role_deleted", related=[role.person])


def roles_held_on(day: datetime.date) -> models.QuerySet:
    """The roles people hold on ``day``: begun by then and not yet ended."""
    return PersonRole.objects.filter(
        models.Q(since__lte=day), models.Q(until__isnull=True) | models.Q(until__gte=day)
    )


def role_is_held_on(role: PersonRole, day: datetime.date) -> bool:
    """The same test as :func:`roles_held_on`, for roles already loaded."""
    return role.since <= day and (role.until is None or role.until >= day)


@dataclass
class HistoryParticipation:
    """A stay in a session and what the person did there."""

    participation: "Participation"
    activities: list["ActivityMember"] = field(default_factory=list)


@dataclass
class HistoryYear:
    """What happened to a person in one year: roles begun, cohorts joined, sessions and activities."""

    year: int
    roles: list[PersonRole] = field(default_factory=list)
    cohorts: list["CohortMember"] = field(default_factory=list)
    participations: list[HistoryParticipation] = field(default_factory=list)
    activities: list["ActivityMember"] = field(default_factory=list)


def _activity_year(activity) -> int:
    if activity.starts_at is not None:
        return activity.starts_at.year
    if activity.session_id:
        return activity.session.start_date.year
    return activity.edition.start_date.year


def person_history(person: Person) -> list[HistoryYear]:
    """The person's whole path, year by year (oldest first), in four queries whatever its length.

    Activities of a session the person took part in are shown inside that participation; the
    others (e.g. a concert of an edition without a programme session) stand on their own.
    """
    years: dict[int, HistoryYear] = {}

    def year(number: int) -> HistoryYear:
        return years.setdefault(number, HistoryYear(year=number))

    for role in person.roles.order_by("since", "pk"):
        year(role.since.year).roles.append(role)
    for member in person.cohort_memberships.select_related("programme").order_by("joined_on", "pk"):
        year(member.joined_on.year if member.joined_on else member.programme.start_year).cohorts.append(
            member
        )
    by_session = {}
    for participation in person.participations.select_related(
        "session__hub", "session__programme", "session__edition"
    ).order_by("session__start_date", "pk"):
        entry = HistoryParticipation(participation=participation)
        by_session[participation.session_id] = entry
        year(participation.session.start_date.year).participations.append(entry)
    memberships = person.activity_memberships.select_related(
        "activity__session__hub", "activity__edition__festival__hub"
    ).order_by("activity__starts_at", "activity__pk")
    for member in memberships:
        activity = member.activity
        if activity.session_id in by_session:
            by_session[activity.session_id].activities.append(member)
        else:
            year(_activity_year(activity)).activities.append(member)
    return [years[number] for number in sorted(years)]


def person_coworkers(person: Person, *, limit: int = 12) -> models.QuerySet:
    """The people who shared the most activities with ``person``, in one query.

    Each comes with ``shared`` (activities together) and ``years`` (different years they worked
    together: two or more make a durable tie) and their home hub.
    """
    activity = "activity_memberships__activity"
    year = Coalesce(
        ExtractYear(f"{activity}__starts_at"),
        ExtractYear(f"{activity}__session__start_date"),
        ExtractYear(f"{activity}__edition__start_date"),
    )
    return (
        Person.objects.filter(**{f"{activity}__members__person": person})
        .exclude(pk=person.pk)
        .annotate(shared=models.Count(activity, distinct=True), years=models.Count(year, distinct=True))
        .select_related("home_hub")
        .order_by("-shared", "-years", "family_name", "given_name", "pk")[:limit]
    )
