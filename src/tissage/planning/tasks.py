"""The planner's background jobs: propose, re-solve, repair (progress and cancel come from
``core.domain.jobs``; the engine's ``progress`` and ``should_stop`` are the job reporter's).

A job's result names the new draft (``{"plan": pk}``), or, when the rules cannot be met, the engine's
reasons (``{"infeasible": [{"code", "params", "text"}], "settings": {...}}``) for the planner page to
show next to the settings to change. Nothing is written unless a new draft is made.
"""

from django.utils.translation import gettext as _
from django_tasks import task

from tissage.core.domain.jobs import JobReporter, job_enqueue, run_job
from tissage.core.models import Job
from tissage.network.models import Programme, Session
from tissage.solvers import grouping as engine
from tissage.solvers.grouping.jsonio import reason_to_json

from .domain.problems import PlanSettings
from .domain.runs import plan_propose, plan_repair, plan_resolve
from .models import Plan

PROPOSE_JOB = "planning.propose"
RESOLVE_JOB = "planning.resolve"
REPAIR_JOB = "planning.repair"


def _run(job_id: int, make, asked: dict) -> None:
    """Run ``make(actor=…, progress=…, should_stop=…, job=…)`` as job ``job_id``; ``asked`` (the
    settings and seed) comes back with the reasons when the rules cannot be met."""

    def work(reporter: JobReporter) -> dict:
        job = Job.objects.select_related("created_by").get(pk=job_id)
        reporter.progress(0.0, _("Reading the network's memory"))
        try:
            plan = make(
                actor=job.created_by, progress=reporter.progress, should_stop=reporter.should_stop, job=job
            )
        except engine.Infeasible as error:
            reporter.progress(1.0, _("No plan: the rules cannot all be met."))
            return {"infeasible": [reason_to_json(r) for r in error.reasons], **asked}
        return {"plan": plan.pk}

    run_job(job_id, work)


@task()
def propose_task(*, job_id: int, session_id: int | None, programme_id: int | None, settings: dict, seed: int):
    if session_id is not None:
        subject = Session.objects.select_related("programme", "hub").get(pk=session_id)
    else:
        subject = Programme.objects.get(pk=programme_id)

    def make(**kwargs):
        return plan_propose(subject=subject, settings=PlanSettings.read(settings), seed=seed, **kwargs)

    _run(job_id, make, {"settings": settings, "seed": seed})


@task()
def resolve_task(*, job_id: int, plan_id: int):
    plan = Plan.objects.select_related("programme", "session").get(pk=plan_id)
    _run(
        job_id,
        lambda **kwargs: plan_resolve(plan=plan, **kwargs),
        {"settings": plan.settings, "seed": plan.seed},
    )


@task()
def repair_task(*, job_id: int, plan_id: int):
    plan = Plan.objects.select_related("programme", "session").get(pk=plan_id)
    _run(
        job_id,
        lambda **kwargs: plan_repair(plan=plan, **kwargs),
        {"settings": plan.settings, "seed": plan.seed},
    )


def propose_enqueue(*, actor, subject: Session | Programme, settings: PlanSettings, seed: int) -> Job:
    """Start proposing a plan for a session, or for a programme's remaining sessions."""
    session = subject if isinstance(subject, Session) else None
    return job_enqueue(
        actor=actor,
        kind=PROPOSE_JOB,
        task=propose_task,
        subject=subject,
        session_id=session.pk if session is not None else None,
        programme_id=None if session is not None else subject.pk,
        settings=settings.as_json(),
        seed=seed,
    )


def resolve_enqueue(*, actor, plan: Plan) -> Job:
    """Start re-solving ``plan`` around its locks (a new draft)."""
    return job_enqueue(actor=actor, kind=RESOLVE_JOB, task=resolve_task, subject=plan, plan_id=plan.pk)


def repair_enqueue(*, actor, plan: Plan) -> Job:
    """Start repairing ``plan`` for who takes part now (a new draft)."""
    return job_enqueue(actor=actor, kind=REPAIR_JOB, task=repair_task, subject=plan, plan_id=plan.pk)
