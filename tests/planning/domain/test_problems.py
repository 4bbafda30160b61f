import dataclasses
import datetime

import pytest

from tissage.activities.enums import ParticipationStatus
from tissage.people.enums import Role
from tissage.planning.domain.problems import PlanSettings, build_problem, problem_reasons, reasons_error
from tissage.planning.enums import Taker

from ...factories import (
    ActivityFactory,
    ActivityMemberFactory,
    CohortMemberFactory,
    EditionFactory,
    SessionFactory,
)
from ..conftest import SETTINGS, person_at, propose

pytestmark = pytest.mark.django_db


def build(world, settings=SETTINGS, sessions=None):
    return build_problem(programme=world.programme, sessions=sessions or [world.session], settings=settings)


def test_build_problem_reads_people_hubs_languages_and_roles(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        built = build(world)
    problem = built.problem
    assert [p.id for p in problem.people] == [str(p.pk) for p in world.people]
    assert sorted({p.hub for p in problem.people}) == sorted(hub.slug for hub in world.hubs)
    leader = problem.people[0]
    assert (leader.role.can_lead, dict(leader.languages), leader.name) == (
        True,
        {"fr": "fluent"},
        world.leaders[0].full_name,
    )
    assert [(s.id, s.groups, s.min_size, s.max_size) for s in problem.sessions] == [
        (str(world.session.pk), 2, 5, 7)
    ]
    assert sorted(built.names.hubs.values()) == ["Kinshasa", "Marseille", "Narian-Mar"]


def test_build_problem_counts_earlier_activities_anywhere_in_the_network_as_met(world):
    first, second = world.met
    built = build(world)
    assert [(h.a, h.b) for h in built.problem.history] == [(str(first.pk), str(second.pk))]
    assert built.history_pairs == 1


def test_build_problem_ignores_activities_after_the_session(world):
    later = world.session.start_date + datetime.timedelta(days=400)
    activity = ActivityFactory(edition=EditionFactory(start_date=later, end_date=later))
    for person in world.people[2:4]:
        ActivityMemberFactory(activity=activity, person=person)
    assert build(world).history_pairs == 1


def test_build_problem_counts_an_earlier_sessions_draft_of_the_programme_as_met(world):
    earlier_plan = propose(world)
    later_day = world.session.end_date + datetime.timedelta(days=120)
    later = SessionFactory(
        programme=world.programme, hub=world.hubs[1], start_date=later_day, end_date=later_day
    )
    for person in world.people:
        person.participations.create(session=later, role=Role.ARTIST, status=ParticipationStatus.CONFIRMED)
    built = build(world, sessions=[later])
    grouped = sum(g.members.count() * (g.members.count() - 1) // 2 for g in earlier_plan.groups.all())
    # The pair who met in an activity may also have been grouped together in the draft.
    assert built.history_pairs in {grouped, grouped + 1}
    assert built.history_pairs >= grouped


def test_build_problem_takes_only_who_staff_chose(world):
    trainee = person_at(world.session, world.hubs[0], Role.TRAINEE)
    person_at(world.session, world.hubs[1], status=ParticipationStatus.DECLINED)
    invited = person_at(world.session, world.hubs[2], status=ParticipationStatus.INVITED)
    cohort_only = CohortMemberFactory(programme=world.programme, role=Role.ARTIST).person
    everyone = {str(p.pk) for p in world.people}
    ids = {p.id for p in build(world).problem.people}
    assert ids == everyone | {str(trainee.pk), str(cohort_only.pk)}
    settings = dataclasses.replace(SETTINGS, takers=(Taker.CONFIRMED, Taker.INVITED))
    assert {p.id for p in build(world, settings).problem.people} == everyone | {str(invited.pk)}


def test_problem_reasons_name_the_setting_to_change(world):
    settings = dataclasses.replace(SETTINGS, groups=3, min_size=5, max_size=5)
    built = build(world, settings)
    reasons = problem_reasons(built)
    assert [r.code for r in reasons] == ["size_range"]
    error = reasons_error(reasons, built.names, fields={"groups", "min_size", "max_size"})
    assert error.message_dict == {
        "groups": [
            f"{built.names.sessions[str(world.session.pk)]}: 12 people cannot fill 3 groups of 5 to 5."
        ]
    }


def test_problem_reasons_without_the_field_go_on_the_settings_as_a_whole(world):
    built = build(world, dataclasses.replace(SETTINGS, min_hubs=4))
    reasons = problem_reasons(built)
    assert [r.code for r in reasons] == ["hubs_too_few"]
    assert list(reasons_error(reasons, built.names, fields=()).message_dict) == ["__all__"]


def test_plan_settings_round_trip_through_json():
    settings = PlanSettings(groups=3, pairs=((1, 2, "apart"),), weights={"repeat": 50.0}, seconds=5)
    assert PlanSettings.read(settings.as_json()) == settings
