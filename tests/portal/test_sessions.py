import datetime

from django.urls import reverse
from django.utils import translation

from tissage.core.models import AuditEntry

from ..factories import ActivityMemberFactory, ApplicationFactory, ParticipationFactory, SessionFactory
from ..public.html import elements, texts

HOME_QUERIES = 12
PARTICIPATION_QUERIES = 12


def portal_url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"portal:{name}", kwargs=kwargs)


def test_home_lists_the_invitation_to_answer_and_the_coming_sessions(portal_client, participation):
    ApplicationFactory(
        call__title={"en": "Artists for Mimi-Sud"}, email="grace@example.cd", reference="G7R4C3NS"
    )
    response = portal_client.get(portal_url("home"))
    assert response.status_code == 200
    assert texts(response, "h1") == ["Hello Grace"]
    assert response.context["to_answer"] == [participation]
    assert [p.pk for p in response.context["upcoming"]] == [participation.pk]
    assert "G7R4C3NS" in response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0")


def test_home_gives_the_logistics_include_the_person_and_participations(portal_client, participation):
    response = portal_client.get(portal_url("home"))
    assert (response.context["person"], response.context["participations"]) == (
        participation.person,
        [participation],
    )
    assert "portal/includes/home_logistics.html" in [t.name for t in response.templates]


def test_home_query_count_does_not_grow_with_sessions(
    portal_client, participant, django_assert_max_num_queries
):
    with django_assert_max_num_queries(HOME_QUERIES):
        assert portal_client.get(portal_url("home")).status_code == 200
    for year in range(2031, 2041):
        ParticipationFactory(
            person=participant,
            session__start_date=datetime.date(year, 5, 1),
            session__end_date=datetime.date(year, 5, 9),
        )
    with django_assert_max_num_queries(HOME_QUERIES):
        response = portal_client.get(portal_url("home"))
    assert len(response.context["participations"]) == 10


def test_participation_page_shows_the_schedule_in_the_hubs_time_and_the_group(
    portal_client, participation, workshop
):
    response = portal_client.get(portal_url("participation", pk=participation.pk))
    assert response.status_code == 200
    [start, end] = [t for t in elements(response, "time") if "T" in t.attrs["datetime"]]
    assert (start.text, start.attrs["datetime"], end.text) == ("10:00", "2030-12-06T10:00:00+01:00", "13:00")
    assert "All times are Kinshasa time (Africa/Kinshasa)." in response.content.decode()
    [group] = response.context["groups"]
    assert [m.person.full_name for m in group.others] == ["Artyom Vylka"]


def test_participation_page_query_count_does_not_grow_with_activities(
    portal_client, participation, workshop, django_assert_max_num_queries
):
    url = portal_url("participation", pk=participation.pk)
    with django_assert_max_num_queries(PARTICIPATION_QUERIES):
        assert portal_client.get(url).status_code == 200
    for hour in range(8):
        member = ActivityMemberFactory(
            person=participation.person,
            activity__edition=None,
            activity__session=participation.session,
            activity__starts_at=datetime.datetime(2030, 12, 7, hour, tzinfo=datetime.UTC),
            activity__ends_at=datetime.datetime(2030, 12, 7, hour, 45, tzinfo=datetime.UTC),
        )
        ActivityMemberFactory(activity=member.activity)
    with django_assert_max_num_queries(PARTICIPATION_QUERIES):
        response = portal_client.get(url)
    assert sum(len(day.activities) for day in response.context["days"]) == 9


def test_someone_elses_participation_is_not_found(portal_client, participation):
    other = ParticipationFactory(session=participation.session)
    assert portal_client.get(portal_url("participation", pk=other.pk)).status_code == 404
    assert (
        portal_client.post(
            portal_url("participation-answer", pk=other.pk), {"answer": "declined"}
        ).status_code
        == 404
    )
    other.refresh_from_db()
    assert other.status == "confirmed"


def test_participant_confirms_the_invitation(portal_client, participation):
    response = portal_client.post(
        portal_url("participation-answer", pk=participation.pk), {"answer": "confirmed"}
    )
    assert response["Location"] == portal_url("participation", pk=participation.pk)
    participation.refresh_from_db()
    assert participation.status == "confirmed"
    entry = AuditEntry.objects.filter(action="participation.confirmed").get()
    assert entry.actor == participation.person.user


def test_participant_declines_once_and_cannot_answer_again(portal_client, participation):
    portal_client.post(portal_url("participation-answer", pk=participation.pk), {"answer": "declined"})
    response = portal_client.post(
        portal_url("participation-answer", pk=participation.pk), {"answer": "confirmed"}, follow=True
    )
    participation.refresh_from_db()
    assert participation.status == "declined"
    assert [str(m) for m in response.context["messages"]][-1] == "This invitation has already been answered."


def test_an_answer_that_is_not_one_is_refused(portal_client, participation):
    portal_client.post(portal_url("participation-answer", pk=participation.pk), {"answer": "attended"})
    participation.refresh_from_db()
    assert participation.status == "invited"


def test_past_sessions_are_listed_latest_first(portal_client, participant):
    old = ParticipationFactory(
        person=participant, session=SessionFactory(start_date=datetime.date(2004, 7, 19))
    )
    older = ParticipationFactory(
        person=participant,
        session=SessionFactory(start_date=datetime.date(2002, 9, 2), end_date=datetime.date(2002, 9, 7)),
    )
    assert portal_client.get(portal_url("home")).context["past"] == [old, older]
