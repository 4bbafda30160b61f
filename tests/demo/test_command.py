"""``tissage demo``: when it builds, wipes, asks, or refuses. The build itself is replaced by a
stand-in here (tests/demo/test_build.py builds the real network once)."""

import io

import pytest
from django.core.management import CommandError, call_command

from tissage.core.models import AuditEntry
from tissage.demo.build import DemoSummary
from tissage.demo.management.commands import demo as demo_command
from tissage.network.models import Hub
from tissage.people.models import Person

from ..factories import HubFactory, PersonFactory

SUMMARY = DemoSummary(
    **{name: 1 for name in DemoSummary.__dataclass_fields__ if name != "seconds"}, seconds=2.5
)


@pytest.fixture
def builds(monkeypatch):
    """Records the seeds the command builds with, instead of building."""
    seeds = []

    def fake_build(*, seed, progress):
        progress(1, 2)
        progress(2, 2)
        seeds.append(seed)
        return SUMMARY

    monkeypatch.setattr(demo_command, "build_demo", fake_build)
    return seeds


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def test_demo_command_builds_into_an_empty_network_and_prints_the_counts(db, builds):
    out = run("--seed", "7")
    assert builds == [7]
    lines = out.splitlines()
    assert lines[0] == "Demo network built (seed 7) in 2.5 s, in one transaction:"
    assert lines[1] == "  hubs                    1"
    assert len(lines) == 1 + len(SUMMARY.rows())


def test_demo_command_if_empty_builds_into_an_empty_network(db, builds):
    run("--if-empty")
    assert builds == [2002]


def test_demo_command_if_empty_keeps_the_network(db, builds):
    HubFactory()
    assert run("--if-empty") == "The network already holds data: the demo is not loaded (--if-empty).\n"
    assert builds == []


def test_demo_command_reset_without_noinput_asks_first(db, builds, monkeypatch):
    HubFactory()
    questions = []
    monkeypatch.setattr("builtins.input", lambda question: questions.append(question) or "no")
    assert run("--reset") == "Nothing was deleted.\n"
    assert (Hub.objects.count(), builds, len(questions)) == (1, [], 1)


def test_demo_command_reset_wipes_the_network_then_builds(db, builds):
    PersonFactory(home_hub=HubFactory())
    out = run("--reset", "--noinput")
    assert out.splitlines()[0] == "Deleted the network: 2 objects."
    assert (Hub.objects.count(), Person.objects.count(), builds) == (0, 0, [2002])
    wiped = AuditEntry.objects.get(action="demo.wiped")
    assert (wiped.actor_name, wiped.changes) == ("system", {"people.Person": [1, 0], "network.Hub": [1, 0]})


def test_demo_command_reset_keeps_the_network_when_the_build_fails(db, monkeypatch):
    def failing_build(*, seed, progress):
        raise RuntimeError("the build broke")

    monkeypatch.setattr(demo_command, "build_demo", failing_build)
    HubFactory()
    with pytest.raises(RuntimeError):
        run("--reset", "--noinput")
    assert (Hub.objects.count(), AuditEntry.objects.filter(action="demo.wiped").count()) == (1, 0)


def test_demo_command_refuses_a_full_network_without_reset(db, builds):
    HubFactory()
    with pytest.raises(CommandError) as caught:
        run()
    assert caught.value.returncode == 1
    assert builds == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--seed", "many"], "argument --seed: invalid int value: 'many'"),
        (["--reset", "--if-empty"], "argument --if-empty: not allowed with argument --reset"),
        (["--weave"], "unrecognized arguments: --weave"),
    ],
)
def test_demo_command_bad_arguments_exit_2_with_one_line(args, message, capsys):
    with pytest.raises(SystemExit) as caught:
        demo_command.Command().run_from_argv(["tissage", "demo", *args])
    assert caught.value.code == 2
    assert capsys.readouterr().err == f"tissage demo: {message} (see 'tissage demo --help')\n"


def test_demo_command_refuses_a_negative_seed_with_status_2(capsys):
    with pytest.raises(SystemExit) as caught:
        demo_command.Command().run_from_argv(["tissage", "demo", "--seed", "-1"])
    assert caught.value.code == 2
    assert capsys.readouterr().err == "CommandError: --seed must be zero or more\n"


def test_demo_command_called_with_bad_arguments_raises_with_status_2():
    with pytest.raises(CommandError) as caught:
        call_command("demo", "--weave")
    assert caught.value.returncode == 2
