"""A small programme to plan: three hubs, a session two months ahead with twelve confirmed
participants (a teaching artist from each hub, French shared by all), and two of them who already
worked together in an earlier activity of the network."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from tissage.network.enums import Season
from tissage.people.enums import Role
from tissage.planning.domain.problems import PlanSettings
from tissage.planning.domain.runs import plan_propose
from tissage.planning.models import PlanMember

from ..factories import (
    ActivityFactory,
    ActivityMemberFactory,
    EditionFactory,
    FestivalFactory,
    HubFactory,
    ParticipationFactory,
    PersonFactory,
    PersonLanguageFactory,
    ProgrammeFactory,
    SessionFactory,
)


@dataclass
class World:
    programme: object
    session: object
    hubs: list
    people: list
    leaders: list
    met: tuple


def person_at(session, hub, role=Role.ARTIST, languages=("fr",), **participation):
    person = PersonFactory(home_hub=hub)
    for language in languages:
        PersonLanguageFactory(person=person, language=language, level="fluent")
    ParticipationFactory(person=person, session=session, role=role, **participation)
    return person


def make_world(people_per_hub: int = 4) -> World:
    marseille = HubFactory(name={"en": "Marseille", "fr": "Marseille", "ru": "Марсель"})
    nenets = HubFactory(
        name={"en": "Narian-Mar", "fr": "Narian-Mar", "ru": "Нарьян-Мар"},
        season=Season.SPRING,
        timezone="Europe/Moscow",
    )
    kinshasa = HubFactory(name={"en": "Kinshasa", "fr": "Kinshasa", "ru": "Киншаса"})
    hubs = [marseille, nenets, kinshasa]
    programme = ProgrammeFactory(home_hub=marseille, partner_hubs=[nenets, kinshasa])
    start = timezone.now().date() + datetime.timedelta(days=60)
    edition = EditionFactory(
        festival=FestivalFactory(hub=marseille), start_date=start, end_date=start + datetime.timedelta(days=6)
    )
    session = SessionFactory(
        programme=programme, hub=marseille, edition=edition, start_date=start, end_date=edition.end_date
    )
    people, leaders = [], []
    for hub in hubs:
        leader = person_at(session, hub, Role.TEACHING_ARTIST)
        leaders.append(leader)
        people.append(leader)
        people.extend(person_at(session, hub) for _ in range(people_per_hub - 1))
    earlier = ActivityFactory(
        edition=EditionFactory(start_date=datetime.date(2004, 7, 22), end_date=datetime.date(2004, 7, 25))
    )
    met = (people[1], people[5])
    for person in met:
        ActivityMemberFactory(activity=earlier, person=person)
    return World(programme=programme, session=session, hubs=hubs, people=people, leaders=leaders, met=met)


@pytest.fixture
def world(db) -> World:
    return make_world()


SETTINGS = PlanSettings(groups=2, min_size=5, max_size=7, seconds=1)


def propose(world: World, settings: PlanSettings = SETTINGS, actor=None):
    return plan_propose(actor=actor, subject=world.session, settings=settings, seed=1)


@pytest.fixture
def plan(world):
    return propose(world)


def member_of(plan, person):
    return PlanMember.objects.select_related("group").get(plan=plan, person=person)
