"""Benchmark of calls and the outbox: ranking a call's applications, its staff page, its public page,
and rendering a message in each language.

    python bench/calls.py            # the whole table (about a minute)
    python bench/calls.py --quick    # the smaller sizes only

Runs in a fresh SQLite database (a temporary TISSAGE_VAR_DIR), with the timing helpers of
bench/logistics.py. For each size it prints the median time of five runs and the number of
queries, which must not grow with the size:

- the ranking of a call of N applications, three reviews each on four criteria (Decimal arithmetic);
- the staff page of that call (the ranked table), and the public page of a call with its form;
- one message (an acceptance) rendered in French, English and Russian, then queued and sent
  through the outbox (the immediate task backend and the in-memory mail backend of the tests).
"""

import argparse
import datetime
import os
import sys
from decimal import Decimal
from pathlib import Path

from logistics import measure, setup_django


def page_measure(client, url: str) -> tuple[float, int]:
    """Like ``measure``, for a page: the test client's requests reset Django's query log, so the
    queries are counted as they run."""
    from django.db import connection

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    def get():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    seconds, _queries = measure(get)
    with connection.execute_wrapper(count):
        get()
    return seconds, len(executed)


def call_with_applications(count: int):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from tissage.calls.models import Application, Call, Criterion, Question, Review
    from tissage.network.models import Hub, Programme, Session

    tag = f"n{count}"
    hub = Hub.objects.create(
        slug=f"narian-mar-{tag}",
        name={"en": "Narian-Mar"},
        country="RU",
        timezone="Europe/Moscow",
        currency="RUB",
    )
    programme = Programme.objects.create(
        slug=f"tissage-{tag}", name={"en": "Tissage"}, home_hub=hub, start_year=2026
    )
    session = Session.objects.create(
        programme=programme,
        number=1,
        hub=hub,
        start_date=datetime.date(2027, 5, 15),
        end_date=datetime.date(2027, 5, 23),
    )
    now = timezone.now()
    call = Call.objects.create(
        slug=f"call-{tag}",
        programme=programme,
        session=session,
        kind="trainees",
        title={"en": f"Trainees ({count})"},
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now + datetime.timedelta(days=10),
        is_published=True,
    )
    for position, kind in enumerate(("long_text", "text", "number", "date", "url", "file"), start=1):
        Question.objects.create(call=call, position=position, label={"en": f"Question {position}"}, kind=kind)
    criteria = [
        Criterion.objects.create(
            call=call, position=n, name={"en": f"Criterion {n}"}, weight=Decimal(n), scale=5 + n
        )
        for n in range(1, 5)
    ]
    reviewers = [get_user_model().objects.create(username=f"reviewer-{tag}-{n}") for n in range(3)]
    applications = Application.objects.bulk_create(
        Application(
            call=call,
            given_name=f"Given{n}",
            family_name=f"Family{n}",
            email=f"applicant{n}@{tag}.example.org",
            reference=f"{tag}-{n}"[:12],
            consent=True,
        )
        for n in range(count)
    )
    Review.objects.bulk_create(
        Review(
            application=application,
            reviewer=reviewer,
            scores={str(c.pk): 1 + (n * 7 + r * 3 + c.pk) % c.scale for c in criteria},
        )
        for n, application in enumerate(applications)
        for r, reviewer in enumerate(reviewers)
    )
    return call


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="the smaller sizes only")
    options = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import tempfile

    setup_django(tempfile.mkdtemp(prefix="tissage-bench-calls-"))

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from tissage.calls.domain.ranking import call_ranking
    from tissage.outbox.domain.messages import message_queue, message_render

    client = Client()
    client.force_login(get_user_model().objects.create(username="bench", is_staff=True))
    rows = []
    for count in (50, 200) if options.quick else (50, 200, 1000):
        call = call_with_applications(count)
        seconds, queries = measure(lambda call=call: call_ranking(call))
        rows.append((f"Ranking, {count} applications × 3 reviews", seconds, queries))
        url = reverse("orga:call-detail", args=[call.slug])
        seconds, queries = page_measure(client, url)
        rows.append((f"Staff call page, {count} applications", seconds, queries))
    # The public page shows the call and its form, whatever the number of applications.
    with translation.override("ru"):
        url = reverse("public:call", kwargs={"call": call.slug})
    seconds, queries = page_measure(Client(), url)
    rows.append(("Public call page with its form of 6 questions (Russian)", seconds, queries))
    context = {
        "name": "Ksenia",
        "outcome": "accepted",
        "call": "Sound, light and stage trainees",
        "reference": "K7M2Q9XZ",
        "session": "Mimi-Nor 2027",
        "hub": "Narian-Mar",
        "programme": "Tissage 2026–2028",
        "starts": datetime.date(2027, 5, 15),
        "ends": datetime.date(2027, 5, 23),
        "paragraph": "",
        "note": "",
        "portal_url": "https://tissage.example/ru/portal/sign-in/abc/",
        "link_days": 14,
    }
    for language in ("fr", "en", "ru"):
        seconds, queries = measure(
            lambda language=language: message_render(
                template_key="application_decision", context=context, language=language
            )
        )
        rows.append((f"Acceptance message rendered ({language})", seconds, queries))
    seconds, queries = measure(
        lambda: message_queue(
            actor=None,
            to="ksenia.orlova@example.ru",
            name="Ksenia Orlova",
            language="ru",
            template_key="application_decision",
            context=context,
        )
    )
    rows.append(("Acceptance queued, stored, audited and sent (ru)", seconds, queries))

    width = max(len(label) for label, _s, _q in rows)
    print(f"{'what'.ljust(width)}  {'median':>10}  {'queries':>7}")
    for label, seconds, queries in rows:
        print(f"{label.ljust(width)}  {seconds * 1000:>8.1f} ms  {queries:>7}")
    print(f"\n{os.cpu_count()} cores; load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
