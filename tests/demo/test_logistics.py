"""The demo's logistics step: built once (like the network's own test), every fact checked on it."""

import datetime
import itertools
import zoneinfo
from decimal import Decimal

from tissage.activities.models import Participation
from tissage.core.money import Money
from tissage.demo.build import build_demo
from tissage.demo.logistics import ROUTES, hop_times, journey_start
from tissage.demo.network import TODAY
from tissage.logistics.domain.accommodation import session_rooming
from tissage.logistics.domain.money import budget_summary
from tissage.logistics.domain.readiness import logistics_attention, ready_to_travel
from tissage.logistics.models import (
    AccommodationPlace,
    Budget,
    ExchangeRate,
    LetterTemplate,
    PerDiemRate,
    TravelLeg,
    VisaCase,
    VisaRule,
)
from tissage.network.models import Session

D = datetime.date
PARIS, KINSHASA = zoneinfo.ZoneInfo("Europe/Paris"), zoneinfo.ZoneInfo("Africa/Kinshasa")


def tissage_session(number: int) -> Session:
    return Session.objects.select_related("hub").get(programme__slug="tissage-2026-2028", number=number)


def check_writes_the_reference_data():
    assert (
        VisaRule.objects.count(),
        ExchangeRate.objects.count(),
        LetterTemplate.objects.count(),
        AccommodationPlace.objects.count(),
        PerDiemRate.objects.count(),
    ) == (6, 12, 4, 4, 7)


def check_leaves_the_next_session_one_gap_of_each_kind():
    rows = ready_to_travel(tissage_session(2), today=TODAY)
    missing = sorted(m.key for row in rows for m in row.missing)
    # The fourth traveller has no bed, the fifth one for half the nights only.
    assert missing == ["bed", "bed", "per_diem", "return_leg", "visa_case", "visa_pending"]
    assert sum(row.is_ready for row in rows if row.travels) == sum(row.travels for row in rows) - 6


def check_shows_one_rooming_conflict_in_the_next_session():
    """The seventh traveller keeps their bed the night after they leave."""
    conflicts = [
        (row.participation, row.conflicts) for row in session_rooming(tissage_session(2)) if row.conflicts
    ]
    assert len(conflicts) == 1
    participation, texts = conflicts[0]
    leaves = participation.departs_on or participation.session.end_date
    assert texts == [f"A bed is held on nights outside the stay: {leaves:%-d %b %Y}."]


def check_gets_the_past_kick_off_ready_and_paid():
    rows = ready_to_travel(tissage_session(1), today=TODAY)
    assert [row.missing for row in rows if row.missing] == []
    session_cases = VisaCase.objects.filter(participation__session=tissage_session(1))
    assert set(session_cases.values_list("outcome", flat=True)) == {"granted"}


def check_opens_visa_cases_in_every_direction():
    pairs = set(
        VisaCase.objects.values_list(
            "participation__person__nationality", "participation__session__hub__country"
        ).distinct()
    )
    assert {("RU", "FR"), ("CD", "FR"), ("FR", "RU"), ("FR", "CD"), ("RU", "CD"), ("CD", "RU")} <= pairs


def check_lists_the_late_visas_on_the_dashboard():
    texts = [item.text for item in logistics_attention(TODAY)]
    assert texts == [
        "No visa case, and the 45 days' lead time no longer fits before arrival",
        "Late: consulate appointment was due 15 Nov 2026",
    ]


def check_flies_kinshasa_paris_marseille_in_local_times():
    legs = list(
        TravelLeg.objects.filter(
            participation__session=tissage_session(1),
            participation__person__home_hub__slug="kinshasa",
            direction="arrival",
        ).order_by("participation", "departs_at")[:2]
    )
    assert [(leg.number, leg.departs_local.time(), leg.arrives_local.time()) for leg in legs] == [
        # Paris is still on summer time in early October: an hour ahead of Kinshasa.
        ("AF 887", datetime.time(23, 10), datetime.time(7, 25)),
        ("AF 7664", datetime.time(9, 45), datetime.time(11, 5)),
    ]


def check_adds_up_the_budgets_without_a_missing_rate():
    for budget in Budget.objects.all():
        assert budget_summary(budget).missing_rates == [], budget.title
    past = budget_summary(Budget.objects.get(title="Marseille – Kinshasa 2004–2006"))
    assert past.total.planned.currency == "EUR"
    assert past.total.planned > Money("90000", "EUR")


def check_leaves_the_participations_as_planned():
    assert not Participation.objects.filter(status="cancelled", visa_case__outcome="refused").exists()


CHECKS = [value for name, value in dict(globals()).items() if name.startswith("check_")]


def test_build_demo_gives_the_tissage_sessions_their_logistics(db):
    build_demo()
    failures = {}
    for check in CHECKS:
        try:
            check()
        except AssertionError as error:
            failures[check.__name__] = str(error)
    assert failures == {}
    assert len(CHECKS) == 9


def test_journeys_land_on_the_arrival_day_in_local_time():
    hops = ROUTES["kinshasa", "marseille"]
    first_day = journey_start(hops, D(2027, 7, 19))
    times = hop_times(hops, first_day)
    assert first_day == D(2027, 7, 18)
    assert times[0][0].astimezone(KINSHASA) == datetime.datetime(2027, 7, 18, 23, 10, tzinfo=KINSHASA)
    assert times[-1][1].astimezone(PARIS) == datetime.datetime(2027, 7, 19, 11, 5, tzinfo=PARIS)


def test_a_connection_leaves_at_least_an_hour_after_landing():
    hops = ROUTES["marseille", "narian-mar"]
    times = hop_times(hops, D(2027, 5, 13))
    gaps = [later[0] - earlier[1] for earlier, later in itertools.pairwise(times)]
    assert all(gap >= datetime.timedelta(hours=1) for gap in gaps)
    assert Decimal(hops[-1].cost) == Decimal("14500")
