import pytest
from django.core.exceptions import ValidationError

from tissage.calls.domain.reviews import review_submit
from tissage.calls.models import Review
from tissage.core.models import AuditEntry

from ...factories import ApplicationFactory, PersonFactory, StaffFactory, UserFactory


def scores_for(call, *values) -> dict:
    return {c.pk: v for c, v in zip(call.criteria.all(), values, strict=True)}


@pytest.fixture
def reviewer(call):
    user = UserFactory(username="olga", email="olga@example.ru")
    call.reviewers.add(user)
    return user


def test_review_submit_records_the_scores_and_changes_them_later(call, reviewer):
    application = ApplicationFactory(call=call)
    review = review_submit(
        actor=reviewer, application=application, scores=scores_for(call, 4, 9), comment=" Good "
    )
    musicianship, motivation = call.criteria.all()
    assert (review.scores, review.comment) == ({str(musicianship.pk): 4, str(motivation.pk): 9}, "Good")
    review_submit(actor=reviewer, application=application, scores=scores_for(call, 5, 9))
    review.refresh_from_db()
    assert review.scores[str(musicianship.pk)] == 5
    assert list(AuditEntry.objects.for_object(application).values_list("action", flat=True)) == [
        "review.updated",
        "review.scored",
    ]


def test_review_submit_refuses_scores_off_the_scale_each_on_its_criterion(call, reviewer):
    application = ApplicationFactory(call=call)
    musicianship, motivation = call.criteria.all()
    with pytest.raises(ValidationError) as caught:
        review_submit(
            actor=reviewer, application=application, scores={musicianship.pk: 6, motivation.pk: None}
        )
    assert caught.value.message_dict == {
        f"criterion_{musicianship.pk}": ["Give a score from 1 to 5."],
        f"criterion_{motivation.pk}": ["Give a score from 1 to 10."],
    }
    assert Review.objects.count() == 0


def test_review_submit_with_a_conflict_of_interest_keeps_no_scores(call, reviewer):
    application = ApplicationFactory(call=call)
    review = review_submit(
        actor=reviewer,
        application=application,
        scores=scores_for(call, 5, 10),
        comment="She is my cousin.",
        conflict_of_interest=True,
    )
    assert (review.conflict_of_interest, review.scores, review.comment) == (True, {}, "She is my cousin.")


def test_review_submit_refuses_a_reviewers_own_application(call, reviewer):
    application = ApplicationFactory(call=call, email="OLGA@example.ru")
    with pytest.raises(ValidationError) as caught:
        review_submit(actor=reviewer, application=application, scores=scores_for(call, 5, 10))
    assert (caught.value.code, caught.value.messages) == (
        "conflict",
        ["This is your own application: you cannot review it."],
    )
    assert Review.objects.count() == 0


def test_review_submit_recognises_the_reviewers_person_under_another_email(call, reviewer):
    person = PersonFactory(user=reviewer, email="olga.taleeva@example.ru")
    application = ApplicationFactory(call=call, email="olga.taleeva@example.ru")
    with pytest.raises(ValidationError):
        review_submit(actor=reviewer, application=application, scores=scores_for(call, 5, 10))
    decided = ApplicationFactory(call=call, person=person, email="other@example.ru")
    with pytest.raises(ValidationError):
        review_submit(actor=reviewer, application=decided, scores=scores_for(call, 5, 10))


def test_review_submit_is_only_for_the_calls_reviewers(call):
    application = ApplicationFactory(call=call)
    with pytest.raises(ValidationError) as caught:
        review_submit(actor=UserFactory(), application=application, scores=scores_for(call, 3, 3))
    assert caught.value.code == "not_reviewer"


@pytest.mark.parametrize("state", ["accepted", "declined"])
def test_review_submit_is_closed_once_decided(call, reviewer, state):
    application = ApplicationFactory(call=call, state=state)
    with pytest.raises(ValidationError) as caught:
        review_submit(actor=reviewer, application=application, scores=scores_for(call, 3, 3))
    assert caught.value.code == "decided"


def test_staff_record_a_review_a_reviewer_sent_them(call, reviewer):
    application = ApplicationFactory(call=call)
    staff = StaffFactory()
    review = review_submit(
        actor=staff, reviewer=reviewer, application=application, scores=scores_for(call, 3, 7)
    )
    assert review.reviewer == reviewer
    assert AuditEntry.objects.for_object(application).get().actor == staff


def test_a_reviewer_cannot_review_for_another(call, reviewer):
    application = ApplicationFactory(call=call)
    other = UserFactory()
    call.reviewers.add(other)
    with pytest.raises(ValidationError) as caught:
        review_submit(actor=other, reviewer=reviewer, application=application, scores=scores_for(call, 3, 7))
    assert caught.value.code == "not_reviewer"
