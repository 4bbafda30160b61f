import json
import subprocess
import sys

from tissage.solvers.golfers import check_schedule
from tissage.solvers.golfers.cli import main


def test_cli_prints_the_schedule_as_json(capsys):
    assert main(["golfers", "5", "3", "7", "--seed", "1"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert list(data) == ["rounds"]
    assert len(data["rounds"]) == 7 and all(
        len(r) == 5 and all(len(g) == 3 for g in r) for r in data["rounds"]
    )
    assert check_schedule(data["rounds"], 5, 3, 7) == []
    assert err == ""  # no progress bar when stderr is not a terminal


def test_cli_draws_a_progress_bar_only_on_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["golfers", "4", "4", "5"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)["rounds"]) == 5
    assert "4-4-5" in err and "100%" in err and "found by affine-plane" in err


def test_cli_exits_1_with_a_reason_when_nothing_is_found_in_time(capsys):
    assert main(["golfers", "8", "4", "10", "--method", "tabu", "--seconds", "0.05"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "tissage golfers: no schedule for 8-4-10 found within 0.05 s (method tabu, seed 0)"


def test_cli_exits_2_above_the_bound_with_one_line(capsys):
    assert _exit_code(["golfers", "8", "4", "11"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "8 groups of 4 allow at most 10 rounds without repeats" in err


def test_cli_exits_2_on_non_integers_and_negatives(capsys):
    for argv in (
        ["golfers", "8", "four", "9"],
        ["golfers", "8", "-4", "9"],
        ["golfers", "8", "4", "9", "--seconds", "0"],
    ):
        assert _exit_code(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("tissage golfers: error: ") and err.count("\n") == 1


def test_python_m_tissage_golfers_runs_without_django():
    done = subprocess.run(
        [sys.executable, "-m", "tissage", "golfers", "3", "3", "4"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert check_schedule(json.loads(done.stdout)["rounds"], 3, 3, 4) == []


def _exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code)
