import datetime
import io

import pytest
from pypdf import PdfReader

from tissage.core.models import JobStatus
from tissage.logistics.domain.letters import invitation_letter_generate, letter_for
from tissage.logistics.enums import DocumentKind
from tissage.logistics.models import VisaCase
from tissage.logistics.tasks import invitation_letter_enqueue

from ...factories import (
    HubFactory,
    LetterTemplateFactory,
    ParticipationFactory,
    StaffFactory,
    VisaCaseFactory,
)

D = datetime.date


def pdf_text(document) -> str:
    document.file.open("rb")
    try:
        reader = PdfReader(io.BytesIO(document.file.read()))
    finally:
        document.file.close()
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def case(db):
    marseille = HubFactory(
        slug="marseille", name={"fr": "Marseille", "en": "Marseille", "ru": "Марсель"}, country="FR"
    )
    participation = ParticipationFactory(
        session__hub=marseille,
        session__start_date=D(2027, 7, 19),
        session__end_date=D(2027, 7, 25),
        session__title={"fr": "Mimi 2027", "en": "Mimi 2027", "ru": "Мими 2027"},
        person__given_name="Artyom",
        person__family_name="Vylka",
        person__nationality="RU",
        arrives_on=D(2027, 7, 18),
        departs_on=D(2027, 7, 26),
    )
    case = VisaCaseFactory(
        participation=participation,
        rule__nationality="RU",
        rule__destination="FR",
        rule__consulate_language="ru",
        passport_number="75 1234567",
    )
    return VisaCase.objects.get(pk=case.pk)


def test_letter_is_written_in_the_consulate_language_with_the_dates_of_the_stay(case):
    letter = letter_for(case, today=D(2027, 4, 2))
    assert (letter.language, letter.subject, letter.day) == (
        "ru",
        "Приглашение — оформление визы",
        "2 апреля 2027 г.",
    )
    assert "Artyom Vylka, гражданство: Россия, паспорт № 75 1234567" in letter.paragraphs[1]
    # Russian dates end with "г.": the sentence goes on rather than add a second full stop.
    assert letter.paragraphs[1].endswith("с 18 июля 2027 г. по 26 июля 2027 г. включительно.")


def test_letter_uses_the_hub_template_of_that_language(case):
    LetterTemplateFactory(hub=case.participation.session.hub, language="fr")
    letter = letter_for(case, language="fr", today=D(2027, 4, 2))
    assert letter.letterhead == ["Tissage", "1 quai de la Joliette", "13002 Marseille"]
    assert letter.paragraphs == [
        "Nous invitons Artyom Vylka à Marseille du 18 juillet 2027 au 26 juillet 2027."
    ]
    assert (letter.signatory, letter.day) == ("Nathalie Roux", "2 avril 2027")


def test_invitation_letter_pdf_holds_the_name_dates_and_language(case):
    document = invitation_letter_generate(actor=None, case=case, today=D(2027, 4, 2))
    text = pdf_text(document)
    assert (document.kind, document.language) == (DocumentKind.INVITATION, "ru")
    assert document.file.name.endswith(".pdf")
    assert "Artyom Vylka" in text
    assert "с 18 июля 2027 г. по 26 июля 2027 г." in text
    assert "Приглашение — оформление визы" in text


def test_invitation_letter_in_english_on_request(case):
    document = invitation_letter_generate(actor=None, case=case, today=D(2027, 4, 2), language="en")
    text = pdf_text(document)
    assert "from July 18, 2027 to July 26, 2027" in text
    assert "Letter of invitation" in text


def test_invitation_letter_job_prints_the_letter_in_the_background(case):
    staff = StaffFactory()
    job = invitation_letter_enqueue(actor=staff, case=case)
    document = case.documents.get()
    assert (job.status, job.kind, job.result["document"]) == (
        JobStatus.SUCCEEDED,
        "logistics.invitation_letter",
        document.pk,
    )
    assert "Artyom Vylka" in pdf_text(document)
