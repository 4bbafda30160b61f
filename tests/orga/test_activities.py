import datetime

import pytest
from django.urls import reverse

from tissage.activities.enums import ActivityKind, ActivityMode, MemberRole
from tissage.activities.models import Activity, ActivityMember
from tissage.core.models import AuditEntry

from ..factories import (
    ActivityFactory,
    ActivityMemberFactory,
    EditionFactory,
    HubFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
)
from .access import anonymous_outcomes, sent_to_login, statuses

LIST_QUERIES = 6
DETAIL_QUERIES = 7


@pytest.fixture
def narian_mar(db):
    return HubFactory(slug="narian-mar", timezone="Europe/Moscow")


@pytest.fixture
def edition(narian_mar):
    return EditionFactory(
        festival__hub=narian_mar,
        slug="2002",
        start_date=datetime.date(2002, 8, 31),
        end_date=datetime.date(2002, 9, 8),
    )


@pytest.fixture
def room(narian_mar):
    return RoomFactory(venue__hub=narian_mar, name="Sound studio")


@pytest.fixture
def activity(edition):
    return ActivityFactory(edition=edition, title={"en": "Sound workshop"}, slug="sound-workshop")


def activity_data(target, **fields) -> dict:
    return {
        "edition": target.pk,
        "title_1": "Stage management workshop",
        "kind": ActivityKind.TRAINING,
        "mode": ActivityMode.OPEN,
        "languages": ["ru", "fr"],
        "starts_at": "2002-09-02T10:00",
        "ends_at": "2002-09-02T13:00",
        "is_public": "on",
        **fields,
    }


def activity_urls(activity, member) -> list[str]:
    return [
        reverse("orga:activity-list"),
        reverse("orga:activity-create"),
        reverse("orga:activity-detail", args=[activity.pk]),
        reverse("orga:activity-update", args=[activity.pk]),
        reverse("orga:activity-delete", args=[activity.pk]),
        reverse("orga:activity-member-add", args=[activity.pk]),
        reverse("orga:activity-member-update", args=[member.pk]),
        reverse("orga:activity-member-remove", args=[member.pk]),
    ]


def test_activity_pages_send_anonymous_visitors_to_login(client, activity):
    urls = activity_urls(activity, ActivityMemberFactory(activity=activity))
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)
    assert anonymous_outcomes(client, urls, "post") == sent_to_login(urls)


def test_activity_pages_are_forbidden_to_non_staff(member_client, activity):
    urls = activity_urls(activity, ActivityMemberFactory(activity=activity))
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    assert statuses(member_client, urls, "post") == dict.fromkeys(urls, 403)


def test_activity_list_filters(staff_client, activity, edition, room):
    session = SessionFactory(hub=edition.festival.hub, edition=edition)
    concert = ActivityFactory(
        edition=edition,
        session=session,
        kind=ActivityKind.CONCERT,
        mode=ActivityMode.PRODUCTION,
        room=room,
        starts_at=datetime.datetime(2002, 9, 7, 16, 0, tzinfo=datetime.UTC),
    )
    unscheduled = ActivityFactory(title={"en": "Rehearsal"}, starts_at=None, ends_at=None, room=room)
    url = reverse("orga:activity-list")

    def listed(**params):
        return list(staff_client.get(url, params).context["object_list"])

    assert listed() == [unscheduled, concert, activity]
    assert listed(edition=edition.pk) == [concert, activity]
    assert listed(session=session.pk) == [concert]
    assert listed(kind="concert") == [concert]
    assert listed(mode="production") == [concert]
    assert listed(scheduled="yes") == [concert]
    assert listed(scheduled="no") == [unscheduled, activity]
    assert listed(q="sound") == [activity]


def test_activity_list_shows_times_in_each_hubs_zone(staff_client, activity):
    assert "31 Aug 2002 12:00" in staff_client.get(reverse("orga:activity-list")).content.decode()
    assert activity.edition.festival.hub.timezone == "Europe/Moscow"


def test_activity_list_query_count_does_not_grow(staff_client, room, django_assert_max_num_queries):
    ActivityFactory.create_batch(2)
    with django_assert_max_num_queries(LIST_QUERIES):
        staff_client.get(reverse("orga:activity-list"))
    for activity in ActivityFactory.create_batch(10, room=room):
        ActivityMemberFactory.create_batch(2, activity=activity)
    ActivityFactory.create_batch(
        10,
        session=SessionFactory(),
        edition=None,
        starts_at=datetime.datetime(2004, 7, 20, 8, tzinfo=datetime.UTC),
    )
    with django_assert_max_num_queries(LIST_QUERIES):
        response = staff_client.get(reverse("orga:activity-list"))
    assert response.context["paginator"].count == 22


def test_activity_page_shows_members_local_time_and_history(staff_client, activity):
    leader = ActivityMemberFactory(activity=activity, role=MemberRole.LEADER, person__family_name="Zaitsev")
    member = ActivityMemberFactory(activity=activity, person__family_name="Abbas")
    response = staff_client.get(activity.get_absolute_url())
    assert list(response.context["members"]) == [leader, member]
    html = response.content.decode()
    assert "12:00" in html
    assert "Europe/Moscow" in html
    assert reverse("orga:activity-member-update", args=[leader.pk]) in html


def test_activity_page_query_count_does_not_grow(staff_client, activity, room, django_assert_max_num_queries):
    ActivityMemberFactory(activity=activity)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        staff_client.get(activity.get_absolute_url())
    activity.room = room
    activity.save()
    ActivityMemberFactory.create_batch(15, activity=activity)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = staff_client.get(activity.get_absolute_url())
    assert len(response.context["members"]) == 16


def test_activity_create_from_an_edition_reads_times_in_the_hubs_zone(staff_client, edition, room):
    elsewhere = RoomFactory(name="Elsewhere")
    form_page = staff_client.get(reverse("orga:activity-create"), {"edition": edition.pk})
    form = form_page.context["form"]
    assert (form.initial["edition"], list(form.fields["room"].queryset)) == (edition, [room])
    assert form.fields["starts_at"].help_text == f"In {form.hub} time (Europe/Moscow)."
    assert form.hub == edition.festival.hub
    response = staff_client.post(
        reverse("orga:activity-create") + f"?edition={edition.pk}", activity_data(edition, room=room.pk)
    )
    activity = Activity.objects.get()
    assert response["Location"] == activity.get_absolute_url()
    assert activity.starts_at == datetime.datetime(2002, 9, 2, 6, 0, tzinfo=datetime.UTC)
    assert (activity.slug, activity.languages, activity.room) == (
        "stage-management-workshop",
        ["ru", "fr"],
        room,
    )
    assert AuditEntry.objects.for_object(edition).get().action == "activity.created"
    assert elsewhere not in form.fields["room"].queryset


def test_activity_create_from_a_session_joins_its_edition(staff_client, edition):
    session = SessionFactory(hub=edition.festival.hub, edition=edition)
    form_page = staff_client.get(reverse("orga:activity-create"), {"session": session.pk})
    assert form_page.context["cancel_url"] == session.get_absolute_url()
    assert form_page.context["form"].initial["edition"] == edition
    staff_client.post(
        reverse("orga:activity-create") + f"?session={session.pk}",
        activity_data(edition, edition="", session=session.pk),
    )
    assert (Activity.objects.get().session, Activity.objects.get().edition) == (session, edition)


def test_activity_create_refuses_a_room_of_another_hub(staff_client, edition):
    elsewhere = RoomFactory(name="Elsewhere")
    response = staff_client.post(reverse("orga:activity-create"), activity_data(edition, room=elsewhere.pk))
    assert list(response.context["form"].errors) == ["room"]
    assert (Activity.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_activity_create_with_bad_input_shows_errors_and_writes_nothing(staff_client, edition):
    response = staff_client.post(
        reverse("orga:activity-create"),
        activity_data(edition, title_1="", kind="", starts_at="2002-09-02T13:00", ends_at="2002-09-02T10:00"),
    )
    form = response.context["form"]
    assert set(form.errors) == {"title", "kind", "__all__"}
    assert (Activity.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_activity_create_without_edition_or_session_cannot_place_times(staff_client, db):
    response = staff_client.post(
        reverse("orga:activity-create"),
        {"title_1": "Loose", "kind": "meeting", "starts_at": "2002-09-02T10:00"},
    )
    errors = response.context["form"].errors
    assert set(errors) == {"starts_at", "__all__"}
    assert Activity.objects.count() == 0


def test_activity_update_shows_and_reads_local_times(staff_client, activity, edition):
    url = reverse("orga:activity-update", args=[activity.pk])
    assert staff_client.get(url).context["form"].initial["starts_at"] == datetime.datetime(2002, 8, 31, 12, 0)
    response = staff_client.post(
        url,
        activity_data(
            edition,
            title_1="Sound workshop",
            slug="sound-workshop",
            kind="crossed_workshop",
            mode="",
            languages=[],
            starts_at="2002-08-31T12:00",
            ends_at="2002-08-31T16:00",
        ),
    )
    assert response["Location"] == activity.get_absolute_url()
    changes = AuditEntry.objects.for_object(activity).get().changes
    assert changes == {"ends_at": ["2002-08-31T11:00:00+00:00", "2002-08-31T12:00:00+00:00"]}


def test_activity_update_to_another_hub_rereads_the_same_figures_there(staff_client, activity, edition):
    paris_session = SessionFactory(hub=HubFactory(timezone="Europe/Paris"))
    staff_client.post(
        reverse("orga:activity-update", args=[activity.pk]),
        activity_data(
            edition,
            edition="",
            session=paris_session.pk,
            title_1="Sound workshop",
            slug="sound-workshop",
            kind="crossed_workshop",
            starts_at="2004-07-22T12:00",
            ends_at="2004-07-22T15:00",
        ),
    )
    activity.refresh_from_db()
    assert (activity.session, activity.edition) == (paris_session, None)
    assert activity.starts_at == datetime.datetime(2004, 7, 22, 10, 0, tzinfo=datetime.UTC)


def test_activity_delete_asks_then_deletes_and_returns_to_the_edition(staff_client, activity, edition):
    url = reverse("orga:activity-delete", args=[activity.pk])
    assert staff_client.get(url).context["page_title"] == "Delete Sound workshop?"
    response = staff_client.post(url)
    assert response["Location"] == edition.get_absolute_url()
    assert Activity.objects.count() == 0
    assert AuditEntry.objects.for_object(edition).get().action == "activity.deleted"


def test_activity_member_add_change_role_and_remove(staff_client, activity):
    oleg = PersonFactory(given_name="Oleg", family_name="Zaitsev", slug="oleg")
    added = staff_client.post(
        reverse("orga:activity-member-add", args=[activity.pk]),
        {"person": "Oleg Zaitsev (oleg)", "role": "leader"},
    )
    member = ActivityMember.objects.get()
    assert (added["Location"], member.person, member.role) == (activity.get_absolute_url(), oleg, "leader")
    changed = staff_client.post(
        reverse("orga:activity-member-update", args=[member.pk]), {"role": "technician"}
    )
    member.refresh_from_db()
    assert (changed["Location"], member.role) == (activity.get_absolute_url(), "technician")
    assert (
        staff_client.get(reverse("orga:activity-member-remove", args=[member.pk])).context["page_title"]
        == "Remove Oleg Zaitsev from this activity?"
    )
    removed = staff_client.post(reverse("orga:activity-member-remove", args=[member.pk]))
    assert (removed["Location"], ActivityMember.objects.count()) == (activity.get_absolute_url(), 0)
    actions = [e.action for e in AuditEntry.objects.for_object(activity)]
    assert actions == ["activity.member_removed", "activity.member_updated", "activity.member_added"]


def test_activity_member_add_refuses_someone_already_in(staff_client, activity):
    member = ActivityMemberFactory(activity=activity)
    response = staff_client.post(
        reverse("orga:activity-member-add", args=[activity.pk]),
        {"person": member.person.slug, "role": "member"},
    )
    assert response.context["form"].errors == {"person": [f"{member.person} is already in this activity."]}
    assert (ActivityMember.objects.count(), AuditEntry.objects.count()) == (1, 0)


def test_activity_member_update_refuses_an_unknown_role(staff_client, activity):
    member = ActivityMemberFactory(activity=activity)
    response = staff_client.post(reverse("orga:activity-member-update", args=[member.pk]), {"role": "boss"})
    assert set(response.context["form"].errors) == {"role"}
    assert AuditEntry.objects.count() == 0
