"""Importing people from a spreadsheet: each row through ``person_create`` or ``person_update``."""

from collections.abc import Iterable

from tissage.core.domain.imports import RowWrite, import_commit
from tissage.core.models import AuditEntry

from ..models import Person
from .persons import person_create, person_update


def people_import(*, actor, filename: str, writes: Iterable[RowWrite], unchanged: int = 0) -> AuditEntry:
    """Create and update people in one transaction, then record ``import.committed``.

    A row's ``data`` holds Person fields, plus ``languages`` (``(code, level)`` pairs) when the
    file gives them.
    """
    return import_commit(
        actor=actor,
        kind="people",
        filename=filename,
        writes=writes,
        unchanged=unchanged,
        create=_create,
        update=_update,
    )


def _create(*, actor, data: dict) -> Person:
    data = dict(data)
    languages = data.pop("languages", ())
    return person_create(actor=actor, data=data, languages=languages)


def _update(*, actor, instance: Person, data: dict) -> None:
    data = dict(data)
    languages = data.pop("languages", None)
    person_update(actor=actor, person=instance, data=data, languages=languages)
