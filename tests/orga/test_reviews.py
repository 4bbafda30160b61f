import pytest
from django.core import mail
from django.urls import reverse

from tissage.calls.models import Application, Decision, Review
from tissage.people.models import Person

from ..calls.conftest import sound_call, upload
from ..factories import ApplicationFactory, CallFactory, HubFactory, ReviewFactory, StaffFactory, UserFactory
from .access import anonymous_outcomes, sent_to_login, statuses

DETAIL_QUERIES = 22


@pytest.fixture
def call(db):
    return sound_call(HubFactory(slug="narian-mar", timezone="Europe/Moscow", name={"en": "Narian-Mar"}))


@pytest.fixture
def application(call):
    application = ApplicationFactory(
        call=call,
        given_name="Ksenia",
        family_name="Orlova",
        email="ksenia@example.ru",
        language="ru",
        languages=[["ru", "native"]],
        answers={str(call.questions.get(position=2).pk): "3"},
    )
    application.files.create(
        question=call.questions.get(position=3),
        file=upload(),
        name="cv.pdf",
        size=40,
        content_type="application/pdf",
    )
    return application


@pytest.fixture
def reviewer(call):
    user = UserFactory(username="olga", email="olga@example.ru")
    call.reviewers.add(user)
    return user


def review_post(call, *scores, **fields) -> dict:
    data = {f"criterion_{c.pk}": str(s) for c, s in zip(call.criteria.all(), scores, strict=False)}
    return {"comment": "", **data, **fields}


def urls(application) -> list[str]:
    return [
        reverse("orga:application-detail", args=[application.pk]),
        reverse("orga:application-file", args=[application.files.get().pk]),
    ]


def post_urls(application) -> list[str]:
    return [
        reverse("orga:application-review", args=[application.pk]),
        reverse("orga:application-decide", args=[application.pk]),
    ]


def test_application_pages_send_anonymous_visitors_to_login(client, application):
    assert anonymous_outcomes(client, urls(application)) == sent_to_login(urls(application))
    assert anonymous_outcomes(client, post_urls(application), "post") == sent_to_login(post_urls(application))


def test_application_pages_are_forbidden_to_non_staff_who_do_not_review_the_call(member_client, application):
    assert set(statuses(member_client, urls(application)).values()) == {403}
    assert set(statuses(member_client, post_urls(application), "post").values()) == {403}
    assert (Review.objects.count(), Decision.objects.count()) == (0, 0)


def test_application_page_shows_the_answers_as_chosen_and_the_files(staff_client, application):
    response = staff_client.get(reverse("orga:application-detail", args=[application.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Both" in page
    assert reverse("orga:application-file", args=[application.files.get().pk]) in page
    assert "ksenia@example.ru" in page
    assert response.context["spoken"] == [("Russian", "native")]


def test_application_file_downloads_for_staff(staff_client, application):
    response = staff_client.get(reverse("orga:application-file", args=[application.files.get().pk]))
    assert (response.status_code, response["Content-Disposition"]) == (200, 'attachment; filename="cv.pdf"')


def test_application_page_query_count_does_not_grow_with_reviews(
    staff_client, application, django_assert_max_num_queries
):
    url = reverse("orga:application-detail", args=[application.pk])
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert staff_client.get(url).status_code == 200
    for _ in range(6):
        ReviewFactory(application=application, scores={str(c.pk): 2 for c in application.call.criteria.all()})
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert staff_client.get(url).status_code == 200


def test_reviewer_reviews_an_application_of_their_call(client, application, reviewer):
    client.force_login(reviewer)
    call = application.call
    response = client.post(
        reverse("orga:application-review", args=[application.pk]), review_post(call, 4, 8, comment="Strong.")
    )
    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.reviewer, sorted(review.scores.values()), review.comment) == (reviewer, [4, 8], "Strong.")
    page = client.get(reverse("orga:application-detail", args=[application.pk]))
    assert page.context["my_review"] == review


def test_reviewer_who_forgets_a_score_sees_the_error_and_nothing_is_written(client, application, reviewer):
    client.force_login(reviewer)
    call = application.call
    response = client.post(reverse("orga:application-review", args=[application.pk]), review_post(call, 4))
    assert response.status_code == 200
    motivation = call.criteria.get(position=2)
    assert response.context["review_form"].errors == {
        f"criterion_{motivation.pk}": ["Give a score, or declare a conflict of interest."]
    }
    assert Review.objects.count() == 0


def test_reviewer_with_a_conflict_of_interest_declares_it_without_scores(client, application, reviewer):
    client.force_login(reviewer)
    client.post(
        reverse("orga:application-review", args=[application.pk]),
        review_post(application.call, conflict_of_interest="on", comment="My student."),
    )
    review = Review.objects.get()
    assert (review.conflict_of_interest, review.scores) == (True, {})


def test_reviewer_cannot_review_their_own_application(client, call, reviewer):
    own = ApplicationFactory(call=call, email="olga@example.ru")
    client.force_login(reviewer)
    response = client.post(reverse("orga:application-review", args=[own.pk]), review_post(call, 5, 10))
    assert response.context["review_form"].non_field_errors() == [
        "This is your own application: you cannot review it."
    ]
    assert Review.objects.count() == 0


def test_reviewer_cannot_decide_nor_see_another_calls_applications(client, application, reviewer):
    client.force_login(reviewer)
    other = ApplicationFactory(call=CallFactory())
    assert (
        client.post(
            reverse("orga:application-decide", args=[application.pk]), {"outcome": "accepted"}
        ).status_code
        == 403
    )
    assert client.get(reverse("orga:application-detail", args=[other.pk])).status_code == 403
    assert client.get(reverse("orga:application-file", args=[application.files.get().pk])).status_code == 200


def test_blind_review_hides_the_applicant_from_reviewers_only(client, application, reviewer):
    application.call.blind_review = True
    application.call.save()
    client.force_login(reviewer)
    page = client.get(reverse("orga:application-detail", args=[application.pk]))
    text = page.content.decode()
    assert ("Orlova" in text, "ksenia@example.ru" in text, page.context["audit_entries"]) == (
        False,
        False,
        [],
    )
    client.force_login(StaffFactory())
    assert "Orlova" in client.get(reverse("orga:application-detail", args=[application.pk])).content.decode()


def test_staff_accepts_and_the_applicant_is_told_in_russian(staff_client, application):
    response = staff_client.post(
        reverse("orga:application-decide", args=[application.pk]),
        {"outcome": "accepted", "note": "Добро пожаловать!"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.state, application.person, application.participation.status) == (
        "accepted",
        Person.objects.get(email="ksenia@example.ru"),
        "invited",
    )
    [email] = mail.outbox
    assert "Добро пожаловать!" in email.body
    assert "/ru/portal/sign-in/" in email.body


def test_staff_decision_with_no_outcome_writes_nothing(staff_client, application):
    response = staff_client.post(
        reverse("orga:application-decide", args=[application.pk]), {"outcome": "hired"}
    )
    assert response.status_code == 200
    assert list(response.context["decision_form"].errors) == ["outcome"]
    assert (Decision.objects.count(), Application.objects.get().state) == (0, "submitted")
