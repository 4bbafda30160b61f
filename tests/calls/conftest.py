import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tissage.calls.models import Call
from tissage.network.enums import Season

from ..factories import (
    CallFactory,
    CriterionFactory,
    HubFactory,
    ProgrammeFactory,
    QuestionFactory,
    SessionFactory,
)

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 64


def upload(name: str = "cv.pdf", content: bytes = PDF, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def narian_mar(db):
    return HubFactory(
        slug="narian-mar",
        name={"en": "Narian-Mar", "fr": "Narian-Mar", "ru": "Нарьян-Мар"},
        country="RU",
        timezone="Europe/Moscow",
        languages=["ru", "yrk"],
        currency="RUB",
        season=Season.SPRING,
    )


@pytest.fixture
def call(narian_mar):
    return sound_call(narian_mar)


def sound_call(narian_mar):
    """An open call for sound technicians at Mimi-Nor 2027, with a question of each common kind and
    two criteria: musicianship counts twice."""
    programme = ProgrammeFactory(name={"en": "Tissage 2026–2028"}, partner_hubs=[narian_mar])
    session = SessionFactory(
        programme=programme,
        hub=narian_mar,
        title={"en": "Mimi-Nor 2027", "fr": "Mimi-Nor 2027", "ru": "Мими-Нор 2027"},
        start_date=datetime.date(2027, 5, 15),
        end_date=datetime.date(2027, 5, 23),
    )
    call = CallFactory(
        slug="sound-2027",
        programme=programme,
        session=session,
        kind="technicians",
        title={
            "en": "Sound technicians for Mimi-Nor",
            "fr": "Techniciens son pour Mimi-Nor",
            "ru": "Звукорежиссёры",
        },
        accepted_types=["pdf", "mp3"],
        max_upload_mb=1,
    )
    QuestionFactory(call=call, position=1, label={"en": "Why Narian-Mar?"}, kind="long_text")
    QuestionFactory(
        call=call,
        position=2,
        label={"en": "Desk you know best"},
        kind="choice",
        choices={"en": "Analogue\nDigital\nBoth", "fr": "Analogique\nNumérique\nLes deux"},
    )
    QuestionFactory(call=call, position=3, label={"en": "A CV"}, kind="file")
    QuestionFactory(call=call, position=4, label={"en": "Years of practice"}, kind="number", required=False)
    CriterionFactory(call=call, position=1, name={"en": "Musicianship"}, weight=2, scale=5)
    CriterionFactory(call=call, position=2, name={"en": "Motivation"}, weight=1, scale=10)
    # As the pages and the domain get it: translated fields read back from the database.
    return Call.objects.with_places().get(pk=call.pk)


def answers_for(call, **overrides) -> dict:
    """Valid answers to the call fixture's questions, by question id."""
    by_position = {q.position: q.pk for q in call.questions.all()}
    values = {1: "The tundra and the Pechora.", 2: "2", 4: "7"}
    values.update({int(k.removeprefix("q")): v for k, v in overrides.items()})
    return {by_position[position]: value for position, value in values.items()}


def files_for(call, file=None) -> dict:
    question = call.questions.get(position=3)
    return {question.pk: file if file is not None else upload()}


IDENTITY = {
    "given_name": "Ksenia",
    "family_name": "Orlova",
    "email": "ksenia.orlova@example.ru",
    "city": "Narian-Mar",
    "country": "RU",
    "nationality": "RU",
    "language": "ru",
    "consent": True,
}
