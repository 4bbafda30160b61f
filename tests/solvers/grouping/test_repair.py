import pytest

from tissage.solvers.grouping import (
    Dropout,
    Infeasible,
    Join,
    Lock,
    Move,
    Rules,
    apply_changes,
    check_plan,
    repair,
    solve,
)

from .builders import person, programme

RULES = Rules(min_hubs=2, max_hub_share=0.5, leaders_per_group=1)


@pytest.fixture(scope="module")
def planned():
    # 24 people from 3 hubs, 4 groups of 6 (5..7 allowed), 3 sessions; 6 leaders.
    problem = programme(
        24, 3, 4, 3, min_size=5, max_size=7, leaders=6, rules=RULES, locks=(Lock("p9", "s3", 2),)
    )
    return problem, solve(problem, seed=1, time_limit=20)


def members(session_plan):
    return [g.members for g in session_plan.groups]


def assignments(plan):
    return sum(len(g.members) for sp in plan.sessions for g in sp.groups)


def test_dropout_is_repaired_moving_few_and_keeping_locks(planned):
    problem, plan = planned
    leaver = plan.sessions[1].groups[0].leaders[0]
    changes = (Dropout(leaver),)
    kept = ("s1",)
    # Lock the group with the fewest leaders, so that the others can still lend one.
    locked = min(plan.sessions[1].groups[1:], key=lambda g: len(g.leaders))
    locked_groups = (("s2", locked.number),)
    repaired = repair(
        problem,
        plan,
        changes=changes,
        locked_sessions=kept,
        locked_groups=locked_groups,
        seed=0,
        time_limit=10,
    )
    updated = apply_changes(problem, changes, current=plan, locked_sessions=kept)
    assert (
        check_plan(updated, repaired, previous=plan, locked_groups=locked_groups, locked_sessions=kept) == []
    )
    assert members(repaired.sessions[0]) == members(plan.sessions[0])
    assert repaired.group_of("p9", "s3") == 2
    assert all(leaver not in g.members for sp in repaired.sessions[1:] for g in sp.groups)
    dropped = [m for m in repaired.moves if m.person == leaver]
    assert dropped == [Move(leaver, s, plan.group_of(leaver, s), None) for s in ("s2", "s3")]
    assert repaired.metrics.moved == sum(1 for m in repaired.moves if m.from_group and m.to_group)
    assert repaired.metrics.moved <= 0.1 * assignments(plan)


def test_newcomer_joins_without_reshuffling(planned):
    problem, plan = planned
    newcomer = person("zoe", hub="h1", name="Zoé", sessions=("s2", "s3"))
    repaired = repair(
        problem, plan, changes=(Join(newcomer),), locked_sessions=("s1",), seed=0, time_limit=10
    )
    updated = apply_changes(problem, (Join(newcomer),), current=plan, locked_sessions=("s1",))
    assert check_plan(updated, repaired, previous=plan, locked_sessions=("s1",)) == []
    joined = [m for m in repaired.moves if m.person == "zoe"]
    assert [(m.session, m.from_group) for m in joined] == [("s2", None), ("s3", None)]
    assert repaired.metrics.moved <= 2


def test_repair_without_changes_moves_nobody(planned):
    problem, plan = planned
    repaired = repair(problem, plan, seed=0, time_limit=5)
    assert repaired.moves == ()
    assert [members(sp) for sp in repaired.sessions] == [members(sp) for sp in plan.sessions]


def test_locked_group_left_without_a_leader_is_refused(planned):
    problem, plan = planned
    group = plan.sessions[2].groups[0]
    leaders = [m for m in group.members if problem.person(m).role.can_lead]
    changes = tuple(Dropout(m, ("s3",)) for m in leaders)
    with pytest.raises(Infeasible) as caught:
        repair(problem, plan, changes=changes, locked_groups=(("s3", 1),), seed=0, time_limit=5)
    reason = next(r for r in caught.value.reasons if r.code == "locked_group_no_leader")
    assert reason.params == {"session": "s3", "group": 1}
    assert reason.text == "session s3: nobody in locked group 1 can lead"


def test_repair_is_reproducible(planned):
    problem, plan = planned
    leaver = plan.sessions[2].groups[1].members[-1]
    first = repair(problem, plan, changes=(Dropout(leaver),), seed=4, time_limit=10)
    assert first.stopped_by in ("optimal", "stagnation")
    assert repair(problem, plan, changes=(Dropout(leaver),), seed=4, time_limit=10) == first
