import json
import subprocess
import sys
from pathlib import Path

import pytest

from tissage.solvers.grouping.cli import main
from tissage.solvers.grouping.jsonio import problem_to_json

from .builders import programme

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "plan-groups-example.json"


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(problem_to_json(programme(12, 3, 3, 2))))
    return path


def test_plans_and_prints_a_table(small, capsys):
    assert main(["plan-groups", str(small), "--seconds", "5", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Session s1 — 3 groups of 4–4\n")
    assert "repeated pairs" in out and "stopped by" in out


def test_json_output_is_the_plan(small, capsys, tmp_path):
    assert main(["plan-groups", str(small), "--seconds", "5", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["format"] == "tissage.plan/1"
    assert [len(s["groups"]) for s in plan["sessions"]] == [3, 3]
    # The printed plan is a valid --current for a repair.
    current = tmp_path / "plan.json"
    current.write_text(json.dumps(plan))
    assert (
        main(["plan-groups", str(small), "--current", str(current), "--keep-session", "s1", "--seconds", "5"])
        == 0
    )


def test_infeasible_exits_1_with_one_line(tmp_path, capsys):
    path = tmp_path / "too-many.json"
    path.write_text(json.dumps(problem_to_json(programme(13, 3, 3, 1, min_size=4, max_size=4))))
    assert main(["plan-groups", str(path), "--seconds", "5"]) == 1
    err = capsys.readouterr().err
    assert err == "tissage plan-groups: infeasible: session s1: 13 people cannot fill 3 groups of 4–4\n"


def test_infeasible_json_lists_the_reasons(tmp_path, capsys):
    path = tmp_path / "too-many.json"
    path.write_text(json.dumps(problem_to_json(programme(13, 3, 3, 1, min_size=4, max_size=4))))
    assert main(["plan-groups", str(path), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["infeasible"][0]["code"] == "size_range"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--seconds", "0"], "tissage plan-groups: error: --seconds must be positive (got 0.0)\n"),
        (["--seed", "x"], "tissage plan-groups: error: argument --seed: invalid int value: 'x'\n"),
        (
            ["--keep-session", "s1"],
            "tissage plan-groups: error: --keep-session and --keep-group need --current\n",
        ),
    ],
)
def test_bad_arguments_exit_2(small, capsys, argv, message):
    assert main(["plan-groups", str(small), *argv]) == 2
    assert capsys.readouterr().err == message


def test_malformed_file_exits_2_naming_the_field(tmp_path, capsys):
    data = json.loads(EXAMPLE.read_text())
    data["people"][4]["role"] = "drummer"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    assert main(["plan-groups", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"tissage plan-groups: {path}: people[4].role: must be one of leader, teaching_artist"
    )
    assert err.count("\n") == 1


def test_help_exits_0(capsys):
    assert main(["plan-groups", "--help"]) == 0
    assert "usage: tissage plan-groups" in capsys.readouterr().out


def test_runs_as_tissage_subcommand(small):
    done = subprocess.run(
        [sys.executable, "-m", "tissage", "plan-groups", str(small), "--seconds", "3", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["format"] == "tissage.plan/1"
    assert done.stderr == ""
