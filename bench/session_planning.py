"""Benchmark of the session planner against the targets of its issue.

    python bench/session_planning.py            # the whole table (about two minutes)
    python bench/session_planning.py --seconds 10

It builds, in a fresh SQLite database (a temporary TISSAGE_VAR_DIR), a network the size of the demo
network scaled ×10: five hubs of 300 people (1,500), thirty past sessions with 180 crossed workshops
of 6 or 7 people each (5,400 activities, about 35,000 activity members: the history), and a
programme whose next session has 120 confirmed participants and four interpreters. Then it times:

- building the problem from the database + solving + saving the plan of that session: ≤ 30 s;
- the planner page of the session (median of 7 renders, its query count shown): ≤ 300 ms;
- the plan's page, for the record (median of 7 renders, its query count shown).
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HUBS = [
    # slug, name, own languages, share of people with a working French, with a working English
    ("marseille", "Marseille", {"fr": "native"}, 1.0, 0.6),
    ("narian-mar", "Narian-Mar", {"ru": "native"}, 0.3, 0.7),
    ("kinshasa", "Kinshasa", {"ln": "native", "fr": "fluent"}, 1.0, 0.3),
    ("damascus", "Damascus", {"ar": "native"}, 0.4, 0.6),
    ("beirut", "Beirut", {"ar": "native", "fr": "fluent"}, 1.0, 0.6),
]
PER_HUB = 300
PAST_SESSIONS = 30
WORKSHOPS_PER_SESSION = 180
SESSION_PEOPLE = 120
RENDERS = 7
TARGETS = {"propose": 30.0, "planner_page": 0.300}
ROLES = (
    ["teaching_artist"] * 25
    + ["artist"] * 35
    + ["technician"] * 15
    + ["administrator"] * 10
    + ["trainee"] * 15
)


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


def timed(work):
    """``work()``'s result, wall-clock and CPU seconds (on a shared machine the CPU time shows what
    the work itself costs, the wall-clock time what a user waited)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - started, time.process_time() - cpu


def network(rng: random.Random):
    """The network scaled ×10, written in bulk; returns the session to plan."""
    from tissage.activities.models import Activity, ActivityMember, Participation
    from tissage.network.models import CohortMember, Edition, Festival, Hub, Programme, Session
    from tissage.people.models import Person, PersonLanguage

    hubs = Hub.objects.bulk_create(
        Hub(
            slug=slug,
            name={"en": name},
            country="FR",
            timezone="Europe/Paris",
            currency="EUR",
            season="summer",
        )
        for slug, name, *_rest in HUBS
    )
    people, languages, roles = [], [], []
    for h, (_slug, _name, own, french, english) in enumerate(HUBS):
        for i in range(PER_HUB):
            people.append(
                Person(
                    slug=f"p{h}-{i}",
                    given_name=f"Given{h}-{i}",
                    family_name=f"Family{h}-{i}",
                    home_hub=hubs[h],
                )
            )
            roles.append(rng.choice(ROLES))
            spoken = dict(own)
            if rng.random() < french:
                spoken.setdefault("fr", "working")
            if rng.random() < english:
                spoken.setdefault("en", "working")
            languages.append(spoken)
    people = Person.objects.bulk_create(people, batch_size=2000)
    PersonLanguage.objects.bulk_create(
        (
            PersonLanguage(person=person, language=code, level=level)
            for person, spoken in zip(people, languages, strict=True)
            for code, level in spoken.items()
        ),
        batch_size=5000,
    )
    interpreters = Person.objects.bulk_create(
        Person(slug=f"i{n}", given_name=f"Interpreter{n}", family_name="X", home_hub=hubs[0])
        for n in range(4)
    )
    PersonLanguage.objects.bulk_create(
        PersonLanguage(person=person, language=code, level="fluent")
        for person, extra in zip(interpreters, ["ru", "ru", "ar", "ar"], strict=True)
        for code in ("fr", "en", extra)
    )
    festival = Festival.objects.create(slug="mimi", name={"en": "Mimi"}, hub=hubs[0], season="summer")
    programme = Programme.objects.create(
        slug="bench", name={"en": "Bench programme"}, home_hub=hubs[0], start_year=2002
    )
    programme.partner_hubs.set(hubs[1:])
    # Two sessions a year until now, and the next one in two months.
    today = datetime.date.today()
    starts = [today - datetime.timedelta(days=182 * (PAST_SESSIONS - n)) for n in range(PAST_SESSIONS)]
    starts.append(today + datetime.timedelta(days=60))
    editions = Edition.objects.bulk_create(
        Edition(
            festival=festival,
            number=n + 1,
            slug=f"e{n}",
            start_date=start,
            end_date=start + datetime.timedelta(days=9),
        )
        for n, start in enumerate(starts)
    )
    sessions = Session.objects.bulk_create(
        Session(
            programme=programme,
            number=n + 1,
            hub=hubs[n % len(hubs)],
            edition=edition,
            start_date=edition.start_date,
            end_date=edition.end_date,
        )
        for n, edition in enumerate(editions)
    )
    activities, groups = [], []
    for n, session in enumerate(sessions[:PAST_SESSIONS]):
        present = rng.sample(people, SESSION_PEOPLE)
        for w in range(WORKSHOPS_PER_SESSION):
            activities.append(
                Activity(
                    edition=session.edition,
                    session=session,
                    slug=f"w{n}-{w}",
                    title={"en": f"Workshop {w}"},
                    kind="crossed_workshop",
                    starts_at=datetime.datetime.combine(
                        session.start_date, datetime.time(9), tzinfo=datetime.UTC
                    ),
                    ends_at=datetime.datetime.combine(
                        session.start_date, datetime.time(12), tzinfo=datetime.UTC
                    ),
                )
            )
            groups.append(rng.sample(present, rng.randint(6, 7)))
    activities = Activity.objects.bulk_create(activities, batch_size=2000)
    ActivityMember.objects.bulk_create(
        (
            ActivityMember(activity=activity, person=person)
            for activity, members in zip(activities, groups, strict=True)
            for person in members
        ),
        batch_size=5000,
    )
    upcoming = sessions[-1]
    chosen = rng.sample(range(len(people)), SESSION_PEOPLE)
    Participation.objects.bulk_create(
        [
            *(
                Participation(person=people[i], session=upcoming, role=roles[i], status="confirmed")
                for i in chosen
            ),
            *(
                Participation(person=p, session=upcoming, role="interpreter", status="confirmed")
                for p in interpreters
            ),
        ]
    )
    CohortMember.objects.bulk_create(
        CohortMember(programme=programme, person=people[i], role=roles[i]) for i in chosen[:60]
    )
    return upcoming, len(activities), sum(len(g) for g in groups)


def measure(seconds: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tissage.planning.domain.plans import plan_record
    from tissage.planning.domain.problems import PlanSettings
    from tissage.planning.domain.runs import subject_problem
    from tissage.solvers import grouping as engine

    (session, activities, members), wall, _cpu = timed(lambda: network(random.Random(2002)))
    print(
        f"Network written in {wall:.1f} s: {5 * PER_HUB:,} people, {PAST_SESSIONS} past sessions, "
        f"{activities:,} activities, {members:,} activity members."
    )
    settings = PlanSettings(seconds=seconds)
    built, build_wall, build_cpu = timed(lambda: subject_problem(session, settings))
    result, solve_wall, solve_cpu = timed(
        lambda: engine.solve(built.problem, seed=1, time_limit=settings.seconds)
    )
    plan, save_wall, save_cpu = timed(
        lambda: plan_record(
            actor=None,
            programme=session.programme,
            session=session,
            settings=settings,
            problem=built.problem,
            result=result,
        )
    )
    staff = get_user_model().objects.create(username="bench", is_staff=True)
    client = Client()
    client.force_login(staff)

    def renders(url: str) -> tuple[float, int]:
        client.get(url)  # the first request warms the template cache, as on a running server
        times = []
        for _ in range(RENDERS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        return statistics.median(times), len(queries.captured_queries)

    planner, planner_queries = renders(reverse("orga:planning-session", args=[session.pk]))
    page, page_queries = renders(plan.get_absolute_url())
    propose_wall = build_wall + solve_wall + save_wall
    propose_cpu = build_cpu + solve_cpu + save_cpu
    m = result.metrics
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else ["?"] * 3
    print(
        f"Session: {len(built.members)} people to place and "
        f"{len(built.problem.interpreters)} interpreters, {built.problem.sessions[0].groups} groups, "
        f"{built.history_pairs:,} pairs among them already met; search time given {seconds} s "
        f"(ended by {result.stopped_by}); load average {' '.join(load)} on {os.cpu_count()} cores"
    )
    print()
    print("| measure | target | wall-clock | CPU | |")
    print("|---|---|---|---|---|")

    def row(label, target, wall, cpu=None):
        verdict = "" if target is None else "ok" if wall <= target else "SLOW"
        goal = "" if target is None else f"≤ {target:g} s"
        print(f"| {label} | {goal} | {wall:.3f} s | {'' if cpu is None else f'{cpu:.3f} s'} | {verdict} |")

    row("Build the problem from the database", None, build_wall, build_cpu)
    row("Solve", None, solve_wall, solve_cpu)
    row("Save the plan", None, save_wall, save_cpu)
    row("**Build + solve + save, 120 people**", TARGETS["propose"], propose_wall, propose_cpu)
    row(
        f"**Planner page** (median of {RENDERS}, {planner_queries} queries)", TARGETS["planner_page"], planner
    )
    row(f"Plan page (median of {RENDERS}, {page_queries} queries)", None, page)
    print()
    print(
        f"Plan: {m.new_pairs} new pairs, {m.repeated_pairs} repeated ({m.repeated_against_history} against "
        f"history), lower bound {m.lower_bound}, gap {m.gap}, {m.hard_violations} hard violations."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20, help="the engine's search time (default 20)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tissage-bench-") as var_dir:
        setup_django(var_dir)
        measure(args.seconds)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    main()
