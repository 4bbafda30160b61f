import datetime

import pytest
from django.core.exceptions import ValidationError

from tissage.activities.domain.activities import (
    activity_create,
    activity_hub,
    activity_member_add,
    activity_members_set,
    activity_update,
)
from tissage.activities.enums import ActivityKind, MemberRole
from tissage.activities.models import Activity, ActivityMember
from tissage.core.models import AuditEntry

from ...factories import (
    ActivityFactory,
    ActivityMemberFactory,
    EditionFactory,
    HubFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
)


@pytest.fixture
def edition(db):
    return EditionFactory(festival__hub=HubFactory(name={"en": "Narian-Mar"}))


@pytest.fixture
def session(edition):
    return SessionFactory(hub=edition.festival.hub, edition=edition)


def test_activity_hub_is_the_sessions_else_the_editions_festivals(edition, session):
    other_hub_session = SessionFactory()
    assert activity_hub(session=other_hub_session, edition=edition) == other_hub_session.hub
    assert activity_hub(edition=edition) == edition.festival.hub
    assert activity_hub() is None


def test_activity_create_joins_the_sessions_edition_and_names_itself_from_its_title(session, edition):
    ActivityFactory(edition=edition, slug="atelier-son")
    activity = activity_create(
        actor=None,
        data={"session": session, "title": {"fr": "Atelier son"}, "kind": ActivityKind.CROSSED_WORKSHOP},
    )
    assert (activity.edition, activity.slug) == (edition, "atelier-son-2")
    assert AuditEntry.objects.for_object(session).get().action == "activity.created"
    assert AuditEntry.objects.for_object(edition).get().action == "activity.created"


def test_activity_create_refuses_a_room_at_another_hub(edition):
    room = RoomFactory(venue__hub=HubFactory(name={"en": "Kinshasa"}))
    with pytest.raises(ValidationError) as caught:
        activity_create(
            actor=None,
            data={"edition": edition, "title": {"fr": "Concert"}, "kind": ActivityKind.CONCERT, "room": room},
        )
    assert caught.value.message_dict == {"room": ["This room is at Kinshasa, not at Narian-Mar."]}
    assert (Activity.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_activity_update_refuses_a_room_at_another_hub(edition):
    activity = ActivityFactory(edition=edition)
    with pytest.raises(ValidationError) as caught:
        activity_update(actor=None, activity=activity, data={"room": RoomFactory()})
    assert list(caught.value.message_dict) == ["room"]
    assert AuditEntry.objects.count() == 0


def test_activity_update_checks_the_room_against_a_new_session(edition):
    room = RoomFactory(venue__hub=edition.festival.hub)
    activity = ActivityFactory(
        edition=None,
        session=SessionFactory(hub=edition.festival.hub),
        room=room,
        starts_at=datetime.datetime(2004, 7, 22, 8, tzinfo=datetime.UTC),
    )
    with pytest.raises(ValidationError):
        activity_update(actor=None, activity=activity, data={"session": SessionFactory()})


def test_activity_update_to_a_session_brings_its_edition(edition, session):
    activity = ActivityFactory(
        edition=None,
        session=SessionFactory(),
        starts_at=datetime.datetime(2004, 7, 22, 8, tzinfo=datetime.UTC),
    )
    changes = activity_update(actor=None, activity=activity, data={"session": session})
    assert (activity.session, activity.edition) == (session, edition)
    assert set(changes) == {"session", "edition"}
    assert AuditEntry.objects.for_object(edition).get().action == "activity.updated"


def test_activity_member_add_refuses_someone_already_in(edition):
    member = ActivityMemberFactory(activity=ActivityFactory(edition=edition))
    with pytest.raises(ValidationError) as caught:
        activity_member_add(
            actor=None, activity=member.activity, person=member.person, role=MemberRole.LEADER
        )
    assert caught.value.message_dict == {"person": [f"{member.person} is already in this activity."]}
    assert (ActivityMember.objects.count(), AuditEntry.objects.count()) == (1, 0)


def test_activity_member_add_shows_on_the_activity_and_the_person(edition):
    activity, person = ActivityFactory(edition=edition), PersonFactory()
    activity_member_add(actor=None, activity=activity, person=person, role=MemberRole.INTERPRETER)
    assert AuditEntry.objects.for_object(activity).get().action == "activity.member_added"
    assert AuditEntry.objects.for_object(person).get().changes["role"] == [None, "interpreter"]


@pytest.mark.django_db
def test_activity_members_set_adds_changes_and_removes_in_one_audited_write(django_assert_max_num_queries):
    activity = ActivityFactory()
    stays, promoted, leaves, joins = PersonFactory.create_batch(4)
    ActivityMemberFactory(activity=activity, person=stays, role=MemberRole.MEMBER)
    ActivityMemberFactory(activity=activity, person=promoted, role=MemberRole.MEMBER)
    ActivityMemberFactory(activity=activity, person=leaves, role=MemberRole.TECHNICIAN)
    # Half for the membership and its audit entry, half for the tie ledger that follows it.
    with django_assert_max_num_queries(24):
        changes = activity_members_set(
            actor=None,
            activity=activity,
            members=[
                (stays, MemberRole.MEMBER),
                (promoted, MemberRole.LEADER),
                (joins, MemberRole.INTERPRETER),
            ],
        )
    assert changes == {
        f"{promoted} ({promoted.slug})": ["member", "leader"],
        f"{leaves} ({leaves.slug})": ["technician", None],
        f"{joins} ({joins.slug})": [None, "interpreter"],
    }
    assert sorted(activity.members.values_list("person__slug", "role")) == sorted(
        [(stays.slug, "member"), (promoted.slug, "leader"), (joins.slug, "interpreter")]
    )
    entry = AuditEntry.objects.for_object(activity).get(action="activity.members_set")
    assert AuditEntry.objects.for_object(leaves).get() == entry
    assert AuditEntry.objects.for_object(stays).count() == 0


@pytest.mark.django_db
def test_activity_members_set_refuses_a_person_twice_and_writes_nothing():
    activity = ActivityFactory()
    person = PersonFactory()
    with pytest.raises(ValidationError, match="listed twice"):
        activity_members_set(
            actor=None, activity=activity, members=[(person, MemberRole.LEADER), (person, MemberRole.MEMBER)]
        )
    assert activity.members.count() == 0
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_activity_members_set_refuses_an_unknown_role():
    with pytest.raises(ValidationError, match="Unknown role"):
        activity_members_set(actor=None, activity=ActivityFactory(), members=[(PersonFactory(), "drummer")])
