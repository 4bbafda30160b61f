"""The independent checker must catch every kind of broken plan, or it proves nothing."""

import dataclasses

import pytest

from tissage.solvers.grouping import Lock, PairRule, Problem, Rules, Session, check_plan, solve

from .builders import person

PROBLEM = Problem(
    sessions=(Session("s1", 2, 3, 4),),
    people=(
        person("ana", hub="h0", role="leader"),
        person("bo", hub="h1", role="leader"),
        person("cy", hub="h0"),
        person("di", hub="h1", languages={"en": "native"}),
        person("ed", hub="h2"),
        person("gil", hub="h2"),
        person("fu", hub="h2", sessions=()),
        person("ivan", hub="h1", role="interpreter", languages={"fr": "native", "en": "fluent"}),
    ),
    rules=Rules(min_hubs=2, max_hub_share=0.5, leaders_per_group=1),
    pair_rules=(PairRule("ana", "bo", "apart"),),
    locks=(Lock("gil", "s1", 2),),
)


def with_groups(plan, *groups):
    """The plan with session s1's groups replaced by (members, language, interpreter) triples."""
    old = plan.sessions[0].groups
    new = tuple(
        dataclasses.replace(old[i], members=members, language=language, interpreter=interpreter)
        for i, (members, language, interpreter) in enumerate(groups)
    )
    return dataclasses.replace(plan, sessions=(dataclasses.replace(plan.sessions[0], groups=new),))


@pytest.fixture(scope="module")
def plan():
    return solve(PROBLEM, seed=0, time_limit=5)


def test_the_engine_plan_is_valid(plan):
    assert check_plan(PROBLEM, plan) == []


@pytest.mark.parametrize(
    ("groups", "code"),
    [
        ((("ana", "cy", "di"), "fr", "ivan"), "hub_share"),
        ((("ana", "cy"), "fr", None), "size"),
        ((("ana", "cy", "ed", "di"), "fr", None), "language"),
        ((("ana", "bo", "cy"), "fr", None), "apart_broken"),
        ((("ana", "cy", "fu", "di"), "fr", "ivan"), "absent_placed"),
        ((("ana", "di", "ivan"), "fr", None), "not_a_member"),
        ((("cy", "di", "ed"), "fr", "ivan"), "leader"),
    ],
)
def test_broken_plans_are_caught(plan, groups, code):
    broken = with_groups(plan, groups, (("gil", "ed"), "fr", None))
    assert code in {v.code for v in check_plan(PROBLEM, broken)}


def test_lost_and_doubled_people_are_caught(plan):
    broken = with_groups(plan, (("ana", "cy", "ed"), "fr", None), (("bo", "ed", "cy"), "fr", None))
    found = {v.code for v in check_plan(PROBLEM, broken)}
    assert {"placed_twice", "not_placed", "lock_broken", "metrics"} <= found


def test_wrong_metrics_are_caught(plan):
    lying = dataclasses.replace(plan, metrics=dataclasses.replace(plan.metrics, repeated_within_plan=3))
    assert [v.code for v in check_plan(PROBLEM, lying)] == ["metrics"]
