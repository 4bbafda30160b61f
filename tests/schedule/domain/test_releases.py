import datetime

import pytest
from django.core.exceptions import ValidationError

from tissage.activities.domain.activities import activity_delete, activity_update
from tissage.activities.enums import MemberRole
from tissage.core.models import AuditEntry
from tissage.schedule.domain.placement import activity_pin, activity_place, activity_unschedule
from tissage.schedule.domain.programme import draft_programme, programme_snapshot
from tissage.schedule.domain.releases import affected_people, release_programme, release_publish
from tissage.schedule.models import Release

from ...factories import ActivityMemberFactory, PersonFactory, RoomFactory, StaffFactory
from ..conftest import local, placed, unplaced

pytestmark = pytest.mark.django_db


def test_first_release_is_number_one_with_everything_added(edition, hall, leader):
    staff = StaffFactory()
    activity = placed(
        edition, hall, 3, 10, people=[leader], title={"en": "Sound workshop", "fr": "Atelier son"}
    )
    release = release_publish(actor=staff, edition=edition, comment="First programme")
    assert (release.number, release.author, release.comment) == (1, staff, "First programme")
    assert [(e["activity"], e["before"]) for e in release.changes["added"]] == [(activity.pk, None)]
    assert release.changes["people"] == {str(leader.pk): [activity.pk]}
    entry = AuditEntry.objects.for_object(edition).get(action="release.published")
    assert entry.changes == {"number": [None, 1], "added": [0, 1]}


def test_next_release_lists_what_moved_was_added_cancelled_and_changed(edition, hall, studio, leader):
    staff = StaffFactory()
    singer, crew = PersonFactory(), PersonFactory()
    moving = placed(edition, hall, 3, 10, people=[leader])
    renamed = placed(edition, hall, 4, 10, people=[singer])
    cancelled = placed(edition, studio, 5, 10, people=[crew])
    cancelled_pk = cancelled.pk
    release_publish(actor=staff, edition=edition)
    activity_place(actor=staff, activity=moving, starts_at=local(3, 14), room=studio)
    activity_update(actor=staff, activity=renamed, data={"title": {"en": "New title"}})
    activity_delete(actor=staff, activity=cancelled)
    added = unplaced(edition, people=[leader])
    second = release_publish(actor=staff, edition=edition)
    changes = second.changes
    assert second.number == 2
    assert [e["activity"] for e in changes["moved"]] == [moving.pk]
    assert changes["moved"][0]["before"] == {
        "starts_at": "2002-09-03T06:00:00+00:00",
        "ends_at": "2002-09-03T08:00:00+00:00",
        "room": str(hall.pk),
        "room_name": "Big hall",
    }
    assert changes["moved"][0]["after"]["room"] == str(studio.pk)
    assert [(e["activity"], e["fields"]) for e in changes["changed"]] == [(renamed.pk, ["title"])]
    assert [e["activity"] for e in changes["cancelled"]] == [cancelled_pk]
    assert [e["activity"] for e in changes["added"]] == [added.pk]
    affected = {pk: [c.kind for c in found] for _person, pk, found in affected_people(second)}
    assert affected == {
        leader.pk: ["added", "moved"],
        singer.pk: ["changed"],
        crew.pk: ["cancelled"],
    }


def test_nothing_to_publish_when_nothing_changed(edition, hall):
    placed(edition, hall, 3, 10)
    release_publish(actor=None, edition=edition)
    with pytest.raises(ValidationError) as refusal:
        release_publish(actor=None, edition=edition)
    assert refusal.value.messages == ["Nothing changed since release 1: there is nothing to publish."]
    assert Release.objects.count() == 1


def test_release_programme_names_only_people_still_public(edition, hall, leader):
    activity = placed(edition, hall, 3, 10, people=[leader])
    hidden = PersonFactory(is_public=False)
    ActivityMemberFactory(activity=activity, person=hidden, role=MemberRole.MEMBER)
    release = release_publish(actor=None, edition=edition)
    programme = release_programme(release)
    shown = programme.activities[0]
    assert ([m.person.full_name for m in shown.public_members], shown.other_participants) == (
        ["Marius Giordano"],
        1,
    )
    leader.is_public = False
    leader.save()
    shown = release_programme(Release.objects.get()).activities[0]
    assert (shown.public_members, shown.other_participants) == ([], 2)


def test_programme_reads_back_the_snapshot_in_time_order(edition, hall):
    later = placed(edition, hall, 4, 10, title={"en": "Later", "fr": "Plus tard"})
    sooner = placed(edition, hall, 3, 10, title={"en": "Sooner"})
    waiting = unplaced(edition, title={"en": "Waiting"})
    hidden = placed(edition, hall, 5, 10, is_public=False)
    programme = draft_programme(edition)
    assert [a.pk for a in programme.activities] == [sooner.pk, later.pk, hidden.pk, waiting.pk]
    assert [a.pk for a in programme.public().activities] == [sooner.pk, later.pk, waiting.pk]
    first = programme.activities[0]
    assert (first.starts_at, first.room.name, str(first.room.venue), first.get_public_url()) == (
        local(3, 10),
        "Big hall",
        "House of Culture",
        f"/en/festivals/mimi-nor/2002/{sooner.slug}/",
    )
    assert programme.activities[1].title.data == {"en": "Later", "fr": "Plus tard"}
    assert programme_snapshot(edition)["timezone"] == "Europe/Moscow"


def test_placing_unscheduling_and_pinning_are_audited_updates(edition, hall, leader):
    staff = StaffFactory()
    activity = unplaced(edition, 90)
    activity_place(actor=staff, activity=activity, starts_at=local(3, 10), room=hall)
    activity.refresh_from_db()
    assert (activity.starts_at, activity.ends_at, activity.room) == (local(3, 10), local(3, 11, 30), hall)
    activity_unschedule(actor=staff, activity=activity)
    activity.refresh_from_db()
    assert (activity.starts_at, activity.ends_at, activity.duration_minutes) == (None, None, 90)
    activity_pin(actor=staff, activity=activity, pinned=True)
    assert activity.is_pinned is True
    assert AuditEntry.objects.for_object(activity).filter(action="activity.updated").count() == 3


def test_placing_in_a_room_of_another_hub_is_refused(edition, leader):
    elsewhere = RoomFactory()
    activity = unplaced(edition, 60)
    with pytest.raises(ValidationError) as refusal:
        activity_place(actor=None, activity=activity, starts_at=local(3, 10), room=elsewhere)
    assert list(refusal.value.message_dict) == ["room"]
    activity.refresh_from_db()
    assert activity.starts_at is None


def test_release_numbers_follow_each_other(edition, hall):
    activity = placed(edition, hall, 3, 10)
    for hour in (11, 12):
        release_publish(actor=None, edition=edition)
        activity_place(actor=None, activity=activity, starts_at=local(3, hour), room=hall)
    last = release_publish(actor=None, edition=edition)
    assert list(Release.objects.values_list("number", flat=True)) == [3, 2, 1]
    assert (
        last.changes["moved"][0]["after"]["starts_at"] == (local(3, 12).astimezone(datetime.UTC)).isoformat()
    )
