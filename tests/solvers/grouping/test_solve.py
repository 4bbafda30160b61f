import random
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings

from tissage.solvers.grouping import (
    HistoryPair,
    Infeasible,
    Lock,
    PairRule,
    Problem,
    Rules,
    Session,
    Weights,
    Wish,
    check_plan,
    solve,
)
from tissage.solvers.grouping.design import design_start
from tissage.solvers.grouping.model import Model
from tissage.solvers.grouping.reasons import INFEASIBILITY_CODES
from tissage.solvers.grouping.state import State

from .builders import affine_plane, person, problems, programme


def codes(plan):
    return {group.number: [r.code for r in group.explanation] for sp in plan.sessions for group in sp.groups}


def test_affine_plane_has_no_repeat():
    # Without balance goals, zero repeats leaves nothing to improve: the search knows it is done.
    problem = affine_plane(weights=Weights(skill=0, hub=0, cohort=0))
    plan = solve(problem, seed=3, time_limit=20)
    assert check_plan(problem, plan) == []
    assert plan.metrics.repeated_pairs == 0
    assert plan.metrics.new_pairs == 36
    assert (plan.metrics.lower_bound, plan.metrics.gap) == (0, 0)
    assert plan.stopped_by == "optimal"


def test_history_makes_a_repeat_unavoidable_and_the_bound_says_so():
    # 36 meetings and 36 pairs: a pair that already met must meet again.
    problem = affine_plane(history=(HistoryPair("p0", "p4"),))
    plan = solve(problem, seed=1, time_limit=20)
    assert check_plan(problem, plan) == []
    m = plan.metrics
    assert (m.repeated_pairs, m.repeated_within_plan, m.repeated_against_history) == (1, 0, 1)
    assert (m.lower_bound, m.gap) == (1, 0)


def test_cp_sat_proves_a_bound_counting_cannot():
    # 6 people, 2 groups of 3, 3 sessions: counting says 3 repeats; the true minimum is higher.
    problem = programme(6, 1, 2, 3)
    best = min(_repeats(schedule) for schedule in _schedules(list(_partitions(tuple(range(6)))), 3))
    plan = solve(problem, seed=0, time_limit=20)
    assert best > 3
    assert (plan.metrics.repeated_pairs, plan.metrics.lower_bound, plan.metrics.bound_method) == (
        best,
        best,
        "cp-sat",
    )


def _partitions(people):
    first, rest = people[0], people[1:]
    for pair in combinations(rest, 2):
        yield (first, *pair), tuple(p for p in rest if p not in pair)


def _schedules(partitions, rounds):
    if rounds == 0:
        yield ()
        return
    for partition in partitions:
        for tail in _schedules(partitions, rounds - 1):
            yield (partition, *tail)


def _repeats(schedule):
    met = [pair for rounds in schedule for group in rounds for pair in combinations(group, 2)]
    return len(met) - len(set(met))


def test_same_seed_same_plan():
    problem = programme(
        12, 3, 3, 3, leaders=3, rules=Rules(min_hubs=2, max_hub_share=0.5, leaders_per_group=1)
    )
    first = solve(problem, seed=7, time_limit=20)
    assert first.stopped_by in ("optimal", "stagnation")
    assert solve(problem, seed=7, time_limit=20) == first


def test_every_group_is_explained():
    problem = Problem(
        sessions=(Session("s1", 2, 3, 3),),
        people=(
            person("ana", hub="marseille", role="teaching_artist", name="Ana"),
            person("boris", hub="narian-mar", languages={"ru": "native"}, name="Boris"),
            person("chen", hub="kinshasa"),
            person("dede", hub="kinshasa", role="leader"),
            person("eva", hub="marseille"),
            person("fio", hub="narian-mar"),
            person("ivan", hub="narian-mar", role="interpreter", languages={"ru": "native", "fr": "fluent"}),
        ),
        pair_rules=(PairRule("ana", "boris", "together"), PairRule("ana", "dede", "apart")),
        wishes=(Wish("eva", "dede", 2.0, "keep_leader"),),
        locks=(Lock("chen", "s1", 1),),
    )
    plan = solve(problem, seed=0, time_limit=10)
    assert check_plan(problem, plan) == []
    group = next(g for g in plan.sessions[0].groups if "ana" in g.members)
    assert (group.interpreter, group.language, group.leaders) == ("ivan", "fr", ("ana",))
    facts = {r.code: r for r in group.explanation}
    assert facts["language_interpreted"].params["people"] == ("boris",)
    assert facts["language_interpreted"].text == "works in fr; ivan interprets for Boris"
    assert facts["kept_together"].text == "Ana and Boris are together (must-together rule)"
    assert facts["hubs_mixed"].params["hubs"] == {"kinshasa": 1, "marseille": 1, "narian-mar": 1}
    assert facts["led_by"].text == "led by Ana"
    assert facts["new_pairs"].params == {"count": 3, "total": 3}
    other = next(g for g in plan.sessions[0].groups if "ana" not in g.members)
    assert {r.code for r in other.explanation} >= {"language_shared", "led_by", "wishes_met"}
    assert plan.metrics.continuity == 1.0


def test_wished_pairs_meet_again_without_counting_as_repeats():
    problem = programme(6, 1, 2, 3, wishes=(Wish("p0", "p1", 1.0),))
    plan = solve(problem, seed=0, time_limit=20)
    together = sum(1 for sp in plan.sessions for g in sp.groups if {"p0", "p1"} <= set(g.members))
    assert together == 3
    assert check_plan(problem, plan) == []


def test_progress_is_reported_and_stop_is_honoured():
    problem = programme(40, 4, 8, 6, rules=Rules(min_hubs=2, max_hub_share=0.5, leaders_per_group=0))
    seen = []
    plan = solve(
        problem,
        seed=0,
        time_limit=30,
        progress=lambda f, m: seen.append((f, m)),
        should_stop=lambda: len(seen) > 1,
    )
    assert plan.stopped_by in ("cancelled", "optimal")
    assert check_plan(problem, plan) == []
    assert all(0 <= f <= 1 and m.startswith("hard ") for f, m in seen)


@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_random_problems_get_a_valid_plan_or_a_reason(problem):
    try:
        plan = solve(problem, seed=0, time_limit=3)
    except Infeasible as error:
        # Tiny instances are always decided: never "no plan found in time".
        assert error.reason.code in INFEASIBILITY_CODES
        assert error.reason.code not in ("no_plan_found", "search_stopped")
        assert error.reason.text
        return
    assert check_plan(problem, plan) == []
    assert plan.metrics.hard_violations == 0
    assert plan.metrics.repeated_pairs >= plan.metrics.lower_bound


@pytest.mark.parametrize("seed", [0, 1])
def test_real_form_programme_without_repeats(seed):
    # 32 people from 4 hubs, 8 groups of 4 mixing at least 3 hubs, each with a leader, 4 sessions.
    rules = Rules(min_hubs=3, max_hub_share=0.5, leaders_per_group=1)
    problem = programme(32, 4, 8, 4, leaders=10, rules=rules)
    plan = solve(problem, seed=seed, time_limit=10)
    assert check_plan(problem, plan) == []
    assert plan.metrics.repeated_pairs == 0


def test_a_design_relabelled_to_the_rules_starts_close_to_pure_instances():
    model = Model(affine_plane())
    start = design_start(model, rng=random.Random(0), seed=0, seconds=5)
    state = State(model)
    state.load(start)
    assert (state.hard, state.repeats) == (0, 0)
    # Someone missing a session: no design fits, the greedy start is used.
    absent = affine_plane(people=(*affine_plane().people[:8], person("p8", hub="h2", sessions=("s1",))))
    assert design_start(Model(absent), rng=random.Random(0), seed=0, seconds=5) is None
