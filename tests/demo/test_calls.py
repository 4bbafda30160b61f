"""The demo's calls step, on the demo network built once (the checks below each name one fact)."""

import datetime

from tissage.activities.models import Participation
from tissage.calls.domain.ranking import call_ranking
from tissage.calls.models import Application, Call, Review
from tissage.core.models import AuditEntry
from tissage.demo.build import build_demo
from tissage.demo.network import TODAY
from tissage.demo.plan import plan_demo
from tissage.outbox.domain.messages import MAX_ATTEMPTS
from tissage.outbox.models import Message
from tissage.people.models import ConsentRecord, Person

from .test_build import database_digests, plan_digests

NOON_AT_NARIAN_MAR = datetime.datetime.combine(TODAY, datetime.time(9, 0), datetime.UTC)


def check_publishes_an_open_call_and_a_closed_one():
    calls = {c.slug: c for c in Call.objects.with_places()}
    assert sorted(calls) == ["artists-tissage-2026", "trainees-mimi-nor-2027"]
    open_call, closed = calls["trainees-mimi-nor-2027"], calls["artists-tissage-2026"]
    assert (open_call.phase(NOON_AT_NARIAN_MAR), closed.phase(NOON_AT_NARIAN_MAR)) == ("open", "closed")
    assert (open_call.session.hub.slug, open_call.session.start_date) == (
        "narian-mar",
        datetime.date(2027, 5, 15),
    )
    assert list(Call.objects.open_at(NOON_AT_NARIAN_MAR)) == [open_call]
    assert (closed.blind_review, closed.questions.count(), open_call.criteria.count()) == (True, 3, 3)


def check_accepts_the_cycles_new_artists_without_changing_the_network():
    closed = Call.objects.get(slug="artists-tissage-2026")
    accepted = closed.applications.filter(state="accepted").select_related("person", "participation")
    assert sorted(a.person.slug for a in accepted) == [
        "bienvenu-lokwa",
        "estelle-roux",
        "junior-makiese",
        "yacine-cherif",
        "yuri-chuprov",
    ]
    assert all(a.participation.session_id == closed.session_id for a in accepted)
    assert all(a.person.email.lower() == a.email.lower() for a in accepted)
    assert ConsentRecord.objects.filter(person__in=[a.person for a in accepted], kind="data").count() == 5
    assert database_digests() == plan_digests(plan_demo(seed=2002))
    assert Person.objects.filter(applications__isnull=False).count() == 5


def check_puts_the_best_of_the_others_on_the_waiting_list():
    closed = Call.objects.get(slug="artists-tissage-2026")
    others = closed.applications.exclude(state="accepted")
    _criteria, ranking = call_ranking(closed, others)
    assert [r.application.state for r in ranking] == [
        "waiting_list",
        "declined",
        "declined",
        "declined",
        "declined",
    ]
    assert Review.objects.filter(application__call=closed, conflict_of_interest=True).count() == 1


def check_leaves_the_open_call_under_review():
    open_call = Call.objects.get(slug="trainees-mimi-nor-2027")
    assert list(open_call.applications.values_list("state", flat=True)) == ["submitted"] * 5
    reviewed = Application.objects.filter(call=open_call, reviews__isnull=False).distinct().count()
    assert (reviewed, Review.objects.filter(application__call=open_call).count()) == (3, 4)
    assert not Participation.objects.filter(person__email__in=open_call.applications.values("email")).exists()


def check_tells_everyone_in_their_language_and_shows_one_failure():
    messages = Message.objects.all()
    assert messages.filter(template_key="application_received").count() == Application.objects.count() == 15
    assert messages.filter(template_key="application_decision").count() == 10
    assert set(messages.values_list("language", flat=True)) == {"fr", "ru"}
    failed = messages.get(status="failed")
    assert (failed.attempts, failed.last_error) == (
        MAX_ATTEMPTS,
        "ConnectionRefusedError: [Errno 111] Connection refused by the recipient's mail server",
    )
    assert set(messages.exclude(pk=failed.pk).values_list("status", flat=True)) == {"sent"}


def check_records_it_all_as_the_system():
    assert set(AuditEntry.objects.values_list("actor_name", flat=True)) == {"system"}
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"call.created", "application.submitted", "review.scored", "application.accepted"} <= actions


CHECKS = [function for name, function in list(globals().items()) if name.startswith("check_")]


def test_demo_calls_step_writes_calls_applications_reviews_and_messages(db):
    build_demo()
    failures = {}
    for check in CHECKS:
        try:
            check()
        except AssertionError as error:
            failures[check.__name__] = str(error)
    assert failures == {}
    assert len(CHECKS) == 6
