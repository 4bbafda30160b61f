import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tissage.calls.domain.applications import question_field_name
from tissage.calls.models import Application
from tissage.outbox.models import Message

from ..calls.conftest import PDF, sound_call, upload
from ..factories import CallFactory, QuestionFactory
from .conftest import public_url
from .html import elements, texts

pytestmark = pytest.mark.django_db

LIST_QUERIES = 3
CALL_QUERIES = 8


@pytest.fixture
def open_call(narian_mar):
    return sound_call(narian_mar)


def call_url(call, language="en"):
    return public_url("call", language, call=call.slug)


def application_post(call, file=None, **overrides) -> dict:
    fields = {q.position: question_field_name(q) for q in call.questions.all()}
    data = {
        "given_name": "Ksenia",
        "family_name": "Orlova",
        "native_name": "Ксения Орлова",
        "email": "ksenia@example.ru",
        "phone": "",
        "city": "Narian-Mar",
        "country": "RU",
        "nationality": "RU",
        "home_hub": "",
        "language": "ru",
        "links": "https://example.ru/live\nhttps://example.ru/studio",
        "languages-TOTAL_FORMS": "2",
        "languages-INITIAL_FORMS": "0",
        "languages-0-language": "ru",
        "languages-0-level": "native",
        "languages-1-language": "",
        "languages-1-level": "",
        fields[1]: "The tundra.",
        fields[2]: "1",
        fields[3]: file if file is not None else upload(),
        fields[4]: "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_call_list_shows_open_calls_then_coming_ones(client, open_call):
    now = timezone.now()
    CallFactory(
        title={"en": "Coming"},
        opens_at=now + datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(days=30),
    )
    CallFactory(
        title={"en": "Closed"},
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
    )
    CallFactory(title={"en": "Draft"}, is_published=False)
    response = client.get(public_url("calls"))
    assert response.status_code == 200
    assert texts(response, "h1") == ["Calls for applications"]
    assert texts(response, "h3") == ["Sound technicians for Mimi-Nor", "Coming"]
    assert [a.attrs["href"] for a in elements(response, "a") if a.text == "Coming"] == [
        f"/en/calls/{CallFactory._meta.model.objects.get(title__contains='Coming').slug}/"
    ]
    assert "Narian-Mar time, UTC+3" in response.content.decode()


def test_call_list_query_count_does_not_grow_with_calls(client, django_assert_max_num_queries):
    CallFactory()
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get(public_url("calls")).status_code == 200
    for _ in range(10):
        CallFactory()
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(public_url("calls"))
    assert len(elements(response, "h3")) == 11


@pytest.mark.parametrize("language", ["fr", "en", "ru"])
def test_call_page_preselects_the_pages_language_for_messages(client, open_call, language):
    response = client.get(call_url(open_call, language))
    assert response.status_code == 200
    [selected] = [
        o
        for o in elements(response, "option")
        if "selected" in o.attrs and o.attrs.get("value") in ("fr", "en", "ru")
    ]
    assert selected.attrs["value"] == language
    assert elements(response, "form", enctype="multipart/form-data")


def test_call_page_shows_the_deadline_in_the_hubs_time(client, open_call):
    open_call.closes_at = datetime.datetime(2030, 3, 1, 20, 59, tzinfo=datetime.UTC)
    open_call.save()
    response = client.get(call_url(open_call))
    [deadline] = [t for t in elements(response, "time") if t.attrs["datetime"].startswith("2030-03-01")]
    assert (deadline.text, deadline.attrs["datetime"]) == (
        "March 1, 2030, 11:59 p.m.",
        "2030-03-01T23:59:00+03:00",
    )


def test_call_page_query_count_does_not_grow_with_questions(client, open_call, django_assert_max_num_queries):
    with django_assert_max_num_queries(CALL_QUERIES):
        assert client.get(call_url(open_call)).status_code == 200
    for _ in range(10):
        QuestionFactory(call=open_call)
    with django_assert_max_num_queries(CALL_QUERIES):
        assert client.get(call_url(open_call)).status_code == 200


def test_call_page_of_an_unpublished_call_is_not_found(client):
    assert client.get(call_url(CallFactory(is_published=False))).status_code == 404


def test_applying_stores_the_application_and_thanks_the_applicant(client, open_call):
    response = client.post(call_url(open_call, "fr"), application_post(open_call))
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fr/calls/{open_call.slug}/sent/{application.reference}/"
    assert (application.language, application.native_name, application.links) == (
        "ru",
        "Ксения Орлова",
        ["https://example.ru/live", "https://example.ru/studio"],
    )
    assert application.languages == [["ru", "native"]]
    assert application.files.get().name == "cv.pdf"
    assert [m.to for m in mail.outbox] == [["Ksenia Orlova <ksenia@example.ru>"]]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert application.reference in page.content.decode()


def test_thank_you_page_is_only_for_the_browser_that_applied(client, open_call):
    client.post(call_url(open_call), application_post(open_call))
    application = Application.objects.get()
    client.cookies.clear()
    assert (
        client.get(public_url("call-sent", call=open_call.slug, reference=application.reference)).status_code
        == 404
    )


def test_applying_after_the_deadline_is_refused_clearly_and_stores_nothing(client, open_call):
    open_call.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    open_call.save()
    response = client.post(call_url(open_call), application_post(open_call))
    assert response.status_code == 403
    [alert] = elements(response, "div", role="alert")
    assert alert.text.startswith("This call closed on ")
    assert alert.text.endswith("applications are no longer accepted.Your application was not recorded.")
    assert (Application.objects.count(), Message.objects.count(), mail.outbox) == (0, 0, [])


def test_applying_with_an_oversize_file_shows_the_error_on_the_file_and_stores_nothing(client, open_call):
    big = upload("cv.pdf", PDF + b"0" * (1024 * 1024))
    response = client.post(call_url(open_call), application_post(open_call, file=big))
    assert response.status_code == 200
    field = question_field_name(open_call.questions.get(position=3))
    assert response.context["form"].errors[field] == [
        "This file weighs 1.0\xa0MB; the largest accepted is 1 MB."
    ]
    assert Application.objects.count() == 0


def test_applying_with_missing_answers_keeps_what_was_typed_and_stores_nothing(client, open_call):
    fields = {q.position: question_field_name(q) for q in open_call.questions.all()}
    response = client.post(
        call_url(open_call),
        application_post(open_call, **{fields[1]: "", "email": "not-an-email", "consent": ""}),
    )
    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == sorted(["email", "consent", fields[1]])
    assert 'value="Orlova"' in response.content.decode()
    assert Application.objects.count() == 0


def test_applying_twice_with_the_same_email_is_refused_on_the_email(client, open_call):
    client.post(call_url(open_call), application_post(open_call))
    response = client.post(call_url(open_call), application_post(open_call, email="KSENIA@example.ru"))
    assert response.context["form"].errors["email"] == [
        "An application with this email has already been sent to this call."
    ]
    assert Application.objects.count() == 1


def test_applying_without_javascript_or_files_when_the_call_asks_none(client):
    simple = CallFactory()
    data = {
        "given_name": "Grace",
        "family_name": "Nsimba",
        "email": "grace@example.cd",
        "language": "fr",
        "languages-TOTAL_FORMS": "0",
        "languages-INITIAL_FORMS": "0",
        "consent": "on",
    }
    response = client.post(call_url(simple, "fr"), data)
    assert response.status_code == 302
    assert Application.objects.get().given_name == "Grace"
