"""Declared collaborations: what people did together outside the programme, with its evidence."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tissage.core.domain.writes import audited_create, audited_delete, audited_update

from ..models import Collaboration
from .ledger import ties_recompute_collaboration


def _check_people(people) -> None:
    if people is not None and len(set(people)) < 2:
        raise ValidationError({"people": _("A collaboration brings together at least two people.")})


def collaboration_create(*, actor, data: dict) -> Collaboration:
    """Record a collaboration; each pair of its people gets a contribution to their tie."""
    _check_people(data.get("people", []))
    with transaction.atomic():
        collaboration = audited_create(
            actor=actor,
            model=Collaboration,
            data=data,
            action="collaboration.created",
            related=data["people"],
        )
        ties_recompute_collaboration(collaboration=collaboration)
    return collaboration


def collaboration_update(*, actor, collaboration: Collaboration, data: dict) -> dict:
    _check_people(data.get("people"))
    before = list(collaboration.people.all())
    with transaction.atomic():
        changes = audited_update(
            actor=actor,
            instance=collaboration,
            data=data,
            action="collaboration.updated",
            related=list(dict.fromkeys([*before, *data.get("people", [])])),
        )
        if {"people", "date", "kind"} & set(changes):
            ties_recompute_collaboration(collaboration=collaboration)
    return changes


def collaboration_delete(*, actor, collaboration: Collaboration) -> None:
    people = list(collaboration.people.all())
    with transaction.atomic():
        ties_recompute_collaboration(collaboration=collaboration, removed=True)
        audited_delete(actor=actor, instance=collaboration, action="collaboration.deleted", related=people)
