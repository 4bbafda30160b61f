"""Importing participations from a spreadsheet: each row through ``participation_create`` or
``participation_update``."""

from collections.abc import Iterable

from tissage.core.domain.imports import RowWrite, import_commit
from tissage.core.models import AuditEntry

from ..models import Participation
from .participations import participation_create, participation_update


def participations_import(
    *, actor, filename: str, writes: Iterable[RowWrite], unchanged: int = 0
) -> AuditEntry:
    """Create and update participations in one transaction, then record ``import.committed``."""
    return import_commit(
        actor=actor,
        kind="participations",
        filename=filename,
        writes=writes,
        unchanged=unchanged,
        create=_create,
        update=_update,
        concerns=lambda participation: (participation, participation.person, participation.session),
    )


def _create(*, actor, data: dict) -> Participation:
    return participation_create(actor=actor, data=data)


def _update(*, actor, instance: Participation, data: dict) -> None:
    participation_update(actor=actor, participation=instance, data=data)
