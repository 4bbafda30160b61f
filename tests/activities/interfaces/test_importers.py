import datetime

import pytest

from tissage.activities.interfaces.importers import ParticipationsImporter
from tissage.activities.models import Participation
from tissage.core.exporters import registry
from tissage.core.interfaces.importing import Change, ImportRefused
from tissage.core.models import AuditEntry
from tissage.core.spreadsheets import read_table
from tissage.people.models import Person

from ...factories import ParticipationFactory, PersonFactory, ProgrammeFactory, SessionFactory, StaffFactory
from ...spreadsheet_files import csv_file, xlsx_file

HEADER = ["person", "programme", "session", "role", "status", "arrives_on", "departs_on", "note"]


@pytest.fixture
def mimi_nor(db):
    """A programme with two sessions, and two people."""
    programme = ProgrammeFactory(slug="mimi-nor", name={"en": "Mimi-Nor"})
    SessionFactory(programme=programme, number=1, start_date=datetime.date(2002, 9, 2))
    SessionFactory(programme=programme, number=2, start_date=datetime.date(2003, 7, 20))
    PersonFactory(email="anna@example.ru", external_id="NOR-7", given_name="Anna", family_name="Ledkova")
    PersonFactory(email="ines@example.cd", given_name="Inès", family_name="Mbuyi")
    return programme


def preview_of(rows, *, filename="participations.csv"):
    data = xlsx_file(rows) if filename.endswith(".xlsx") else csv_file(rows)
    return ParticipationsImporter().preview(read_table(data, filename=filename), filename=filename)


@pytest.mark.parametrize("filename", ["participations.csv", "participations.xlsx"])
def test_participations_import_creates_participations_through_the_domain(mimi_nor, filename):
    staff = StaffFactory()
    preview = preview_of(
        [
            HEADER,
            ["NOR-7", "mimi-nor", "1", "trainee", "", "2002-08-31", "08/09/2002", "Sound workshop"],
            ["INES@example.cd", "Mimi-Nor", "2", "teaching artist", "confirmed", "", "", ""],
        ],
        filename=filename,
    )
    assert (preview.problems, [row.line for row in preview.to_create]) == ([], [2, 3])
    entry = ParticipationsImporter().commit(preview, actor=staff)

    rows = Participation.objects.order_by("session__number").values_list(
        "person__email", "session__number", "role", "status", "arrives_on", "departs_on", "note"
    )
    assert list(rows) == [
        (
            "anna@example.ru",
            1,
            "trainee",
            "invited",
            datetime.date(2002, 8, 31),
            datetime.date(2002, 9, 8),
            "Sound workshop",
        ),
        ("ines@example.cd", 2, "teaching_artist", "confirmed", None, None, ""),
    ]
    assert entry.changes["kind"] == [None, "participations"] and entry.changes["created"] == [None, 2]
    participation = Participation.objects.get(session__number=1)
    assert [e.action for e in AuditEntry.objects.for_object(participation.session).order_by("pk")] == [
        "participation.created",
        "import.committed",
    ]


def test_participations_import_lists_every_bad_row_and_writes_nothing(mimi_nor):
    ParticipationFactory(person__email="x@example.org", session=mimi_nor.sessions.get(number=1))
    before = (Participation.objects.count(), AuditEntry.objects.count())
    preview = preview_of(
        [
            HEADER,
            ["nobody@example.org", "mimi-nor", "1", "trainee", "", "", "", ""],
            ["NOR-7", "mimi-sud", "1", "trainee", "", "", "", ""],
            ["NOR-7", "mimi-nor", "9", "trainee", "", "", "", ""],
            ["NOR-7", "mimi-nor", "1", "drummer", "maybe", "2002-09-08", "2002-09-01", ""],
            ["ines@example.cd", "mimi-nor", "1", "", "", "31 August", "", ""],
            ["ines@example.cd", "mimi-nor", "2", "artist", "", "", "", ""],
            ["ines@example.cd", "mimi-nor", "2", "artist", "", "", "", ""],
            ["x@example.org", "mimi-nor", "1", "artist", "", "", "", "fine on its own"],
        ]
    )
    assert [str(problem) for problem in preview.problems] == [
        "line 2, column person: no one has the email or external id 'nobody@example.org'; "
        "import them as people first",
        "line 3, column programme: unknown programme 'mimi-sud'",
        "line 4, column session: mimi-nor has no session '9' (its sessions: 1, 2)",
        "line 5, column role: unknown role 'drummer' (known: administrator, artist, coordinator, "
        "entrepreneur, interpreter, teaching_artist, technician, trainee)",
        "line 5, column status: unknown status 'maybe' "
        "(known: attended, cancelled, confirmed, declined, invited)",
        "line 5, column departs_on: One cannot leave before arriving.",
        "line 6, column role: needed: one of artist, teaching_artist, technician, administrator, trainee, "
        "interpreter, coordinator, entrepreneur",
        "line 6, column arrives_on: '31 August' is not a date; write it like 2004-07-22",
        "line 8, column person: Inès Mbuyi is in this session on line 7 already",
    ]
    with pytest.raises(ImportRefused):
        ParticipationsImporter().commit(preview, actor=None)
    assert (Participation.objects.count(), AuditEntry.objects.count()) == before


def test_participations_reimport_updates_and_leaves_unchanged_rows_alone(mimi_nor):
    first, second = mimi_nor.sessions.order_by("number")
    anna = ParticipationFactory(
        person=Person.objects.get(external_id="NOR-7"), session=first, role="trainee", status="invited"
    )
    ines = ParticipationFactory(
        person=Person.objects.get(email="ines@example.cd"), session=second, role="artist", note="Kinshasa"
    )
    preview = preview_of(
        [
            ["person", "programme", "session", "status", "departs_on"],
            ["anna@example.ru", "mimi-nor", "1", "attended", "2002-09-08"],
            ["ines@example.cd", "mimi-nor", "2", "", ""],
        ]
    )
    assert [(row.line, row.instance, row.changes) for row in preview.to_update] == [
        (2, anna, (Change("status", "invited", "attended"), Change("departs_on", "", "2002-09-08")))
    ]
    assert [row.instance for row in preview.unchanged] == [ines]
    count = AuditEntry.objects.count()
    ParticipationsImporter().commit(preview, actor=None)
    anna.refresh_from_db()
    assert (anna.status, anna.departs_on, Participation.objects.count()) == (
        "attended",
        datetime.date(2002, 9, 8),
        2,
    )
    assert list(AuditEntry.objects.filter(pk__gt=count).order_by("pk").values_list("action", flat=True)) == [
        "participation.updated",
        "import.committed",
    ]


def test_participations_export_imports_again_unchanged(mimi_nor):
    first = mimi_nor.sessions.get(number=1)
    ParticipationFactory(
        person__external_id="NOR-1", session=first, arrives_on=datetime.date(2002, 8, 31), note="=1+1"
    )
    ParticipationFactory(person__email="bo@example.org", session=first, role="technician")
    for identifier in ("participations.csv", "participations.xlsx"):
        data = registry.get(identifier).render(Participation.objects.all())
        preview = ParticipationsImporter().preview(read_table(data, filename=identifier), filename=identifier)
        assert (preview.problems, preview.ignored_columns, len(preview.unchanged), preview.has_changes) == (
            [],
            [],
            2,
            False,
        )


def test_participations_preview_query_count_does_not_grow_with_rows(mimi_nor, django_assert_num_queries):
    session = mimi_nor.sessions.get(number=1)
    people = PersonFactory.create_batch(30)
    for person in people[::2]:
        ParticipationFactory(person=person, session=session)
    rows = [[person.email, "mimi-nor", "1", "technician"] for person in people]
    header = ["person", "programme", "session", "role"]
    with django_assert_num_queries(4):
        small = preview_of([header, *rows[:3]])
    with django_assert_num_queries(4):
        large = preview_of([header, *rows])
    assert (len(small.to_create), len(small.to_update), len(large.to_create), len(large.to_update)) == (
        1,
        2,
        15,
        15,
    )
