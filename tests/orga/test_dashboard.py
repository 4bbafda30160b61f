import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tissage.activities.enums import ParticipationStatus
from tissage.network.enums import ProgrammeStatus, SessionStatus

from ..factories import (
    ActivityFactory,
    EditionFactory,
    ParticipationFactory,
    PersonFactory,
    ProgrammeFactory,
    RoomFactory,
    SessionFactory,
)

DASHBOARD_QUERIES = 19


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def session_in(n: int, **kwargs):
    return SessionFactory(start_date=days(n), end_date=days(n + 9), **kwargs)


def concern(response, key: str):
    found = {c.key: c for c in response.context["concerns"]}
    return found.get(key)


@pytest.mark.django_db
def test_dashboard_sends_anonymous_visitors_to_login(client):
    response = client.get(reverse("orga:dashboard"))
    assert (response.status_code, response["Location"].split("?")[0]) == (302, reverse("orga:login"))


def test_dashboard_is_forbidden_to_non_staff(member_client):
    assert member_client.get(reverse("orga:dashboard")).status_code == 403


def test_dashboard_counts_this_years_network(staff_client):
    year = timezone.localdate().year
    PersonFactory.create_batch(3)
    ProgrammeFactory(start_year=year - 2)
    ProgrammeFactory(start_year=year - 3)
    ProgrammeFactory(start_year=year, status=ProgrammeStatus.CANCELLED)
    EditionFactory(start_date=datetime.date(year, 1, 1), end_date=datetime.date(year, 1, 3))
    EditionFactory(start_date=datetime.date(year - 1, 7, 1), end_date=datetime.date(year - 1, 7, 3))
    SessionFactory(start_date=datetime.date(year, 2, 1), end_date=datetime.date(year, 2, 5))
    SessionFactory(
        start_date=datetime.date(year, 3, 1),
        end_date=datetime.date(year, 3, 5),
        status=SessionStatus.CANCELLED,
    )
    response = staff_client.get(reverse("orga:dashboard"))
    assert response.context["counts"] == {"people": 3, "programmes": 1, "editions": 1, "sessions": 1}
    assert f"{reverse('orga:session-list')}?year={year}" in response.content.decode()


def test_dashboard_lists_upcoming_sessions_and_editions_next_first(staff_client):
    later, sooner = session_in(40), session_in(5)
    session_in(-30)
    ParticipationFactory.create_batch(2, session=sooner)
    ParticipationFactory(session=sooner, status=ParticipationStatus.INVITED)
    edition = EditionFactory(start_date=days(20), end_date=days(25))
    EditionFactory(start_date=days(-20), end_date=days(-15))
    response = staff_client.get(reverse("orga:dashboard"))
    sessions = response.context["upcoming_sessions"]
    assert [(s, s.present_count, s.invited_count) for s in sessions] == [(sooner, 2, 1), (later, 0, 0)]
    assert list(response.context["upcoming_editions"]) == [edition]


def test_dashboard_flags_draft_sessions_starting_within_60_days(staff_client):
    soon = session_in(59, status=SessionStatus.DRAFT)
    session_in(61, status=SessionStatus.DRAFT)
    session_in(10, status=SessionStatus.PLANNED)
    response = staff_client.get(reverse("orga:dashboard"))
    found = concern(response, "draft_soon")
    assert (found.total, found.items) == (1, [soon])
    assert reverse("orga:session-update", args=[soon.pk]) in response.content.decode()


def test_dashboard_flags_people_still_invited_less_than_30_days_before(staff_client):
    close = session_in(29, status=SessionStatus.CONFIRMED)
    ParticipationFactory.create_batch(2, session=close, status=ParticipationStatus.INVITED)
    ParticipationFactory(session=close, status=ParticipationStatus.CONFIRMED)
    far = session_in(31, status=SessionStatus.CONFIRMED)
    ParticipationFactory(session=far, status=ParticipationStatus.INVITED)
    response = staff_client.get(reverse("orga:dashboard"))
    found = concern(response, "unanswered")
    assert (found.total, [(s, s.invited_count) for s in found.items]) == (2, [(close, 2)])
    assert f"{close.get_absolute_url()}#participants" in response.content.decode()


def test_dashboard_flags_upcoming_editions_not_published(staff_client):
    hidden = EditionFactory(start_date=days(100), end_date=days(104), is_published=False)
    EditionFactory(start_date=days(100), end_date=days(104), is_published=True)
    EditionFactory(start_date=days(-100), end_date=days(-96), is_published=False)
    response = staff_client.get(reverse("orga:dashboard"))
    found = concern(response, "unpublished")
    assert (found.total, found.items) == (1, [hidden])
    assert hidden.get_absolute_url() in response.content.decode()


def test_dashboard_flags_upcoming_sessions_with_nobody_coming(staff_client):
    empty = session_in(90, status=SessionStatus.PLANNED)
    ParticipationFactory(session=empty, status=ParticipationStatus.DECLINED)
    ParticipationFactory(session=session_in(90, status=SessionStatus.PLANNED))
    session_in(-90)
    response = staff_client.get(reverse("orga:dashboard"))
    found = concern(response, "empty")
    assert (found.total, found.items) == (1, [empty])
    assert f"{reverse('orga:participation-create')}?session={empty.pk}" in response.content.decode()


def test_dashboard_flags_upcoming_activities_without_room_or_time(staff_client):
    edition = EditionFactory(start_date=days(10), end_date=days(14))
    room = RoomFactory(venue__hub=edition.festival.hub)
    no_room = ActivityFactory(edition=edition)
    no_time = ActivityFactory(edition=edition, room=room, starts_at=None, ends_at=None)
    ActivityFactory(edition=edition, room=room)
    ActivityFactory(edition=EditionFactory(start_date=days(-10), end_date=days(-8)))
    response = staff_client.get(reverse("orga:dashboard"))
    found = concern(response, "unplaced")
    assert (found.total, found.items) == (2, [no_time, no_room])
    assert reverse("orga:activity-update", args=[no_room.pk]) in response.content.decode()


def test_dashboard_shows_all_is_well_when_nothing_needs_attention(staff_client):
    response = staff_client.get(reverse("orga:dashboard"))
    assert response.context["concerns"] == []
    assert "Nothing needs attention" in response.content.decode()


def test_dashboard_shows_the_first_ten_of_a_concern_and_links_to_all(staff_client):
    for _ in range(12):
        EditionFactory(start_date=days(30), end_date=days(31), is_published=False)
    response = staff_client.get(reverse("orga:dashboard"))
    found = concern(response, "unpublished")
    assert (found.total, len(found.items)) == (12, 10)
    assert f"{reverse('orga:edition-list')}?published=false" in response.content.decode()


def populate(n: int) -> None:
    """n of every kind of thing the dashboard shows or flags."""
    for _ in range(n):
        edition = EditionFactory(start_date=days(20), end_date=days(24), is_published=False)
        session = session_in(20, status=SessionStatus.DRAFT, edition=None)
        ParticipationFactory(session=session, status=ParticipationStatus.INVITED)
        session_in(50, status=SessionStatus.PLANNED)
        ActivityFactory(edition=edition, session=session, starts_at=None, ends_at=None)


def test_dashboard_query_count_does_not_grow(staff_client, django_assert_max_num_queries):
    populate(2)
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        small = staff_client.get(reverse("orga:dashboard"))
    populate(15)
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        large = staff_client.get(reverse("orga:dashboard"))
    assert [c.total for c in small.context["concerns"]] == [2, 2, 2, 2, 2]
    assert [c.total for c in large.context["concerns"]] == [17, 17, 17, 17, 17]
