"""Plans: the engine's answer saved in one transaction, then adjusted by hand (moves and locks, each
checked at once by the engine's own metrics and checker), taken apart session by session, deleted.

Every change of a plan names the ``version`` it was based on; a change based on an older version
(two staff editing the same draft) is refused and changes nothing.
"""

import dataclasses
from collections.abc import Iterable
from itertools import combinations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Prefetch
from django.utils.translation import gettext as _

from tissage.activities.enums import PRESENT_STATUSES, ParticipationStatus
from tissage.activities.models import Participation
from tissage.core.domain.audit import audit_record
from tissage.core.domain.writes import audited_delete
from tissage.network.models import Programme, Session
from tissage.solvers import grouping as engine
from tissage.solvers.grouping.explain import build_plan
from tissage.solvers.grouping.jsonio import problem_from_json, problem_to_json
from tissage.solvers.grouping.model import Model
from tissage.solvers.grouping.reasons import thaw

from ..enums import PlanScope, PlanStatus
from ..models import Plan, PlanGroup, PlanMember
from .problems import PlanSettings
from .reasons import Names

# Rules broken by hand are listed from the engine's checker; its ``metrics`` finding only repeats
# that the plan has broken rules, which the list itself says.
SELF_REPORT = "metrics"
# Answers that take someone out of a session.
LEFT = frozenset({ParticipationStatus.DECLINED, ParticipationStatus.CANCELLED})


def _explanation(group: engine.Group) -> list[dict]:
    return [{"code": reason.code, "params": thaw(reason.params)} for reason in group.explanation]


def _group_fields(group: engine.Group) -> dict:
    return {
        "language": group.language,
        "interpreter_id": int(group.interpreter) if group.interpreter else None,
        "leader_id": int(group.leaders[0]) if group.leaders else None,
        "explanation": _explanation(group),
    }


def _violations(problem: engine.Problem, result: engine.Plan) -> list[dict]:
    return [
        dataclasses.asdict(violation)
        for violation in engine.check_plan(problem, result)
        if violation.code != SELF_REPORT
    ]


def plan_record(
    *,
    actor,
    programme: Programme,
    session: Session | None,
    settings: PlanSettings,
    problem: engine.Problem,
    result: engine.Plan,
    job=None,
    based_on: Plan | None = None,
    locked_groups: Iterable[tuple[int, int]] = (),
) -> Plan:
    """Save the engine's ``result`` for ``problem`` as a new draft, in one transaction.

    ``session`` is the planned session, or ``None`` for a programme's remaining sessions; the locks
    of ``problem`` and ``locked_groups`` ((session pk, group number)) are kept on the new plan.
    """
    locked_people = {(int(lock.person), int(lock.session)) for lock in problem.locks}
    locked = set(locked_groups)
    metrics = dataclasses.asdict(result.metrics)
    with transaction.atomic():
        plan = Plan.objects.create(
            programme=programme,
            session=session,
            scope=PlanScope.SESSION if session is not None else PlanScope.PROGRAMME,
            settings=settings.as_json(),
            seed=result.seed,
            problem=problem_to_json(problem),
            metrics=metrics,
            lower_bound=result.metrics.lower_bound,
            gap=result.metrics.gap,
            stopped_by=result.stopped_by,
            violations=_violations(problem, result),
            moves=[dataclasses.asdict(move) for move in result.moves],
            based_on=based_on,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            job=job,
        )
        groups = PlanGroup.objects.bulk_create(
            PlanGroup(
                plan=plan,
                session_id=int(sp.session),
                number=group.number,
                locked=(int(sp.session), group.number) in locked,
                **_group_fields(group),
            )
            for sp in result.sessions
            for group in sp.groups
        )
        by_key = {(g.session_id, g.number): g for g in groups}
        PlanMember.objects.bulk_create(
            PlanMember(
                plan=plan,
                session_id=int(sp.session),
                group=by_key[(int(sp.session), group.number)],
                person_id=int(person),
                locked=(int(person), int(sp.session)) in locked_people,
            )
            for sp in result.sessions
            for group in sp.groups
            for person in group.members
        )
        audit_record(
            actor=actor,
            action="plan.created",
            obj=plan,
            changes={
                "status": [None, plan.status],
                "seed": [None, plan.seed],
                # Named after the plan's own fields, so that the history labels them.
                "lower_bound": [None, plan.lower_bound],
                "gap": [None, plan.gap],
            },
            related=[o for o in (session or programme, based_on) if o is not None],
        )
    return plan


def plan_groups(plan: Plan) -> list[PlanGroup]:
    """The plan's groups in session order, with their members, sessions, leaders and interpreters
    (two queries)."""
    members = PlanMember.objects.select_related("person__home_hub").order_by(
        "person__family_name", "person__given_name", "person_id"
    )
    return list(
        plan.groups.select_related(
            "session__hub", "session__programme", "interpreter", "leader"
        ).prefetch_related(Prefetch("members", queryset=members))
    )


def group_names(groups: Iterable[PlanGroup]) -> Names:
    """The names the engine's ids stand for in ``groups`` (already loaded: no query)."""
    people, sessions, hubs = {}, {}, {}
    for group in groups:
        sessions[str(group.session_id)] = str(group.session)
        for person in (group.interpreter, group.leader):
            if person is not None:
                people[str(person.pk)] = person.full_name
        for member in group.members.all():
            people[str(member.person_id)] = member.person.full_name
            if (hub := member.person.home_hub) is not None:
                hubs[hub.slug] = str(hub)
    return Names(people=people, sessions=sessions, hubs=hubs)


def _placements(plan: Plan) -> dict[tuple[int, int], list[int]]:
    """(session pk, group number) → the pks of its members, for every group of the plan."""
    placed: dict[tuple[int, int], list[int]] = {
        key: [] for key in plan.groups.values_list("session_id", "number")
    }
    for session, number, person in PlanMember.objects.filter(plan=plan).values_list(
        "session_id", "group__number", "person_id"
    ):
        placed[(session, number)].append(person)
    return placed


def stored_problem(plan: Plan) -> engine.Problem:
    """The problem the plan was made for, without its locks: locks live on the plan's members and
    groups, where staff change them."""
    return dataclasses.replace(problem_from_json(plan.problem), locks=())


def _assignment(model: Model, problem: engine.Problem, placed: dict[tuple[int, int], list[int]]):
    """``placed`` as the engine's assignment of ``problem``: member indices per session and group."""
    return [
        [
            [model.index[str(p)] for p in placed.get((int(session.id), number), ()) if str(p) in model.index]
            for number in range(1, session.groups + 1)
        ]
        for session in problem.sessions
    ]


def plan_evaluate(plan: Plan, problem: engine.Problem | None = None) -> engine.Plan:
    """The plan as it stands, measured and explained by the engine (metrics, languages,
    interpreters, explanations), as if the engine had proposed it."""
    problem = problem or stored_problem(plan)
    model = Model(problem)
    return build_plan(
        model,
        _assignment(model, problem, _placements(plan)),
        seed=plan.seed,
        stopped_by=plan.stopped_by,
        lower_bound=plan.lower_bound,
        bound_method=plan.metrics.get("bound_method", "counting"),
    )


def _refresh(plan: Plan) -> None:
    """Measure the plan again after a change and store what the engine finds; the version grows."""
    problem = stored_problem(plan)
    result = plan_evaluate(plan, problem)
    groups = {(g.session_id, g.number): g for g in plan.groups.all()}
    changed = []
    for sp in result.sessions:
        for group in sp.groups:
            stored = groups[(int(sp.session), group.number)]
            for name, value in _group_fields(group).items():
                setattr(stored, name, value)
            changed.append(stored)
    PlanGroup.objects.bulk_update(changed, ["language", "interpreter_id", "leader_id", "explanation"])
    plan.metrics = dataclasses.asdict(result.metrics)
    plan.gap = result.metrics.gap
    plan.violations = _violations(problem, result)
    plan.version += 1
    plan.save(update_fields=["metrics", "gap", "violations", "version", "updated_at"])


def plan_for_change(plan: Plan, version: int, *, drafts_only: bool = True) -> Plan:
    """The stored plan, locked for this transaction, if nobody changed it since ``version``."""
    fresh = Plan.objects.select_for_update().get(pk=plan.pk)
    if fresh.version != version:
        raise ValidationError(
            _(
                "Someone else changed this plan while you were looking at it (you saw version "
                "%(seen)s, it is now at version %(now)s). Nothing was changed: look at their change, "
                "then try again."
            )
            % {"seen": version, "now": fresh.version},
            code="conflict",
        )
    if drafts_only and fresh.status != PlanStatus.DRAFT:
        raise ValidationError(
            _("Only a draft can be changed; run the planner again for a new draft."), code="not_draft"
        )
    return fresh


def plan_member_move(*, actor, plan: Plan, person, session: Session, number: int, version: int) -> Plan:
    """Move ``person`` to group ``number`` of ``session`` in the draft ``plan``; returns the plan,
    measured again (metrics and broken rules)."""
    with transaction.atomic():
        plan = plan_for_change(plan, version)
        member = (
            PlanMember.objects.select_related("group")
            .filter(plan=plan, session=session, person=person)
            .first()
        )
        if member is None:
            raise ValidationError({"person": _("%(person)s is not in this plan.") % {"person": person}})
        target = PlanGroup.objects.filter(plan=plan, session=session, number=number).first()
        if target is None:
            raise ValidationError({"group": _("This plan has no group %(number)s.") % {"number": number}})
        before = member.group.number
        if before == number:
            raise ValidationError(
                {
                    "group": _("%(person)s is already in group %(number)s.")
                    % {"person": person, "number": number}
                }
            )
        if member.locked or member.group.locked or target.locked:
            raise ValidationError(
                {"group": _("%(person)s or one of the groups is locked; unlock first.") % {"person": person}}
            )
        member.group = target
        member.save(update_fields=["group"])
        _refresh(plan)
        audit_record(
            actor=actor,
            action="plan.member_moved",
            obj=plan,
            changes={f"{person} ({session})": [before, number]},
            related=[person, plan.subject],
        )
    return plan


def plan_lock(
    *,
    actor,
    plan: Plan,
    version: int,
    locked: bool,
    member: PlanMember | None = None,
    group: PlanGroup | None = None,
) -> Plan:
    """Lock (or unlock) a member in their group, or a whole group, of the draft ``plan``: re-solving
    keeps what is locked."""
    target = member if member is not None else group
    if target is None or target.plan_id != plan.pk:
        raise ValidationError(_("Choose a member or a group of this plan."))
    with transaction.atomic():
        plan = plan_for_change(plan, version)
        if target.locked == locked:
            return plan
        target.locked = locked
        target.save(update_fields=["locked"])
        plan.version += 1
        plan.save(update_fields=["version", "updated_at"])
        audit_record(
            actor=actor,
            action="plan.locked" if locked else "plan.unlocked",
            obj=plan,
            changes={str(target): [not locked, locked]},
            related=[plan.subject],
        )
    return plan


def plan_take_session(*, actor, plan: Plan, session: Session) -> Plan:
    """A draft of ``session`` alone, from a programme's plan: the same groups, measured against the
    network's memory and the groups the programme's plan gives the sessions before it."""
    if plan.scope != PlanScope.PROGRAMME:
        raise ValidationError(_("Only a programme's plan covers several sessions."))
    problem = problem_from_json(plan.problem)
    sid = str(session.pk)
    order = [s.id for s in problem.sessions]
    if sid not in order:
        raise ValidationError(_("This plan does not cover %(session)s.") % {"session": session})
    before = set(order[: order.index(sid)])
    placed = _placements(plan)
    met = {
        tuple(sorted((str(a), str(b))))
        for (session_pk, _number), people in placed.items()
        if str(session_pk) in before
        for a, b in combinations(people, 2)
    }
    history = {tuple(sorted((h.a, h.b))) for h in problem.history} | met
    people = tuple(
        dataclasses.replace(person, sessions=None) for person in problem.people if person.attends(sid)
    )
    present = {person.id for person in people}
    single = dataclasses.replace(
        problem,
        sessions=(problem.session(sid),),
        people=people,
        history=tuple(engine.HistoryPair(a, b) for a, b in sorted(history) if a in present and b in present),
        pair_rules=tuple(r for r in problem.pair_rules if r.applies(sid) and {r.a, r.b} <= present),
        wishes=(),
        locks=(),
    )
    model = Model(single)
    result = build_plan(
        model,
        _assignment(model, single, placed),
        seed=plan.seed,
        stopped_by=plan.stopped_by,
        lower_bound=0,
        bound_method="counting",
    )
    locked = set(plan.groups.filter(session=session, locked=True).values_list("session_id", "number"))
    return plan_record(
        actor=actor,
        programme=plan.programme,
        session=session,
        settings=dataclasses.replace(PlanSettings.read(plan.settings), groups=single.sessions[0].groups),
        problem=single,
        result=result,
        based_on=plan,
        locked_groups=locked,
    )


def plan_delete(*, actor, plan: Plan) -> None:
    """Delete a plan that is not published (a published one is unpublished first)."""
    if plan.status == PlanStatus.PUBLISHED:
        raise ValidationError(_("Unpublish this plan before deleting it."))
    audited_delete(actor=actor, instance=plan, action="plan.deleted", related=[plan.subject])


def plan_dropouts(plan: Plan) -> list[tuple[int, int]]:
    """(person pk, session pk) of the plan's members who declined or cancelled since (one query)."""
    return sorted(
        Participation.objects.filter(
            status__in=LEFT,
            person__plan_memberships__plan=plan,
            person__plan_memberships__session_id=F("session_id"),
        )
        .values_list("person_id", "session_id")
        .distinct()
    )


def plans_mark_for_repair(*, actor, person_id: int, session_id: int, reason: str = "") -> list[Plan]:
    """Mark the current plans (drafts and the published one) where this person has a group in this
    session as needing repair, when they no longer take part in it."""
    if Participation.objects.filter(
        person_id=person_id,
        session_id=session_id,
        status__in=PRESENT_STATUSES | {ParticipationStatus.INVITED},
    ).exists():
        return []
    plans = list(
        Plan.objects.filter(
            members__person_id=person_id,
            members__session_id=session_id,
            status__in=[PlanStatus.DRAFT, PlanStatus.PUBLISHED],
        ).select_related("session", "programme")
    )
    with transaction.atomic():
        for plan in plans:
            changes = {"needs_repair": [plan.needs_repair, True]}
            if reason:
                changes["repair_reason"] = [plan.repair_reason, reason[:300]]
                plan.repair_reason = reason[:300]
            plan.needs_repair = True
            plan.save(update_fields=["needs_repair", "repair_reason", "updated_at"])
            audit_record(
                actor=actor,
                action="plan.marked_for_repair",
                obj=plan,
                changes=changes,
                related=[plan.subject],
            )
    return plans


def engine_plan(plan: Plan) -> engine.Plan:
    """The plan as the engine's `Plan` (groups and metrics), to repair or re-solve it."""
    placed = _placements(plan)
    problem = problem_from_json(plan.problem)
    return engine.Plan(
        sessions=tuple(
            engine.SessionPlan(
                s.id,
                tuple(
                    engine.Group(s.id, n, tuple(str(p) for p in placed[(int(s.id), n)]), "", None, (), ())
                    for n in range(1, s.groups + 1)
                ),
            )
            for s in problem.sessions
        ),
        metrics=engine.Metrics(**plan.metrics),
        seed=plan.seed,
        stopped_by=plan.stopped_by,
    )
