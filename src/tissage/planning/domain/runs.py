"""Running the engine: propose a plan, re-solve around the locks, repair after someone drops out.

Each reads what it needs, runs the engine (seconds: the background jobs of ``tasks.py`` call these),
and saves the engine's answer as a new draft in one transaction at the end, so that a run that fails
or is cancelled leaves every plan as it was. They raise the engine's `Infeasible` when the rules
cannot be met.
"""

import dataclasses
from collections.abc import Callable

from django.utils import timezone

from tissage.network.enums import SessionStatus
from tissage.network.models import Programme, Session
from tissage.solvers import grouping as engine

from ..enums import PlanScope
from ..models import Plan
from .plans import engine_plan, plan_record, stored_problem
from .problems import Built, PlanSettings, build_problem
from .publishing import session_started

Progress = Callable[[float, str], None]
ShouldStop = Callable[[], bool]


def remaining_sessions(programme: Programme) -> list[Session]:
    """The programme's sessions that have not started, in order (on each hub's calendar, give or take
    a day: a session starting today is left to its own plan)."""
    today = timezone.now().date()
    return list(
        programme.sessions.filter(start_date__gt=today)
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("hub", "programme")
        .order_by("start_date", "pk")
    )


def subject_problem(subject: Session | Programme, settings: PlanSettings) -> Built:
    """The problem of a session, or of a programme's remaining sessions."""
    if isinstance(subject, Session):
        return build_problem(programme=subject.programme, sessions=[subject], settings=settings)
    return build_problem(programme=subject, sessions=remaining_sessions(subject), settings=settings)


def plan_propose(
    *,
    actor,
    subject: Session | Programme,
    settings: PlanSettings,
    seed: int,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    job=None,
) -> Plan:
    """A new draft for a session, or for a programme's remaining sessions."""
    built = subject_problem(subject, settings)
    result = engine.solve(
        built.problem, seed=seed, time_limit=settings.seconds, progress=progress, should_stop=should_stop
    )
    session = subject if isinstance(subject, Session) else None
    programme = subject.programme if session is not None else subject
    return plan_record(
        actor=actor,
        programme=programme,
        session=session,
        settings=settings,
        problem=built.problem,
        result=result,
        job=job,
    )


def _locks(plan: Plan) -> tuple[tuple[int, int, int], ...]:
    return tuple(plan.members.filter(locked=True).values_list("person_id", "session_id", "group__number"))


def _locked_groups(plan: Plan) -> list[tuple[str, int]]:
    return [(str(s), n) for s, n in plan.groups.filter(locked=True).values_list("session_id", "number")]


def _record_derived(*, actor, plan: Plan, problem: engine.Problem, result: engine.Plan, job) -> Plan:
    return plan_record(
        actor=actor,
        programme=plan.programme,
        session=plan.session,
        settings=PlanSettings.read(plan.settings),
        problem=problem,
        result=result,
        job=job,
        based_on=plan,
        locked_groups=[(int(s), n) for s, n in _locked_groups(plan)],
    )


def plan_resolve(
    *,
    actor,
    plan: Plan,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    job=None,
) -> Plan:
    """A new draft from ``plan``: its locked people and groups stay, everyone else may move wherever
    the goals are best met (moving costs nothing here)."""
    problem = stored_problem(plan)
    problem = dataclasses.replace(
        problem,
        weights=dataclasses.replace(problem.weights, move=0.0),
        locks=tuple(engine.Lock(str(p), str(s), n) for p, s, n in _locks(plan)),
    )
    result = engine.repair(
        problem,
        engine_plan(plan),
        locked_groups=_locked_groups(plan),
        seed=plan.seed,
        time_limit=PlanSettings.read(plan.settings).seconds,
        progress=progress,
        should_stop=should_stop,
    )
    return _record_derived(actor=actor, plan=plan, problem=problem, result=result, job=job)


def plan_repair(
    *,
    actor,
    plan: Plan,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    job=None,
) -> Plan:
    """A new draft from ``plan`` for who takes part now: those who dropped out leave, newcomers join,
    and as few people as possible move (the engine's repair; its moves are the diff). Sessions that
    have started and locked groups are kept as they are."""
    settings = PlanSettings.read(plan.settings)
    counts: dict[int, int] = {}
    for session_id, number in plan.groups.values_list("session_id", "number"):
        counts[session_id] = max(counts.get(session_id, 0), number)
    sessions = list(
        Session.objects.filter(pk__in=counts).select_related("hub", "programme").order_by("start_date", "pk")
    )
    built = build_problem(
        programme=plan.programme, sessions=sessions, settings=settings, groups=counts, locks=_locks(plan)
    )
    held = [str(s.pk) for s in sessions if session_started(s)] if plan.scope == PlanScope.PROGRAMME else []
    result = engine.repair(
        built.problem,
        engine_plan(plan),
        locked_groups=_locked_groups(plan),
        locked_sessions=held,
        seed=plan.seed,
        time_limit=settings.seconds,
        progress=progress,
        should_stop=should_stop,
    )
    return _record_derived(actor=actor, plan=plan, problem=built.problem, result=result, job=job)
