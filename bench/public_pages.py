"""Benchmark of the public programme served by the production server (gunicorn), on SQLite and on
PostgreSQL.

    python bench/public_pages.py                 # both databases (PostgreSQL if DATABASE_URL or
                                                 # postgres://postgres@127.0.0.1:5432 answers)
    python bench/public_pages.py --quick         # SQLite only, fewer requests
    python bench/public_pages.py --databases sqlite

For each database it builds, in a throw-away database, a published edition of 300 activities in 20
rooms with 500 people and publishes its first release; counts the SQL queries of each page in
process (the test suite pins them; they do not grow with the programme); then starts gunicorn on a
spare loopback port (2 workers × 4 threads, the `tissage serve` settings) and runs a bounded load
loop of 8 concurrent clients over the public pages and files, in three modes:

* ``no cache``: the server's kept copies off (TISSAGE_PAGE_CACHE_SECONDS=0), every page rendered;
* ``cache``: kept copies on (the default): a page is rendered once per release, then served;
* ``304``: clients that already hold the page revalidate with If-None-Match.

Each page is first requested alone, in one process, RENDERS times in each mode: the median
wall-clock and CPU time of a request, the CPU time being its cost whatever else the machine is
doing. Server times under load come from gunicorn's access log (the time from reading the request to
sending the response: median and 95th percentile, in ms); the clients' own p95 on loopback, which
adds the wait for a free worker thread, is shown beside them. Targets: p95 ≤ 50 ms with caching,
≤ 200 ms without.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PG_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tissage")
CONCURRENCY = 8
RENDERS = 15
PAGES = [
    ("by day", "/{lang}/festivals/bench/2026/"),
    ("by room", "/{lang}/festivals/bench/2026/programme/rooms/"),
    ("by person", "/{lang}/festivals/bench/2026/programme/people/"),
    ("by kind", "/{lang}/festivals/bench/2026/programme/kinds/"),
    ("activity", "/{lang}/festivals/bench/2026/activity-150/"),
    ("widget", "/{lang}/festivals/bench/2026/programme/widget/"),
    ("iCal", "/{lang}/festivals/bench/2026/programme/files/schedule.ics"),
]


def generate() -> None:
    """Runs inside Django (``--generate``): the edition, its release, and each page's query count."""
    import datetime

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tissage.activities.enums import ActivityKind, MemberRole
    from tissage.activities.models import Activity, ActivityMember
    from tissage.network.models import Edition, Festival, Hub, Room, Venue
    from tissage.people.models import Person
    from tissage.schedule.domain.releases import release_publish

    rng = random.Random(300)
    hub = Hub.objects.create(
        slug="bench",
        name={"en": "Bench"},
        country="FR",
        timezone="Europe/Paris",
        currency="EUR",
        season="summer",
    )
    festival = Festival.objects.create(slug="bench", name={"en": "Bench festival"}, hub=hub, season="summer")
    edition = Edition.objects.create(
        festival=festival,
        number=1,
        slug="2026",
        title={"en": "Bench 2026", "fr": "Bench 2026", "ru": "Бенч 2026"},
        start_date=datetime.date(2026, 7, 20),
        end_date=datetime.date(2026, 7, 24),
        is_published=True,
    )
    venue = Venue.objects.create(hub=hub, slug="venue", name={"en": "Venue"})
    edition.venues.add(venue)
    rooms = Room.objects.bulk_create(
        Room(venue=venue, name=f"Room {n}", capacity=50 + 10 * n) for n in range(20)
    )
    people = Person.objects.bulk_create(
        Person(given_name=f"Given{n}", family_name=f"Family{n}", slug=f"person-{n}", is_public=n % 5 < 2)
        for n in range(500)
    )
    kinds = list(ActivityKind.values)
    activities = []
    for n in range(300):
        day, hour = n % 5, 9 + (n // 100) * 4 + rng.randint(0, 2)
        starts = datetime.datetime(2026, 7, 20 + day, hour, tzinfo=datetime.UTC)
        activities.append(
            Activity(
                edition=edition,
                slug=f"activity-{n}",
                title={"en": f"Activity {n}", "fr": f"Activité {n}", "ru": f"Занятие {n}"},
                description={"en": "A workshop of the bench festival. " * 5},
                kind=kinds[n % len(kinds)],
                languages=["fr", "en"],
                room=rooms[n % 20],
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=2),
            )
        )
    activities = Activity.objects.bulk_create(activities)
    ActivityMember.objects.bulk_create(
        ActivityMember(
            activity=activity, person=person, role=MemberRole.LEADER if k == 0 else MemberRole.MEMBER
        )
        for activity in activities
        for k, person in enumerate(rng.sample(people, rng.randint(3, 8)))
    )
    release_publish(actor=None, edition=edition)
    client = Client(HTTP_HOST="127.0.0.1")
    for name, path in PAGES:
        url = path.format(lang="en")
        with CaptureQueriesContext(connection) as first:
            response = client.get(url)
        with CaptureQueriesContext(connection) as again:
            client.get(url)
        with CaptureQueriesContext(connection) as revalidated:
            client.get(url, headers={"If-None-Match": response["ETag"]})
        counts = "\t".join(str(len(queries)) for queries in (first, again, revalidated))
        print(f"QUERIES\t{name}\t{response.status_code}\t{counts}", flush=True)


def render() -> None:
    """Runs inside Django (``--render``): each page requested RENDERS times in this one process, one
    at a time, after a first request; the median wall-clock and CPU time of a request, in ms. The CPU
    time is the cost of the page itself, whatever else the machine is doing."""
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for name, path in PAGES:
        url = path.format(lang="fr")
        etag = client.get(url)["ETag"]
        for kind, headers in (("plain", {}), ("304", {"If-None-Match": etag})):
            walls, cpus = [], []
            for _ in range(RENDERS):
                wall, cpu = time.perf_counter(), time.process_time()
                client.get(url, headers=headers)
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            print(f"RENDER\t{name}\t{kind}\t{wall:.1f}\t{cpu:.1f}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: list[str], env: dict) -> str:
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def serve(env: dict, port: int, access_log: Path) -> subprocess.Popen:
    """gunicorn as ``tissage serve`` runs it, logging each request's path, status and time (ms)."""
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "tissage.config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--threads", "4", "--worker-class", "gthread", "--log-level", "warning",
         "--access-logfile", str(access_log), "--access-logformat", "%(U)s %(s)s %(M)s"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def request(port: int, path: str, headers: dict | None = None) -> tuple[int, float, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    elapsed = (time.perf_counter() - started) * 1000
    found = dict(response.getheaders())
    connection.close()
    return response.status, elapsed, found


def load(port: int, path: str, count: int, headers: dict | None = None) -> list[float]:
    """``count`` requests of ``path`` by CONCURRENCY clients at once; each request's time in ms."""
    times: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    per_client = max(count // CONCURRENCY, 1)

    def client():
        for _ in range(per_client):
            status, elapsed, _headers = request(port, path, headers)
            with lock:
                if status in (200, 304):
                    times.append(elapsed)
                else:
                    failures.append(f"{path} answered {status}")

    threads = [threading.Thread(target=client) for _ in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(failures[0])
    return times


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def fresh_site(database_url: str | None, name: str) -> dict:
    """The environment of a throw-away site, migrated with its static files: a var directory of its
    own, and on PostgreSQL (``database_url`` given) a new database ``tissage_bench_<name>``."""
    var = tempfile.mkdtemp(prefix=f"tissage-{name}-")
    env = {**os.environ, "TISSAGE_VAR_DIR": var, "DJANGO_SETTINGS_MODULE": "tissage.config.settings"}
    env.pop("DATABASE_URL", None)
    if database_url:
        import psycopg

        base = database_url.rpartition("/")[0]
        bench_db = f"tissage_bench_{name}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {bench_db} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {bench_db}")
        env["DATABASE_URL"] = f"{base}/{bench_db}"
    run([PYTHON, "-m", "tissage", "migrate", "--noinput", "-v0"], env)
    run([PYTHON, "-m", "tissage", "createcachetable"], env)
    run([PYTHON, "-m", "tissage", "collectstatic", "--noinput", "-v0"], env)
    return env


def bench_database(name: str, database_url: str | None, count: int) -> list[tuple]:
    env = fresh_site(database_url, "public")
    var = env["TISSAGE_VAR_DIR"]
    queries = {}
    for line in run([PYTHON, __file__, "--generate"], env).splitlines():
        if line.startswith("QUERIES"):
            _tag, page, status, *counts = line.split("\t")
            if status != "200":
                raise SystemExit(f"{page} answered {status}")
            queries[page] = [int(count) for count in counts]
    rows = []
    timings = {}
    for cache_seconds in ("0", "600"):
        output = run([PYTHON, __file__, "--render"], {**env, "TISSAGE_PAGE_CACHE_SECONDS": cache_seconds})
        for line in output.splitlines():
            if line.startswith("RENDER"):
                _tag, page, kind, wall, cpu = line.split("\t")
                timings[cache_seconds, kind, page] = (float(wall), float(cpu))
    # Each mode, with the queries of its requests: a page rendered, served from the process's kept
    # copy, or revalidated.
    modes = (("no cache", "0", False, 0), ("cache", "600", False, 1), ("304", "600", True, 2))
    for mode, cache_seconds, conditional, counted in modes:
        port = free_port()
        log = Path(var) / f"access-{cache_seconds}-{conditional}.log"
        server = serve({**env, "TISSAGE_PAGE_CACHE_SECONDS": cache_seconds}, port, log)
        try:
            client_times = {}
            for page, path in PAGES:
                url = path.format(lang="fr")
                _status, _elapsed, headers = request(port, url)  # warms the kept copy
                condition = {"If-None-Match": headers["ETag"]} if conditional else None
                client_times[page] = load(port, url, count, condition)
        finally:
            server.terminate()
            server.wait()
        server_times = server_log(log)
        for page, path in PAGES:
            times = server_times[path.format(lang="fr")][1:]  # without the warming request
            queries_here = queries[page][counted]
            median, high = statistics.median(times), p95(times)
            alone = timings[cache_seconds, "304" if conditional else "plain", page]
            rows.append(
                (name, mode, page, queries_here, *alone, len(times), median, high, p95(client_times[page]))
            )
    return rows


def server_log(path: Path) -> dict[str, list[float]]:
    """Each path's server times (ms), in the order served, from gunicorn's access log."""
    found: dict[str, list[float]] = {}
    for line in path.read_text().splitlines():
        url, _status, milliseconds = line.rsplit(" ", 2)
        found.setdefault(url, []).append(float(milliseconds))
    return found


def postgres_answers(url: str) -> bool:
    try:
        import psycopg

        base = url.rpartition("/")[0]
        with psycopg.connect(f"{base}/postgres", connect_timeout=3):
            return True
    except Exception:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="SQLite only, fewer requests")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--requests", type=int, default=400, help="requests of each page under load")
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--render", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.generate:
        generate()
        return 0
    if args.render:
        render()
        return 0
    count = 80 if args.quick else args.requests
    databases = ["sqlite"] if args.quick else args.databases.split(",")
    load_before = os.getloadavg()[0]
    rows = []
    for database in databases:
        if database == "postgresql":
            if not postgres_answers(PG_URL):
                print(f"(PostgreSQL at {PG_URL} does not answer: skipped)")
                continue
            rows += bench_database("PostgreSQL", PG_URL, count)
        else:
            rows += bench_database("SQLite", None, count)
    print(f"# Public programme, 300 activities · gunicorn 2 workers × 4 threads · {CONCURRENCY} clients")
    print(f"# {os.cpu_count()} cores; load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    print()
    print(
        "| database | mode | page | queries | alone: median ms | alone: CPU ms | requests "
        "| server median ms | server p95 ms | client p95 ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for database, mode, page, queries, wall, cpu, requests, median, high, client in rows:
        times = f"{wall:.1f} | {cpu:.1f} | {requests} | {median:.1f} | {high:.1f} | {client:.1f}"
        print(f"| {database} | {mode} | {page} | {queries} | {times} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
