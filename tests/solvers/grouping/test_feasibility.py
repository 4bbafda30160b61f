"""Infeasible by design: each input breaks one rule on purpose and must get that rule's reason."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tissage.solvers.grouping import Infeasible, Lock, PairRule, Problem, Rules, Session, solve

from .builders import person, programme


def reason_of(problem: Problem, seconds: float = 5):
    with pytest.raises(Infeasible) as caught:
        solve(problem, seed=0, time_limit=seconds)
    return caught.value.reason


@settings(max_examples=15, deadline=None)
@given(groups=st.integers(2, 5), size=st.integers(2, 6), extra=st.integers(1, 5))
def test_too_many_people_for_the_groups(groups, size, extra):
    problem = programme(groups * size + extra, 2, groups, 1, min_size=size, max_size=size)
    reason = reason_of(problem)
    assert reason.code == "size_range"
    assert reason.params == {
        "session": "s1",
        "people": groups * size + extra,
        "groups": groups,
        "min": size,
        "max": size,
    }
    assert (
        reason.text
        == f"session s1: {groups * size + extra} people cannot fill {groups} groups of {size}–{size}"
    )


@settings(max_examples=10, deadline=None)
@given(size=st.integers(2, 5))
def test_groups_too_small_to_mix_the_hubs(size):
    rules = Rules(min_hubs=size + 1, max_hub_share=1.0, leaders_per_group=0)
    reason = reason_of(programme(4 * size, size + 1, 4, 1, rules=rules))
    assert (reason.code, reason.text) == (
        "hubs_exceed_size",
        f"session s1: groups of at most {size} cannot mix {size + 1} hubs",
    )


def test_too_few_hubs_present():
    rules = Rules(min_hubs=3, max_hub_share=1.0, leaders_per_group=0)
    assert reason_of(programme(12, 2, 3, 1, rules=rules)).code == "hubs_too_few"


def test_small_hubs_cannot_reach_every_group():
    # Hub h1 has one person: 4 groups mixing 2 hubs need 8 hub places, h0 and h1 give 4 + 1.
    people = (*(person(f"a{i}", hub="h0") for i in range(11)), person("b", hub="h1"))
    problem = Problem(
        sessions=(Session("s1", 4, 3, 3),),
        people=people,
        rules=Rules(min_hubs=2, max_hub_share=1.0, leaders_per_group=0),
    )
    reason = reason_of(problem)
    assert (reason.code, reason.params["needed"], reason.params["available"]) == ("hub_slots", 8, 5)


@settings(max_examples=10, deadline=None)
@given(groups=st.integers(2, 4))
def test_one_hub_too_big_for_its_share(groups):
    people = tuple(person(f"m{i}", hub="marseille") for i in range(3 * groups)) + tuple(
        person(f"k{i}", hub=f"k{i % 2}") for i in range(groups)
    )
    problem = Problem(sessions=(Session("s1", groups, 4, 4),), people=people)
    reason = reason_of(problem)
    assert reason.code == "hub_share"
    assert reason.params == {
        "session": "s1",
        "groups": groups,
        "share": 0.5,
        "hub": "marseille",
        "count": 3 * groups,
        "capacity": 2 * groups,
    }


@settings(max_examples=10, deadline=None)
@given(groups=st.integers(2, 5), leaders=st.integers(0, 1))
def test_not_enough_leaders(groups, leaders):
    problem = programme(4 * groups, 2, groups, 2, leaders=groups - 1 - leaders, rules=Rules())
    reason = reason_of(problem)
    assert reason.code == "leaders_short"
    assert (
        reason.text
        == f"session s1: {groups} groups need {groups} leaders, only {groups - 1 - leaders} available"
    )


def test_nobody_speaks_her_language():
    people = (
        *(person(f"p{i}", hub=f"h{i % 2}") for i in range(7)),
        person("nadia", hub="h1", languages={"nen": "native", "ru": "basic"}, name="Nadia"),
    )
    problem = Problem(sessions=(Session("s1", 2, 4, 4),), people=people, rules=Rules(leaders_per_group=0))
    reason = reason_of(problem)
    assert reason.code == "language_isolated"
    assert reason.text.startswith("session s1: Nadia shares no working language (nen)")


def test_must_be_together_and_apart():
    problem = programme(
        8, 2, 2, 2, pair_rules=(PairRule("p0", "p1", "together"), PairRule("p1", "p0", "apart", ("s2",)))
    )
    reason = reason_of(problem)
    assert (reason.code, reason.text) == (
        "together_apart",
        "p0 and p1 must be together and apart (session s2)",
    )


def test_together_chain_meets_apart():
    rules = (
        PairRule("p0", "p1", "together"),
        PairRule("p1", "p2", "together"),
        PairRule("p0", "p2", "apart"),
    )
    reason = reason_of(programme(9, 3, 3, 1, pair_rules=rules))
    assert reason.code == "together_chain_apart"
    assert reason.params["people"] == ("p0", "p1", "p2")


def test_together_group_too_large():
    rules = tuple(PairRule("p0", f"p{i}", "together") for i in range(1, 5))
    reason = reason_of(programme(12, 3, 3, 1, pair_rules=rules))
    assert (reason.code, reason.params["max"]) == ("together_too_large", 4)


def test_together_rule_overfills_a_hub():
    # p0 and p2 share hub h0; groups of 4 take at most 2 per hub, three of h0 must be together.
    rules = (PairRule("p0", "p2", "together"), PairRule("p2", "p4", "together"))
    reason = reason_of(programme(8, 2, 2, 1, pair_rules=rules, rules=Rules(leaders_per_group=0)))
    assert (reason.code, reason.params["hub"], reason.params["capacity"]) == ("together_hub_share", "h0", 2)


def test_locks_that_contradict():
    problem = programme(8, 2, 2, 2, locks=(Lock("p0", "s1", 1), Lock("p0", "s1", 2)))
    reason = reason_of(problem)
    assert (reason.code, reason.params["groups"]) == ("lock_conflict", (1, 2))


def test_lock_of_an_absent_person():
    people = tuple(person(f"p{i}", hub=f"h{i % 2}", sessions=("s1",) if i == 0 else None) for i in range(4))
    problem = Problem(
        sessions=(Session("s1", 1, 3, 4), Session("s2", 1, 3, 4)),
        people=people,
        rules=Rules(leaders_per_group=0),
        locks=(Lock("p0", "s2", 1),),
    )
    assert reason_of(problem).code == "lock_absent"


def test_too_many_locked_into_one_group():
    locks = tuple(Lock(f"p{i}", "s1", 1) for i in range(5))
    assert reason_of(programme(8, 2, 2, 1, locks=locks)).code == "lock_overfull"


def test_together_pair_locked_apart():
    problem = programme(
        8,
        2,
        2,
        1,
        pair_rules=(PairRule("p0", "p1", "together"),),
        locks=(Lock("p0", "s1", 1), Lock("p1", "s1", 2)),
    )
    reason = reason_of(problem)
    assert (reason.code, reason.params["group_a"], reason.params["group_b"]) == (
        "together_locked_apart",
        1,
        2,
    )


def test_apart_pair_locked_together():
    problem = programme(
        8,
        2,
        2,
        1,
        pair_rules=(PairRule("p0", "p1", "apart"),),
        locks=(Lock("p0", "s1", 2), Lock("p1", "s1", 2)),
    )
    assert reason_of(problem).code == "apart_locked_together"


def clash() -> Problem:
    """Every counting check passes, yet no grouping meets leaders, hub mix and must-apart at once:
    l1 must be with someone from h1 (l2 leaves a, b leaderless; b is kept apart from l1)."""
    people = (
        person("l1", hub="h0", role="leader"),
        person("l2", hub="h1", role="leader"),
        person("a", hub="h0"),
        person("b", hub="h1"),
    )
    return Problem(
        sessions=(Session("s1", 2, 2, 2),),
        people=people,
        rules=Rules(min_hubs=2, max_hub_share=0.5, leaders_per_group=1),
        pair_rules=(PairRule("l1", "b", "apart"), PairRule("l2", "a", "apart")),
    )


def test_rules_that_clash_only_together_are_named_by_cp_sat():
    reason = reason_of(clash())
    assert reason.code == "rules_conflict"
    assert reason.params["session"] == "s1"
    assert {"leader", "apart"} <= set(reason.params["rules"]) <= {"hub_mix", "hub_share", "leader", "apart"}
    assert reason.text.startswith("session s1: no grouping satisfies ")


def test_stopping_before_any_valid_plan():
    with pytest.raises(Infeasible) as caught:
        solve(clash(), seed=0, time_limit=5, should_stop=lambda: True)
    assert caught.value.reason.code == "search_stopped"
