"""The programme as one document: a self-contained HTML file (inline styles, no script, no other
file: it reads offline, on a phone at a festival site without network) and the same, printed to
PDF by WeasyPrint."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from tissage.core.pdf import html_to_pdf

from .subject import ExportSubject


def programme_html(subject: ExportSubject) -> str:
    programme = subject.programme
    rooms = [(room, programme.in_room(room.pk).activities) for room in programme.rooms]
    people = [(person, programme.with_person(person.pk).activities) for person in programme.people]
    return render_to_string(
        "schedule/programme_document.html",
        {
            "subject": subject,
            "edition": subject.edition,
            "hub": subject.edition.festival.hub,
            "days": [(day, activities) for day, activities in subject.days() if activities],
            "unscheduled": [a for a in subject.activities if a.starts_at is None],
            "rooms": [] if subject.room else rooms,
            "people": [] if subject.person else people,
            "generated": timezone.now(),
            "LANGUAGE_CODE": get_language(),
        },
    )


def render_html(subject: ExportSubject) -> bytes:
    return programme_html(subject).encode()


def render_pdf(subject: ExportSubject) -> bytes:
    return html_to_pdf(programme_html(subject), base_url=subject.base_url)
