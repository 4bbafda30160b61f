"""Committing a spreadsheet import: every row through its own domain function, all in one transaction.

The apps' import functions (``people_import``, ``participations_import``) are built on
:func:`import_commit`; they say how one row is created or updated. A row the domain refuses
rolls the whole import back: nothing is written unless everything is.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from tissage.core.models import AuditEntry

from .audit import audit_record


@dataclass(frozen=True)
class RowWrite:
    """One spreadsheet row to write: ``instance`` is ``None`` to create, else the stored object to update."""

    line: int
    instance: models.Model | None
    data: dict[str, Any]


class RowRefused(ValidationError):
    """A domain function refused a row; ``line`` says which."""

    def __init__(self, line: int, error: ValidationError):
        super().__init__(error.error_dict if hasattr(error, "error_dict") else error.error_list)
        self.line = line


def import_commit(
    *,
    actor,
    kind: str,
    filename: str,
    writes: Iterable[RowWrite],
    unchanged: int,
    create: Callable[..., models.Model],
    update: Callable[..., Any],
    concerns: Callable[[models.Model], Iterable[models.Model]] = lambda obj: (obj,),
) -> AuditEntry:
    """Apply ``writes`` with ``create(actor=, data=)`` and ``update(actor=, instance=, data=)``.

    Ends with an ``import.committed`` entry naming the file and the counts; it is linked to
    every object the import touched (and to what ``concerns(obj)`` names: a participation's
    person and session), so it shows in their histories too.
    """
    touched: list[models.Model] = []
    created = updated = 0
    with transaction.atomic():
        for write in writes:
            try:
                if write.instance is None:
                    touched.append(create(actor=actor, data=write.data))
                    created += 1
                else:
                    update(actor=actor, instance=write.instance, data=write.data)
                    touched.append(write.instance)
                    updated += 1
            except ValidationError as error:
                raise RowRefused(write.line, error) from error
        return audit_record(
            actor=actor,
            action="import.committed",
            changes={
                "file": [None, filename],
                "kind": [None, kind],
                "created": [None, created],
                "updated": [None, updated],
                "unchanged": [None, unchanged],
            },
            related=list({(type(o), o.pk): o for obj in touched for o in concerns(obj)}.values()),
        )
