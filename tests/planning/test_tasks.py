import dataclasses

import pytest

from tissage.core.models import Job, JobStatus
from tissage.planning import tasks
from tissage.planning.models import Plan

from ..factories import StaffFactory
from .conftest import SETTINGS

pytestmark = pytest.mark.django_db


def test_propose_job_makes_a_draft_and_names_it(world):
    staff = StaffFactory()
    job = tasks.propose_enqueue(actor=staff, subject=world.session, settings=SETTINGS, seed=4)
    plan = Plan.objects.get()
    assert (job.kind, job.status, job.result, job.progress) == (
        tasks.PROPOSE_JOB,
        JobStatus.SUCCEEDED,
        {"plan": plan.pk},
        1.0,
    )
    assert (plan.job, plan.created_by, plan.seed, plan.session) == (job, staff, 4, world.session)


def test_propose_job_returns_the_engines_reasons_when_the_rules_cannot_be_met(world):
    a, b = world.people[0].pk, world.people[1].pk
    settings = dataclasses.replace(SETTINGS, pairs=((a, b, "together"), (a, b, "apart")))
    job = tasks.propose_enqueue(actor=None, subject=world.session, settings=settings, seed=1)
    assert job.status == JobStatus.SUCCEEDED
    assert [r["code"] for r in job.result["infeasible"]] == ["together_apart"]
    assert (job.result["settings"], job.result["seed"]) == (settings.as_json(), 1)
    assert not Plan.objects.exists()


def test_a_failing_run_leaves_the_previous_draft_untouched_and_says_why(world, plan, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the engine ran out of memory")

    monkeypatch.setattr(tasks.engine, "solve", broken)
    job = tasks.propose_enqueue(actor=None, subject=world.session, settings=SETTINGS, seed=2)
    assert (job.status, job.error) == (JobStatus.FAILED, "the engine ran out of memory")
    assert list(Plan.objects.all()) == [plan]
    assert Plan.objects.get().version == 1


def test_resolve_and_repair_jobs_make_new_drafts_from_the_plan(world, plan):
    resolved = tasks.resolve_enqueue(actor=None, plan=plan)
    repaired = tasks.repair_enqueue(actor=None, plan=plan)
    assert [(j.kind, j.status) for j in (resolved, repaired)] == [
        (tasks.RESOLVE_JOB, JobStatus.SUCCEEDED),
        (tasks.REPAIR_JOB, JobStatus.SUCCEEDED),
    ]
    made = [Plan.objects.get(pk=j.result["plan"]) for j in (resolved, repaired)]
    assert [(p.based_on, p.status) for p in made] == [(plan, "draft"), (plan, "draft")]


def test_a_run_cancelled_before_it_starts_makes_no_plan(world):
    job = Job.objects.create(kind=tasks.PROPOSE_JOB, cancel_requested=True)
    tasks.propose_task.call(
        job_id=job.pk, session_id=world.session.pk, programme_id=None, settings=SETTINGS.as_json(), seed=1
    )
    job.refresh_from_db()
    assert (job.status, Plan.objects.count()) == (JobStatus.CANCELLED, 0)
