import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tissage.core.exporters import registry

from ..factories import HubFactory, PersonFactory
from ..spreadsheet_files import csv_rows, xlsx_rows


@pytest.fixture
def two_hubs(db):
    PersonFactory(email="ines@example.cd", home_hub=HubFactory(slug="kinshasa"))
    PersonFactory(email="anna@example.ru", home_hub=HubFactory(slug="narian-mar"))


def test_export_command_writes_the_filtered_file(two_hubs, tmp_path):
    output = tmp_path / "people.xlsx"
    out = io.StringIO()
    call_command("export", "people.xlsx", "home_hub=kinshasa", "--output", str(output), stdout=out)
    assert out.getvalue() == f"Wrote {output}\n"
    assert [row[1] for row in xlsx_rows(output.read_bytes())] == ["email", "ines@example.cd"]


def test_export_command_names_the_file_by_scope_and_date(two_hubs, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("export", "people.csv", stdout=io.StringIO())
    written = tmp_path / f"tissage-people-{timezone.localdate():%Y-%m-%d}.csv"
    assert sorted(row[1] for row in csv_rows(written.read_bytes())[1:]) == [
        "anna@example.ru",
        "ines@example.cd",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["people.ods"],
            "No exporter 'people.ods'; known: {known}.",
        ),
        (["people.csv", "kinshasa"], "A filter is NAME=VALUE, not 'kinshasa'."),
        (
            ["people.csv", "home_hub=atlantis"],
            "home_hub: Select a valid choice. That choice is not one of the available choices.",
        ),
    ],
)
def test_export_command_refuses_unknown_exporters_and_filters(two_hubs, args, message):
    with pytest.raises(CommandError) as caught:
        call_command("export", *args, stdout=io.StringIO())
    known = sorted(exporter.identifier for exporter in registry)
    assert {"people.csv", "people.xlsx", "participations.csv"} <= set(known)
    assert (caught.value.returncode, str(caught.value)) == (2, message.format(known=", ".join(known)))
