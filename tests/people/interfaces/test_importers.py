import re
from pathlib import Path

import pytest

from tissage.core.exporters import registry
from tissage.core.interfaces.importing import Change, ImportRefused
from tissage.core.models import AuditEntry
from tissage.core.spreadsheets import read_table
from tissage.people.interfaces.importers import PeopleImporter
from tissage.people.models import Person

from ...factories import HubFactory, PersonFactory, PersonLanguageFactory, SkillFactory, StaffFactory
from ...spreadsheet_files import csv_file, xlsx_file

HEADER = [
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
INES = [
    "MIMI-001",
    "ines@example.cd",
    "Inès",
    "Mbuyi",
    "",
    "kinshasa",
    "Kinshasa",
    "CD",
    "COD",
    "+243 81 000 0000",
    "fr:native; ln:fluent",
    "guitar; Sound mixing",
    "www.ines.example",
]
ANNA = [
    "",
    "anna@example.ru",
    "Анна",
    "Ледкова",
    "",
    "Нарьян-Мар",
    "Нарьян-Мар",
    "Россия",
    "RU",
    "",
    "ru:native; yrk:working",
    "",
    "",
]


@pytest.fixture
def vocabulary(db):
    HubFactory(slug="kinshasa", name={"fr": "Kinshasa"})
    HubFactory(slug="narian-mar", name={"fr": "Narian-Mar", "ru": "Нарьян-Мар"})
    SkillFactory(slug="guitar", name={"en": "Guitar", "fr": "Guitare"})
    SkillFactory(slug="sound-mixing", name={"en": "Sound mixing", "ru": "Звукорежиссура"})


def preview_of(rows, *, filename="people.csv", **csv_options):
    data = xlsx_file(rows) if filename.endswith(".xlsx") else csv_file(rows, **csv_options)
    return PeopleImporter().preview(read_table(data, filename=filename), filename=filename)


def counts() -> tuple[int, int]:
    return Person.objects.count(), AuditEntry.objects.count()


def person_facts(person: Person) -> dict:
    return {
        "external_id": person.external_id,
        "email": person.email,
        "name": person.full_name,
        "home_hub": person.home_hub.slug if person.home_hub else None,
        "city": person.city,
        "country": person.country.code,
        "nationality": person.nationality.code,
        "phone": person.phone,
        "languages": sorted((pl.language, pl.level) for pl in person.languages.all()),
        "skills": sorted(skill.slug for skill in person.skills.all()),
        "website": person.website,
    }


@pytest.mark.parametrize("filename", ["people.csv", "people.xlsx"])
def test_people_import_creates_people_through_the_domain_and_audits(vocabulary, filename):
    staff = StaffFactory(username="ines-staff")
    preview = preview_of([HEADER, INES, ANNA], filename=filename)
    assert (preview.problems, [row.line for row in preview.to_create], preview.to_update) == ([], [2, 3], [])
    assert preview.to_create[0].label == "Inès Mbuyi"
    entry = PeopleImporter().commit(preview, actor=staff)

    ines, anna = Person.objects.get(email="ines@example.cd"), Person.objects.get(email="anna@example.ru")
    assert person_facts(ines) == {
        "external_id": "MIMI-001",
        "email": "ines@example.cd",
        "name": "Inès Mbuyi",
        "home_hub": "kinshasa",
        "city": "Kinshasa",
        "country": "CD",
        "nationality": "CD",
        "phone": "+243 81 000 0000",
        "languages": [("fr", "native"), ("ln", "fluent")],
        "skills": ["guitar", "sound-mixing"],
        "website": "https://www.ines.example",
    }
    assert (anna.external_id, anna.home_hub.slug, anna.country.code) == (None, "narian-mar", "RU")
    assert (entry.action, entry.actor, entry.changes) == (
        "import.committed",
        staff,
        {
            "file": [None, filename],
            "kind": [None, "people"],
            "created": [None, 2],
            "updated": [None, 0],
            "unchanged": [None, 0],
        },
    )
    assert [e.action for e in AuditEntry.objects.for_object(ines).order_by("pk")] == [
        "person.created",
        "person.languages_changed",
        "import.committed",
    ]


def test_people_import_lists_every_bad_row_and_writes_nothing(vocabulary):
    PersonFactory(
        email="taken@example.org", external_id="T-1", home_hub=None, given_name="Tao", family_name="Ken"
    )
    before = counts()
    blank = [""] * len(HEADER)

    def row(**values):
        return [values.get(name, blank[i]) for i, name in enumerate(HEADER)]

    preview = preview_of(
        [
            HEADER,
            row(email="ana@", given_name="Ana", family_name="Diallo"),
            row(external_id="X1", family_name="Sow"),
            row(email="bo@example.org", given_name="Bo", family_name="Ba", home_hub="atlantis"),
            row(email="cy@example.org", given_name="Cy", family_name="Ndiaye", skills="guitar; kazoo; banjo"),
            row(email="di@example.org", given_name="Di", family_name="Ka", languages="fr; en:fluent"),
            row(
                email="ed@example.org",
                given_name="Ed",
                family_name="Lo",
                country="Narnia",
                languages="xx:native",
            ),
            row(email="fa@example.org", given_name="Fa", family_name="Mo", website="not a site"),
            row(given_name="Gi", family_name="No", home_hub="nowhere"),
            row(email="ok@example.org", given_name="Ok", family_name="Fine"),
            row(external_id="T-2", email="taken@example.org", given_name="Ta", family_name="Ken"),
        ]
    )
    assert [str(problem) for problem in preview.problems] == [
        "line 2, column email: 'ana@' is not a valid email",
        "line 3, column given_name: needed to create a new person",
        "line 4, column home_hub: unknown hub 'atlantis' (known: kinshasa, narian-mar)",
        "line 5, column skills: unknown skill 'kazoo'; unknown skill 'banjo'",
        "line 6, column languages: 'fr' needs a language and a level, e.g. 'fr:native' "
        "(levels: native, fluent, working, basic)",
        "line 7, column country: 'Narnia' is not a country name or ISO code",
        "line 7, column languages: unknown language 'xx'",
        "line 8, column website: 'not a site': Enter a valid URL.",
        "line 9, column email: give an email or an external id, so that this person is recognised next time",
        "line 9, column home_hub: unknown hub 'nowhere' (known: kinshasa, narian-mar)",
        "line 11, column external_id: Tao Ken, who has the email 'taken@example.org', "
        "has another external id: 'T-1'",
    ]
    assert preview.bad_lines == [2, 3, 4, 5, 6, 7, 8, 9, 11]
    with pytest.raises(ImportRefused):
        PeopleImporter().commit(preview, actor=None)
    assert counts() == before


def test_people_reimport_updates_instead_of_duplicating_and_skips_unchanged_rows(vocabulary):
    ines = PersonFactory(
        external_id="MIMI-001", email="ines@example.cd", given_name="Inès", family_name="Mbuyi"
    )
    PersonLanguageFactory(person=ines, language="fr", level="native")
    anna = PersonFactory(email="Anna@Example.ru", given_name="Анна", family_name="Ледкова")
    same = PersonFactory(email="same@example.org", given_name="Same", family_name="Person", phone="12")
    header = ["external_id", "email", "given_name", "family_name", "phone", "languages"]
    rows = [
        header,
        ["MIMI-001", "ines@example.cd", "Inès", "Mbuyi", "+243 81", "fr:native; ln:fluent"],
        ["NOR-7", "anna@example.ru", "Анна", "Ледкова", "", ""],
        ["", "SAME@example.org", "Same", "Person", "12", ""],
    ]
    preview = preview_of(rows)
    assert preview.problems == []
    assert [(row.line, row.instance, row.changes) for row in preview.to_update] == [
        (2, ines, (Change("phone", "", "+243 81"), Change("languages", "fr:native", "fr:native; ln:fluent"))),
        (3, anna, (Change("external_id", "", "NOR-7"),)),
    ]
    assert [(row.line, row.instance) for row in preview.unchanged] == [(4, same)]
    before = Person.objects.count()
    entries = AuditEntry.objects.count()
    entry = PeopleImporter().commit(preview, actor=None)

    assert Person.objects.count() == before
    assert entry.changes["updated"] == [None, 2] and entry.changes["unchanged"] == [None, 1]
    new_actions = list(
        AuditEntry.objects.filter(pk__gt=entries).order_by("pk").values_list("action", "object_id")
    )
    assert new_actions == [
        ("person.updated", str(ines.pk)),
        ("person.languages_changed", str(ines.pk)),
        ("person.updated", str(anna.pk)),
        ("import.committed", ""),
    ]
    anna.refresh_from_db()
    assert (anna.external_id, anna.email) == ("NOR-7", "Anna@Example.ru")
    assert AuditEntry.objects.for_object(same).count() == 0
    assert preview_of(rows).has_changes is False


def test_people_import_refuses_keys_given_twice_in_one_file(vocabulary):
    known = PersonFactory(external_id="K-1", email="known@example.org")
    header = ["external_id", "email", "given_name", "family_name"]
    preview = preview_of(
        [
            header,
            ["A-1", "ines@example.cd", "Inès", "Mbuyi"],
            ["A-2", "anna@example.ru", "Анна", "Ледкова"],
            ["A-3", "INES@example.cd", "Inès", "Mbuyi"],
            ["A-2", "other@example.org", "Other", "One"],
            ["K-1", "", "Known", "One"],
            ["", "known@example.org", "Known", "One"],
        ]
    )
    assert [str(problem) for problem in preview.problems] == [
        "line 4, column email: 'INES@example.cd' is also on line 2; give each one once",
        "line 5, column external_id: 'A-2' is also on line 3; give each one once",
        f"line 7, column email: {known} is also on line 6; give each person once",
    ]


def test_people_import_refuses_an_email_of_someone_else(vocabulary):
    PersonFactory(external_id="K-1", email="k1@example.org", given_name="Kim", family_name="One")
    PersonFactory(email="k2@example.org", given_name="Kai", family_name="Two")
    preview = preview_of([["external_id", "email"], ["K-1", "k2@example.org"]])
    assert [str(problem) for problem in preview.problems] == [
        "line 2, column email: 'k2@example.org' is the email of Kai Two, not of Kim One (external id 'K-1')"
    ]


def test_people_import_reads_french_and_russian_headers(vocabulary):
    preview = preview_of(
        [
            ["Courriel", "Prénom", "Nom", "Pôle", "Pays", "Langues", "Compétences", "Remarques"],
            [
                "helene@example.fr",
                "Hélène",
                "Barbé",
                "kinshasa",
                "France",
                "fr:native",
                "Guitare",
                "à rappeler",
            ],
        ]
    )
    assert (preview.problems, preview.ignored_columns) == ([], ["Remarques"])
    assert preview.to_create[0].changes == (
        Change("Courriel", "", "helene@example.fr"),
        Change("Prénom", "", "Hélène"),
        Change("Nom", "", "Barbé"),
        Change("Pôle", "", "Kinshasa"),
        Change("Pays", "", "FR"),
        Change("Langues", "", "fr:native"),
        Change("Compétences", "", "Guitar"),
    )
    russian = preview_of(
        [
            ["Электронная почта", "Имя", "Фамилия", "Страна", "Навыки"],
            ["anna@example.ru", "Анна", "Ледкова", "Россия", "Звукорежиссура"],
        ]
    )
    assert (
        russian.problems,
        russian.to_create[0].data["country"],
        russian.to_create[0].data["skills"][0].slug,
    ) == (
        [],
        "RU",
        "sound-mixing",
    )


def test_people_import_reads_russian_names_in_windows_1251(vocabulary):
    preview = preview_of(
        [["Имя", "Фамилия", "Почта"], ["Анна", "Хатанзейская", "anna@example.ru"]],
        encoding="cp1251",
        delimiter=";",
    )
    PeopleImporter().commit(preview, actor=None)
    assert Person.objects.get().full_name == "Анна Хатанзейская"


def test_people_import_refuses_a_header_without_identifier_or_with_a_column_twice(vocabulary):
    no_key = preview_of([["given_name", "family_name"], ["Inès", "Mbuyi"]])
    assert [str(p) for p in no_key.problems] == [
        "line 1: the file needs one of these columns: external_id, email"
    ]
    twice = preview_of([["email", "Courriel"], ["a@example.org", "b@example.org"]])
    assert [str(p) for p in twice.problems] == [
        "line 1, column Courriel: the same column as 'email'; keep only one"
    ]


def test_people_import_writes_nothing_when_the_domain_refuses_a_row_at_commit(vocabulary):
    preview = preview_of([HEADER, INES, ANNA])
    # Someone else took Anna's email between the preview and the commit.
    PersonFactory(email="anna@example.ru")
    before = counts()
    with pytest.raises(ImportRefused) as caught:
        PeopleImporter().commit(preview, actor=None)
    assert [str(p) for p in caught.value.preview.problems] == [
        "line 3, column email: Someone already has this email."
    ]
    assert counts() == before


def test_people_export_imports_again_unchanged(vocabulary):
    ines = PersonFactory(
        external_id="MIMI-001",
        email="ines@example.cd",
        country="CD",
        website="https://ines.example",
        phone="+243",
    )
    PersonLanguageFactory(person=ines, language="ln", level="fluent")
    ines.skills.add(*SkillFactory._meta.model.objects.all())
    PersonFactory(email=None, external_id="NOR-2", native_name="Анна")
    for identifier in ("people.csv", "people.xlsx"):
        data = registry.get(identifier).render(Person.objects.all())
        preview = PeopleImporter().preview(read_table(data, filename=identifier), filename=identifier)
        assert (preview.problems, preview.ignored_columns, len(preview.unchanged), preview.has_changes) == (
            [],
            [],
            2,
            False,
        )


def test_people_preview_query_count_does_not_grow_with_rows(vocabulary, django_assert_num_queries):
    people = PersonFactory.create_batch(30)
    for person in people:
        PersonLanguageFactory(person=person)
    rows = [[p.email, p.given_name, "New family", "fr:native; en:basic", "guitar"] for p in people]
    header = ["email", "given_name", "family_name", "languages", "skills"]
    with django_assert_num_queries(5):
        small = preview_of([header, *rows[:3]])
    with django_assert_num_queries(5):
        large = preview_of([header, *rows])
    assert (len(small.to_update), len(large.to_update)) == (3, 30)


def test_people_examples_of_the_documentation_import_cleanly(vocabulary):
    docs = (Path(__file__).parents[3] / "docs" / "spreadsheets.md").read_text()
    examples = [
        block
        for block in re.findall(r"```csv\n(.*?)```", docs, re.S)
        if "given_name" in block or "Prénom" in block
    ]
    previews = [
        PeopleImporter().preview(read_table(example.encode(), filename="example.csv"), filename="example.csv")
        for example in examples
    ]
    assert [(preview.problems, len(preview.to_create)) for preview in previews] == [([], 2), ([], 1)]
