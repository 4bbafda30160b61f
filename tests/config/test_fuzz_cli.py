"""Hostile arguments on every command of our own: an answer or one line and exit status 2, never a
traceback, and nothing written."""

import contextlib

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tissage.core.models import AuditEntry
from tissage.people.models import Person

COMMANDS = ["export", "restore", "backup", "recover_jobs", "import_people", "import_participations", "demo"]
WORDS = st.one_of(
    st.text(min_size=1, max_size=40).filter(lambda word: "\x00" not in word),
    st.sampled_from(
        ["--output", "/nonexistent/dir/file.tar.gz", "-o", "--stale-after", "-5", "nan", "people.csv",
         "home_hub=", "--seed", "-1", "--replace", "x=y=z", "/etc/passwd", "--reset", "/", "."]
    ),
)  # fmt: skip


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), words=st.lists(WORDS, max_size=4))
@example(command="backup", words=["--output", "/nonexistent/dir/file.tar.gz"])
@example(command="backup", words=["--output", "/"])
@example(command="export", words=["people.csv", "--output", "/nonexistent/dir/people.csv"])
@example(command="restore", words=["/etc/passwd"])
@example(command="restore", words=["/"])
@example(command="import_people", words=["/"])
def test_hostile_arguments_get_one_line_and_status_2(command, words, tmp_path_factory, capsys):
    if command == "demo":
        words = [*words, "--seed", "-1"]  # a valid demo run takes half a minute: keep to refusals
    before = (AuditEntry.objects.count(), Person.objects.count())
    try:
        # Files a command writes by default (a dated backup …) land in a directory of the test's.
        with contextlib.chdir(tmp_path_factory.mktemp("cwd")):
            call_command(command, *words)
    except CommandError as error:
        assert error.returncode == 2, f"{command} {words}: {error}"
        assert "\n" not in str(error).strip()
    except SystemExit as exit_:
        assert exit_.code in (0, 2), f"{command} {words}: exit {exit_.code}"
    else:
        return
    assert (AuditEntry.objects.count(), Person.objects.count()) == before
