import datetime

import pytest
from django.urls import reverse

from tissage.calls.models import Call, Criterion, Question
from tissage.core.models import AuditEntry

from ..calls.conftest import sound_call
from ..factories import (
    ApplicationFactory,
    CallFactory,
    HubFactory,
    ReviewFactory,
    SessionFactory,
    UserFactory,
)
from .access import anonymous_outcomes, sent_to_login, statuses

LIST_QUERIES = 9
DETAIL_QUERIES = 16


@pytest.fixture
def call(db):
    return sound_call(HubFactory(slug="narian-mar", timezone="Europe/Moscow", name={"en": "Narian-Mar"}))


@pytest.fixture
def reviewer_client(client, call):
    """A reviewer of the call who is not staff."""
    user = UserFactory(username="olga")
    call.reviewers.add(user)
    client.force_login(user)
    return client


def call_urls(call) -> list[str]:
    question, criterion = call.questions.first(), call.criteria.first()
    return [
        reverse("orga:call-list"),
        reverse("orga:call-create"),
        reverse("orga:call-detail", args=[call.slug]),
        reverse("orga:call-update", args=[call.slug]),
        reverse("orga:call-delete", args=[call.slug]),
        reverse("orga:call-question-add", args=[call.slug]),
        reverse("orga:call-criterion-add", args=[call.slug]),
        reverse("orga:question-update", args=[question.pk]),
        reverse("orga:question-delete", args=[question.pk]),
        reverse("orga:criterion-update", args=[criterion.pk]),
        reverse("orga:criterion-delete", args=[criterion.pk]),
    ]


def test_call_pages_send_anonymous_visitors_to_login(client, call):
    urls = call_urls(call)
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)


def test_call_pages_are_forbidden_to_non_staff(member_client, call):
    assert set(statuses(member_client, call_urls(call)).values()) == {403}


def test_a_reviewer_sees_the_calls_they_review_and_changes_nothing(reviewer_client, call):
    other = CallFactory(title={"en": "Trainees for Mimi-Sud"})
    response = reviewer_client.get(reverse("orga:call-list"))
    assert [c.slug for c in response.context["object_list"]] == [call.slug]
    assert reviewer_client.get(reverse("orga:call-detail", args=[call.slug])).status_code == 200
    assert reviewer_client.get(reverse("orga:call-detail", args=[other.slug])).status_code == 403
    urls = call_urls(call)
    assert set(statuses(reviewer_client, [u for u in urls if u not in urls[:1] + urls[2:3]]).values()) == {
        403
    }


def test_call_list_shows_each_calls_deadline_in_its_hubs_time_and_its_counts(staff_client, call):
    call.closes_at = datetime.datetime(2027, 3, 1, 20, 59, tzinfo=datetime.UTC)
    call.save()
    ApplicationFactory(call=call)
    ApplicationFactory(call=call, state="declined")
    response = staff_client.get(reverse("orga:call-list"))
    [row] = response.context["object_list"]
    assert (row.application_count, row.undecided_count) == (2, 1)
    assert "March 1, 2027, 11:59 p.m." in response.content.decode()


def test_call_list_query_count_does_not_grow_with_calls(staff_client, django_assert_max_num_queries):
    CallFactory()
    with django_assert_max_num_queries(LIST_QUERIES):
        assert staff_client.get(reverse("orga:call-list")).status_code == 200
    for _ in range(10):
        ApplicationFactory(call=CallFactory())
    with django_assert_max_num_queries(LIST_QUERIES):
        response = staff_client.get(reverse("orga:call-list"), {"kind": "artists"})
    assert len(response.context["object_list"]) == 11


def test_call_detail_ranks_the_applications_for_staff(staff_client, call):
    best = ApplicationFactory(call=call, given_name="Ksenia", family_name="Orlova")
    ApplicationFactory(call=call, given_name="Ivan", family_name="Petrov")
    ReviewFactory(application=best, scores={str(c.pk): c.scale for c in call.criteria.all()})
    response = staff_client.get(reverse("orga:call-detail", args=[call.slug]))
    assert response.status_code == 200
    assert [(r.rank, r.application.full_name) for r in response.context["ranking"]] == [
        (1, "Ksenia Orlova"),
        (None, "Ivan Petrov"),
    ]
    page = response.content.decode()
    assert "applications.csv" in page
    assert "Why Narian-Mar?" in page


def test_call_detail_under_blind_review_hides_names_from_reviewers(reviewer_client, call):
    call.blind_review = True
    call.save()
    application = ApplicationFactory(
        call=call, given_name="Ksenia", family_name="Orlova", reference="K7M2Q9XZ"
    )
    response = reviewer_client.get(reverse("orga:call-detail", args=[call.slug]))
    page = response.content.decode()
    assert "Orlova" not in page
    assert "Application K7M2Q9XZ" in page
    assert "applications.csv" not in page
    assert response.context["ranking"][0].application == application


def test_call_detail_query_count_does_not_grow_with_applications(
    staff_client, call, django_assert_max_num_queries
):
    ReviewFactory(application=ApplicationFactory(call=call))
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert staff_client.get(reverse("orga:call-detail", args=[call.slug])).status_code == 200
    for _ in range(10):
        ReviewFactory(application=ApplicationFactory(call=call))
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert staff_client.get(reverse("orga:call-detail", args=[call.slug])).status_code == 200


def call_post(session, **fields) -> dict:
    return {
        "programme": session.programme_id,
        "session": session.pk,
        "kind": "trainees",
        "title_0": "Stagiaires pour Mimi-Sud",
        "title_1": "Trainees for Mimi-Sud",
        "title_2": "",
        "slug": "",
        "opens_at": "2027-01-10T09:00",
        "closes_at": "2027-03-01T23:59",
        "max_upload_mb": "10",
        "accepted_types": ["pdf", "mp3"],
        **fields,
    }


def test_call_create_reads_the_times_in_the_sessions_hub_time(staff_client):
    session = SessionFactory(hub__timezone="Africa/Kinshasa")
    response = staff_client.post(reverse("orga:call-create"), call_post(session))
    call = Call.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("orga:call-detail", args=["trainees-for-mimi-sud"])
    # Kinshasa is at UTC+1.
    assert (call.opens_at, call.closes_at) == (
        datetime.datetime(2027, 1, 10, 8, 0, tzinfo=datetime.UTC),
        datetime.datetime(2027, 3, 1, 22, 59, tzinfo=datetime.UTC),
    )
    assert call.accepted_types == ["pdf", "mp3"]
    assert AuditEntry.objects.filter(action="call.created").count() == 1


def test_call_update_shows_and_keeps_the_hubs_time(staff_client, call):
    url = reverse("orga:call-update", args=[call.slug])
    call.closes_at = datetime.datetime(2027, 3, 1, 20, 59, tzinfo=datetime.UTC)
    call.save()
    assert 'value="2027-03-01T23:59"' in staff_client.get(url).content.decode()


def test_call_create_with_bad_input_shows_errors_and_writes_nothing(staff_client):
    session = SessionFactory()
    response = staff_client.post(
        reverse("orga:call-create"), call_post(session, closes_at="2027-01-01T00:00", accepted_types=["exe"])
    )
    assert response.status_code == 200
    assert "accepted_types" in response.context["form"].errors
    assert Call.objects.count() == 0


def test_call_with_applications_cannot_be_deleted(staff_client, call):
    ApplicationFactory(call=call)
    response = staff_client.post(reverse("orga:call-delete", args=[call.slug]))
    assert response.status_code == 200
    assert Call.objects.count() == 1


def test_question_and_criterion_forms_add_to_the_call(staff_client):
    call = CallFactory()
    response = staff_client.post(
        reverse("orga:call-question-add", args=[call.slug]),
        {
            "label_1": "Your instrument",
            "kind": "choice",
            "required": "on",
            "choices_1": "Guitar\nVoice",
            "position": "1",
        },
    )
    assert response["Location"] == call.get_absolute_url()
    assert Question.objects.get().choice_list() == [("1", "Guitar"), ("2", "Voice")]
    staff_client.post(
        reverse("orga:call-criterion-add", args=[call.slug]),
        {"name_1": "Listening", "weight": "1.5", "scale": "5", "position": "1"},
    )
    assert str(Criterion.objects.get().weight) == "1.50"


def test_question_form_refuses_a_choice_without_choices(staff_client):
    call = CallFactory()
    response = staff_client.post(
        reverse("orga:call-question-add", args=[call.slug]),
        {"label_1": "Your instrument", "kind": "choice", "position": "1"},
    )
    assert response.context["form"].errors == {"choices": ["Give at least two choices, one per line."]}
    assert Question.objects.count() == 0
