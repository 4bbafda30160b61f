import datetime

import pytest
from django.http import HttpResponse
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from ..factories import (
    HubFactory,
    ParticipationFactory,
    PersonFactory,
    PersonLanguageFactory,
    ProgrammeFactory,
    SessionFactory,
    SkillFactory,
)
from ..public.html import elements
from ..spreadsheet_files import csv_rows, xlsx_rows

PEOPLE_HEADER = [
    "external_id",
    "email",
    "given_name",
    "family_name",
    "native_name",
    "home_hub",
    "city",
    "country",
    "nationality",
    "phone",
    "languages",
    "skills",
    "website",
]
PARTICIPATIONS_HEADER = [
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


def export(client, exporter, **filters):
    return client.get(reverse("orga:export"), {"exporter": exporter, **filters})


@pytest.fixture
def ines(db):
    person = PersonFactory(
        external_id="MIMI-1",
        email="ines@example.cd",
        given_name="Inès",
        family_name="Mbuyi",
        native_name="",
        home_hub=HubFactory(slug="kinshasa"),
        city="Kinshasa",
        country="CD",
        nationality="CD",
        phone="+243 81",
        website="https://ines.example",
    )
    PersonLanguageFactory(person=person, language="ln", level="fluent")
    PersonLanguageFactory(person=person, language="fr", level="native")
    person.skills.add(SkillFactory(slug="guitar"), SkillFactory(slug="voice"))
    return person


INES_ROW = [
    "MIMI-1",
    "ines@example.cd",
    "Inès",
    "Mbuyi",
    "",
    "kinshasa",
    "Kinshasa",
    "CD",
    "CD",
    "+243 81",
    "fr:native; ln:fluent",
    "guitar; voice",
    "https://ines.example",
]


def test_export_sends_anonymous_visitors_to_login(client, db):
    response = export(client, "people.csv")
    assert (response.status_code, response["Location"].split("?")[0]) == (302, reverse("orga:login"))


def test_export_is_forbidden_to_non_staff(member_client):
    assert [export(member_client, e).status_code for e in ("people.csv", "participations.xlsx")] == [403, 403]


def test_people_csv_export_holds_the_filtered_list(staff_client, ines):
    PersonFactory(email="anna@example.ru", home_hub=HubFactory(slug="narian-mar"))
    response = export(staff_client, "people.csv", home_hub="kinshasa")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="tissage-people-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    # In CSV, a value a spreadsheet program would run as a formula gets an apostrophe.
    protected = [f"'{value}" if value.startswith("+") else value for value in INES_ROW]
    assert csv_rows(b"".join(response.streaming_content)) == [PEOPLE_HEADER, protected]


def test_people_xlsx_export_uses_the_people_list_filters(staff_client, ines):
    PersonFactory(email="anna@example.ru", phone="+7")
    response = export(staff_client, "people.xlsx", skill="guitar", language="ln")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert xlsx_rows(b"".join(response.streaming_content)) == [PEOPLE_HEADER, INES_ROW]
    everyone = xlsx_rows(b"".join(export(staff_client, "people.xlsx", sort="last").streaming_content))
    assert [row[1] for row in everyone[1:]] == ["anna@example.ru", "ines@example.cd"]


def test_participations_export_by_session_or_programme(staff_client, ines):
    programme = ProgrammeFactory(slug="mimi-sud")
    first = SessionFactory(programme=programme, number=1)
    second = SessionFactory(
        programme=programme,
        number=2,
        start_date=datetime.date(2005, 2, 1),
        end_date=datetime.date(2005, 2, 9),
    )
    ParticipationFactory(
        person=ines,
        session=first,
        role="teaching_artist",
        status="attended",
        arrives_on=datetime.date(2004, 11, 2),
        note="Guitar workshop",
    )
    ParticipationFactory(
        person__email="bo@example.org", person__given_name="Bo", person__family_name="Ba", session=second
    )
    ParticipationFactory()
    by_session = export(staff_client, "participations.csv", session=first.pk)
    assert csv_rows(b"".join(by_session.streaming_content)) == [
        PARTICIPATIONS_HEADER,
        [
            "MIMI-1",
            "Inès Mbuyi",
            "mimi-sud",
            "1",
            "teaching_artist",
            "attended",
            "2004-11-02",
            "",
            "Guitar workshop",
        ],
    ]
    by_programme = export(staff_client, "participations.xlsx", programme="mimi-sud")
    assert xlsx_rows(b"".join(by_programme.streaming_content))[1:] == [
        [
            "MIMI-1",
            "Inès Mbuyi",
            "mimi-sud",
            1,
            "teaching_artist",
            "attended",
            datetime.datetime(2004, 11, 2),
            "",
            "Guitar workshop",
        ],
        ["bo@example.org", "Bo Ba", "mimi-sud", 2, "artist", "confirmed", "", "", ""],
    ]


def test_export_refuses_unknown_filters_values_and_exporters(staff_client, db):
    bad = export(staff_client, "people.csv", home_hub="atlantis")
    assert (bad.status_code, bad.content.decode()) == (
        400,
        "home_hub: Select a valid choice. That choice is not one of the available choices.",
    )
    assert export(staff_client, "participations.csv", session="abc").status_code == 400
    assert export(staff_client, "people.ods").status_code == 404
    assert staff_client.get(reverse("orga:export")).status_code == 404


def test_export_query_count_does_not_grow_with_rows(staff_client, ines, django_assert_max_num_queries):
    def many(n):
        for person in PersonFactory.create_batch(n):
            PersonLanguageFactory(person=person)
            person.skills.add(SkillFactory(slug="guitar"))

    many(2)
    with django_assert_max_num_queries(7):
        small = b"".join(export(staff_client, "people.xlsx").streaming_content)
    many(30)
    with django_assert_max_num_queries(7):
        large = b"".join(export(staff_client, "people.xlsx").streaming_content)
    assert (len(xlsx_rows(small)), len(xlsx_rows(large))) == (4, 34)


def test_export_links_carry_the_current_filters_or_the_given_query(rf, db):
    template = Template('{% include "orga/includes/export_links.html" with scope=scope export_query=query %}')
    page = rf.get("/orga/people/", {"home_hub": "kinshasa", "page": "2"})
    rendered = template.render(Context({"request": page, "scope": "people"}))
    links = [(a.text, a.attrs["href"]) for a in elements(HttpResponse(rendered), "a")]
    assert links == [
        ("Export CSV — People (CSV)", "/orga/export/?exporter=people.csv&home_hub=kinshasa"),
        ("Export XLSX — People (XLSX)", "/orga/export/?exporter=people.xlsx&home_hub=kinshasa"),
    ]
    rendered = template.render(Context({"request": page, "scope": "participations", "query": "session=7"}))
    assert [a.attrs["href"] for a in elements(HttpResponse(rendered), "a")] == [
        "/orga/export/?exporter=participations.csv&session=7",
        "/orga/export/?exporter=participations.xlsx&session=7",
    ]


def test_participations_export_query_count_does_not_grow(staff_client, django_assert_max_num_queries):
    session = SessionFactory(programme=ProgrammeFactory(slug="mimi-nor"))
    ParticipationFactory.create_batch(2, session=session)
    with django_assert_max_num_queries(5):
        small = b"".join(export(staff_client, "participations.csv", programme="mimi-nor").streaming_content)
    ParticipationFactory.create_batch(30, session=session)
    with django_assert_max_num_queries(5):
        large = b"".join(export(staff_client, "participations.csv", programme="mimi-nor").streaming_content)
    assert (len(csv_rows(small)), len(csv_rows(large))) == (3, 33)
