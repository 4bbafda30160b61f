import datetime

import pytest
from django.urls import reverse

from tissage.activities.enums import ParticipationStatus
from tissage.core.models import AuditEntry
from tissage.network.enums import SessionStatus
from tissage.network.models import Session

from ..factories import (
    ActivityFactory,
    EditionFactory,
    HubFactory,
    ParticipationFactory,
    PersonFactory,
    ProgrammeFactory,
    SessionFactory,
)
from .access import anonymous_outcomes, sent_to_login, statuses

LIST_QUERIES = 6
DETAIL_QUERIES = 7


@pytest.fixture
def narian_mar(db):
    return HubFactory(slug="narian-mar", timezone="Europe/Moscow")


@pytest.fixture
def session(narian_mar):
    programme = ProgrammeFactory(slug="nor", partner_hubs=[narian_mar])
    edition = EditionFactory(
        festival__hub=narian_mar,
        start_date=datetime.date(2002, 8, 31),
        end_date=datetime.date(2002, 9, 8),
        slug="2002",
    )
    return SessionFactory(
        programme=programme,
        number=1,
        hub=narian_mar,
        edition=edition,
        start_date=datetime.date(2002, 9, 2),
        end_date=datetime.date(2002, 9, 7),
    )


def session_urls(session) -> list[str]:
    return [
        reverse("orga:session-list"),
        reverse("orga:session-create"),
        reverse("orga:session-detail", args=[session.pk]),
        reverse("orga:session-update", args=[session.pk]),
    ]


def test_session_pages_send_anonymous_visitors_to_login(client, session):
    urls = session_urls(session)
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)
    assert anonymous_outcomes(client, urls, "post") == sent_to_login(urls)


def test_session_pages_are_forbidden_to_non_staff(member_client, session):
    urls = session_urls(session)
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    assert statuses(member_client, urls, "post") == dict.fromkeys(urls, 403)


def test_session_list_filters_by_programme_hub_status_year_and_text(staff_client, session, narian_mar):
    other = SessionFactory(
        title={"en": "Crossed workshops in July"},
        status=SessionStatus.CONFIRMED,
        start_date=datetime.date(2004, 7, 19),
    )
    url = reverse("orga:session-list")

    def listed(**params):
        return list(staff_client.get(url, params).context["object_list"])

    assert listed() == [other, session]
    assert listed(programme=session.programme.pk) == [session]
    assert listed(hub=narian_mar.pk) == [session]
    assert listed(status="confirmed") == [other]
    assert listed(year=2002) == [session]
    assert listed(q="crossed july") == [other]


def test_session_list_query_count_does_not_grow(staff_client, django_assert_max_num_queries):
    SessionFactory.create_batch(2)
    with django_assert_max_num_queries(LIST_QUERIES):
        staff_client.get(reverse("orga:session-list"))
    for session in SessionFactory.create_batch(20):
        ParticipationFactory.create_batch(2, session=session)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = staff_client.get(reverse("orga:session-list"))
    assert response.context["paginator"].count == 22


def test_session_page_shows_participants_with_their_status_buttons(staff_client, session):
    ines = ParticipationFactory(
        session=session,
        person__given_name="Inès",
        person__family_name="Abbas",
        status=ParticipationStatus.INVITED,
        arrives_on=datetime.date(2002, 9, 1),
    )
    oleg = ParticipationFactory(
        session=session, person__family_name="Zaitsev", status=ParticipationStatus.ATTENDED
    )
    response = staff_client.get(session.get_absolute_url())
    participations = response.context["participations"]
    assert participations == [ines, oleg]
    assert [[status for status, _label in p.status_actions] for p in participations] == [
        ["confirmed", "declined"],
        [],
    ]
    html = response.content.decode()
    assert reverse("orga:participation-status", args=[ines.pk]) in html
    assert "Europe/Moscow" in html
    assert session.edition.get_absolute_url() in html


def test_session_page_gives_the_export_links_the_session(staff_client, session):
    response = staff_client.get(session.get_absolute_url())
    assert response.context["export_query"] == f"session={session.pk}"
    assert "orga/includes/export_links.html" in [t.name for t in response.templates]


def test_session_page_lists_its_activities_by_local_day(staff_client, session):
    workshop = ActivityFactory(
        session=session,
        edition=session.edition,
        starts_at=datetime.datetime(2002, 9, 2, 6, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2002, 9, 2, 9, 0, tzinfo=datetime.UTC),
    )
    response = staff_client.get(session.get_absolute_url())
    assert [(day.date, day.activities) for day in response.context["days"]] == [
        (datetime.date(2002, 9, 2), [workshop])
    ]
    assert "10:00" in response.content.decode()


def test_session_page_query_count_does_not_grow(staff_client, session, django_assert_max_num_queries):
    ParticipationFactory(session=session)
    ActivityFactory(session=session, edition=session.edition)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        staff_client.get(session.get_absolute_url())
    ParticipationFactory.create_batch(20, session=session, status=ParticipationStatus.INVITED)
    ActivityFactory.create_batch(10, session=session, edition=session.edition)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = staff_client.get(session.get_absolute_url())
    assert len(response.context["participations"]) == 21


def test_session_create_from_a_programme_page_preselects_it_and_numbers_the_session(staff_client, session):
    programme = session.programme
    form_page = staff_client.get(reverse("orga:session-create"), {"programme": programme.slug})
    assert form_page.context["form"].initial["programme"] == programme
    assert form_page.context["form"].initial["hub"] == programme.home_hub
    assert form_page.context["cancel_url"] == programme.get_absolute_url()
    response = staff_client.post(
        reverse("orga:session-create") + f"?programme={programme.slug}",
        {
            "programme": programme.pk,
            "number": "",
            "hub": programme.home_hub.pk,
            "start_date": "2003-07-14",
            "end_date": "2003-07-23",
            "status": "planned",
        },
    )
    created = Session.objects.get(start_date=datetime.date(2003, 7, 14))
    assert response["Location"] == created.get_absolute_url()
    assert created.number == 2
    assert AuditEntry.objects.for_object(programme).get().action == "session.created"


def test_session_create_with_an_edition_of_another_hub_writes_nothing(staff_client, session):
    response = staff_client.post(
        reverse("orga:session-create"),
        {
            "programme": session.programme.pk,
            "hub": session.programme.home_hub.pk,
            "edition": session.edition.pk,
            "start_date": "2003-07-14",
            "end_date": "2003-07-23",
            "status": "draft",
        },
    )
    assert response.context["form"].errors == {"edition": ["This edition's festival is at another hub."]}
    assert (Session.objects.count(), AuditEntry.objects.count()) == (1, 0)


def test_session_update_audits_the_change(staff_client, session):
    response = staff_client.post(
        reverse("orga:session-update", args=[session.pk]),
        {
            "programme": session.programme.pk,
            "number": 1,
            "hub": session.hub.pk,
            "edition": session.edition.pk,
            "start_date": "2002-09-02",
            "end_date": "2002-09-07",
            "status": "confirmed",
        },
    )
    assert response["Location"] == session.get_absolute_url()
    assert AuditEntry.objects.for_object(session).get().changes == {"status": ["draft", "confirmed"]}


def test_session_page_offers_to_add_a_participant(staff_client, session):
    PersonFactory()
    html = staff_client.get(session.get_absolute_url()).content.decode()
    assert f"{reverse('orga:participation-create')}?session={session.pk}" in html
