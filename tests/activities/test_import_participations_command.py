import io

import pytest
from django.core.management import CommandError, call_command

from tissage.activities.models import Participation
from tissage.core.models import AuditEntry

from ..factories import PersonFactory, ProgrammeFactory, SessionFactory
from ..spreadsheet_files import csv_file


@pytest.fixture
def participations_file(tmp_path, db):
    SessionFactory(programme=ProgrammeFactory(slug="mimi-nor"), number=1)
    PersonFactory(email="anna@example.ru", given_name="Anna", family_name="Ledkova")
    path = tmp_path / "participations.csv"
    path.write_bytes(
        csv_file(
            [["person", "programme", "session", "role"], ["anna@example.ru", "mimi-nor", "1", "trainee"]]
        )
    )
    return path


def test_import_participations_command_commits(participations_file):
    out = io.StringIO()
    call_command("import_participations", str(participations_file), "--commit", stdout=out)
    assert (
        out.getvalue().splitlines()[-1] == "Imported participations.csv: 1 created, 0 updated, 0 unchanged."
    )
    assert list(Participation.objects.values_list("person__email", "role", "status")) == [
        ("anna@example.ru", "trainee", "invited")
    ]
    assert AuditEntry.objects.get(action="import.committed").actor_name == "system"


def test_import_participations_command_exits_2_on_bad_rows(tmp_path, db):
    path = tmp_path / "participations.csv"
    path.write_bytes(csv_file([["person", "programme", "session"], ["nobody@example.org", "nowhere", "1"]]))
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_participations", str(path), "--commit", stdout=io.StringIO(), stderr=err)
    assert caught.value.returncode == 2
    assert err.getvalue().splitlines() == [
        "line 2, column person: no one has the email or external id 'nobody@example.org'; "
        "import them as people first",
        "line 2, column programme: unknown programme 'nowhere'",
        "line 2, column role: needed: one of artist, teaching_artist, technician, administrator, trainee, "
        "interpreter, coordinator, entrepreneur",
    ]
    assert (Participation.objects.count(), AuditEntry.objects.count()) == (0, 0)
