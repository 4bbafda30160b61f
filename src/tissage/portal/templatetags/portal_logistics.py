"""What the portal's home says about travel: for each coming session, the visa's next deadline and
whether the journeys are booked."""

import datetime
from dataclasses import dataclass

from django import template
from django.utils import timezone

from tissage.logistics.enums import Direction
from tissage.logistics.models import TravelLeg, VisaCase
from tissage.logistics.models.visas import StepDue

register = template.Library()


@dataclass(frozen=True)
class TravelNote:
    participation: object
    case: VisaCase | None
    next_step: StepDue | None
    late: bool
    arrival_booked: bool


@register.simple_tag
def travel_notes(participations) -> list[TravelNote]:
    """Notes for the coming ``participations`` that have a visa case or a journey (two queries)."""
    today = timezone.localdate()
    coming = [p for p in participations if p.session.end_date >= today]
    cases = {
        case.participation_id: case
        for case in VisaCase.objects.filter(participation__in=coming).select_related(
            "rule", "participation__session"
        )
    }
    arrivals = set(
        TravelLeg.objects.active()
        .filter(participation__in=coming, direction=Direction.ARRIVAL)
        .values_list("participation_id", flat=True)
    )
    notes = []
    for participation in coming:
        case = cases.get(participation.pk)
        step = case.next_step() if case is not None and case.is_open else None
        if case is not None or participation.pk in arrivals:
            notes.append(
                TravelNote(
                    participation=participation,
                    case=case,
                    next_step=step,
                    late=step is not None and step.late_on(today),
                    arrival_booked=participation.pk in arrivals,
                )
            )
    return notes


@register.filter
def days_until(day: datetime.date) -> int:
    return (day - timezone.localdate()).days
