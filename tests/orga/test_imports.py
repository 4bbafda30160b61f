import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tissage.activities.models import Participation
from tissage.core.models import AuditEntry
from tissage.orga.views.imports import TOKEN_SALT, upload_storage
from tissage.people.interfaces.importers import PeopleImporter
from tissage.people.models import Person

from ..factories import HubFactory, PersonFactory, ProgrammeFactory, SessionFactory, StaffFactory
from ..public.html import elements, texts
from ..spreadsheet_files import csv_file, csv_rows, xlsx_file, xlsx_rows

HEADER = ["external_id", "email", "given_name", "family_name", "home_hub", "phone"]


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    """Uploads wait in a directory of the test's own."""
    settings.VAR_DIR = tmp_path
    return tmp_path / "imports"


def upload(client, rows, *, kind="people", name="people.csv"):
    data = xlsx_file(rows) if name.endswith(".xlsx") else csv_file(rows)
    return client.post(reverse("orga:import"), {"kind": kind, "file": SimpleUploadedFile(name, data)})


def fingerprint(response) -> str:
    return response.context["preview"].fingerprint


def counts() -> tuple[int, int, int]:
    return Person.objects.count(), Participation.objects.count(), AuditEntry.objects.count()


def test_import_pages_send_anonymous_visitors_to_login(client, db):
    urls = [
        reverse("orga:import"),
        reverse("orga:import-template", args=["people", "csv"]),
        reverse("orga:import-preview", args=["token"]),
        reverse("orga:import-result", args=[1]),
    ]
    for url in urls:
        response = client.get(url)
        assert (response.status_code, response["Location"].split("?")[0]) == (302, reverse("orga:login"))


def test_import_pages_are_forbidden_to_non_staff(member_client):
    staff = StaffFactory()
    token = signing.dumps(
        {"file": "x.csv", "name": "x.csv", "kind": "people", "user": staff.pk}, salt=TOKEN_SALT
    )
    urls = [
        reverse("orga:import"),
        reverse("orga:import-template", args=["people", "csv"]),
        reverse("orga:import-preview", args=[token]),
    ]
    assert [member_client.get(url).status_code for url in urls] == [403, 403, 403]


def test_import_page_offers_both_kinds_templates_and_the_nav_item(staff_client):
    response = staff_client.get(reverse("orga:import"))
    assert response.status_code == 200
    assert [e.attrs["href"] for e in elements(response, "a") if "template" in e.attrs.get("href", "")] == [
        reverse("orga:import-template", args=[kind, fmt])
        for kind in ("people", "participations")
        for fmt in ("csv", "xlsx")
    ]
    assert [e.text for e in elements(response, "a") if "aria-current" in e.attrs and e.text == "Import"] == [
        "Import"
    ]
    assert [e.attrs["value"] for e in elements(response, "input") if e.attrs.get("name") == "kind"] == [
        "people",
        "participations",
    ]


def test_import_templates_hold_the_header_row(staff_client):
    csv_response = staff_client.get(reverse("orga:import-template", args=["people", "csv"]))
    xlsx_response = staff_client.get(reverse("orga:import-template", args=["participations", "xlsx"]))
    assert csv_response["Content-Disposition"] == 'attachment; filename="tissage-people-template.csv"'
    assert csv_rows(csv_response.content) == [PeopleImporter().header()]
    assert xlsx_rows(xlsx_response.content) == [
        [
            "person",
            "person_name",
            "programme",
            "session",
            "role",
            "status",
            "arrives_on",
            "departs_on",
            "note",
        ]
    ]
    assert staff_client.get(reverse("orga:import-template", args=["people", "ods"])).status_code == 404
    assert staff_client.get(reverse("orga:import-template", args=["venues", "csv"])).status_code == 404


def test_import_upload_of_a_non_spreadsheet_shows_the_error_and_keeps_nothing(staff_client, uploads):
    response = staff_client.post(
        reverse("orga:import"),
        {"kind": "people", "file": SimpleUploadedFile("people.txt", b"email\na@example.org")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"file": ["This is not a CSV or XLSX file."]}
    assert not uploads.exists() or list(uploads.iterdir()) == []


def test_import_preview_then_confirm_creates_people_and_shows_the_result(staff_client, staff_user, uploads):
    HubFactory(slug="kinshasa")
    rows = [HEADER, ["MIMI-1", "ines@example.cd", "Inès", "Mbuyi", "kinshasa", "+243"]]
    uploaded = upload(staff_client, rows, name="people.xlsx")
    assert uploaded.status_code == 302
    preview = staff_client.get(uploaded["Location"])
    assert preview.status_code == 200
    assert texts(preview, "h2") == ["To create"]
    assert "Confirm import" in texts(preview, "button")
    assert Person.objects.count() == 0

    confirmed = staff_client.post(uploaded["Location"], {"fingerprint": fingerprint(preview)})
    entry = AuditEntry.objects.get(action="import.committed")
    assert (confirmed.status_code, confirmed["Location"]) == (
        302,
        reverse("orga:import-result", args=[entry.pk]),
    )
    ines = Person.objects.get()
    assert (ines.external_id, ines.home_hub.slug, entry.actor) == ("MIMI-1", "kinshasa", staff_user)
    assert list(uploads.iterdir()) == []

    result = staff_client.get(confirmed["Location"])
    assert result.status_code == 200
    facts = dict(zip(texts(result, "dt"), texts(result, "dd"), strict=True))
    assert (facts["Kind"], facts["Imported by"], facts["Created"], facts["Updated"], facts["Unchanged"]) == (
        "People",
        staff_user.username,
        "1",
        "0",
        "0",
    )
    assert [e.attrs["href"] for e in elements(result, "a") if e.text == "Inès Mbuyi"] == [
        ines.get_absolute_url()
    ]
    assert "people.xlsx was imported: 1 created, 0 updated, 0 unchanged." in result.content.decode()


def test_import_preview_lists_bad_rows_and_confirming_writes_nothing(staff_client):
    rows = [HEADER, ["", "ana@", "Ana", "Diallo", "", ""], ["X1", "", "", "Sow", "atlantis", ""]]
    uploaded = upload(staff_client, rows)
    preview = staff_client.get(uploaded["Location"])
    assert (texts(preview, "th", scope="row"), texts(preview, "td")) == (
        ["2", "3", "3"],
        [
            "email",
            "'ana@' is not a valid email",
            "given_name",
            "needed to create a new person",
            "home_hub",
            "unknown hub 'atlantis'",
        ],
    )
    assert "Confirm import" not in texts(preview, "button")
    before = counts()
    again = staff_client.post(uploaded["Location"], {"fingerprint": fingerprint(preview)})
    assert again.status_code == 200
    assert counts() == before


def test_import_confirm_shows_a_new_preview_when_the_data_changed_in_between(staff_client):
    ines = PersonFactory(email="ines@example.cd", phone="+243 1")
    uploaded = upload(staff_client, [["email", "phone"], ["ines@example.cd", "+243 2"]])
    first = staff_client.get(uploaded["Location"])
    assert first.context["preview"].to_update[0].changes[0].before == "+243 1"
    # Someone else edits Inès between the preview and the confirmation.
    Person.objects.filter(pk=ines.pk).update(phone="+243 9")
    before = counts()

    stale = staff_client.post(uploaded["Location"], {"fingerprint": fingerprint(first)})
    assert stale.status_code == 200
    assert counts() == before
    assert stale.context["preview"].to_update[0].changes[0].before == "+243 9"
    assert "The data changed since the preview was made." in stale.content.decode()

    confirmed = staff_client.post(uploaded["Location"], {"fingerprint": fingerprint(stale)})
    assert confirmed.status_code == 302
    ines.refresh_from_db()
    assert ines.phone == "+243 2"


def test_import_of_participations_over_http(staff_client):
    session = SessionFactory(programme=ProgrammeFactory(slug="mimi-nor"), number=1)
    PersonFactory(email="anna@example.ru")
    uploaded = upload(
        staff_client,
        [["person", "programme", "session", "role"], ["anna@example.ru", "mimi-nor", "1", "trainee"]],
        kind="participations",
        name="participations.csv",
    )
    preview = staff_client.get(uploaded["Location"])
    staff_client.post(uploaded["Location"], {"fingerprint": fingerprint(preview)})
    assert list(session.participations.values_list("person__email", "role")) == [
        ("anna@example.ru", "trainee")
    ]


def test_import_preview_belongs_to_the_user_who_uploaded(staff_client, uploads):
    uploaded = upload(staff_client, [HEADER, ["", "a@example.org", "A", "B", "", ""]])
    colleague = Client()
    colleague.force_login(StaffFactory())
    assert colleague.get(uploaded["Location"]).status_code == 403
    assert staff_client.get(uploaded["Location"] + "x/").status_code == 404
    assert staff_client.get(reverse("orga:import-preview", args=["not-signed"])).status_code == 404
    for path in uploads.iterdir():
        path.unlink()
    expired = staff_client.get(uploaded["Location"])
    assert (expired.status_code, expired["Location"]) == (302, reverse("orga:import"))


def test_import_preview_and_result_query_counts_do_not_grow_with_rows(
    staff_client, django_assert_max_num_queries
):
    people = PersonFactory.create_batch(30)
    rows = [["email", "phone"], *[[person.email, f"+33 {n}"] for n, person in enumerate(people)]]
    small, large = (
        upload(staff_client, rows[:4], name="small.csv"),
        upload(staff_client, rows, name="large.csv"),
    )
    for uploaded, updates in ((small, 3), (large, 30)):
        with django_assert_max_num_queries(7):
            preview = staff_client.get(uploaded["Location"])
        assert len(preview.context["preview"].to_update) == updates
    confirmed = staff_client.post(large["Location"], {"fingerprint": fingerprint(preview)})
    with django_assert_max_num_queries(8):
        result = staff_client.get(confirmed["Location"])
    assert len(result.context["rows"]) == 30


def test_upload_storage_is_outside_the_public_media(settings, uploads):
    assert upload_storage().location == str(uploads)
