import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tissage.activities.domain.activities import (
    activity_delete,
    activity_member_add,
    activity_member_remove,
    activity_member_update,
    activity_members_set,
    activity_update,
)
from tissage.activities.domain.participations import participation_create, participation_set_status
from tissage.activities.enums import MemberRole, ParticipationStatus
from tissage.activities.models import Activity
from tissage.core.models import AuditEntry
from tissage.impact.domain.collaborations import (
    collaboration_create,
    collaboration_delete,
    collaboration_update,
)
from tissage.impact.domain.ledger import UNTIMED_ACTIVITY_HOURS, ledger_rebuild, ties_recompute
from tissage.impact.models import Collaboration, Tie, TieContribution, TieYear
from tissage.people.enums import Role

from ...factories import ActivityFactory, EditionFactory, PersonFactory, SessionFactory
from ..ledger import ledger_rows

D = datetime.date


def at(year: int, month: int = 7, day: int = 20, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


def activity(year: int, hours: float = 3, **kwargs) -> Activity:
    start = at(year)
    return ActivityFactory(
        edition=EditionFactory(start_date=D(year, 7, 19), end_date=D(year, 7, 25)),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=hours),
        **kwargs,
    )


def people(n: int):
    return [PersonFactory() for _ in range(n)]


def join(activity_, *persons):
    activity_members_set(actor=None, activity=activity_, members=[(p, MemberRole.MEMBER) for p in persons])


def tie(p, q) -> Tie:
    a, b = sorted([p, q], key=lambda person: person.pk)
    return Tie.objects.get(person_a=a, person_b=b)


@pytest.mark.django_db
def test_ties_share_an_activitys_hours_by_group_size():
    ana, boris, chloe = people(3)
    join(activity(2002, hours=3), ana, boris, chloe)
    assert {
        (t.person_a_id, t.person_b_id): (t.weight, t.hours, t.activity_count, t.year_count)
        for t in Tie.objects.all()
    } == {
        (ana.pk, boris.pk): (1.5, 3.0, 1, 1),
        (ana.pk, chloe.pk): (1.5, 3.0, 1, 1),
        (boris.pk, chloe.pk): (1.5, 3.0, 1, 1),
    }


@pytest.mark.django_db
def test_tie_active_in_two_years_is_durable_and_sums_its_years():
    ana, boris, chloe = people(3)
    join(activity(2002, hours=3), ana, boris, chloe)
    join(activity(2004, hours=2), ana, boris)
    durable = tie(ana, boris)
    assert (
        durable.weight,
        durable.year_count,
        durable.first_date,
        durable.last_date,
        durable.is_durable,
    ) == (
        3.5,
        2,
        D(2002, 7, 20),
        D(2004, 7, 20),
        True,
    )
    assert list(durable.years.values_list("year", "weight", "activity_count")) == [
        (2002, 1.5, 1),
        (2004, 2.0, 1),
    ]
    assert (tie(ana, chloe).year_count, tie(ana, chloe).is_durable) == (1, False)
    assert sorted(Tie.objects.durable().values_list("pk", flat=True)) == [durable.pk]


@pytest.mark.django_db
def test_tie_is_crossing_when_home_hubs_differ():
    ana, boris = people(2)
    chloe = PersonFactory(home_hub=ana.home_hub)
    join(activity(2002), ana, boris, chloe)
    assert (tie(ana, boris).is_crossing, tie(ana, chloe).is_crossing) == (True, False)
    assert Tie.objects.crossing().count() == 2


@pytest.mark.django_db
def test_untimed_activity_counts_half_a_day_on_its_editions_first_day():
    ana, boris = people(2)
    untimed = ActivityFactory(
        starts_at=None,
        ends_at=None,
        edition=EditionFactory(start_date=D(2003, 5, 17), end_date=D(2003, 5, 25)),
    )
    join(untimed, ana, boris)
    assert (tie(ana, boris).weight, tie(ana, boris).first_date) == (UNTIMED_ACTIVITY_HOURS, D(2003, 5, 17))


@pytest.mark.django_db
def test_member_changes_update_the_ledger():
    ana, boris, chloe = people(3)
    workshop = activity(2002, hours=4)
    activity_member_add(actor=None, activity=workshop, person=ana)
    assert Tie.objects.count() == 0
    member = activity_member_add(actor=None, activity=workshop, person=boris)
    assert tie(ana, boris).weight == 4.0
    activity_member_add(actor=None, activity=workshop, person=chloe, role=MemberRole.LEADER)
    assert (tie(ana, boris).weight, Tie.objects.count()) == (2.0, 3)
    activity_member_update(actor=None, member=member, role=MemberRole.TECHNICIAN)
    assert tie(ana, boris).weight == 2.0
    activity_member_remove(actor=None, member=member)
    assert list(Tie.objects.values_list("weight", flat=True)) == [4.0]


@pytest.mark.django_db
def test_new_times_redate_and_reweigh_the_ties():
    ana, boris = people(2)
    workshop = activity(2002, hours=3)
    join(workshop, ana, boris)
    activity_update(
        actor=None,
        activity=workshop,
        data={"starts_at": at(2005), "ends_at": at(2005) + datetime.timedelta(hours=6)},
    )
    assert (
        tie(ana, boris).weight,
        tie(ana, boris).first_date,
        list(TieYear.objects.values_list("year", flat=True)),
    ) == (
        6.0,
        D(2005, 7, 20),
        [2005],
    )


@pytest.mark.django_db
def test_deleting_an_activity_or_a_person_removes_their_contributions():
    ana, boris, chloe = people(3)
    first, second = activity(2002, hours=3), activity(2003, hours=2)
    join(first, ana, boris, chloe)
    join(second, ana, boris)
    activity_delete(actor=None, activity=second)
    assert (tie(ana, boris).weight, tie(ana, boris).year_count) == (1.5, 1)
    chloe.delete()
    assert list(Tie.objects.values_list("weight", flat=True)) == [3.0]


@pytest.mark.django_db
def test_deleting_an_edition_cascades_to_the_ledger():
    ana, boris = people(2)
    workshop = activity(2002)
    join(workshop, ana, boris)
    workshop.edition.delete()
    assert (Tie.objects.count(), TieYear.objects.count(), TieContribution.objects.count()) == (0, 0, 0)


@pytest.mark.django_db
def test_people_who_declined_their_session_do_not_count():
    ana, boris, chloe = people(3)
    session = SessionFactory(start_date=D(2004, 7, 19), end_date=D(2004, 7, 25))
    workshop = ActivityFactory(
        edition=EditionFactory(),
        session=session,
        starts_at=at(2004),
        ends_at=at(2004) + datetime.timedelta(hours=2),
    )
    participation = participation_create(
        actor=None,
        data={
            "person": chloe,
            "session": session,
            "role": Role.ARTIST,
            "status": ParticipationStatus.CONFIRMED,
        },
    )
    join(workshop, ana, boris, chloe)
    assert Tie.objects.count() == 3
    participation_set_status(actor=None, participation=participation, status=ParticipationStatus.DECLINED)
    assert list(Tie.objects.values_list("person_a", "person_b", "weight")) == [(ana.pk, boris.pk, 2.0)]
    participation_set_status(actor=None, participation=participation, status=ParticipationStatus.ATTENDED)
    assert Tie.objects.count() == 3


@pytest.mark.django_db
def test_ledger_rebuild_writes_the_same_ledger_and_records_it():
    ana, boris, chloe, dan = people(4)
    join(activity(2002, hours=3), ana, boris, chloe)
    join(activity(2003, hours=5), ana, dan, chloe)
    incremental = ledger_rows()
    counts = ledger_rebuild(actor=None)
    assert ledger_rows() == incremental
    assert counts == {"ties": 5, "contributions": 6, "tie_years": 6}
    assert AuditEntry.objects.filter(action="ledger.rebuilt").count() == 1


# Property: after any sequence of changes (of activities, attendance and declared collaborations),
# the incrementally kept ledger equals a full rebuild.

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.integers(0, 3), st.sets(st.integers(0, 6), max_size=6)),
        st.tuples(st.just("add"), st.integers(0, 3), st.integers(0, 6)),
        st.tuples(st.just("remove"), st.integers(0, 3), st.integers(0, 6)),
        st.tuples(st.just("move"), st.integers(0, 3), st.integers(2001, 2006)),
        st.tuples(st.just("attend"), st.integers(0, 6), st.sampled_from(ParticipationStatus.values)),
        st.tuples(st.just("delete"), st.integers(0, 3), st.just(0)),
        st.tuples(st.just("declare"), st.integers(0, 1), st.sets(st.integers(0, 6), min_size=2, max_size=4)),
        st.tuples(st.just("undeclare"), st.integers(0, 1), st.just(0)),
    ),
    max_size=12,
)


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_incremental_ledger_equals_a_full_rebuild(steps):
    Tie.objects.all().delete()
    Activity.objects.all().delete()
    Collaboration.objects.all().delete()
    persons = people(7)
    session = SessionFactory(start_date=D(2002, 7, 19), end_date=D(2002, 7, 25))
    edition = EditionFactory(start_date=D(2002, 7, 19), end_date=D(2002, 7, 25))
    activities = [
        ActivityFactory(
            edition=edition,
            session=session if n % 2 else None,
            starts_at=at(2002, hour=8 + n),
            ends_at=at(2002, hour=9 + 2 * n),
        )
        for n in range(4)
    ]
    participations, collaborations = {}, {}
    for verb, index, value in steps:
        if verb == "declare":
            chosen = [persons[i] for i in sorted(value)]
            if index in collaborations:
                collaboration_update(actor=None, collaboration=collaborations[index], data={"people": chosen})
            else:
                collaborations[index] = collaboration_create(
                    actor=None,
                    data={"kind": "tour", "title": "Tour", "date": D(2003 + index, 3, 1), "people": chosen},
                )
            continue
        if verb == "undeclare":
            if index in collaborations:
                collaboration_delete(actor=None, collaboration=collaborations.pop(index))
            continue
        target = activities[index] if verb != "attend" else None
        if target is not None and not Activity.objects.filter(pk=target.pk).exists():
            continue
        if verb == "set":
            join(target, *(persons[i] for i in sorted(value)))
        elif verb == "add" and not target.members.filter(person=persons[value]).exists():
            activity_member_add(actor=None, activity=target, person=persons[value])
        elif verb == "remove" and (member := target.members.filter(person=persons[value]).first()):
            activity_member_remove(actor=None, member=member)
        elif verb == "move":
            activity_update(
                actor=None, activity=target, data={"starts_at": at(value), "ends_at": at(value, hour=12)}
            )
        elif verb == "attend":
            person = persons[index]
            if person.pk in participations:
                participation_set_status(actor=None, participation=participations[person.pk], status=value)
            else:
                participations[person.pk] = participation_create(
                    actor=None,
                    data={"person": person, "session": session, "role": Role.ARTIST, "status": value},
                )
        elif verb == "delete":
            activity_delete(actor=None, activity=target)
    incremental = ledger_rows()
    ledger_rebuild()
    assert ledger_rows() == incremental


@pytest.mark.django_db
def test_ties_recompute_is_idempotent():
    ana, boris, chloe = people(3)
    workshop = activity(2002)
    join(workshop, ana, boris, chloe)
    before = ledger_rows()
    ties_recompute(activity=workshop)
    assert ledger_rows() == before
