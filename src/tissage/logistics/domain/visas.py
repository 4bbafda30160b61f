"""Visa rules and cases: opening a case, recording its steps, the consulate's decision, documents.

A refused visa withdraws the person from the session: the participation is cancelled through the
activities domain, the reason recorded, and :data:`tissage.logistics.signals.participation_withdrawn`
sent (inside the same transaction: a listener that fails undoes the whole decision).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tissage.activities.domain.participations import participation_set_status
from tissage.activities.enums import ParticipationStatus
from tissage.core.domain.audit import audit_record
from tissage.core.domain.writes import audited_create, audited_update

from ..enums import STATUS_AFTER_STEP, VisaOutcome, VisaStatus, VisaStep
from ..models import LetterTemplate, VisaCase, VisaDocument, VisaRule
from ..models.visas import DONE_FIELDS
from ..signals import participation_withdrawn
from .common import concerning

NOT_COMING = (ParticipationStatus.DECLINED, ParticipationStatus.CANCELLED)


def visa_rule_create(*, actor, data: dict) -> VisaRule:
    return audited_create(actor=actor, model=VisaRule, data=data, action="visa_rule.created")


def visa_rule_update(*, actor, rule: VisaRule, data: dict) -> dict:
    return audited_update(actor=actor, instance=rule, data=data, action="visa_rule.updated")


def visa_rule_for(participation) -> VisaRule | None:
    """The rule for the person's nationality entering the session's hub's country, if any."""
    nationality = participation.person.nationality
    if not nationality:
        return None
    return VisaRule.objects.filter(
        nationality=nationality, destination=participation.session.hub.country
    ).first()


def visa_case_open(*, actor, participation, data: dict | None = None) -> VisaCase:
    """Open the visa case of a participation, under the rule of the person's nationality unless
    ``data`` names another."""
    data = {"participation": participation, **(data or {})}
    if data.get("rule") is None:
        data["rule"] = visa_rule_for(participation)
        if data["rule"] is None:
            raise ValidationError(
                {"rule": _("No visa rule is known for this nationality and destination: add one first.")}
            )
    if participation.status in NOT_COMING:
        raise ValidationError(_("This person is not coming to the session."))
    if VisaCase.objects.filter(participation=participation).exists():
        raise ValidationError(_("This participation already has a visa case."))
    return audited_create(
        actor=actor, model=VisaCase, data=data, action="visa_case.opened", related=concerning(participation)
    )


def visa_case_update(*, actor, case: VisaCase, data: dict) -> dict:
    return audited_update(
        actor=actor,
        instance=case,
        data=data,
        action="visa_case.updated",
        related=concerning(case.participation),
    )


def visa_case_record_step(*, actor, case: VisaCase, step: str, on: datetime.date) -> dict:
    """Record that a step (other than the decision) was done on a day; the case moves on."""
    if step not in STATUS_AFTER_STEP:
        raise ValidationError(_("Record the decision with its outcome."))
    if not case.is_open:
        raise ValidationError(_("This case is already decided."))
    data = {DONE_FIELDS[VisaStep(step)]: on}
    order = list(VisaStatus)
    after = STATUS_AFTER_STEP[VisaStep(step)]
    if order.index(after) > order.index(VisaStatus(case.status)):
        data["status"] = after
    return audited_update(
        actor=actor,
        instance=case,
        data=data,
        action="visa_case.step_done",
        related=concerning(case.participation),
    )


def visa_case_decide(*, actor, case: VisaCase, outcome: str, on: datetime.date, reason: str = "") -> dict:
    """Record the consulate's decision. A refusal cancels the participation, records why, and tells
    the planner through ``participation_withdrawn``."""
    if outcome not in VisaOutcome.values:
        raise ValidationError({"outcome": _("Choose granted or refused.")})
    if not case.is_open:
        raise ValidationError(_("This case is already decided."))
    participation = case.participation
    note = "\n".join(text for text in (case.note, reason) if text)
    with transaction.atomic():
        changes = audited_update(
            actor=actor,
            instance=case,
            data={"status": VisaStatus.DECIDED, "outcome": outcome, "decided_on": on, "note": note},
            action=f"visa_case.{outcome}",
            related=concerning(participation),
        )
        if outcome == VisaOutcome.REFUSED and participation.status not in NOT_COMING:
            why = _("Visa refused on %(day)s.") % {"day": on.isoformat()}
            if reason:
                why = f"{why} {reason}"
            participation_set_status(
                actor=actor, participation=participation, status=ParticipationStatus.CANCELLED
            )
            audit_record(
                actor=actor,
                action="participation.withdrawn",
                obj=participation,
                changes={"reason": [None, why]},
                related=[participation.person, participation.session],
            )
            participation_withdrawn.send(
                sender=type(participation), participation=participation, reason=why, actor=actor
            )
    return changes


def visa_document_add(*, actor, case: VisaCase, data: dict) -> VisaDocument:
    return audited_create(
        actor=actor,
        model=VisaDocument,
        data={**data, "case": case},
        action="visa_document.added",
        related=[case, *concerning(case.participation)],
    )


def letter_template_create(*, actor, data: dict) -> LetterTemplate:
    return audited_create(
        actor=actor, model=LetterTemplate, data=data, action="letter_template.created", related=[data["hub"]]
    )


def letter_template_update(*, actor, template: LetterTemplate, data: dict) -> dict:
    return audited_update(
        actor=actor, instance=template, data=data, action="letter_template.updated", related=[template.hub]
    )
