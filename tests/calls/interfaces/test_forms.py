import datetime

from django import forms
from django.utils import translation

from tissage.calls.interfaces.forms import ApplicationForm, DecisionForm, ReviewForm, question_field
from tissage.people.domain.privacy import person_data

from ...factories import ApplicationFactory, PersonFactory
from ..conftest import upload


def test_application_form_asks_each_question_in_the_readers_language(call):
    with translation.override("fr"):
        form = ApplicationForm(call=call)
        choice = form.fields[f"question_{call.questions.get(position=2).pk}"]
        assert choice.choices == [("1", "Analogique"), ("2", "Numérique"), ("3", "Les deux")]
        assert form.initial["language"] == "fr"
    form = ApplicationForm(call=call)
    kinds = [type(form.fields[f"question_{q.pk}"]).__name__ for q in call.questions.all()]
    assert kinds == ["CharField", "ChoiceField", "CheckedFileField", "DecimalField"]
    assert (
        form.fields[f"question_{call.questions.get(position=3).pk}"].help_text == ".pdf, .mp3; 1 MB at most."
    )


def test_question_fields_cover_every_kind(call):
    question = call.questions.get(position=1)
    expected = {
        "text": forms.CharField,
        "multiple_choice": forms.MultipleChoiceField,
        "date": forms.DateField,
        "url": forms.URLField,
    }
    for kind, field_class in expected.items():
        question.kind = kind
        assert isinstance(question_field(question, call), field_class)


def test_application_form_checks_the_file_before_anything_is_saved(call):
    file_field = f"question_{call.questions.get(position=3).pk}"
    data = {
        "given_name": "Ksenia",
        "family_name": "Orlova",
        "email": "ksenia@example.ru",
        "language": "ru",
        f"question_{call.questions.get(position=1).pk}": "Because.",
        f"question_{call.questions.get(position=2).pk}": "1",
        "consent": "on",
    }
    form = ApplicationForm(data, {file_field: upload("cv.pdf", b"GIF89a not a pdf")}, call=call)
    assert form.errors == {file_field: ["Send a file of one of these types: .pdf, .mp3."]}
    good = ApplicationForm(data, {file_field: upload()}, call=call)
    assert good.is_valid(), good.errors
    assert list(good.files_by_question()) == [call.questions.get(position=3).pk]
    assert good.identity()["consent"] is True


def test_review_form_needs_every_score_unless_a_conflict_is_declared(call):
    criteria = list(call.criteria.all())
    assert ReviewForm({}, criteria=criteria).errors == {
        f"criterion_{c.pk}": ["Give a score, or declare a conflict of interest."] for c in criteria
    }
    assert ReviewForm({"conflict_of_interest": "on"}, criteria=criteria).is_valid()
    assert [n for n, _ in ReviewForm(criteria=criteria).fields[f"criterion_{criteria[1].pk}"].choices] == [
        "",
        *range(1, 11),
    ]


def test_decision_form_offers_what_can_follow_the_state(call):
    assert [
        v for v, _l in DecisionForm(application=ApplicationFactory(call=call)).fields["outcome"].choices
    ] == [
        "accepted",
        "waiting_list",
        "declined",
    ]
    waiting = ApplicationFactory(call=call, state="waiting_list")
    assert [v for v, _l in DecisionForm(application=waiting).fields["outcome"].choices] == [
        "accepted",
        "declined",
    ]


def test_call_phase_follows_its_dates(call):
    assert call.phase() == "open"
    assert call.phase(call.opens_at - datetime.timedelta(seconds=1)) == "upcoming"
    assert call.phase(call.closes_at) == "closed"


def test_a_persons_data_copy_holds_their_applications_before_and_after_the_decision(call):
    person = PersonFactory(email="ksenia@example.ru")
    ApplicationFactory(call=call, email="KSENIA@example.ru", reference="K7M2Q9XZ")
    ApplicationFactory(person=person, email="old@example.ru", reference="OLD00001")
    assert sorted(a["reference"] for a in person_data(person)["applications"]) == ["K7M2Q9XZ", "OLD00001"]
