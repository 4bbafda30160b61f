"""Benchmark of the network-and-impact app against the targets of its issue.

    python bench/impact.py            # the whole table (about two to four minutes)
    python bench/impact.py --quick    # a network of 2,000 people and 40,000 ties

Each part runs in a fresh SQLite database of its own (a temporary TISSAGE_VAR_DIR), in a child
process, and reports its timings; the table compares them with the targets:

- the ledger update after one activity's members change (30 people), median of 7 changes: ≤ 50 ms;
- the full analytics of a generated network of 10,000 people and 200,000 ties: ≤ 5 s;
- the graph page of a 500-person programme, first render (nothing cached): ≤ 1 s;
- the funder report of the demo network as a PDF (what the background job does): ≤ 10 s.

The generated network: 20 hubs of 500 people; activities of 6 to 10 people over ten years, most
of each group from one hub; groups are drawn until the ledger has the number of ties asked for.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {
    "ledger_update": ("Ledger update, 30-person activity (median)", 0.050),
    "analytics": ("Full analytics", 5.0),
    "graph_page": ("Graph page, 500-person programme, first render", 1.0),
    "report_pdf": ("Report PDF of the demo network", 10.0),
}


def setup_django(var_dir: str) -> None:
    os.environ["TISSAGE_VAR_DIR"] = var_dir
    os.environ.pop("DATABASE_URL", None)
    # The test settings: static files served from the apps, files kept in memory; the rest as in production.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tissage.config.settings_test")
    os.environ.setdefault("TISSAGE_ALLOWED_HOSTS", "testserver")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def timed(work) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``work``: on a shared machine the CPU time shows what the work
    itself costs, the wall-clock time what a user waited."""
    started, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - started, time.process_time() - cpu


def synthetic(people_count: int, tie_count: int, seed: int = 7) -> dict:
    import datetime

    from django.core.cache import cache
    from django.db import transaction
    from django.test import Client

    from tissage.activities.domain.activities import activity_members_set
    from tissage.activities.models import Activity, ActivityMember
    from tissage.impact.domain.analytics import Scope, compute_figures
    from tissage.impact.domain.ledger import ledger_paused, ledger_rebuild, ties_recompute
    from tissage.impact.domain.network import DRAWN_PEOPLE, scope_graph
    from tissage.network.models import Edition, Festival, Hub, Programme, Session
    from tissage.people.models import Person

    rng = random.Random(seed)
    hubs_count = 20
    per_hub = people_count // hubs_count
    years = range(2002, 2012)
    hubs = Hub.objects.bulk_create(
        Hub(
            slug=f"hub-{h}",
            name={"en": f"Hub {h}"},
            country="FR",
            timezone="Europe/Paris",
            currency="EUR",
            season="summer",
        )
        for h in range(hubs_count)
    )
    festivals = Festival.objects.bulk_create(
        Festival(slug=f"festival-{h}", name={"en": f"Festival {h}"}, hub=hub, season="summer")
        for h, hub in enumerate(hubs)
    )
    editions = {
        (h, year): edition
        for (h, year), edition in zip(
            [(h, y) for h in range(hubs_count) for y in years],
            Edition.objects.bulk_create(
                Edition(
                    festival=festival,
                    number=y - 2001,
                    slug=str(y),
                    start_date=datetime.date(y, 7, 1),
                    end_date=datetime.date(y, 7, 10),
                )
                for festival in festivals
                for y in years
            ),
            strict=True,
        )
    }
    people = Person.objects.bulk_create(
        (
            Person(
                slug=f"p{i}", given_name=f"Given{i}", family_name=f"Family{i}", home_hub=hubs[i // per_hub]
            )
            for i in range(people_count)
        ),
        batch_size=2000,
    )
    pairs: set[tuple[int, int]] = set()
    groups = []
    while len(pairs) < tie_count:
        hub = rng.randrange(hubs_count)
        size = rng.randint(6, 10)
        members = {hub * per_hub + rng.randrange(per_hub) for _ in range(size)}
        members |= {rng.randrange(people_count) for _ in range(rng.randint(0, 2))}
        members = sorted(members)
        pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
        groups.append((hub, rng.choice(years), members))
    activities = Activity.objects.bulk_create(
        (
            Activity(
                edition=editions[hub, year],
                slug=f"a{n}",
                title={"en": f"Workshop {n}"},
                kind="crossed_workshop",
                starts_at=datetime.datetime(year, 7, 2, 9, tzinfo=datetime.UTC),
                ends_at=datetime.datetime(year, 7, 2, 9 + rng.randint(2, 6), tzinfo=datetime.UTC),
            )
            for n, (hub, year, _members) in enumerate(groups)
        ),
        batch_size=2000,
    )
    ActivityMember.objects.bulk_create(
        (
            ActivityMember(activity=activity, person=people[i])
            for activity, (_h, _y, members) in zip(activities, groups, strict=True)
            for i in members
        ),
        batch_size=5000,
    )
    results = {"people": people_count, "activities": len(activities)}
    results["ledger_rebuild"] = timed(lambda: results.update(counts=ledger_rebuild()))

    # A programme of 500 people: two years of sessions, 60 activities of 25 people.
    home, partner = hubs[0], hubs[1]
    programme = Programme.objects.create(
        slug="big", name={"en": "Big programme"}, home_hub=home, start_year=2012
    )
    cohort = people[: min(500, people_count)]
    sessions = [
        Session.objects.create(
            programme=programme,
            number=n + 1,
            hub=(home, partner)[n % 2],
            start_date=datetime.date(2012 + n // 2, 4 + 3 * (n % 2), 1),
            end_date=datetime.date(2012 + n // 2, 4 + 3 * (n % 2), 9),
        )
        for n in range(4)
    ]
    with transaction.atomic(), ledger_paused():
        for n in range(60):
            session = sessions[n % 4]
            start = datetime.datetime.combine(session.start_date, datetime.time(9), tzinfo=datetime.UTC)
            activity = Activity.objects.create(
                session=session,
                slug=f"p{n}",
                title={"en": f"Crossed {n}"},
                kind="crossed_workshop",
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=3),
            )
            activity_members_set(
                actor=None,
                activity=activity,
                members=[(p, "member") for p in rng.sample(cohort, min(25, len(cohort)))],
            )
    ledger_rebuild()

    cache.clear()
    results["analytics"] = timed(lambda: compute_figures(Scope(last_year=2030)))
    results["analytics_year"] = timed(lambda: compute_figures(Scope(first_year=2006, last_year=2006)))

    # The ledger update: a 30-person activity whose members change, seven times.
    workshop = activities[0]
    update_times = []
    for _ in range(7):
        group = rng.sample(people[:per_hub], 30)
        with transaction.atomic(), ledger_paused():
            activity_members_set(actor=None, activity=workshop, members=[(p, "member") for p in group])
        update_times.append(timed(lambda: ties_recompute(activity=workshop)))
    results["ledger_update"] = [statistics.median(times) for times in zip(*update_times, strict=True)]
    results["ledger_update_max"] = [max(times) for times in zip(*update_times, strict=True)]

    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_user("bench", is_staff=True)
    client = Client()
    client.force_login(staff)
    cache.clear()
    responses = []
    results["graph_page"] = timed(
        lambda: responses.append(client.get("/orga/impact/graph/", {"programme": "big"}))
    )
    assert responses[0].status_code == 200, responses[0].status_code
    drawn = scope_graph(Scope(programmes=(programme.pk,), first_year=2012), limit=DRAWN_PEOPLE)
    results["graph_people"], results["graph_ties"] = drawn.people, drawn.ties
    results["graph_cached"] = timed(lambda: client.get("/orga/impact/graph/", {"programme": "big"}))
    return results


def demo() -> dict:
    from django.core.cache import cache

    from tissage.demo.build import build_demo
    from tissage.impact.interfaces.report import report_choice, report_context, report_pdf

    results = {"demo_build": timed(build_demo)}
    for key, params in (
        ("report_pdf", {"language": "fr"}),
        ("report_pdf_programme", {"programme": "marseille-narian-mar", "language": "ru"}),
    ):
        cache.clear()

        def work(params=params, key=key):
            choice = report_choice(params)
            pdf = report_pdf(report_context(choice), language=choice.language)
            results[f"{key}_bytes"] = len(pdf)

        results[key] = timed(work)
    return results


def child(part: str, quick: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="tissage-bench-") as var_dir:
        setup_django(var_dir)
        if part == "synthetic":
            results = synthetic(2_000, 40_000) if quick else synthetic(10_000, 200_000)
        else:
            results = demo()
    print(json.dumps(results, default=str))


def run_part(part: str, quick: bool) -> dict:
    command = [sys.executable, __file__, "--part", part, *(["--quick"] if quick else [])]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--part", choices=["synthetic", "demo"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        child(args.part, args.quick)
        return
    synthetic_results, demo_results = run_part("synthetic", args.quick), run_part("demo", args.quick)
    results = {**synthetic_results, **demo_results}
    counts = synthetic_results["counts"]
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else ["?"] * 3
    print(
        f"Network: {synthetic_results['people']:,} people, {counts['ties']:,} ties, "
        f"{counts['contributions']:,} contributions, {synthetic_results['activities']:,} activities; "
        f"load average {' '.join(load)} on {os.cpu_count()} cores"
    )
    print()
    print("| measure | target | wall-clock | CPU | |")
    print("|---|---|---|---|---|")
    for key, (label, target) in TARGETS.items():
        wall, cpu = results[key]
        verdict = "ok" if wall <= target else "ok in CPU time" if cpu <= target else "SLOW"
        print(f"| {label} | ≤ {target:.3f} s | {wall:.3f} s | {cpu:.3f} s | {verdict} |")
    extras = [
        ("Ledger update, slowest of 7", results["ledger_update_max"]),
        ("Full ledger rebuild", results["ledger_rebuild"]),
        ("Analytics of one year", results["analytics_year"]),
        (
            f"Graph page cached ({results['graph_people']} people, {results['graph_ties']} ties)",
            results["graph_cached"],
        ),
        ("Report PDF of a programme, in Russian", results["report_pdf_programme"]),
        ("Demo network build (with its ledger)", results["demo_build"]),
    ]
    for label, (wall, cpu) in extras:
        print(f"| {label} | | {wall:.3f} s | {cpu:.3f} s | |")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    main()
