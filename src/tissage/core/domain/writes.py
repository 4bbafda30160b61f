"""Create, update and delete with validation and an audit entry, in one transaction.

The domain functions of every app are built on these; each adds its own rules around them.
"""

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models, transaction

from .audit import audit_record, audit_value

M = TypeVar("M", bound=models.Model)


def _split_many_to_many(model: type[models.Model], data: dict[str, Any]) -> tuple[dict, dict]:
    m2m_names = {f.name for f in model._meta.many_to_many}
    plain = {k: v for k, v in data.items() if k not in m2m_names}
    many = {k: list(v) for k, v in data.items() if k in m2m_names}
    return plain, many


def _field_value(instance: models.Model, name: str) -> Any:
    field = instance._meta.get_field(name)
    if field.many_to_many:
        if instance.pk is None:
            return []
        return sorted(str(o) for o in getattr(instance, name).all())
    return audit_value(getattr(instance, name))


def audited_create(
    *, actor, model: type[M], data: dict[str, Any], action: str, related: Iterable[models.Model] = ()
) -> M:
    plain, many = _split_many_to_many(model, data)
    with transaction.atomic():
        instance = model(**plain)
        instance.full_clean()
        instance.save()
        for name, values in many.items():
            getattr(instance, name).set(values)
        changes = {name: [None, _field_value(instance, name)] for name in data}
        audit_record(actor=actor, action=action, obj=instance, changes=changes, related=related)
    return instance


def audited_update(
    *, actor, instance: M, data: dict[str, Any], action: str, related: Iterable[models.Model] = ()
) -> dict[str, list]:
    """Apply ``data`` to ``instance``; return ``{field: [before, after]}`` for what changed."""
    plain, many = _split_many_to_many(type(instance), data)
    with transaction.atomic():
        before = {name: _field_value(instance, name) for name in data}
        for name, value in plain.items():
            setattr(instance, name, value)
        changed_plain = [n for n in plain if _field_value(instance, n) != before[n]]
        if changed_plain:
            instance.full_clean()
            instance.save()
        for name, values in many.items():
            getattr(instance, name).set(values)
        changes = {
            name: [before[name], after]
            for name in data
            if (after := _field_value(instance, name)) != before[name]
        }
        if changes:
            audit_record(actor=actor, action=action, obj=instance, changes=changes, related=related)
    return changes


def audited_delete(
    *, actor, instance: models.Model, action: str, related: Iterable[models.Model] = ()
) -> None:
    with transaction.atomic():
        snapshot = {
            f.name: [_field_value(instance, f.name), None]
            for f in instance._meta.concrete_fields
            if not f.primary_key
        }
        audit_record(actor=actor, action=action, obj=instance, changes=snapshot, related=related)
        instance.delete()
