"""Test data factories: realistic, minimal objects built straight into the database."""

import datetime

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
