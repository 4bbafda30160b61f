"""The demo's calls for applications, written after the network (a separate step of the build).

Two calls of the Tissage 2026–2028 programme:

- **closed**: the call that found the cycle's new artists, in spring 2026, for the kick-off in
  Marseille. Blind review by two reviewers, one of whom declared a conflict of interest once; the
  artists the network step made newcomers of the cohort are its accepted applicants (found by their
  email: nothing about them changes but their language for messages), a few others are on the
  waiting list or declined. Everyone was told, in their language.
- **open**: trainees for the next session still recruiting, Narian-Mar in May 2027, open on the
  demo's "today", with a few applications already in and partly reviewed.

Reviews are recorded by the system for the reviewers (as staff would record scores sent by email),
so the demo's history stays the system's. The messages are sent through a connection that delivers
nowhere (the demo's addresses are invented); one of them failed five times, to show the retry.
"""

import datetime
import logging
import random
import zoneinfo
from dataclasses import dataclass
from decimal import Decimal

from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

from tissage.activities.enums import PRESENT_STATUSES
from tissage.activities.models import Participation
from tissage.calls.domain.applications import application_submit
from tissage.calls.domain.calls import call_create, criterion_create, question_create
from tissage.calls.domain.decisions import application_decide
from tissage.calls.domain.ranking import call_ranking
from tissage.calls.domain.reviews import review_submit
from tissage.calls.enums import CallKind, Outcome, QuestionKind
from tissage.calls.models import Application, Call
from tissage.network.models import Hub, Programme
from tissage.outbox.domain.messages import MAX_ATTEMPTS, message_send, sending_deferred
from tissage.outbox.models import Message
from tissage.people.domain.portal import person_account_ensure
from tissage.people.models import Person

from .network import TODAY, Text

TISSAGE = "tissage-2026-2028"
SEED = 2026


@dataclass(frozen=True)
class QuestionSpec:
    label: Text
    kind: str
    required: bool = True
    choices: Text | None = None
    help_text: Text | None = None


@dataclass(frozen=True)
class CriterionSpec:
    name: Text
    weight: str
    scale: int
    description: Text | None = None


@dataclass(frozen=True)
class Applicant:
    """Someone the network does not know yet."""

    given_name: str
    family_name: str
    email: str
    hub: str
    country: str
    language: str
    languages: tuple[tuple[str, str], ...]
    native_name: str = ""
    instrument: str = ""


@dataclass(frozen=True)
class CallSpec:
    slug: str
    session: int
    kind: str
    title: Text
    description: Text
    opens: datetime.datetime
    closes: datetime.datetime
    blind: bool
    reviewers: tuple[str, ...]
    questions: tuple[QuestionSpec, ...]
    criteria: tuple[CriterionSpec, ...]


MOTIVATION = QuestionSpec(
    {
        "fr": "Pourquoi voulez-vous rejoindre ce cycle ?",
        "en": "Why do you want to join this cycle?",
        "ru": "Почему вы хотите участвовать в этом цикле?",
    },
    QuestionKind.LONG_TEXT,
)
RECORDING = QuestionSpec(
    {
        "fr": "Un enregistrement ou un dossier (facultatif)",
        "en": "A recording or a portfolio (optional)",
        "ru": "Запись или портфолио (необязательно)",
    },
    QuestionKind.FILE,
    required=False,
)

CLOSED = CallSpec(
    slug="artists-tissage-2026",
    session=1,
    kind=CallKind.ARTISTS,
    title={
        "fr": "Artistes pour le cycle Tissage 2026–2028",
        "en": "Artists for the Tissage 2026–2028 cycle",
        "ru": "Артисты для цикла «Тиссаж 2026–2028»",
    },
    description={
        "fr": "Trois ans, six sessions, trois villes : nous cherchons des musiciennes et musiciens prêts à "
        "créer avec d'autres qu'eux-mêmes. Première rencontre à Marseille en octobre 2026.",
        "en": "Three years, six sessions, three cities: we are looking for musicians ready to create with "
        "others than themselves. First meeting in Marseille in October 2026.",
        "ru": "Три года, шесть сессий, три города: мы ищем музыкантов, готовых творить вместе с другими. "
        "Первая встреча — в Марселе в октябре 2026 года.",
    },
    opens=datetime.datetime(2026, 3, 2, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Paris")),
    closes=datetime.datetime(2026, 5, 31, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Paris")),
    blind=True,
    reviewers=("patience-mbala", "anahid-manoukian"),
    questions=(
        MOTIVATION,
        QuestionSpec(
            {
                "fr": "Votre instrument principal",
                "en": "Your main instrument",
                "ru": "Ваш основной инструмент",
            },
            QuestionKind.TEXT,
        ),
        RECORDING,
    ),
    criteria=(
        CriterionSpec({"fr": "Musicalité", "en": "Musicianship", "ru": "Музыкальность"}, "2", 5),
        CriterionSpec(
            {"fr": "Ouverture au croisement", "en": "Openness to crossing", "ru": "Открытость к обмену"},
            "1.5",
            5,
        ),
        CriterionSpec({"fr": "Motivation", "en": "Motivation", "ru": "Мотивация"}, "1", 10),
    ),
)

OPEN = CallSpec(
    slug="trainees-mimi-nor-2027",
    session=3,
    kind=CallKind.TRAINEES,
    title={
        "fr": "Stagiaires son, lumière et plateau pour Mimi-Nor 2027",
        "en": "Sound, light and stage trainees for Mimi-Nor 2027",
        "ru": "Стажёры по звуку, свету и сцене на «Мими-Нор 2027»",
    },
    description={
        "fr": "Une semaine d'ateliers croisés à Narian-Mar en mai 2027, avec les techniciens du festival, "
        "puis deux sessions à Marseille et à Kinshasa. Voyage, visa, logement et per diem pris en charge.",
        "en": "A week of crossed workshops in Narian-Mar in May 2027 with the festival's technicians, then "
        "two sessions in Marseille and Kinshasa. Travel, visa, lodging and per diem are covered.",
        "ru": "Неделя перекрёстных мастерских в Нарьян-Маре в мае 2027 года с техниками фестиваля, затем "
        "две сессии в Марселе и Киншасе. Дорога, виза, жильё и суточные оплачиваются.",
    },
    opens=datetime.datetime(2026, 11, 2, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Moscow")),
    closes=datetime.datetime(2027, 1, 31, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Moscow")),
    blind=False,
    reviewers=("olga-taleeva", "ksenia-orlova"),
    questions=(
        MOTIVATION,
        QuestionSpec(
            {
                "fr": "Quel atelier voulez-vous suivre ?",
                "en": "Which workshop would you join?",
                "ru": "В какой мастерской вы хотите участвовать?",
            },
            QuestionKind.CHOICE,
            choices={
                "fr": "Son\nLumière\nRégie plateau",
                "en": "Sound\nLight\nStage management",
                "ru": "Звук\nСвет\nПостановочная часть",
            },
        ),
        QuestionSpec(
            {
                "fr": "Années de pratique",
                "en": "Years of practice",
                "ru": "Сколько лет вы этим занимаетесь",
            },
            QuestionKind.NUMBER,
            required=False,
        ),
        QuestionSpec(
            {
                "fr": "Date de départ possible au plus tôt",
                "en": "Earliest day you can travel",
                "ru": "Самая ранняя дата, когда вы можете выехать",
            },
            QuestionKind.DATE,
            required=False,
        ),
        RECORDING,
    ),
    criteria=(
        CriterionSpec({"fr": "Motivation", "en": "Motivation", "ru": "Мотивация"}, "2", 5),
        CriterionSpec({"fr": "Potentiel", "en": "Potential", "ru": "Потенциал"}, "1", 5),
        CriterionSpec(
            {
                "fr": "Apport au groupe croisé",
                "en": "What they bring to a crossed group",
                "ru": "Вклад в группу",
            },
            "1",
            5,
        ),
    ),
)

# Applicants the network does not know: the closed call's waiting list and declined, the open call's.
CLOSED_OTHERS = (
    Applicant(
        "Maëlle",
        "Garnier",
        "maelle.garnier@example.org",
        "marseille",
        "FR",
        "fr",
        (("fr", "native"),),
        instrument="voix",
    ),
    Applicant(
        "Jonas",
        "Kabeya",
        "jonas.kabeya@example.cd",
        "kinshasa",
        "CD",
        "fr",
        (("ln", "native"), ("fr", "fluent")),
        instrument="guitare",
    ),
    Applicant(
        "Alexei",
        "Valei",
        "alexei.valei@example.ru",
        "narian-mar",
        "RU",
        "ru",
        (("ru", "native"),),
        native_name="Алексей Валей",
        instrument="баян",
    ),
    Applicant(
        "Inès",
        "Bouaziz",
        "ines.bouaziz@example.org",
        "marseille",
        "FR",
        "fr",
        (("fr", "native"), ("ar", "fluent")),
        instrument="oud",
    ),
    Applicant(
        "Patrick",
        "Ilunga",
        "patrick.ilunga@example.cd",
        "kinshasa",
        "CD",
        "fr",
        (("lu", "native"), ("fr", "working")),
        instrument="likembé",
    ),
)
OPEN_APPLICANTS = (
    Applicant(
        "Anastasia",
        "Ardeeva",
        "anastasia.ardeeva@example.ru",
        "narian-mar",
        "RU",
        "ru",
        (("ru", "native"),),
        "Анастасия Ардеева",
    ),
    Applicant(
        "Moïse",
        "Tshibanda",
        "moise.tshibanda@example.cd",
        "kinshasa",
        "CD",
        "fr",
        (("fr", "fluent"), ("lu", "native")),
    ),
    Applicant(
        "Lucie",
        "Marchetti",
        "lucie.marchetti@example.org",
        "marseille",
        "FR",
        "fr",
        (("fr", "native"), ("it", "working")),
    ),
    Applicant(
        "Ivan",
        "Taleev",
        "ivan.taleev@example.ru",
        "narian-mar",
        "RU",
        "ru",
        (("ru", "native"), ("en", "basic")),
        "Иван Талеев",
    ),
    Applicant(
        "Gloire",
        "Nzuzi",
        "gloire.nzuzi@example.cd",
        "kinshasa",
        "CD",
        "fr",
        (("ln", "native"), ("fr", "working")),
    ),
)
MOTIVATIONS = {
    "fr": "Je veux apprendre avec des techniciens d'autres pays et ramener ce savoir chez moi.",
    "en": "I want to learn with technicians from other countries and bring that knowledge home.",
    "ru": "Хочу учиться у техников из других стран и привезти эти знания домой.",
}


class _UnreachableServer(BaseEmailBackend):
    """The recipient's mail server that never answers: the demo's failed message."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("[Errno 111] Connection refused by the recipient's mail server")


class CallsBuilder:
    def __init__(self, *, today: datetime.date = TODAY):
        self.today = today
        self.random = random.Random(SEED)
        self.programme = Programme.objects.get(slug=TISSAGE)
        self.hubs = {hub.slug: hub for hub in Hub.objects.all()}

    def build(self) -> None:
        first_message = Message.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        with sending_deferred():
            unreachable = self.closed_call(self.call(CLOSED))
            self.open_call(self.call(OPEN))
        failed = Message.objects.about(unreachable).filter(template_key="application_decision").get()
        self.deliver(Message.objects.filter(pk__gt=first_message).order_by("pk"), failed=failed)

    def call(self, spec: CallSpec) -> Call:
        call = call_create(
            actor=None,
            data={
                "slug": spec.slug,
                "programme": self.programme,
                "session": self.programme.sessions.get(number=spec.session),
                "kind": spec.kind,
                "title": spec.title,
                "description": spec.description,
                "opens_at": spec.opens.astimezone(datetime.UTC),
                "closes_at": spec.closes.astimezone(datetime.UTC),
                "is_published": True,
                "blind_review": spec.blind,
                "reviewers": [
                    person_account_ensure(actor=None, person=Person.objects.get(slug=slug))
                    for slug in spec.reviewers
                ],
                "accepted_types": ["pdf", "jpg", "png", "mp3", "ogg"],
            },
        )
        for question in spec.questions:
            question_create(
                actor=None,
                call=call,
                data={
                    "label": question.label,
                    "kind": question.kind,
                    "required": question.required,
                    "choices": question.choices,
                    "help_text": question.help_text,
                },
            )
        for criterion in spec.criteria:
            criterion_create(
                actor=None,
                call=call,
                data={
                    "name": criterion.name,
                    "weight": Decimal(criterion.weight),
                    "scale": criterion.scale,
                    "description": criterion.description,
                },
            )
        return Call.objects.with_places().get(pk=call.pk)

    def moment(self, call: Call, day: datetime.date) -> datetime.datetime:
        """Some time of ``day`` in the call's hub: when an application was sent."""
        local = datetime.datetime.combine(day, datetime.time(9 + self.random.randrange(12), 0))
        return local.replace(tzinfo=call.hub.tzinfo)

    def answers(self, call: Call, language: str, instrument: str = "") -> dict:
        answers = {}
        for question in call.questions.all():
            if question.kind == QuestionKind.LONG_TEXT:
                answers[question.pk] = MOTIVATIONS[language]
            elif question.kind == QuestionKind.TEXT:
                answers[question.pk] = instrument
            elif question.kind == QuestionKind.CHOICE:
                answers[question.pk] = str(self.random.randint(1, len(question.choice_list())))
            elif question.kind == QuestionKind.NUMBER:
                answers[question.pk] = str(self.random.randint(1, 8))
        return answers

    def submit(
        self, call: Call, data: dict, languages, skills, when: datetime.datetime, instrument: str = ""
    ):
        return application_submit(
            actor=None,
            call=call,
            data={**data, "consent": True},
            languages=languages,
            skills=skills,
            links=[f"https://soundcloud.example/{data['email'].split('@')[0].replace('.', '-')}"],
            answers=self.answers(call, data["language"], instrument),
            now=when,
        )

    def submit_newcomer(self, call: Call, applicant: Applicant, when: datetime.datetime):
        hub = self.hubs[applicant.hub]
        data = {
            "given_name": applicant.given_name,
            "family_name": applicant.family_name,
            "native_name": applicant.native_name,
            "email": applicant.email,
            "city": str(hub.name.localize("en")),
            "country": applicant.country,
            "nationality": applicant.country,
            "home_hub": hub,
            "language": applicant.language,
        }
        return self.submit(call, data, applicant.languages, [], when, applicant.instrument)

    def review(self, call: Call, application: Application, reviewer, *, strong: bool, conflict: bool = False):
        criteria = list(call.criteria.all())
        low = 3 if strong else 1
        scores = {c.pk: min(c.scale, self.random.randint(low, low + c.scale // 2)) for c in criteria}
        review_submit(
            actor=None,
            reviewer=reviewer,
            application=application,
            scores=scores,
            comment="",
            conflict_of_interest=conflict,
        )

    def cohort_newcomers(self, session) -> list[Person]:
        """The artists at the cycle's first session whom the network had never met before."""
        present = Participation.objects.filter(session=session, role="artist", status__in=PRESENT_STATUSES)
        earlier = Participation.objects.filter(session__start_date__lt=session.start_date).values("person_id")
        people = Person.objects.filter(participations__in=present).exclude(pk__in=earlier)
        return list(
            people.select_related("home_hub").prefetch_related("languages", "skills").order_by("slug")
        )

    def closed_call(self, call: Call) -> Application:
        """Applications, reviews and decisions; returns the applicant whose mail server never answers."""
        reviewers = list(call.reviewers.order_by("username"))
        days = (call.closes_at.date() - call.opens_at.date()).days
        accepted = []
        for n, person in enumerate(self.cohort_newcomers(call.session)):
            when = self.moment(call, call.opens_at.date() + datetime.timedelta(days=(n * 11) % days))
            data = {
                name: getattr(person, name)
                for name in ("given_name", "family_name", "native_name", "email", "phone", "city", "country")
            }
            data.update(
                nationality=person.nationality, home_hub=person.home_hub, language=person.mail_language
            )
            skills = list(person.skills.all())
            instrument = str(skills[0].name.localize(data["language"])) if skills else ""
            languages = [(row.language, row.level) for row in person.languages.all()]
            accepted.append(self.submit(call, data, languages, skills, when, instrument))
        others = [
            self.submit_newcomer(
                call, applicant, self.moment(call, call.closes_at.date() - datetime.timedelta(days=n))
            )
            for n, applicant in enumerate(CLOSED_OTHERS, start=1)
        ]
        for application in accepted + others:
            for reviewer in reviewers:
                self.review(call, application, reviewer, strong=application in accepted)
        # One reviewer knew an applicant too well, and said so.
        self.review(call, others[-1], reviewers[0], strong=False, conflict=True)
        for application in accepted:
            application_decide(actor=None, application=application, outcome=Outcome.ACCEPTED)
        # The best of the others waits for a place; the rest are declined.
        _criteria, ranking = call_ranking(call, call.applications.filter(pk__in=[a.pk for a in others]))
        for position, row in enumerate(ranking):
            outcome = Outcome.WAITING_LIST if position == 0 else Outcome.DECLINED
            application_decide(actor=None, application=row.application, outcome=outcome)
        return ranking[-1].application

    def open_call(self, call: Call) -> None:
        reviewers = list(call.reviewers.order_by("username"))
        applications = [
            self.submit_newcomer(
                call, applicant, self.moment(call, self.today - datetime.timedelta(days=2 * n + 1))
            )
            for n, applicant in enumerate(OPEN_APPLICANTS)
        ]
        # The first three have been read by one reviewer, the first by both.
        for n, application in enumerate(applications[:3]):
            for reviewer in reviewers[: 2 if n == 0 else 1]:
                self.review(call, application, reviewer, strong=n != 2)

    def deliver(self, messages, *, failed: Message) -> None:
        """Send the step's messages nowhere, but ``failed``, whose server refused every attempt."""
        unreachable = _UnreachableServer()
        # The failure is staged: `tissage demo` does not warn about it on the console.
        outbox_log = logging.getLogger(message_send.__module__)
        level = outbox_log.level
        outbox_log.setLevel(logging.ERROR)
        try:
            for _attempt in range(MAX_ATTEMPTS):
                message_send(message_id=failed.pk, connection=unreachable)
        finally:
            outbox_log.setLevel(level)
        nowhere = get_connection("django.core.mail.backends.dummy.EmailBackend")
        for message in messages:
            if message.pk != failed.pk:
                message_send(message_id=message.pk, connection=nowhere)


def build_calls(*, today: datetime.date = TODAY) -> None:
    """Write the demo's calls (inside the demo build's transaction)."""
    CallsBuilder(today=today).build()
