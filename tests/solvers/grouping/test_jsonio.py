import json
import pickle
from pathlib import Path

import pytest

from tissage.solvers.grouping import ProblemError, solve
from tissage.solvers.grouping.jsonio import (
    load_json,
    plan_from_json,
    plan_to_json,
    problem_from_json,
    problem_to_json,
)

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "plan-groups-example.json"


@pytest.fixture(scope="module")
def example():
    return problem_from_json(load_json(EXAMPLE))


def test_the_documented_example_is_a_realistic_programme(example):
    assert len(example.members) == 30
    assert len({p.hub for p in example.members}) == 3
    assert len(example.sessions) == 2
    assert [p.id for p in example.interpreters] == ["irina-int"]


def test_problem_round_trips(example):
    data = problem_to_json(example)
    assert problem_from_json(json.loads(json.dumps(data))) == example
    assert problem_to_json(problem_from_json(data)) == data


def test_plan_round_trips_and_pickles(example):
    plan = solve(example, seed=1, time_limit=3)
    data = json.loads(json.dumps(plan_to_json(plan)))
    assert plan_from_json(data) == plan
    assert pickle.loads(pickle.dumps(plan)) == plan


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (lambda d: d["people"][3]["languages"].update(fr="good"), "people[3].languages.fr", "must be one of"),
        (lambda d: d["people"][0].pop("hub"), "people[0].hub", "is required"),
        (lambda d: d["sessions"][1].update(groups="5"), "sessions[1].groups", 'must be an integer (got "5")'),
        (
            lambda d: d["sessions"][0]["size"].update(max=2),
            "sessions[0].size.max",
            "must be an integer ≥ size.min",
        ),
        (lambda d: d["rules"].update(max_hub_share=1.5), "rules.max_hub_share", "must be a number in (0, 1]"),
        (lambda d: d["weights"].update(repeat=True), "weights.repeat", "must be a number (got true)"),
        (lambda d: d["history"][0].update(pair=["ana-fer"]), "history[0].pair", "exactly two people"),
        (
            lambda d: d["pair_rules"][0].update(kind="near"),
            "pair_rules[0].kind",
            "must be one of together, apart",
        ),
        (
            lambda d: d["wishes"][0].update(pair=["tatiana-yau", "zed"]),
            "wishes[0].pair[1]",
            "unknown person 'zed'",
        ),
        (lambda d: d["locks"][0].update(group=9), "locks[0].group", "must be a group number 1..5"),
        (lambda d: d["people"][2].update(colour="red"), "people[2].colour", "unknown field"),
        (lambda d: d["people"].append(dict(d["people"][0])), "people[31].id", "duplicate person id"),
    ],
)
def test_malformed_documents_name_the_field(edit, field, message):
    data = json.loads(EXAMPLE.read_text())
    edit(data)
    with pytest.raises(ProblemError) as caught:
        problem_from_json(data)
    assert caught.value.field == field
    assert message in caught.value.message


def test_unreadable_files_are_reported(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"sessions": [')
    with pytest.raises(ProblemError, match="is not valid JSON"):
        load_json(broken)
    with pytest.raises(ProblemError, match="cannot be read"):
        load_json(tmp_path / "missing.json")
