"""Load run: mixed public and staff traffic against the production server, for a minute.

    python bench/load.py                  # PostgreSQL (DATABASE_URL, or postgres://postgres@127.0.0.1:5432)
    python bench/load.py --sqlite         # the embedded default instead
    python bench/load.py --seconds 20 --clients 4

It builds the demo network in a throw-away database, starts gunicorn as ``tissage serve`` does
(2 workers × 4 threads, gthread) on a spare loopback port, signs a staff client in through the
login form, then runs ``--clients`` clients for ``--seconds``, each on its own keep-alive
connection, over a mix of three public requests for one staff request: the home page, festivals,
editions by day, room, person and kind, activity and person pages, calls and calendars; the staff
dashboard, people (searched), a person, sessions, a session, the timetable, ties and the audit log.

It prints requests, throughput, median, p95 and p99 (ms, as the clients see them) per kind and in
all, and the errors (a status other than 200, a refused or broken connection); it exits with 1 on
any error.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from public_pages import PG_URL, PYTHON, free_port, fresh_site, p95, postgres_answers, run, serve

STAFF_PASSWORD = "load-run-staff-password"
URLS = """
import json, os
from django.urls import reverse
from tissage.activities.models import Activity
from tissage.network.models import Edition, Session
from tissage.people.models import Person
from tissage.calls.models import Call
from django.contrib.auth import get_user_model
password = os.environ["TISSAGE_LOAD_PASSWORD"]
get_user_model().objects.create_user("load", password=password, is_staff=True, is_superuser=True)
editions = list(Edition.objects.filter(is_published=True).select_related("festival")[:4])
public = ["/fr/", "/en/", "/ru/"]
for e in editions:
    base = f"/fr/festivals/{e.festival.slug}/{e.slug}/"
    public += [f"/fr/festivals/{e.festival.slug}/", base, base + "programme/rooms/"]
    public += [base + "programme/people/", base + "programme/kinds/", base + "programme/files/schedule.ics"]
    shown = Activity.objects.filter(edition=e, is_public=True).exclude(starts_at=None)[:15]
    public += [a.get_public_url() for a in shown]
public += [f"/en/people/{p.slug}/" for p in Person.objects.filter(is_public=True)[:20]]
public += ["/fr/calls/"] + [f"/fr/calls/{c.slug}/" for c in Call.objects.all()[:3]]
sessions = list(Session.objects.order_by("-start_date")[:5])
people = list(Person.objects.order_by("pk")[:20])
staff = ["/orga/", "/orga/people/", "/orga/people/?q=an", "/orga/sessions/", "/orga/audit/"]
staff += [reverse("orga:session-detail", args=[s.pk]) for s in sessions]
staff += [reverse("orga:person-detail", args=[p.slug]) for p in people]
staff += [reverse("orga:timetable", args=[e.pk]) for e in editions[:2]]
print(json.dumps({"public": public, "staff": staff}))
"""


def sign_in(port: int) -> str:
    """The session cookie of a staff member signed in through the login form."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/orga/login/")
    page = connection.getresponse()
    html = page.read().decode()
    csrf = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = f"csrfmiddlewaretoken={token}&username=load&password={STAFF_PASSWORD}"
    connection.request(
        "POST",
        "/orga/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
            "Referer": f"http://127.0.0.1:{port}/orga/login/",
        },
    )
    answer = connection.getresponse()
    answer.read()
    cookie = re.search(r"sessionid=([^;]+)", answer.getheader("Set-Cookie", "") or "")
    if answer.status != 302 or cookie is None:
        raise SystemExit(f"the staff sign-in failed ({answer.status})")
    return f"sessionid={cookie.group(1)}"


def drive(port: int, urls: dict[str, list[str]], cookie: str, seconds: float, clients: int, seed: int):
    """Each client loops until the time is up; returns the times (ms) per kind, and the errors."""
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(number: int) -> None:
        draw = random.Random(seed + number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop_at:
            kind = "staff" if draw.random() < 0.25 else "public"
            path = draw.choice(urls[kind])
            headers = {"Cookie": cookie} if kind == "staff" else {}
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    errors.append(f"{path}: {type(error).__name__} {error}")
                continue
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                times[kind].append(elapsed)
                if status != 200:
                    errors.append(f"{path}: HTTP {status}")
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors


def prepare(database_url: str | None) -> dict:
    env = fresh_site(database_url, "load")
    print("Building the demo network …", file=sys.stderr)
    run([PYTHON, "-m", "tissage", "demo", "-v0"], env)
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--sqlite", action="store_true", help="the embedded SQLite database")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.clients < 1:
        parser.error("--seconds must be positive and --clients at least 1")
    if not args.sqlite and not postgres_answers(PG_URL):
        parser.error(f"PostgreSQL does not answer at {PG_URL}: start it, set DATABASE_URL, or pass --sqlite")
    env = prepare(None if args.sqlite else PG_URL)
    listing = [PYTHON, "-m", "tissage", "shell", "--no-imports", "-c", URLS]
    urls = json.loads(run(listing, {**env, "TISSAGE_LOAD_PASSWORD": STAFF_PASSWORD}).splitlines()[-1])
    port = free_port()
    server = serve(env, port, Path(env["TISSAGE_VAR_DIR"]) / "access.log")
    try:
        cookie = sign_in(port)
        print(f"Loading for {args.seconds:.0f} s with {args.clients} clients …", file=sys.stderr)
        times, errors = drive(port, urls, cookie, args.seconds, args.clients, args.seed)
    finally:
        server.terminate()
        server.wait()

    engine = "SQLite" if args.sqlite else "PostgreSQL"
    setup = f"gunicorn 2 workers × 4 threads · {args.clients} clients · {args.seconds:.0f} s"
    print(f"# Load run · {engine} · {setup}")
    print(f"# {len(urls['public'])} public and {len(urls['staff'])} staff addresses of the demo network")
    print()
    print("| traffic | requests | requests/s | median ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    everything = [t for kind in ("public", "staff") for t in times[kind]]
    for kind, found in (("public", times["public"]), ("staff", times["staff"]), ("all", everything)):
        if not found:
            continue
        ordered = sorted(found)
        p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
        print(
            f"| {kind} | {len(found)} | {len(found) / args.seconds:.1f} | {statistics.median(found):.1f} "
            f"| {p95(found):.1f} | {p99:.1f} |"
        )
    print()
    print(f"errors: {len(errors)}")
    for line in errors[:10]:
        print(f"  {line}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
