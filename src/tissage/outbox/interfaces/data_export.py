"""The messages a person received: in the copy of their data they can ask for, and forgotten with them."""

from tissage.people.domain.erasure import register_erasure_step
from tissage.people.domain.privacy import register_export_section

from ..domain.erasure import messages_erase


def _messages(person) -> list[dict]:
    return [
        {
            "subject": message.subject,
            "to": message.recipient_email,
            "language": message.language,
            "status": message.status,
            "created_at": message.created_at.isoformat(),
            "sent_at": message.sent_at.isoformat() if message.sent_at else None,
            "text": message.body_text,
        }
        for message in person.messages.order_by("created_at", "pk")
    ]


register_export_section("messages", _messages)
register_erasure_step("messages", messages_erase)
