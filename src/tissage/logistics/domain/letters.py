"""Invitation letters: a hub's letter, in the consulate's language, filled for one visa case and
printed to PDF with WeasyPrint. The PDF is kept as one of the case's documents.

Each hub may write its own letter per language (:class:`LetterTemplate`); without one, the
network's standard letter below is used. Placeholders are ``$name``-style (``string.Template``),
so that staff cannot run code from a letter's text.
"""

import datetime
import string
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

from tissage.core.domain.writes import audited_create
from tissage.core.pdf import html_to_pdf

from ..enums import DocumentKind
from ..models import LetterTemplate, VisaCase, VisaDocument
from .common import concerning

# The network's standard letter, by language: what a consulate expects to read.
STANDARD_LETTERS = {
    "fr": {
        "subject": "Lettre d'invitation — demande de visa",
        "body": "Madame, Monsieur,\n\n"
        "Nous avons l'honneur d'inviter $name, de nationalité $nationality, passeport n° $passport, "
        "à participer en qualité de $role à la session « $session » qui se tiendra à $city ($country) "
        "du $arrival au $departure.\n\n"
        "Notre organisation prend en charge le voyage, l'hébergement et les frais de séjour de "
        "$name pendant toute la durée de la session.\n\n"
        "Nous vous remercions de bien vouloir lui accorder le visa nécessaire et vous prions "
        "d'agréer, Madame, Monsieur, l'expression de notre haute considération.",
    },
    "en": {
        "subject": "Letter of invitation — visa application",
        "body": "Dear Sir or Madam,\n\n"
        "We are pleased to invite $name, a national of $nationality, passport no. $passport, "
        "to take part as $role in the session “$session” to be held in $city ($country) "
        "from $arrival to $departure.\n\n"
        "Our organisation covers the travel, accommodation and living expenses of $name for the "
        "whole of the session.\n\n"
        "We kindly ask you to grant the necessary visa. Yours faithfully,",
    },
    "ru": {
        "subject": "Приглашение — оформление визы",
        "body": "Уважаемые дамы и господа!\n\n"
        "Мы имеем честь пригласить $name, гражданство: $nationality, паспорт № $passport, "
        "принять участие в качестве участника ($role) в сессии «$session», которая пройдёт в городе "
        "$city ($country) с $arrival по $departure включительно.\n\n"
        "Наша организация берёт на себя расходы на проезд, проживание и суточные $name на всё "
        "время сессии.\n\n"
        "Просим вас выдать необходимую визу. С уважением,",
    },
}


@dataclass(frozen=True)
class Letter:
    language: str
    letterhead: list[str]
    place: str
    day: str
    subject: str
    paragraphs: list[str]
    signatory: str
    signatory_title: str


def letter_language(case: VisaCase) -> str:
    return case.rule.consulate_language


def letter_for(case: VisaCase, *, language: str | None = None, today: datetime.date) -> Letter:
    """The letter of ``case`` in ``language`` (the consulate's by default), filled in."""
    language = language or letter_language(case)
    participation = case.participation
    person, session = participation.person, participation.session
    hub = session.hub
    template = LetterTemplate.objects.filter(hub=hub, language=language).first()
    with translation.override(language):
        values = {
            "name": person.full_name,
            "passport": case.passport_number or "—",
            "nationality": str(person.nationality.name) if person.nationality else "—",
            "session": str(session),
            "city": str(hub.name),
            "country": str(hub.country.name),
            "arrival": formats.date_format(case.arrival_date, "DATE_FORMAT"),
            "departure": formats.date_format(participation.departs_on or session.end_date, "DATE_FORMAT"),
            "role": participation.get_role_display(),
        }
        standard = STANDARD_LETTERS[language]
        body = template.body if template else standard["body"]
        paragraphs = [
            string.Template(paragraph.strip()).safe_substitute(values)
            for paragraph in body.split("\n\n")
            if paragraph.strip()
        ]
        return Letter(
            language=language,
            letterhead=(template.letterhead if template else f"{hub.name}\nTissage").splitlines(),
            place=template.place if template else str(hub.name),
            day=formats.date_format(today, "DATE_FORMAT"),
            subject=template.subject if template else standard["subject"],
            paragraphs=paragraphs,
            signatory=template.signatory if template else "",
            signatory_title=template.signatory_title if template else "",
        )


def letter_html(letter: Letter) -> str:
    return render_to_string("logistics/letters/invitation.html", {"letter": letter})


def letter_pdf(letter: Letter) -> bytes:
    return html_to_pdf(letter_html(letter))


def invitation_letter_generate(
    *, actor, case: VisaCase, today: datetime.date, language: str | None = None
) -> VisaDocument:
    """Print the case's invitation letter and keep it among the case's documents."""
    letter = letter_for(case, language=language, today=today)
    pdf = letter_pdf(letter)
    name = f"invitation-{case.participation.person.slug}-{letter.language}.pdf"
    return audited_create(
        actor=actor,
        model=VisaDocument,
        data={
            "case": case,
            "kind": DocumentKind.INVITATION,
            "language": letter.language,
            "file": ContentFile(pdf, name=name),
            "note": _("Generated on %(day)s.") % {"day": today.isoformat()},
        },
        action="visa_document.letter_generated",
        related=[case, *concerning(case.participation)],
    )
