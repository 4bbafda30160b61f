"""The messages written to a person, forgotten with them; those not sent yet are not sent."""

from tissage.people.domain.erasure import ERASED
from tissage.people.models import Person

from ..enums import MessageStatus
from ..models import Message


def messages_erase(person: Person) -> int:
    messages = Message.objects.filter(person=person)
    messages.filter(status__in=[MessageStatus.QUEUED, MessageStatus.SENDING]).update(
        status=MessageStatus.FAILED, last_error=ERASED
    )
    return messages.update(
        recipient_email="erased@invalid.example",
        recipient_name="",
        subject=ERASED,
        body_text=ERASED,
        body_html="",
        context={},
    )
