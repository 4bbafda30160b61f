"""Hostile spreadsheets: random cells, broken encodings, files that are not spreadsheets at all.
The import answers with its preview or a reason, never crashes, and writes nothing before the
staff member confirms."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tissage.activities.models import Participation
from tissage.core.models import AuditEntry
from tissage.people.models import Person

from ..spreadsheet_files import csv_file, xlsx_file

COLUMNS = {
    "people": [
        "external_id",
        "email",
        "given_name",
        "family_name",
        "home_hub",
        "phone",
        "languages",
        "skills",
    ],
    "participations": ["person_email", "programme", "session", "role", "status", "arrives_on", "departs_on"],
}
CELLS = st.one_of(
    st.text(max_size=60).filter(lambda text: "\x00" not in text),
    st.sampled_from(["kinshasa", "atlantis", "fr:native", "ru:pro", "2026-02-30", "=1+1", "@SUM(A1)", "∞"]),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)


def counts() -> tuple[int, int, int]:
    return Person.objects.count(), Participation.objects.count(), AuditEntry.objects.count()


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.VAR_DIR = tmp_path


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(sorted(COLUMNS)),
    extension=st.sampled_from(["csv", "xlsx", "txt"]),
    header_keep=st.lists(st.booleans(), min_size=8, max_size=8),
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=9), max_size=6),
    garbage=st.one_of(st.none(), st.binary(max_size=200)),
)
def test_a_hostile_spreadsheet_gets_a_preview_or_a_reason_and_writes_nothing(
    staff_client, kind, extension, header_keep, rows, garbage
):
    header = [name for name, keep in zip(COLUMNS[kind], header_keep, strict=False) if keep]
    table = [header, *rows]
    if garbage is not None:
        data = garbage
    elif extension == "xlsx":  # a worksheet cannot hold control characters at all
        data = xlsx_file([[ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row] for row in table])
    else:
        data = csv_file(table)
    before = counts()
    response = staff_client.post(
        reverse("orga:import"), {"kind": kind, "file": SimpleUploadedFile(f"upload.{extension}", data)}
    )
    assert response.status_code in {200, 302}
    if response.status_code == 302:
        preview = staff_client.get(response["Location"])
        assert preview.status_code == 200
    assert counts() == before
