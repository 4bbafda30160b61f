import pytest
from django.core import mail
from django.urls import reverse

from tissage.outbox.enums import MessageStatus
from tissage.outbox.models import Message

from ..factories import MessageFactory, PersonFactory
from .access import anonymous_outcomes, sent_to_login, statuses

LIST_QUERIES = 6
DETAIL_QUERIES = 8


@pytest.fixture
def message(db):
    return MessageFactory(
        subject="Вы отобраны",
        recipient_name="Ksenia Orlova",
        recipient_email="ksenia@example.ru",
        language="ru",
        status=MessageStatus.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
        body_html="<p>Здравствуйте!</p>",
    )


def test_outbox_pages_send_anonymous_visitors_to_login(client, message):
    urls = [reverse("orga:message-list"), reverse("orga:message-detail", args=[message.pk])]
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)
    retry = [reverse("orga:message-retry", args=[message.pk])]
    assert anonymous_outcomes(client, retry, "post") == sent_to_login(retry)


def test_outbox_pages_are_forbidden_to_non_staff(member_client, message):
    urls = [reverse("orga:message-list"), reverse("orga:message-detail", args=[message.pk])]
    assert set(statuses(member_client, urls).values()) == {403}
    assert member_client.post(reverse("orga:message-retry", args=[message.pk])).status_code == 403
    assert Message.objects.get().status == MessageStatus.FAILED


def test_outbox_list_shows_status_and_filters_by_it(staff_client, message):
    MessageFactory(subject="Sent fine", status=MessageStatus.SENT)
    response = staff_client.get(reverse("orga:message-list"), {"status": "failed"})
    assert response.status_code == 200
    assert [m.subject for m in response.context["object_list"]] == ["Вы отобраны"]
    assert "SMTPServerDisconnected" in response.content.decode()


def test_outbox_list_query_count_does_not_grow_with_messages(staff_client, django_assert_max_num_queries):
    MessageFactory()
    with django_assert_max_num_queries(LIST_QUERIES):
        assert staff_client.get(reverse("orga:message-list")).status_code == 200
    for _ in range(30):
        MessageFactory(person=PersonFactory())
    with django_assert_max_num_queries(LIST_QUERIES):
        response = staff_client.get(reverse("orga:message-list"))
    assert len(response.context["object_list"]) == 25


def test_outbox_detail_shows_the_text_the_html_apart_and_what_it_is_about(staff_client, message):
    person = PersonFactory(given_name="Ksenia")
    message.person = person
    message.content_type_id = None
    message.save()
    response = staff_client.get(reverse("orga:message-detail", args=[message.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'sandbox srcdoc="&lt;p&gt;Здравствуйте!&lt;/p&gt;"' in page
    assert person.get_absolute_url() in page


def test_outbox_detail_query_count(staff_client, message, django_assert_max_num_queries):
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert staff_client.get(reverse("orga:message-detail", args=[message.pk])).status_code == 200


def test_retry_sends_a_failed_message_again(staff_client, message):
    response = staff_client.post(reverse("orga:message-retry", args=[message.pk]))
    assert response["Location"] == message.get_absolute_url()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 1)
    assert [m.subject for m in mail.outbox] == ["Вы отобраны"]


def test_retry_of_a_sent_message_is_refused_with_a_reason(staff_client, message):
    message.status = MessageStatus.SENT
    message.save()
    response = staff_client.post(reverse("orga:message-retry", args=[message.pk]), follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Only a message that failed can be sent again."]
    assert mail.outbox == []
