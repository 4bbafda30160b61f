import pytest

from tissage.core.domain.imports import RowRefused, RowWrite
from tissage.core.models import AuditEntry
from tissage.people.domain.imports import people_import
from tissage.people.models import Person

from ...factories import PersonFactory, PersonLanguageFactory, StaffFactory


@pytest.mark.django_db
def test_people_import_creates_and_updates_in_one_audited_transaction():
    staff = StaffFactory(username="ines")
    anna = PersonFactory(given_name="Anna", family_name="Ledkova", phone="")
    PersonLanguageFactory(person=anna, language="ru", level="native")
    entry = people_import(
        actor=staff,
        filename="people.xlsx",
        writes=[
            RowWrite(
                2, None, {"given_name": "Inès", "family_name": "Mbuyi", "languages": [("fr", "native")]}
            ),
            RowWrite(3, anna, {"phone": "+7 818", "languages": [("ru", "native"), ("yrk", "working")]}),
        ],
        unchanged=4,
    )
    ines = Person.objects.get(given_name="Inès")
    assert list(ines.languages.values_list("language", "level")) == [("fr", "native")]
    anna.refresh_from_db()
    assert anna.phone == "+7 818"
    assert sorted(anna.languages.values_list("language", flat=True)) == ["ru", "yrk"]
    assert (entry.action, entry.actor_name, entry.changes) == (
        "import.committed",
        "ines",
        {
            "file": [None, "people.xlsx"],
            "kind": [None, "people"],
            "created": [None, 1],
            "updated": [None, 1],
            "unchanged": [None, 4],
        },
    )
    assert [e.action for e in AuditEntry.objects.for_object(anna).order_by("pk")] == [
        "person.updated",
        "person.languages_changed",
        "import.committed",
    ]


@pytest.mark.django_db
def test_people_import_refused_row_rolls_everything_back_and_names_its_line():
    PersonFactory(email="taken@example.org")
    before = (Person.objects.count(), AuditEntry.objects.count())
    with pytest.raises(RowRefused) as caught:
        people_import(
            actor=None,
            filename="people.csv",
            writes=[
                RowWrite(2, None, {"given_name": "Inès", "family_name": "Mbuyi"}),
                RowWrite(5, None, {"given_name": "Ta", "family_name": "Ken", "email": "TAKEN@example.org"}),
            ],
        )
    assert (caught.value.line, caught.value.message_dict) == (
        5,
        {"email": ["Someone already has this email."]},
    )
    assert (Person.objects.count(), AuditEntry.objects.count()) == before
