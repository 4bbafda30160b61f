"""A person's consents, and the copy of their data they can ask for.

The copy is built from *sections*: this app registers the person's own record (identity,
languages, roles, sessions, activities, consents); other apps register theirs (applications to
calls, messages, travel …) the way a plugin would, from their ``AppConfig.ready()``. It is
written by a background job; the participant portal offers it for download.
"""

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from tissage.core.domain.audit import audit_record, audit_value
from tissage.core.domain.jobs import job_enqueue, run_job
from tissage.core.models import Job

from ..models import ConsentRecord, Person

DATA_EXPORT_KIND = "people.data_export"

ExportSection = Callable[[Person], Any]
_SECTIONS: dict[str, ExportSection] = {}


def consent_record(*, actor, person: Person, kind: str, given: bool, source: str) -> ConsentRecord:
    """Record one answer; the latest answer of each kind is the one that counts."""
    with transaction.atomic():
        record = ConsentRecord(
            person=person,
            kind=kind,
            given=given,
            source=source,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        record.full_clean()
        record.save()
        audit_record(
            actor=actor,
            action="person.consent_recorded",
            obj=person,
            changes={kind: [None, given]},
        )
    return record


def consents_set(*, actor, person: Person, answers: dict[str, bool], source: str) -> list[ConsentRecord]:
    """Record the answers that differ from the current ones (or have none yet)."""
    current = person.consents.all().current()
    with transaction.atomic():
        return [
            consent_record(actor=actor, person=person, kind=kind, given=given, source=source)
            for kind, given in answers.items()
            if kind not in current or current[kind].given != given
        ]


def register_export_section(name: str, section: ExportSection) -> None:
    """Add ``section(person) -> JSON-able data`` to the copy of a person's data, under ``name``."""
    if name in _SECTIONS:
        raise ValueError(f"The export section {name!r} is already registered.")
    _SECTIONS[name] = section


def person_data(person: Person) -> dict:
    """Everything the network holds about ``person``, as JSON-able data, section by section."""
    return {
        "generated_at": timezone.now().isoformat(),
        **{name: section(person) for name, section in _SECTIONS.items()},
    }


def _record(instance, fields: list[str]) -> dict:
    return {name: audit_value(getattr(instance, name)) for name in fields}


def _identity(person: Person) -> dict:
    return {
        **_record(
            person,
            [
                "given_name",
                "family_name",
                "native_name",
                "email",
                "phone",
                "city",
                "country",
                "nationality",
                "website",
                "bio",
                "is_public",
                "language",
                "availability",
                "created_at",
            ],
        ),
        "home_hub": str(person.home_hub) if person.home_hub_id else None,
        "skills": sorted(str(skill.name) for skill in person.skills.all()),
    }


def _languages(person: Person) -> list[dict]:
    return [{"language": pl.language, "level": pl.level} for pl in person.languages.all()]


def _roles(person: Person) -> list[dict]:
    return [_record(role, ["role", "since", "until", "note"]) for role in person.roles.order_by("since")]


def _participations(person: Person) -> list[dict]:
    return [
        {
            "session": str(p.session),
            "hub": str(p.session.hub),
            **_record(p, ["role", "status", "arrives_on", "departs_on"]),
        }
        for p in person.participations.select_related("session__hub", "session__programme")
    ]


def _activities(person: Person) -> list[dict]:
    return [
        {"activity": str(m.activity.title), "role": m.role, "starts_at": audit_value(m.activity.starts_at)}
        for m in person.activity_memberships.select_related("activity")
    ]


def _consents(person: Person) -> list[dict]:
    return [_record(c, ["kind", "given", "source", "created_at"]) for c in person.consents.all()]


for _name, _section in {
    "person": _identity,
    "languages": _languages,
    "roles": _roles,
    "participations": _participations,
    "activities": _activities,
    "consents": _consents,
}.items():
    register_export_section(_name, _section)


@task()
def person_data_export_task(*, job_id: int, person_id: int) -> None:
    def work(reporter) -> dict:
        return {"export": person_data(Person.objects.get(pk=person_id))}

    run_job(job_id, work)


def person_data_export_request(*, actor, person: Person) -> Job:
    """Ask for a copy of the person's data; a background job writes it into its result."""
    return job_enqueue(
        actor=actor,
        kind=DATA_EXPORT_KIND,
        task=person_data_export_task,
        subject=person,
        person_id=person.pk,
    )
