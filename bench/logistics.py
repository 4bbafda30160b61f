"""Benchmark of Travel & money: the "ready to travel?" board, a budget's totals, an invitation letter.

    python bench/logistics.py            # the whole table (about a minute)
    python bench/logistics.py --quick    # the smaller sizes only

Runs in a fresh SQLite database (a temporary TISSAGE_VAR_DIR). For each size it prints, as a
Markdown table, the median time of five runs and the number of queries, which must not grow with
the size:

- the board of a session of N travellers (each with two journeys, a visa case, a bed, a per diem),
  as the domain computes it, then as the staff page renders it;
- the totals of a budget of N lines in four currencies (converted at dated rates);
- one invitation letter printed to PDF (what the background job does), in Russian.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

RUNS = 5
D = datetime.date


def setup_django(var_dir: str) -> None:
    os.environ["TISSAGE_VAR_DIR"] = var_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tissage.config.settings_test")
    os.environ.setdefault("TISSAGE_ALLOWED_HOSTS", "testserver")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def measure(work) -> tuple[float, int]:
    """Median seconds of RUNS runs, and the queries of one run."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # The query log keeps the last 9,000 queries: once full, a capture would count none.
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        work()
    # Counted now: the runs below change the query log the capture reads from.
    queries = len(captured)
    times = []
    for _n in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), queries


def session_with_travellers(count: int):
    from tissage.activities.models import Participation
    from tissage.logistics.models import (
        AccommodationPlace,
        AccommodationRoom,
        Bed,
        PerDiem,
        Stay,
        TravelLeg,
        VisaCase,
        VisaRule,
    )
    from tissage.network.models import Hub, Programme, Session
    from tissage.people.models import Person

    tag = f"n{count}"
    marseille = Hub.objects.create(
        slug=f"marseille-{tag}",
        name={"en": "Marseille"},
        country="FR",
        timezone="Europe/Paris",
        currency="EUR",
    )
    kinshasa = Hub.objects.create(
        slug=f"kinshasa-{tag}",
        name={"en": "Kinshasa"},
        country="CD",
        timezone="Africa/Kinshasa",
        currency="CDF",
    )
    programme = Programme.objects.create(
        slug=f"p-{tag}", name={"en": "Tissage"}, home_hub=marseille, start_year=2027
    )
    session = Session.objects.create(
        programme=programme, number=1, hub=marseille, start_date=D(2027, 7, 19), end_date=D(2027, 7, 25)
    )
    rule, _created = VisaRule.objects.get_or_create(nationality="CD", destination="FR")
    people = Person.objects.bulk_create(
        Person(
            given_name="Guest",
            family_name=f"{n:04d}",
            slug=f"guest-{tag}-{n}",
            home_hub=kinshasa,
            nationality="CD",
        )
        for n in range(count)
    )
    participations = Participation.objects.bulk_create(
        Participation(person=person, session=session, role="artist", status="confirmed") for person in people
    )
    room = AccommodationRoom.objects.create(
        place=AccommodationPlace.objects.create(hub=marseille, name=f"Résidence {tag}"), name="1"
    )
    beds = Bed.objects.bulk_create(Bed(room=room, label=str(n)) for n in range(count))
    departs = datetime.datetime(2027, 7, 18, 21, 10, tzinfo=datetime.UTC)
    TravelLeg.objects.bulk_create(
        TravelLeg(
            participation=p,
            direction=direction,
            from_place="A",
            from_timezone="Africa/Kinshasa",
            to_place="B",
            to_timezone="Europe/Paris",
            departs_at=departs + datetime.timedelta(days=offset),
            arrives_at=departs + datetime.timedelta(days=offset, hours=8),
        )
        for p in participations
        for direction, offset in (("arrival", 0), ("return", 7))
    )
    VisaCase.objects.bulk_create(VisaCase(participation=p, rule=rule) for p in participations)
    Stay.objects.bulk_create(
        Stay(participation=p, bed=bed, check_in=D(2027, 7, 19), check_out=D(2027, 7, 25))
        for p, bed in zip(participations, beds, strict=True)
    )
    PerDiem.objects.bulk_create(
        PerDiem(participation=p, daily_amount=Decimal("40"), currency="EUR", days=7) for p in participations
    )
    return session


def budget_with_lines(count: int):
    from tissage.logistics.models import Budget, BudgetLine, ExchangeRate
    from tissage.network.models import Programme

    for base, quote, rate in (("EUR", "RUB", "94.75"), ("EUR", "USD", "1.0735"), ("USD", "CDF", "2865")):
        ExchangeRate.objects.get_or_create(
            base=base, quote=quote, on=D(2026, 1, 1), defaults={"rate": Decimal(rate)}
        )
    budget = Budget.objects.create(
        programme=Programme.objects.first(), title=f"Budget {count}", currency="EUR", rates_on=D(2026, 6, 1)
    )
    currencies = ("EUR", "RUB", "USD", "CDF")
    BudgetLine.objects.bulk_create(
        BudgetLine(
            budget=budget,
            category="travel",
            label=f"Line {n}",
            currency=currencies[n % 4],
            planned_amount=Decimal("1000.50") * (n % 7 + 1),
            actual_amount=Decimal("990.25"),
            spent_on=D(2026, 9, 1),
        )
        for n in range(count)
    )
    return budget


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="the smaller sizes only")
    options = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    setup_django(tempfile.mkdtemp(prefix="tissage-bench-logistics-"))

    from django.contrib.auth import get_user_model
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, reset_queries
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from tissage.logistics.domain.letters import letter_for, letter_pdf
    from tissage.logistics.domain.money import budget_summary
    from tissage.logistics.domain.readiness import ready_to_travel
    from tissage.logistics.models import VisaCase

    # One connection for the whole run, as in the test suite, and no emptying of its query log at
    # each request: otherwise a page's queries are not counted.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.disconnect(reset_queries)
    client = Client()
    client.force_login(get_user_model().objects.create(username="bench", is_staff=True))
    rows = []
    today = D(2027, 6, 1)
    for count in (50, 200) if options.quick else (50, 200, 800):
        session = session_with_travellers(count)
        seconds, queries = measure(lambda session=session: ready_to_travel(session, today=today))
        rows.append((f"Board, domain, {count} travellers", seconds, queries))
        url = reverse("orga:logistics-ready", args=[session.pk])
        # A refused or broken page would be fast for the wrong reason.
        assert client.get(url).status_code == 200, url
        seconds, queries = measure(lambda url=url: client.get(url))
        rows.append((f"Board page, {count} travellers", seconds, queries))
    for count in (100, 1000) if options.quick else (100, 1000, 5000):
        budget = budget_with_lines(count)
        seconds, queries = measure(lambda budget=budget: budget_summary(budget))
        rows.append((f"Budget totals, {count} lines in 4 currencies", seconds, queries))
    case = VisaCase.objects.select_related(
        "rule", "participation__person", "participation__session__hub"
    ).first()
    seconds, queries = measure(
        lambda: letter_pdf(letter_for(case, language="ru", today=timezone.localdate()))
    )
    rows.append(("Invitation letter PDF (Russian)", seconds, queries))

    # A Markdown table: it goes into the README as printed.
    print("| what | median (ms) | queries |\n|---|---|---|")
    for label, seconds, queries in rows:
        print(f"| {label} | {seconds * 1000:.1f} | {queries} |")
    print(f"\n{os.cpu_count()} cores; load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
