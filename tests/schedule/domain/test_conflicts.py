import datetime

import pytest

from tissage.activities.enums import ActivityKind, MemberRole, ParticipationStatus
from tissage.network.models import Edition
from tissage.people.enums import Role
from tissage.schedule.domain.conflicts import conflicts_by_activity, edition_conflicts
from tissage.schedule.enums import ConflictRule

from ...factories import (
    ActivityFactory,
    ActivityMemberFactory,
    EditionFactory,
    ParticipationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
)
from ..conftest import local, placed

pytestmark = pytest.mark.django_db


def summary(conflicts):
    return [(c.rule, [str(a.title) for a in c.activities], [p.name for p in c.people]) for c in conflicts]


def test_no_conflict_in_a_clean_timetable(edition, hall, studio, leader):
    placed(edition, hall, 2, 10, people=[leader])
    placed(edition, hall, 2, 14, people=[leader])
    placed(edition, studio, 2, 10, people=[PersonFactory()])
    assert edition_conflicts(edition) == []


def test_a_person_in_two_places_is_named_with_both_activities(edition, hall, studio, leader):
    other = PersonFactory(given_name="Ivan", family_name="Taleev")
    first = placed(edition, hall, 3, 10, people=[leader, other], title={"en": "Sound workshop"})
    second = placed(edition, studio, 3, 11, people=[leader, other], title={"en": "Mixing"})
    conflicts = edition_conflicts(edition)
    assert summary(conflicts) == [
        (ConflictRule.PERSON, ["Sound workshop", "Mixing"], ["Marius Giordano", "Ivan Taleev"])
    ]
    assert (
        conflicts[0].message
        == "Marius Giordano, Ivan Taleev cannot be at “Sound workshop” and “Mixing” at once."
    )
    assert sorted(conflicts_by_activity(conflicts)) == [first.pk, second.pk]


def test_an_activity_outside_someones_stay(edition, hall, leader):
    session = SessionFactory(hub=edition.festival.hub, edition=edition)
    ParticipationFactory(
        person=leader,
        session=session,
        arrives_on=datetime.date(2002, 9, 3),
        departs_on=datetime.date(2002, 9, 5),
    )
    placed(edition, hall, 2, 10, people=[leader], title={"en": "Too early"})
    placed(edition, hall, 5, 20, people=[leader], title={"en": "Last evening"})
    placed(edition, hall, 6, 10, people=[leader], title={"en": "Too late"})
    assert summary(edition_conflicts(edition)) == [
        (ConflictRule.PRESENCE, ["Too early"], ["Marius Giordano"]),
        (ConflictRule.PRESENCE, ["Too late"], ["Marius Giordano"]),
    ]


def test_someone_who_declined_is_never_there(edition, hall, leader):
    session = SessionFactory(hub=edition.festival.hub, edition=edition)
    ParticipationFactory(person=leader, session=session, status=ParticipationStatus.DECLINED)
    placed(edition, hall, 4, 10, people=[leader], title={"en": "Workshop"})
    assert summary(edition_conflicts(edition)) == [(ConflictRule.PRESENCE, ["Workshop"], ["Marius Giordano"])]


def test_someone_expected_at_another_edition_meanwhile(edition, hall, leader):
    elsewhere = EditionFactory(start_date=datetime.date(2002, 9, 1), end_date=datetime.date(2002, 9, 10))
    ActivityMemberFactory(
        person=leader,
        activity=ActivityFactory(
            edition=elsewhere,
            title={"en": "Concert in Marseille"},
            starts_at=local(4, 9),
            ends_at=local(4, 12),
        ),
    )
    placed(edition, hall, 4, 10, people=[leader], title={"en": "Workshop"})
    conflicts = edition_conflicts(edition)
    assert summary(conflicts) == [(ConflictRule.ELSEWHERE, ["Workshop"], ["Marius Giordano"])]
    assert conflicts[0].message == (
        "Marius Giordano is expected at “Concert in Marseille” elsewhere during “Workshop”."
    )


def test_a_room_used_twice_and_without_its_changeover(edition):
    stage = RoomFactory(venue=edition.venues.get(), name="Stage", changeover_minutes=45)
    placed(edition, stage, 2, 18, title={"en": "First set"})
    placed(edition, stage, 2, 19, title={"en": "Overlapping set"})
    placed(edition, stage, 2, 21, hours=1, title={"en": "Too soon"})
    conflicts = edition_conflicts(edition)
    assert summary(conflicts) == [
        (ConflictRule.ROOM, ["First set", "Overlapping set"], []),
        (ConflictRule.CHANGEOVER, ["Overlapping set", "Too soon"], []),
    ]
    assert (
        conflicts[1].message
        == "House of Culture — Stage needs 45 minutes between “Overlapping set” and “Too soon”."
    )


def test_room_too_small_and_without_the_equipment(edition, studio):
    placed(
        edition,
        studio,
        3,
        10,
        title={"en": "Piano class"},
        expected_attendance=20,
        required_equipment="Piano\nmixing desk",
    )
    conflicts = edition_conflicts(edition)
    assert summary(conflicts) == [
        (ConflictRule.CAPACITY, ["Piano class"], []),
        (ConflictRule.EQUIPMENT, ["Piano class"], []),
    ]
    assert [c.message for c in conflicts] == [
        "House of Culture — Studio holds 8 people; “Piano class” needs 20.",
        "House of Culture — Studio has no Piano for “Piano class”.",
    ]


def test_members_count_when_no_attendance_is_expected(edition, studio):
    placed(edition, studio, 3, 10, people=PersonFactory.create_batch(9), title={"en": "Crowded"})
    assert summary(edition_conflicts(edition))[0][:2] == (ConflictRule.CAPACITY, ["Crowded"])


def test_opening_hours_and_curfew_past_midnight(edition):
    club = RoomFactory(
        venue=edition.venues.get(), name="Club", opens_at=datetime.time(18), closes_at=datetime.time(1)
    )
    placed(edition, club, 3, 23, hours=1.5, title={"en": "Late set"})  # ends 00:30: before the curfew
    placed(edition, club, 6, 0, hours=0.5, title={"en": "After midnight"})  # still the evening before
    placed(edition, club, 4, 16, title={"en": "Afternoon"})
    placed(edition, club, 4, 23, hours=3, title={"en": "Past curfew"})
    conflicts = edition_conflicts(edition)
    assert summary(conflicts) == [
        (ConflictRule.HOURS, ["Afternoon"], []),
        (ConflictRule.HOURS, ["Past curfew"], []),
    ]
    assert (
        conflicts[0].message
        == "“Afternoon” is outside the opening hours of House of Culture — Club (18:00–01:00)."
    )


def test_a_trainees_mandatory_trainings_overlap(edition, hall, studio):
    session = SessionFactory(
        hub=edition.festival.hub, edition=edition, start_date=edition.start_date, end_date=edition.end_date
    )
    trainee = PersonFactory(given_name="Artyom", family_name="Vylka")
    ParticipationFactory(person=trainee, session=session, role=Role.TRAINEE)
    ParticipationFactory(session=session, role=Role.ARTIST)
    placed(
        edition,
        hall,
        3,
        10,
        session=session,
        kind=ActivityKind.TRAINING,
        mandatory_for_trainees=True,
        title={"en": "Safety"},
    )
    placed(
        edition,
        studio,
        3,
        11,
        session=session,
        kind=ActivityKind.TRAINING,
        mandatory_for_trainees=True,
        title={"en": "Rigging"},
    )
    placed(edition, studio, 3, 15, session=session, kind=ActivityKind.TRAINING, title={"en": "Optional"})
    conflicts = edition_conflicts(edition)
    assert summary(conflicts) == [(ConflictRule.MANDATORY, ["Safety", "Rigging"], ["Artyom Vylka"])]


def test_conflict_detection_reads_the_edition_in_a_fixed_number_of_queries(
    edition, hall, django_assert_max_num_queries
):
    def add(count):
        for n in range(count):
            people = PersonFactory.create_batch(2)
            placed(edition, hall, 2 + n % 5, 9 + n % 10, people=people)

    edition = Edition.objects.select_related("festival__hub").get(pk=edition.pk)
    add(3)
    with django_assert_max_num_queries(6):
        small = edition_conflicts(edition)
    add(30)
    with django_assert_max_num_queries(6):
        large = edition_conflicts(edition)
    assert len(large) > len(small)


def test_a_member_role_does_not_matter_for_being_in_two_places(edition, hall, studio):
    interpreter = PersonFactory()
    for room, hour in ((hall, 10), (studio, 10)):
        activity = placed(edition, room, 2, hour)
        ActivityMemberFactory(activity=activity, person=interpreter, role=MemberRole.INTERPRETER)
    assert [c.rule for c in edition_conflicts(edition)] == [ConflictRule.PERSON]
