"""Every timetable exporter, on a small programme; the Frab XML and the schedule JSON validated
against the schemas in ``../shared/standards``, the iCal parsed back."""

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import translation
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from tissage.activities.enums import ActivityKind
from tissage.core.exporters import registry
from tissage.schedule.domain.releases import release_programme, release_publish
from tissage.schedule.interfaces.subject import ExportSubject, select_schedule

from ...factories import PersonFactory
from ..conftest import local, placed, unplaced

pytestmark = pytest.mark.django_db

STANDARDS = Path(__file__).resolve().parents[3].parent / "shared" / "standards"


@pytest.fixture
def subject(edition, hall, studio, leader):
    placed(
        edition,
        hall,
        7,
        20,
        people=[leader, PersonFactory(is_public=True, given_name="Anna", family_name="Talbey")],
        kind=ActivityKind.CONCERT,
        title={"en": "Closing concert", "fr": "Concert de clôture", "ru": "Заключительный концерт"},
        description={"en": "Songs of the tundra."},
        languages=["ru"],
    )
    placed(
        edition, studio, 3, 10, people=[leader, PersonFactory()], title={"en": "Sound workshop"}, slug="sw"
    )
    placed(edition, studio, 4, 23, hours=2, title={"en": "Night session"})
    unplaced(edition, title={"en": "To be announced"})
    placed(edition, hall, 5, 10, is_public=False, title={"en": "Closed rehearsal"})
    release = release_publish(actor=None, edition=edition)
    return ExportSubject(
        programme=release_programme(release).public(),
        base_url="https://tissage.example.org",
        url="https://tissage.example.org/en/festivals/mimi-nor/2002/programme/export/schedule.xml",
    )


def render(identifier: str, subject) -> bytes:
    return registry.get(identifier, scope="schedule").render(subject)


def test_frab_xml_validates_against_the_schema(subject):
    document = render("schedule.xml", subject)
    schema = xmlschema.XMLSchema(STANDARDS / "schedule.xml.xsd")
    schema.validate(document)
    data = schema.to_dict(document)
    days = data["day"]
    assert [(d["@index"], d["@date"]) for d in days] == [(n, f"2002-09-0{n + 1}") for n in range(1, 7)]
    events = [
        (e["title"], e["start"], e["duration"], e["room"])
        for d in days
        for r in d.get("room", [])
        for e in r["event"]
    ]
    assert events == [
        ("Sound workshop", "10:00", "02:00", "Studio"),
        ("Night session", "23:00", "02:00", "Studio"),
        ("Closing concert", "20:00", "02:00", "Big hall"),
    ]
    concert = days[5]["room"][0]["event"][0]
    assert concert["date"] == "2002-09-07T20:00:00+04:00"
    assert [p["$"] for p in concert["persons"]["person"]] == ["Marius Giordano", "Anna Talbey"]
    assert data["conference"]["time_zone_name"] == ["Europe/Moscow"]


def test_schedule_json_validates_against_the_schema(subject):
    document = json.loads(render("schedule.json", subject))
    schema = json.loads((STANDARDS / "schedule.schema.json").read_text())
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    conference = document["schedule"]["conference"]
    assert (conference["acronym"], conference["daysCount"], document["schedule"]["version"]) == (
        "mimi_nor_2002",
        6,
        "release 1",
    )
    events = [e for day in conference["days"] for room in day["rooms"].values() for e in room]
    assert [(e["title"], e["language"], len(e["persons"])) for e in events] == [
        ("Sound workshop", None, 1),
        ("Night session", None, 0),
        ("Closing concert", "ru", 2),
    ]


def test_ical_parses_back_with_time_zone_and_stable_uids(subject, edition, hall):
    calendar = Calendar.from_ical(render("schedule.ics", subject))
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Sound workshop", "Night session", "Closing concert"]
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Moscow"]
    concert = events[2]
    assert concert.decoded("dtstart") == local(7, 20)
    assert str(concert["dtstart"].params["TZID"]) == "Europe/Moscow"
    assert str(concert["location"]) == "Big hall, House of Culture"
    assert str(concert["url"]).startswith("https://tissage.example.org/en/festivals/mimi-nor/2002/")
    # The same activity keeps its UID in the next release.
    placed(edition, hall, 6, 10, title={"en": "Added later"})
    again = ExportSubject(programme=release_programme(release_publish(actor=None, edition=edition)).public())
    uids = {
        str(e["summary"]): str(e["uid"])
        for e in Calendar.from_ical(render("schedule.ics", again)).walk("VEVENT")
    }
    assert uids["Closing concert"] == str(concert["uid"])
    assert int(Calendar.from_ical(render("schedule.ics", again)).walk("VEVENT")[0]["sequence"]) == 2


def test_ical_per_room_and_per_person(subject, studio, leader):
    programme = subject.programme
    by_room = ExportSubject(programme=programme, room=next(r for r in programme.rooms if r.pk == studio.pk))
    assert [
        str(e["summary"]) for e in Calendar.from_ical(render("schedule.ics", by_room)).walk("VEVENT")
    ] == [
        "Sound workshop",
        "Night session",
    ]
    person = next(p for p in programme.people if p.pk == leader.pk)
    by_person = Calendar.from_ical(render("schedule.ics", ExportSubject(programme=programme, person=person)))
    assert [str(e["summary"]) for e in by_person.walk("VEVENT")] == ["Sound workshop", "Closing concert"]
    assert str(by_person["x-wr-calname"]) == "Mimi-Nor 2002 · Marius Giordano"


def test_spreadsheets_list_every_public_activity(subject):
    rows = list(csv.reader(io.StringIO(render("programme.csv", subject).decode("utf-8-sig"))))
    assert rows[0][:4] == ["day", "starts", "ends", "title"]
    assert [row[3] for row in rows[1:]] == [
        "Sound workshop",
        "Night session",
        "Closing concert",
        "To be announced",
    ]
    sheet = load_workbook(io.BytesIO(render("programme.xlsx", subject))).active
    assert [cell.value for cell in next(sheet.iter_rows(min_row=5, max_row=5))][3] == "To be announced"


def test_offline_programme_is_one_self_contained_file_in_the_readers_language(subject):
    with translation.override("fr"):
        html = render("programme.html", subject).decode()
    assert '<html lang="fr">' in html
    assert "Concert de clôture" in html
    assert "<script" not in html and 'rel="stylesheet"' not in html and "<img" not in html
    assert "Closed rehearsal" not in html


def test_printable_programme_is_a_pdf(subject):
    pdf = PdfReader(io.BytesIO(render("programme.pdf", subject)))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Closing concert" in text and "Marius Giordano" in text


def test_staff_selection_of_a_release_a_draft_a_room_and_a_person(subject, edition, studio, leader):
    chosen = select_schedule(QueryDict(f"edition={edition.pk}&room={studio.pk}&person={leader.slug}"))
    assert (chosen.room.pk, chosen.person.pk, [str(a.title) for a in chosen.activities]) == (
        studio.pk,
        leader.pk,
        ["Sound workshop"],
    )
    draft = select_schedule(QueryDict(f"edition={edition.pk}&draft=1"))
    assert "Closed rehearsal" in [str(a.title) for a in draft.activities]
    with pytest.raises(ValidationError) as refusal:
        select_schedule(QueryDict("edition=nope&room=1"))
    assert list(refusal.value.message_dict) == ["edition"]
    with pytest.raises(ValidationError) as unknown:
        select_schedule(QueryDict(f"edition={edition.pk}&person=nobody"))
    assert list(unknown.value.message_dict) == ["person"]
