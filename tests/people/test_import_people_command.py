import io

import pytest
from django.core.management import CommandError, call_command

from tissage.core.models import AuditEntry
from tissage.people.models import Person

from ..factories import PersonFactory, StaffFactory
from ..spreadsheet_files import csv_file, xlsx_file

HEADER = ["email", "given_name", "family_name", "phone"]


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_people", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def people_file(tmp_path, db):
    PersonFactory(email="anna@example.ru", given_name="Anna", family_name="Ledkova", phone="")
    path = tmp_path / "people.xlsx"
    path.write_bytes(
        xlsx_file(
            [HEADER, ["ines@example.cd", "Inès", "Mbuyi", ""], ["anna@example.ru", "Anna", "Ledkova", "+7"]]
        )
    )
    return path


def test_import_people_command_prints_the_preview_and_writes_nothing(people_file):
    out, err = run(people_file)
    assert out.splitlines() == [
        "line 2: create Inès Mbuyi (email: '' → 'ines@example.cd', given_name: '' → 'Inès', "
        "family_name: '' → 'Mbuyi')",
        "line 3: update Anna Ledkova (phone: '' → '+7')",
        "1 to create, 1 to update, 0 unchanged, 0 bad rows.",
        "Nothing was written; run again with --commit to import.",
    ]
    assert (err, Person.objects.count(), AuditEntry.objects.count()) == ("", 1, 0)


def test_import_people_command_commits_as_the_given_user(people_file):
    staff = StaffFactory(username="ines-staff")
    out, _ = run(people_file, "--commit", "--user", "ines-staff")
    assert out.splitlines()[-1] == "Imported people.xlsx: 1 created, 1 updated, 0 unchanged."
    assert Person.objects.get(email="anna@example.ru").phone == "+7"
    entry = AuditEntry.objects.get(action="import.committed")
    assert (entry.actor, entry.changes["file"], entry.changes["created"]) == (
        staff,
        [None, "people.xlsx"],
        [None, 1],
    )


def test_import_people_command_lists_bad_rows_exits_2_and_writes_nothing(tmp_path, db):
    path = tmp_path / "people.csv"
    path.write_bytes(
        csv_file(
            [
                HEADER,
                ["ana@", "Ana", "Diallo", ""],
                ["ok@example.org", "Ok", "Fine", ""],
                ["", "No", "Key", ""],
            ]
        )
    )
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_people", str(path), "--commit", stdout=io.StringIO(), stderr=err)
    assert caught.value.returncode == 2
    assert str(caught.value) == "2 bad rows; nothing was written."
    assert err.getvalue().splitlines() == [
        "line 2, column email: 'ana@' is not a valid email",
        "line 4, column email: give an email or an external id, so that this person is recognised next time",
    ]
    assert (Person.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_import_people_command_refuses_an_unreadable_file_or_unknown_user(tmp_path, db):
    path = tmp_path / "people.ods"
    path.write_bytes(b"whatever")
    with pytest.raises(CommandError) as caught:
        run(path)
    assert (caught.value.returncode, str(caught.value)) == (2, "This is not a CSV or XLSX file.")
    with pytest.raises(CommandError) as caught:
        run(tmp_path / "missing.csv", "--user", "nobody")
    assert str(caught.value) == "No user 'nobody'."
