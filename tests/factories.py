"""Test data factories: realistic, minimal objects built straight into the database."""

import datetime
import decimal

import factory
from django.contrib.auth import get_user_model

from tissage.activities.enums import ActivityKind, MemberRole, ParticipationStatus
from tissage.activities.models import Activity, ActivityMember, Participation
from tissage.network.enums import Season
from tissage.network.models import CohortMember, Edition, Festival, Hub, Programme, Room, Session, Venue
from tissage.people.enums import OrganisationKind, Role, SkillCategory
from tissage.people.models import Organisation, Person, PersonLanguage, PersonRole, Skill


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class StaffFactory(UserFactory):
    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = OrganisationKind.ASSOCIATION


class HubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hub

    slug = factory.Sequence(lambda n: f"hub-{n}")
    name = factory.Sequence(lambda n: {"en": f"Hub {n}", "fr": f"Pôle {n}", "ru": f"Центр {n}"})
    country = "FR"
    timezone = "Europe/Paris"
    languages = factory.LazyFunction(lambda: ["fr"])
    currency = "EUR"
    season = Season.SUMMER


class FestivalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Festival

    slug = factory.Sequence(lambda n: f"festival-{n}")
    name = factory.Sequence(lambda n: {"en": f"Festival {n}", "fr": f"Festival {n}", "ru": f"Фестиваль {n}"})
    hub = factory.SubFactory(HubFactory)
    season = Season.SUMMER
    founded_year = 1986


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    festival = factory.SubFactory(FestivalFactory)
    number = factory.Sequence(lambda n: n + 1)
    start_date = datetime.date(2004, 7, 22)
    end_date = datetime.date(2004, 7, 25)
    slug = factory.LazyAttribute(lambda o: f"{o.start_date.year}-{o.number}")
    is_published = True


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    hub = factory.SubFactory(HubFactory)
    slug = factory.Sequence(lambda n: f"venue-{n}")
    name = factory.Sequence(lambda n: {"en": f"Venue {n}"})


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    venue = factory.SubFactory(VenueFactory)
    name = factory.Sequence(lambda n: f"Room {n}")
    capacity = 40


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"programme-{n}")
    name = factory.Sequence(lambda n: {"en": f"Programme {n}", "fr": f"Programme {n}"})
    home_hub = factory.SubFactory(HubFactory)
    start_year = 2002

    @factory.post_generation
    def partner_hubs(self, create, extracted, **kwargs):
        if create:
            self.partner_hubs.set(extracted if extracted is not None else [HubFactory(season=Season.SPRING)])


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    hub = factory.LazyAttribute(lambda o: o.programme.home_hub)
    start_date = datetime.date(2004, 7, 19)
    end_date = datetime.date(2004, 7, 28)


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"skill-{n}")
    name = factory.LazyAttribute(lambda o: {"en": o.slug.title()})
    category = SkillCategory.INSTRUMENT


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    given_name = factory.Sequence(lambda n: f"Given{n}")
    family_name = factory.Sequence(lambda n: f"Family{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    home_hub = factory.SubFactory(HubFactory)


class PersonLanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonLanguage

    person = factory.SubFactory(PersonFactory)
    language = "fr"
    level = "native"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    edition = factory.SubFactory(EditionFactory)
    slug = factory.Sequence(lambda n: f"activity-{n}")
    title = factory.Sequence(lambda n: {"en": f"Activity {n}", "fr": f"Activité {n}", "ru": f"Занятие {n}"})
    kind = ActivityKind.CROSSED_WORKSHOP
    starts_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(o.edition.start_date, datetime.time(8, 0), tzinfo=datetime.UTC)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))


class ActivityMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityMember

    activity = factory.SubFactory(ActivityFactory)
    person = factory.SubFactory(PersonFactory)
    role = MemberRole.MEMBER


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    person = factory.SubFactory(PersonFactory)
    session = factory.SubFactory(SessionFactory)
    role = Role.ARTIST
    status = ParticipationStatus.CONFIRMED


class PersonRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonRole

    person = factory.SubFactory(PersonFactory)
    role = Role.TRAINEE
    since = datetime.date(2002, 9, 2)


class CohortMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CohortMember

    programme = factory.SubFactory(ProgrammeFactory)
    person = factory.SubFactory(PersonFactory)
    role = Role.TRAINEE


# Logistics: travel, visas, accommodation and money.


class TravelLegFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.TravelLeg"

    participation = factory.SubFactory(ParticipationFactory)
    direction = "arrival"
    mode = "plane"
    carrier = "Air France"
    number = "AF 1234"
    from_place = "Paris CDG"
    from_timezone = "Europe/Paris"
    to_place = "Marseille MRS"
    to_timezone = "Europe/Paris"
    departs_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(
            o.participation.session.start_date, datetime.time(7), tzinfo=datetime.UTC
        )
    )
    arrives_at = factory.LazyAttribute(lambda o: o.departs_at + datetime.timedelta(hours=1, minutes=20))
    status = "booked"


class VisaRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.VisaRule"
        django_get_or_create = ("nationality", "destination")

    nationality = "CD"
    destination = "FR"
    lead_days = 90
    invitation_days = 75
    documents_days = 60
    appointment_days = 45
    decision_days = 14
    consulate_language = "fr"


class VisaCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.VisaCase"

    participation = factory.SubFactory(ParticipationFactory)
    rule = factory.SubFactory(VisaRuleFactory)


class VisaDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.VisaDocument"

    case = factory.SubFactory(VisaCaseFactory)
    kind = "passport"
    file = factory.django.FileField(filename="passport.pdf", data=b"%PDF-1.4 passport")


class AccommodationPlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.AccommodationPlace"

    hub = factory.SubFactory(HubFactory)
    name = factory.Sequence(lambda n: f"Hôtel {n}")


class AccommodationRoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.AccommodationRoom"

    place = factory.SubFactory(AccommodationPlaceFactory)
    name = factory.Sequence(lambda n: f"Chambre {n}")


class BedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.Bed"

    room = factory.SubFactory(AccommodationRoomFactory)
    label = factory.Sequence(lambda n: f"{n}")


class StayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.Stay"

    participation = factory.SubFactory(ParticipationFactory)
    bed = factory.SubFactory(BedFactory)
    check_in = factory.LazyAttribute(lambda o: o.participation.session.start_date)
    check_out = factory.LazyAttribute(lambda o: o.participation.session.end_date)


class PerDiemRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.PerDiemRate"

    hub = factory.SubFactory(HubFactory)
    daily_amount = decimal.Decimal("35.00")
    currency = "EUR"
    valid_from = datetime.date(2000, 1, 1)


class PerDiemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.PerDiem"

    participation = factory.SubFactory(ParticipationFactory)
    daily_amount = decimal.Decimal("35.00")
    currency = "EUR"
    days = 10


class FeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.Fee"

    participation = factory.SubFactory(ParticipationFactory)
    kind = "artist"
    amount_value = decimal.Decimal("400.00")
    currency = "EUR"


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.Budget"

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Budget {n}")
    currency = "EUR"
    rates_on = datetime.date(2026, 1, 1)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.BudgetLine"

    budget = factory.SubFactory(BudgetFactory)
    category = "travel"
    label = factory.Sequence(lambda n: f"Line {n}")
    currency = "EUR"
    planned_amount = decimal.Decimal("1000.00")


class ExchangeRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.ExchangeRate"

    base = "EUR"
    quote = "RUB"
    on = datetime.date(2026, 1, 1)
    rate = decimal.Decimal("100")


class LetterTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "logistics.LetterTemplate"

    hub = factory.SubFactory(HubFactory)
    language = "fr"
    letterhead = "Tissage\n1 quai de la Joliette\n13002 Marseille"
    place = "Marseille"
    subject = "Invitation"
    body = "Nous invitons $name à $city du $arrival au $departure."
    signatory = "Nathalie Roux"
    signatory_title = "Directrice"


# Calls, applications, reviews and the outbox.


def _now_plus(**delta):
    from django.utils import timezone

    return lambda: timezone.now() + datetime.timedelta(**delta)


class CallFactory(factory.django.DjangoModelFactory):
    """An open, published call for artists, for one session of a programme."""

    class Meta:
        model = "calls.Call"
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"call-{n}")
    programme = factory.SubFactory(ProgrammeFactory)
    session = factory.SubFactory(SessionFactory, programme=factory.SelfAttribute("..programme"))
    kind = "artists"
    title = factory.Sequence(lambda n: {"en": f"Call {n}", "fr": f"Appel {n}", "ru": f"Конкурс {n}"})
    opens_at = factory.LazyFunction(_now_plus(days=-10))
    closes_at = factory.LazyFunction(_now_plus(days=20))
    is_published = True

    @factory.post_generation
    def reviewers(self, create, extracted, **kwargs):
        if create and extracted:
            self.reviewers.set(extracted)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "calls.Question"

    call = factory.SubFactory(CallFactory)
    position = factory.Sequence(lambda n: n)
    label = factory.Sequence(lambda n: {"en": f"Question {n}", "fr": f"Question {n}", "ru": f"Вопрос {n}"})
    kind = "text"
    required = True


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "calls.Criterion"

    call = factory.SubFactory(CallFactory)
    position = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: {"en": f"Criterion {n}", "fr": f"Critère {n}"})
    weight = decimal.Decimal("1")
    scale = 5


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "calls.Application"

    call = factory.SubFactory(CallFactory)
    given_name = factory.Sequence(lambda n: f"Applicant{n}")
    family_name = factory.Sequence(lambda n: f"Family{n}")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    language = "en"
    consent = True
    reference = factory.Sequence(lambda n: f"REF{n:05d}")


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "calls.Review"

    application = factory.SubFactory(ApplicationFactory)
    reviewer = factory.SubFactory(UserFactory)


class ApplicationFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "calls.ApplicationFile"

    application = factory.SubFactory(ApplicationFactory)
    file = factory.django.FileField(filename="recording.mp3", data=b"ID3 a song")
    name = "recording.mp3"
    size = 10
    content_type = "audio/mpeg"


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "outbox.Message"

    recipient_email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "en"
    template_key = "portal_sign_in"
    subject = factory.Sequence(lambda n: f"Message {n}")
    body_text = "Hello.\n"


# Network and impact (tissage.impact)


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "impact.Enterprise"
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"enterprise-{n}")
    name = factory.Sequence(lambda n: f"Enterprise {n}")
    kind = "hire"
    city = "Narian-Mar"
    founded_on = datetime.date(2006, 4, 1)

    @factory.post_generation
    def founders(self, create, extracted, **kwargs):
        if create:
            self.founders.set(extracted if extracted is not None else [PersonFactory()])


class CollaborationFactory(factory.django.DjangoModelFactory):
    """A collaboration straight into the database: the ledger knows of it after ``ledger_rebuild``."""

    class Meta:
        model = "impact.Collaboration"
        skip_postgeneration_save = True

    kind = "tour"
    title = factory.Sequence(lambda n: f"Tour {n}")
    date = datetime.date(2005, 3, 12)

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        if create:
            self.people.set(extracted if extracted is not None else [PersonFactory(), PersonFactory()])
