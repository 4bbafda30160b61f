import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from tissage.activities.enums import ParticipationStatus
from tissage.core.models import AuditEntry
from tissage.logistics.domain.accommodation import (
    bedroom_create,
    place_create,
    session_rooming,
    stay_create,
    stay_delete,
    stay_update,
)
from tissage.logistics.models import Bed, Stay

from ...factories import (
    BedFactory,
    HubFactory,
    ParticipationFactory,
    SessionFactory,
    StayFactory,
)

D = datetime.date


@pytest.fixture
def session(db):
    return SessionFactory(
        hub=HubFactory(slug="marseille"), start_date=D(2027, 7, 19), end_date=D(2027, 7, 25)
    )


def guest(session, **kwargs):
    return ParticipationFactory(session=session, person__home_hub=HubFactory(), **kwargs)


def test_bedroom_create_makes_its_beds(session):
    place = place_create(
        actor=None, data={"hub": session.hub, "name": "Résidence du Frioul", "kind": "residence"}
    )
    room = bedroom_create(actor=None, place=place, name="12", beds=3)
    assert list(room.beds.values_list("label", flat=True)) == ["1", "2", "3"]
    assert [e.action for e in AuditEntry.objects.for_object(place)] == [
        "accommodation_room.created",
        "accommodation_place.created",
    ]
    with pytest.raises(ValidationError):
        bedroom_create(actor=None, place=place, name="13", beds=0)


def test_stay_create_audits_on_the_person_and_session(session):
    participation = guest(session)
    stay = stay_create(
        actor=None,
        data={
            "participation": participation,
            "bed": BedFactory(),
            "check_in": D(2027, 7, 19),
            "check_out": D(2027, 7, 25),
        },
    )
    assert stay.nights == 6
    assert AuditEntry.objects.for_object(participation.person).get().action == "stay.created"


def test_double_booked_bed_is_refused_with_who_holds_it(session):
    bed = BedFactory()
    StayFactory(
        participation=guest(session, person__given_name="Olga", person__family_name="Taleeva"), bed=bed
    )
    other = guest(session)
    with pytest.raises(ValidationError) as refusal:
        stay_create(
            actor=None,
            data={
                "participation": other,
                "bed": bed,
                "check_in": D(2027, 7, 24),
                "check_out": D(2027, 7, 27),
            },
        )
    assert refusal.value.message_dict == {
        "bed": ["This bed is taken by Olga Taleeva from 19 Jul 2027 to 25 Jul 2027."]
    }
    assert Stay.objects.count() == 1


def test_a_bed_freed_in_the_morning_takes_someone_that_night(session):
    bed = BedFactory()
    StayFactory(participation=guest(session), bed=bed, check_in=D(2027, 7, 19), check_out=D(2027, 7, 22))
    stay = stay_create(
        actor=None,
        data={
            "participation": guest(session),
            "bed": bed,
            "check_in": D(2027, 7, 22),
            "check_out": D(2027, 7, 25),
        },
    )
    assert stay.check_in == D(2027, 7, 22)


def test_stay_update_into_someone_elses_nights_is_refused(session):
    bed = BedFactory()
    StayFactory(participation=guest(session), bed=bed, check_in=D(2027, 7, 22), check_out=D(2027, 7, 25))
    mine = StayFactory(
        participation=guest(session), bed=bed, check_in=D(2027, 7, 19), check_out=D(2027, 7, 22)
    )
    with pytest.raises(ValidationError, match="This bed is taken"):
        stay_update(actor=None, stay=mine, data={"check_out": D(2027, 7, 23)})
    assert stay_update(actor=None, stay=mine, data={"check_in": D(2027, 7, 18)}) == {
        "check_in": ["2027-07-19", "2027-07-18"]
    }


def test_stay_for_someone_not_coming_is_refused(session):
    with pytest.raises(ValidationError, match="not coming"):
        stay_create(
            actor=None,
            data={
                "participation": guest(session, status=ParticipationStatus.DECLINED),
                "bed": BedFactory(),
                "check_in": D(2027, 7, 19),
                "check_out": D(2027, 7, 20),
            },
        )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the exclusion constraint is PostgreSQL's")
def test_database_refuses_overlapping_stays_the_domain_did_not_see(session):
    bed = BedFactory()
    StayFactory(participation=guest(session), bed=bed, check_in=D(2027, 7, 19), check_out=D(2027, 7, 25))
    with pytest.raises(IntegrityError), transaction.atomic():
        Stay.objects.create(
            participation=guest(session), bed=bed, check_in=D(2027, 7, 20), check_out=D(2027, 7, 21)
        )


def test_database_refuses_two_arrivals_in_one_bed_the_same_night(session):
    bed = BedFactory()
    StayFactory(participation=guest(session), bed=bed, check_in=D(2027, 7, 19), check_out=D(2027, 7, 20))
    with pytest.raises(IntegrityError), transaction.atomic():
        Stay.objects.create(
            participation=guest(session), bed=bed, check_in=D(2027, 7, 19), check_out=D(2027, 7, 21)
        )


def test_session_rooming_shows_nights_without_a_bed_and_conflicts(session):
    housed = guest(session, person__family_name="A")
    StayFactory(participation=housed, check_in=D(2027, 7, 19), check_out=D(2027, 7, 25))
    half = guest(session, person__family_name="B", arrives_on=D(2027, 7, 19), departs_on=D(2027, 7, 25))
    StayFactory(participation=half, check_in=D(2027, 7, 19), check_out=D(2027, 7, 22))
    StayFactory(participation=half, check_in=D(2027, 7, 21), check_out=D(2027, 7, 23))
    gone = guest(session, person__family_name="C", status=ParticipationStatus.CANCELLED)
    StayFactory(participation=gone)
    ParticipationFactory(session=session, person__home_hub=session.hub, person__family_name="Local")
    rooming = {row.participation.person.family_name: row for row in session_rooming(session)}
    assert sorted(rooming) == ["A", "B", "C"]
    assert (rooming["A"].unhoused, rooming["A"].conflicts) == ([], [])
    assert rooming["B"].unhoused == [D(2027, 7, 23), D(2027, 7, 24)]
    assert len(rooming["B"].conflicts) == 1
    assert rooming["B"].conflicts[0].startswith("Two beds on the night of 21 Jul 2027")
    assert rooming["C"].conflicts == ["This person is not coming but still holds a bed."]


def test_session_rooming_query_count_does_not_grow(session, django_assert_num_queries):
    for _n in range(3):
        StayFactory(participation=guest(session))
    with django_assert_num_queries(2):
        session_rooming(session)
    for _n in range(10):
        StayFactory(participation=guest(session))
    with django_assert_num_queries(2):
        assert len(session_rooming(session)) == 13


def test_stay_delete_frees_the_bed(session):
    stay = StayFactory(participation=guest(session))
    stay_delete(actor=None, stay=stay)
    assert (Stay.objects.count(), Bed.objects.count()) == (0, 1)
