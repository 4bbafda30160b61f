import datetime

import pytest
from django.core.exceptions import ValidationError

from tissage.calls.domain.calls import (
    call_create,
    call_delete,
    call_update,
    criterion_create,
    criterion_delete,
    criterion_update,
    question_create,
    question_delete,
    question_update,
)
from tissage.calls.models import Call, Criterion, Question
from tissage.core.models import AuditEntry

from ...factories import ApplicationFactory, CallFactory, ProgrammeFactory, ReviewFactory, SessionFactory

OPENS = datetime.datetime(2027, 1, 10, 9, 0, tzinfo=datetime.UTC)


def call_data(programme, **fields) -> dict:
    return {
        "programme": programme,
        "kind": "trainees",
        "title": {"en": "Trainees for Mimi-Sud", "fr": "Stagiaires pour Mimi-Sud"},
        "opens_at": OPENS,
        "closes_at": OPENS + datetime.timedelta(days=45),
        **fields,
    }


@pytest.mark.django_db
def test_call_create_makes_the_short_name_from_the_title_and_records_it():
    programme = ProgrammeFactory()
    call = call_create(actor=None, data=call_data(programme))
    assert (call.slug, call.accepted_types, call.max_upload_mb) == (
        "trainees-for-mimi-sud",
        ["pdf", "jpg", "png", "mp3"],
        10,
    )
    assert AuditEntry.objects.for_object(programme).get().action == "call.created"


@pytest.mark.django_db
def test_call_create_refuses_a_call_closing_before_it_opens_and_a_session_of_another_programme():
    programme = ProgrammeFactory()
    with pytest.raises(ValidationError) as caught:
        call_create(actor=None, data=call_data(programme, closes_at=OPENS, session=SessionFactory()))
    assert sorted(caught.value.message_dict) == ["__all__", "session"]
    assert Call.objects.count() == 0


@pytest.mark.django_db
def test_call_update_records_the_change():
    call = CallFactory()
    assert call_update(actor=None, call=call, data={"blind_review": True}) == {"blind_review": [False, True]}


@pytest.mark.django_db
def test_call_delete_refuses_a_call_people_applied_to():
    call = ApplicationFactory().call
    with pytest.raises(ValidationError):
        call_delete(actor=None, call=call)
    empty = CallFactory()
    call_delete(actor=None, call=empty)
    assert list(Call.objects.all()) == [call]


@pytest.mark.django_db
def test_questions_and_criteria_come_in_order():
    call = CallFactory()
    first = question_create(actor=None, call=call, data={"label": {"en": "Why?"}, "kind": "long_text"})
    second = question_create(actor=None, call=call, data={"label": {"en": "Since when?"}, "kind": "date"})
    criterion = criterion_create(actor=None, call=call, data={"name": {"en": "Listening"}, "scale": 4})
    assert ([q.position for q in (first, second)], criterion.position) == ([1, 2], 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("choices", "error"),
    [
        ({"en": "Only one"}, "Give at least two choices, one per line."),
        (
            {"en": "Guitar\nVoice", "fr": "Guitare\nVoix\nPercussions"},
            "Give the same number of choices in every language.",
        ),
    ],
)
def test_question_create_checks_the_choices(choices, error):
    call = CallFactory()
    with pytest.raises(ValidationError) as caught:
        question_create(
            actor=None, call=call, data={"label": {"en": "Instrument"}, "kind": "choice", "choices": choices}
        )
    assert caught.value.message_dict == {"choices": [error]}
    assert Question.objects.count() == 0


@pytest.mark.django_db
def test_a_form_people_answered_keeps_its_questions_and_their_kinds():
    call = ApplicationFactory().call
    question = question_create(actor=None, call=call, data={"label": {"en": "Why?"}, "kind": "text"})
    with pytest.raises(ValidationError):
        question_update(actor=None, question=question, data={"kind": "number"})
    with pytest.raises(ValidationError):
        question_delete(actor=None, question=question)
    assert question_update(actor=None, question=question, data={"required": False}) == {
        "required": [True, False]
    }


@pytest.mark.django_db
def test_a_scale_reviewers_used_stays():
    review = ReviewFactory()
    criterion = criterion_create(actor=None, call=review.application.call, data={"name": {"en": "Listening"}})
    with pytest.raises(ValidationError) as caught:
        criterion_update(actor=None, criterion=criterion, data={"scale": 10})
    assert list(caught.value.message_dict) == ["scale"]
    with pytest.raises(ValidationError):
        criterion_delete(actor=None, criterion=criterion)
    assert Criterion.objects.count() == 1


@pytest.mark.django_db
def test_questions_and_criteria_of_a_call_nobody_applied_to_can_go():
    call = CallFactory()
    question = question_create(actor=None, call=call, data={"label": {"en": "Why?"}})
    criterion = criterion_create(actor=None, call=call, data={"name": {"en": "Listening"}})
    question_delete(actor=None, question=question)
    criterion_delete(actor=None, criterion=criterion)
    assert (Question.objects.count(), Criterion.objects.count()) == (0, 0)
