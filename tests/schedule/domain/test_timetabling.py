import datetime

import pytest
from django.core.exceptions import ValidationError

from tissage.activities.enums import ActivityKind
from tissage.activities.models import Activity
from tissage.core.models import AuditEntry
from tissage.schedule.domain.conflicts import edition_conflicts
from tissage.schedule.domain.facts import edition_facts
from tissage.schedule.domain.timetabling import describe_requirement, timetable_apply, timetable_problem
from tissage.solvers.timetable import Requirement, Rule, Status, solve

from ...factories import ParticipationFactory, PersonFactory, RoomFactory, SessionFactory, StaffFactory
from ..conftest import local, placed, unplaced

pytestmark = pytest.mark.django_db


def test_problem_counts_minutes_from_the_first_midnight_on_the_hubs_clock(edition, hall, leader):
    activity = placed(edition, hall, 3, 10, people=[leader])
    run = timetable_problem(edition)
    assert run.origin == local(2, 0)
    current = run.problem.activities[0].current
    assert (current.start, current.room, run.problem.activities[0].fixed) == (
        24 * 60 + 10 * 60,
        str(hall.pk),
        True,
    )
    assert run.moment(current.start) == activity.starts_at
    # Slots every half hour from 08:00 to 23:30, on each of the six days.
    assert (len(run.problem.slots), run.problem.slots[:2], run.problem.slots[-1]) == (
        6 * 32,
        (8 * 60, 8 * 60 + 30),
        5 * 24 * 60 + 23 * 60 + 30,
    )


def test_problem_carries_rooms_stays_preferences_and_groups(edition, hall, leader):
    club = RoomFactory(
        venue=edition.venues.get(),
        capacity=50,
        changeover_minutes=30,
        opens_at=datetime.time(18),
        closes_at=datetime.time(1),
    )
    session = SessionFactory(
        hub=edition.festival.hub, edition=edition, start_date=edition.start_date, end_date=edition.end_date
    )
    ParticipationFactory(
        person=leader,
        session=session,
        arrives_on=datetime.date(2002, 9, 3),
        departs_on=datetime.date(2002, 9, 6),
    )
    concert = unplaced(
        edition,
        90,
        people=[leader],
        kind=ActivityKind.CONCERT,
        required_equipment="Piano",
        expected_attendance=120,
    )
    unplaced(edition, 60, people=[leader])
    unplaced(edition, 60, people=[leader])
    problem = timetable_problem(edition).problem
    rooms = {r.id: r for r in problem.rooms}
    assert (
        rooms[str(club.pk)].changeover,
        rooms[str(club.pk)].hours[0].start,
        rooms[str(club.pk)].hours[0].end,
    ) == (
        30,
        18 * 60,
        25 * 60,
    )
    assert rooms[str(hall.pk)].equipment == frozenset({"piano", "sound system"})
    anna = problem.person_by_id[str(leader.pk)]
    assert [(w.start // 60, w.end // 60) for w in anna.present] == [(24, 5 * 24)]
    assert [(w.start // 60, w.end // 60) for w in anna.travel] == [(24, 48), (4 * 24, 5 * 24)]
    wanted = problem.activity_by_id[str(concert.pk)]
    assert (wanted.duration, wanted.attendance, wanted.equipment, wanted.preferred[0].start) == (
        90,
        120,
        frozenset({"piano"}),
        18 * 60,
    )
    others = [a for a in problem.activities if a.id != str(concert.pk)]
    assert others[0].group == others[1].group is not None


def test_solving_and_applying_places_the_unscheduled_without_conflict(edition, hall, studio, leader):
    staff = StaffFactory()
    fixed = placed(edition, hall, 2, 10, people=[leader])
    waiting = [unplaced(edition, 120, people=[leader, PersonFactory()]) for _ in range(4)]
    run = timetable_problem(edition)
    solution = solve(run.problem, seed=1, time_limit=5)
    moved = timetable_apply(actor=staff, run=run, solution=solution)
    assert sorted(a.pk for a in moved) == sorted(a.pk for a in waiting)
    assert Activity.objects.filter(starts_at__isnull=True).count() == 0
    assert Activity.objects.get(pk=fixed.pk).starts_at == local(2, 10)
    assert edition_conflicts(edition) == []
    entry = AuditEntry.objects.for_object(edition).get(action="timetable.applied")
    assert len(entry.changes) == 4
    assert AuditEntry.objects.for_object(waiting[0]).filter(action="timetable.applied").count() == 1


def test_apply_refuses_when_the_timetable_changed_meanwhile(edition, hall, leader):
    activity = unplaced(edition, 60, people=[leader])
    run = timetable_problem(edition)
    solution = solve(run.problem, seed=1, time_limit=5)
    Activity.objects.filter(pk=activity.pk).update(title={"en": "Renamed"}, updated_at=local(1, 1))
    with pytest.raises(ValidationError):
        timetable_apply(actor=None, run=run, solution=solution)
    assert Activity.objects.get(pk=activity.pk).starts_at is None


def test_replacing_moves_unpinned_activities_but_not_pinned_ones(edition, hall, leader):
    pinned = placed(edition, hall, 2, 10, people=[leader], is_pinned=True)
    clashing = placed(edition, hall, 2, 10, people=[leader])
    run = timetable_problem(edition, replace_unpinned=True)
    assert [a.fixed for a in run.problem.activities] == [True, False]
    solution = solve(run.problem, seed=1, time_limit=5)
    timetable_apply(actor=None, run=run, solution=solution)
    clashing.refresh_from_db()
    assert (Activity.objects.get(pk=pinned.pk).starts_at, clashing.starts_at != local(2, 10)) == (
        local(2, 10),
        True,
    )
    assert edition_conflicts(edition) == []


def test_an_impossible_timetable_is_explained_in_the_readers_language(edition, studio, leader):
    session = SessionFactory(
        hub=edition.festival.hub, edition=edition, start_date=edition.start_date, end_date=edition.end_date
    )
    ParticipationFactory(
        person=leader,
        session=session,
        arrives_on=datetime.date(2002, 9, 2),
        departs_on=datetime.date(2002, 9, 2),
    )
    first = unplaced(edition, 600, people=[leader], title={"en": "Long day"})
    second = unplaced(edition, 600, people=[leader], title={"en": "Another long day"})
    run = timetable_problem(edition)
    solution = solve(run.problem, seed=1, time_limit=5)
    assert solution.status == Status.INFEASIBLE
    facts = edition_facts(edition)
    assert set(solution.conflict) == {
        Requirement(Rule.PLACE, str(first.pk)),
        Requirement(Rule.PLACE, str(second.pk)),
        Requirement(Rule.PRESENCE, str(leader.pk)),
        Requirement(Rule.OVERLAP, str(leader.pk)),
    }
    assert describe_requirement(facts, "presence", str(leader.pk)) == (
        "Marius Giordano takes part only while there, from Sept. 2, 2002 to Sept. 2, 2002."
    )
    assert describe_requirement(facts, "place", str(first.pk)) == "“Long day” is in the timetable."
    assert (
        describe_requirement(facts, "overlap", str(leader.pk))
        == "Marius Giordano is never in two places at once."
    )
