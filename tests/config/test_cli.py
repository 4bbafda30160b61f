import subprocess
import sys

from tissage.config.cli import main


def run_tissage(*args: str, tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tissage", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"TISSAGE_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )


def test_cli_unknown_command_exits_2_with_one_line(capsys):
    assert main(["tissage", "weave-everything"]) == 2
    err = capsys.readouterr().err
    assert err == "tissage: unknown command 'weave-everything' ('tissage help' lists them)\n"


def test_cli_maps_dashed_names_to_management_commands(tmp_path):
    result = run_tissage("staff-login", "--help", tmp_path=tmp_path)
    assert result.returncode == 0
    assert "Make sure a staff login exists" in result.stdout


def test_cli_serve_refuses_zero_workers(tmp_path):
    result = run_tissage("serve", "--workers", "0", tmp_path=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr.strip().splitlines()[-1] == "CommandError: --workers and --threads must be at least 1"
    )


def test_cli_stops_quietly_when_the_reader_goes_away(monkeypatch, tmp_path):
    def write_to_a_closed_pipe(argv):
        raise BrokenPipeError

    monkeypatch.setattr("tissage.solvers.golfers.cli.main", write_to_a_closed_pipe)
    with open(tmp_path / "stdout", "w") as stdout:
        monkeypatch.setattr(sys, "stdout", stdout)
        assert main(["tissage", "golfers", "4", "4", "5"]) == 1
