"""Is everyone ready to travel? What is missing for each person of a session, and the visa cases
that need attention across the network.

A participant who lives at the session's hub (home hub = session hub) travels nowhere: they need
no visa, no journey and no bed. Everyone else needs, before the session:

- a visa case, from 60 days before the arrival (or the rule's lead time, if longer), when the
  rule for their nationality and the hub's country requires a visa; then a granted visa;
- an arrival journey and a return journey;
- a bed for every night from the arrival to the night before leaving;
- a per diem.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tissage.activities.enums import ParticipationStatus
from tissage.activities.models import Participation
from tissage.network.enums import SessionStatus

from ..enums import Direction, VisaStatus
from ..models import TravelLeg, VisaCase, VisaRule
from .accommodation import STAYS_WITH_BEDS, rooming_of
from .common import day_text

# From this many days before the arrival, someone who needs a visa must have a case open.
VISA_WARNING_DAYS = 60
# How far ahead the network-wide attention list looks.
ATTENTION_HORIZON_DAYS = 240
NOT_COMING = (ParticipationStatus.DECLINED, ParticipationStatus.CANCELLED)


@dataclass(frozen=True)
class Missing:
    """One thing missing for someone, with the page that fixes it."""

    key: str
    text: str
    url: str
    urgent: bool = False


@dataclass
class Readiness:
    participation: Participation
    travels: bool
    rule: VisaRule | None = None
    missing: list[Missing] = field(default_factory=list)

    @property
    def is_ready(self) -> bool:
        return not self.missing


def _url(name: str, *args, **params) -> str:
    url = reverse(name, args=args)
    return f"{url}?{urlencode(params)}" if params else url


def arrival_date(participation) -> datetime.date:
    return participation.arrives_on or participation.session.start_date


def _visa_missing(participation, rule: VisaRule | None, today: datetime.date) -> list[Missing]:
    person, session = participation.person, participation.session
    destination = session.hub.country
    if not person.nationality:
        return [Missing("nationality", _("Nationality unknown"), _url("orga:person-update", person.slug))]
    if person.nationality == destination:
        return []
    if rule is None:
        return [
            Missing(
                "visa_rule",
                _("No visa rule for %(nationality)s entering %(country)s")
                % {"nationality": person.nationality.name, "country": destination.name},
                _url(
                    "orga:visa-rule-create", nationality=person.nationality.code, destination=destination.code
                ),
            )
        ]
    if not rule.visa_required:
        return []
    case = getattr(participation, "visa_case", None)
    days_left = (arrival_date(participation) - today).days
    if case is None:
        if days_left > max(VISA_WARNING_DAYS, rule.lead_days):
            return []
        return [
            Missing(
                "visa_case",
                _("No visa case, %(days)d days before arrival") % {"days": days_left},
                _url("orga:visa-case-open", participation.pk),
                urgent=days_left < rule.lead_days,
            )
        ]
    if case.is_granted:
        return []
    if not case.is_open:
        return [Missing("visa_refused", _("Visa refused"), case.get_absolute_url(), urgent=True)]
    step = case.next_step()
    return [
        Missing(
            "visa_pending",
            _("Visa not granted yet: %(step)s due %(day)s")
            % {"step": step.label, "day": day_text(step.due_on)},
            case.get_absolute_url(),
            urgent=step.late_on(today),
        )
    ]


def readiness_of(participation, rule: VisaRule | None, today: datetime.date) -> Readiness:
    """What ``participation`` still lacks; it must come with its ``visa_case`` and ``per_diem``
    (``select_related``), its active ``travel_legs`` and its ``stays`` prefetched."""
    session = participation.session
    travels = participation.person.home_hub_id != session.hub_id
    readiness = Readiness(participation=participation, travels=travels, rule=rule)
    if not travels or participation.status in NOT_COMING:
        return readiness
    missing = readiness.missing
    missing += _visa_missing(participation, rule, today)
    directions = {leg.direction for leg in participation.travel_legs.all()}
    for direction, key, text in (
        (Direction.ARRIVAL, "arrival_leg", _("No arrival journey")),
        (Direction.RETURN, "return_leg", _("No return journey")),
    ):
        if direction not in directions:
            missing.append(
                Missing(
                    key,
                    text,
                    _url("orga:travel-leg-create", participation=participation.pk, direction=direction),
                )
            )
    rooming = rooming_of(participation, list(participation.stays.all()))
    if rooming.unhoused:
        count = len(rooming.unhoused)
        missing.append(
            Missing(
                "bed",
                ngettext("No bed for %(count)d night", "No bed for %(count)d nights", count)
                % {"count": count},
                _url("orga:stay-create", participation=participation.pk),
            )
        )
    if getattr(participation, "per_diem", None) is None:
        missing.append(
            Missing("per_diem", _("Per diem not set"), _url("orga:per-diem-set", participation.pk))
        )
    return readiness


def with_logistics(participations):
    """Participations with what :func:`readiness_of` reads, in a constant number of queries."""
    return participations.select_related(
        "person__home_hub", "session__hub", "visa_case__rule", "per_diem"
    ).prefetch_related(
        Prefetch("travel_legs", queryset=TravelLeg.objects.active()),
        STAYS_WITH_BEDS,
    )


def rules_by_pair() -> dict[tuple[str, str], VisaRule]:
    """Visa rules by (nationality, destination) code, read in one query."""
    return {(rule.nationality.code, rule.destination.code): rule for rule in VisaRule.objects.all()}


def _rule_of(participation, rules: dict) -> VisaRule | None:
    case = getattr(participation, "visa_case", None)
    if case is not None:
        return case.rule
    return rules.get((participation.person.nationality.code, participation.session.hub.country.code))


def ready_to_travel(session, *, today: datetime.date) -> list[Readiness]:
    """Everyone coming to ``session`` with what is missing for them (four queries, whatever the
    number of people)."""
    participations = with_logistics(
        session.participations.exclude(status__in=NOT_COMING).order_by(
            "person__family_name", "person__given_name", "pk"
        )
    )
    rules = rules_by_pair()
    return [readiness_of(p, _rule_of(p, rules), today) for p in participations]


@dataclass(frozen=True)
class Attention:
    """A visa matter that needs someone's attention now."""

    participation: Participation
    text: str
    url: str
    due_on: datetime.date


def logistics_attention(today: datetime.date) -> list[Attention]:
    """Across the coming sessions, the visa cases whose next step is late, and the people whose
    visa lead time no longer fits before their arrival (no case yet, or a case not started in
    time). Soonest due first; one query (the lead time of the rule of someone without a case comes
    with them)."""
    horizon = today + datetime.timedelta(days=ATTENTION_HORIZON_DAYS)
    required_rule = VisaRule.objects.filter(
        nationality=OuterRef("person__nationality"),
        destination=OuterRef("session__hub__country"),
        visa_required=True,
    )
    participations = (
        Participation.objects.filter(session__start_date__gte=today, session__start_date__lte=horizon)
        .exclude(status__in=NOT_COMING)
        .exclude(session__status=SessionStatus.CANCELLED)
        .exclude(person__home_hub=F("session__hub"))
        .filter(Q(visa_case__isnull=False, visa_case__rule__visa_required=True) | Exists(required_rule))
        .annotate(lead_days=Subquery(required_rule.values("lead_days")[:1]))
        .select_related("person__home_hub", "session__hub", "session__programme", "visa_case__rule")
    )
    found = []
    for participation in participations:
        case: VisaCase | None = getattr(participation, "visa_case", None)
        lead_days = case.rule.lead_days if case is not None else participation.lead_days
        start_by = arrival_date(participation) - datetime.timedelta(days=lead_days)
        if case is None:
            if start_by < today:
                text = _("No visa case, and the %(days)d days' lead time no longer fits before arrival") % {
                    "days": lead_days
                }
                found.append(
                    Attention(participation, text, _url("orga:visa-case-open", participation.pk), start_by)
                )
            continue
        if not case.is_open:
            continue
        step = case.next_step()
        if case.status == VisaStatus.TO_START and start_by < today:
            text = _("Visa case not started: it should have started by %(day)s") % {"day": day_text(start_by)}
            found.append(Attention(participation, text, case.get_absolute_url(), start_by))
        elif step is not None and step.late_on(today):
            text = _("Late: %(step)s was due %(day)s") % {"step": step.label, "day": day_text(step.due_on)}
            found.append(Attention(participation, text, case.get_absolute_url(), step.due_on))
    return sorted(found, key=lambda item: (item.due_on, item.participation.pk))
