"""Erasure: a person's right to be forgotten, without breaking the network's memory.

The person's row stays, so that the figures built on it stay true: the sessions they attended,
the activities they took part in, their ties, their home hub and country, their roles over time.
Everything that identifies or describes them goes: names, contact, nationality, biography,
notes, languages, their sign-in account, and the values the audit log kept of those fields.
Other apps erase what they hold about the person (applications, travel documents, messages …)
with a *step* registered from their ``AppConfig.ready()``; the steps run in the same transaction.
"""

import json
import re
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tissage.core.domain.audit import audit_record
from tissage.core.models import AuditEntry

from ..models import Person

ERASED = "[erased]"
# The person's fields that identify or describe them; the others carry the network's figures.
PERSONAL_FIELDS = (
    "given_name",
    "family_name",
    "native_name",
    "slug",
    "email",
    "phone",
    "city",
    "nationality",
    "bio",
    "website",
    "external_id",
    "notes",
    "availability",
    "language",
)

ErasureStep = Callable[[Person], int]
_STEPS: dict[str, ErasureStep] = {}


def register_erasure_step(name: str, step: ErasureStep) -> None:
    """Add ``step(person) -> rows changed`` to every erasure, under ``name``."""
    if name in _STEPS:
        raise ValueError(f"The erasure step {name!r} is already registered.")
    _STEPS[name] = step


def is_erased(person: Person) -> bool:
    return person.slug == _erased_slug(person)


def _erased_slug(person: Person) -> str:
    return f"erased-{person.pk}"


def person_erase(*, actor, person: Person) -> dict[str, int]:
    """Anonymise ``person`` in one transaction; returns the rows changed by each step."""
    if is_erased(person):
        raise ValidationError(_("This person's personal data has already been erased."))
    identifiers = {
        value
        for value in (str(person), person.full_name, person.slug, person.email, person.native_name)
        if value and len(value) > 2
    }
    with transaction.atomic():
        done = {name: step(person) for name, step in _STEPS.items()}
        account = person.user
        person.given_name = _("Erased person")
        person.family_name = f"#{person.pk}"
        person.slug = _erased_slug(person)
        person.email = person.external_id = person.bio = None
        person.native_name = person.phone = person.city = person.nationality = ""
        person.website = person.notes = person.availability = person.language = ""
        person.is_public = False
        person.user = None
        person.save()
        done["languages"] = person.languages.all().delete()[0]
        done["account"] = _close_account(account)
        done["audit"] = _scrub_audit(person, identifiers)
        audit_record(actor=actor, action="person.erased", obj=person, changes={})
    return done


def _close_account(account) -> int:
    if account is None:
        return 0
    account.username = f"erased-{account.pk}"
    account.email = account.first_name = account.last_name = ""
    account.is_active = False
    account.set_unusable_password()
    account.save()
    return 1


def _whole(text: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(text)}(?![\w-])")


def _scrub_audit(person: Person, identifiers: set[str]) -> int:
    """Blank the personal values the audit log kept: the person's own fields, and their name,
    short name or address wherever an entry about them or linked to them wrote it."""
    # Longest first, so that a full name goes before the given name it contains; whole words only:
    # "anna" goes, "annabel-sow" (someone else) stays. As written in JSON text, and as in a repr.
    patterns = [
        (_whole(json.dumps(identifier, ensure_ascii=False)[1:-1]), _whole(identifier))
        for identifier in sorted(identifiers, key=len, reverse=True)
    ]
    changed = []
    for entry in AuditEntry.objects.for_object(person):
        before = (entry.object_repr, entry.changes)
        changes = entry.changes
        if (
            entry.content_type_id
            and entry.content_type.model_class() is Person
            and entry.object_id == str(person.pk)
        ):
            changes = {
                name: [ERASED if v not in (None, "") else v for v in values]
                if name in PERSONAL_FIELDS
                else values
                for name, values in changes.items()
            }
        text, repr_ = json.dumps(changes, ensure_ascii=False), entry.object_repr
        for in_json, in_repr in patterns:
            text, repr_ = in_json.sub(ERASED, text), in_repr.sub(ERASED, repr_)
        entry.changes, entry.object_repr = json.loads(text), repr_
        if (entry.object_repr, entry.changes) != before:
            changed.append(entry)
    AuditEntry.objects.bulk_update(changed, ["object_repr", "changes"])
    return len(changed)
