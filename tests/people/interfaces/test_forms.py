import pytest

from tissage.people.enums import SkillCategory
from tissage.people.interfaces.forms import PersonForm, person_language_formset, skill_choices

from ...factories import PersonFactory, PersonLanguageFactory, SkillFactory


def language_rows(*rows, initial=0, remove=()):
    data = {"languages-TOTAL_FORMS": str(len(rows)), "languages-INITIAL_FORMS": str(initial)}
    for index, (language, level) in enumerate(rows):
        data[f"languages-{index}-language"] = language
        data[f"languages-{index}-level"] = level
        if index in remove:
            data[f"languages-{index}-DELETE"] = "on"
    return data


def test_language_formset_offers_three_empty_rows_to_a_new_person():
    formset = person_language_formset(person=None)
    assert len(formset.forms) == 3


@pytest.mark.django_db
def test_language_formset_shows_a_persons_languages_then_three_empty_rows():
    person = PersonFactory()
    PersonLanguageFactory(person=person, language="ru", level="native")
    formset = person_language_formset(person=person)
    assert [form.initial for form in formset.forms] == [{"language": "ru", "level": "native"}, {}, {}, {}]


def test_language_formset_keeps_filled_rows_and_ignores_empty_and_removed_ones():
    data = language_rows(
        ("ru", "native"), ("en", "basic"), ("", ""), ("yrk", "fluent"), initial=2, remove={1}
    )
    formset = person_language_formset(person=None, data=data)
    assert formset.is_valid()
    assert formset.languages() == [("ru", "native"), ("yrk", "fluent")]


def test_language_formset_refuses_a_language_twice():
    formset = person_language_formset(person=None, data=language_rows(("fr", "native"), ("fr", "basic")))
    assert not formset.is_valid()
    assert formset.non_form_errors() == ["French is given twice: keep one row per language."]


def test_language_formset_wants_a_level_with_each_language_and_a_language_with_each_level():
    formset = person_language_formset(person=None, data=language_rows(("fr", ""), ("", "basic")))
    assert not formset.is_valid()
    assert formset.errors == [
        {"level": ["Give the level in this language."]},
        {"language": ["Choose the language of this level."]},
    ]


@pytest.mark.django_db
def test_skill_choices_are_grouped_by_category_in_the_categories_order():
    SkillFactory(slug="sound-mixing", name={"en": "Sound mixing"}, category=SkillCategory.SOUND)
    SkillFactory(slug="violin", name={"en": "Violin"}, category=SkillCategory.INSTRUMENT)
    SkillFactory(slug="accordion", name={"en": "Accordion"}, category=SkillCategory.INSTRUMENT)
    assert skill_choices(key="slug") == [
        ("Instrument", [("accordion", "Accordion"), ("violin", "Violin")]),
        ("Sound", [("sound-mixing", "Sound mixing")]),
    ]


@pytest.mark.django_db
def test_person_form_shows_a_taken_email_on_the_email_field():
    PersonFactory(email="ines@example.cd")
    form = PersonForm(data={"given_name": "Ines", "family_name": "M", "email": "INES@example.cd"})
    assert form.errors == {"email": ["Someone already has this email."]}
