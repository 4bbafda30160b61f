"""The audit trail: every state change goes through :func:`audit_record`."""

import datetime
import decimal
import uuid
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile
from i18nfield.strings import LazyI18nString

from tissage.core.models import AuditEntry, AuditLink

SYSTEM_ACTOR_NAME = "system"
# What the log keeps of a sensitive field's value (a model lists them in ``SENSITIVE_FIELDS``):
# that it changed, never the value itself.
HIDDEN = "(hidden)"


def _hide_sensitive(obj: models.Model | None, changes: dict) -> dict:
    sensitive = getattr(obj, "SENSITIVE_FIELDS", ())
    return {
        name: [None if v in (None, "") else HIDDEN for v in values] if name in sensitive else values
        for name, values in changes.items()
    }


def audit_value(value: Any) -> Any:
    """A JSON-safe, human-readable form of a field value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, LazyI18nString):
        return value.data if isinstance(value.data, dict) else str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dict):
        return {str(k): audit_value(v) for k, v in value.items()}
    if isinstance(value, Iterable):
        return [audit_value(v) for v in value]
    return str(value)


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    changes: dict | None = None,
    related: Iterable[models.Model] = (),
) -> AuditEntry:
    """Record one state change; ``related`` objects show the entry on their own pages too."""
    if actor is not None and getattr(actor, "is_authenticated", False):
        user, actor_name = actor, actor.get_username()
    else:
        user, actor_name = None, SYSTEM_ACTOR_NAME
    entry = AuditEntry.objects.create(
        actor=user,
        actor_name=actor_name,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False) if obj else None,
        object_id=str(obj.pk) if obj else "",
        object_repr=str(obj)[:300] if obj else "",
        changes=_hide_sensitive(obj, changes or {}),
    )
    AuditLink.objects.bulk_create(
        AuditLink(
            entry=entry,
            content_type=ContentType.objects.get_for_model(other, for_concrete_model=False),
            object_id=str(other.pk),
        )
        for other in related
        if other is not None
    )
    return entry
