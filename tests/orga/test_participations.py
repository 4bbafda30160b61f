import datetime

import pytest
from django.urls import reverse

from tissage.activities.enums import ParticipationStatus
from tissage.activities.models import Participation
from tissage.core.models import AuditEntry
from tissage.people.enums import Role

from ..factories import ParticipationFactory, PersonFactory, PersonRoleFactory, SessionFactory
from .access import anonymous_outcomes, sent_to_login, statuses


@pytest.fixture
def session(db):
    return SessionFactory(start_date=datetime.date(2004, 7, 19), end_date=datetime.date(2004, 7, 28))


@pytest.fixture
def ines(db):
    return PersonFactory(given_name="Inès", family_name="Abbas", slug="ines-abbas")


def participation_data(someone, session, **fields) -> dict:
    return {
        "person": f"{someone.full_name} ({someone.slug})",
        "session": session.pk,
        "role": "trainee",
        "status": "invited",
        "arrives_on": "2004-07-18",
        "departs_on": "2004-07-29",
        "note": "",
        **fields,
    }


def participation_urls(participation) -> list[str]:
    return [
        reverse("orga:participation-create"),
        reverse("orga:participation-update", args=[participation.pk]),
    ]


def test_participation_pages_send_anonymous_visitors_to_login(client, db):
    participation = ParticipationFactory()
    urls = participation_urls(participation)
    status = [reverse("orga:participation-status", args=[participation.pk])]
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)
    assert anonymous_outcomes(client, urls + status, "post") == sent_to_login(urls + status)


def test_participation_pages_are_forbidden_to_non_staff(member_client):
    participation = ParticipationFactory()
    urls = participation_urls(participation)
    status = [reverse("orga:participation-status", args=[participation.pk])]
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    assert statuses(member_client, urls + status, "post") == dict.fromkeys(urls + status, 403)


def test_participation_create_preselects_the_person_and_session_from_the_address(staff_client, ines, session):
    response = staff_client.get(
        reverse("orga:participation-create"), {"person": "ines-abbas", "session": session.pk}
    )
    form = response.context["form"]
    assert (form.initial["person"], form.initial["session"]) == (ines, session)
    html = response.content.decode()
    assert 'value="Inès Abbas (ines-abbas)"' in html
    assert '<datalist id="id_person_suggestions">' in html
    assert response.context["page_title"] == f"Add someone to {form.initial['session']}"


def test_participation_create_ignores_unknown_preselections(staff_client, db):
    response = staff_client.get(reverse("orga:participation-create"), {"person": "nobody", "session": "x"})
    assert response.context["form"].initial == {}
    assert response.context["cancel_url"] == reverse("orga:dashboard")


def test_participation_create_saves_audits_and_returns_to_the_session(staff_client, ines, session):
    response = staff_client.post(
        reverse("orga:participation-create") + f"?session={session.pk}", participation_data(ines, session)
    )
    participation = Participation.objects.get()
    assert response["Location"] == session.get_absolute_url()
    assert (participation.person, participation.arrives_on) == (ines, datetime.date(2004, 7, 18))
    assert AuditEntry.objects.for_object(session).get().action == "participation.created"
    assert AuditEntry.objects.for_object(ines).get().action == "participation.created"


def test_participation_create_from_a_person_page_returns_there(staff_client, ines, session):
    person_page = ines.get_absolute_url()
    for next_page in ("person", person_page):
        Participation.objects.all().delete()
        response = staff_client.post(
            reverse("orga:participation-create") + f"?person={ines.slug}&next={next_page}",
            participation_data(ines, session),
        )
        assert response["Location"] == person_page
    form_page = staff_client.get(
        reverse("orga:participation-create"), {"person": ines.slug, "next": "person"}
    )
    assert form_page.context["cancel_url"] == person_page


def test_participation_create_finds_the_person_by_full_name(staff_client, ines, session):
    staff_client.post(
        reverse("orga:participation-create"), participation_data(ines, session, person="inès abbas")
    )
    assert Participation.objects.get().person == ines


def test_participation_create_asks_to_choose_between_namesakes(staff_client, ines, session):
    PersonFactory(given_name="Inès", family_name="Abbas", slug="ines-abbas-2")
    response = staff_client.post(
        reverse("orga:participation-create"), participation_data(ines, session, person="Inès Abbas")
    )
    assert response.context["form"].errors == {
        "person": ["Several people have this name: choose one of the suggestions."]
    }
    assert Participation.objects.count() == 0


def test_participation_create_refuses_a_second_participation_in_the_same_session(staff_client, ines, session):
    ParticipationFactory(person=ines, session=session)
    response = staff_client.post(reverse("orga:participation-create"), participation_data(ines, session))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["This person already takes part in this session."]
    assert "This person already takes part in this session." in response.content.decode()
    assert (Participation.objects.count(), AuditEntry.objects.count()) == (1, 0)


def test_participation_create_with_bad_input_shows_errors_and_writes_nothing(staff_client, ines, session):
    response = staff_client.post(
        reverse("orga:participation-create"),
        participation_data(ines, session, role="", arrives_on="2004-07-30", departs_on="2004-07-18"),
    )
    form = response.context["form"]
    assert (set(form.errors), form.non_field_errors()) == (
        {"role", "__all__"},
        ["One cannot leave before arriving."],
    )
    assert (Participation.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_participation_update_audits_and_returns_to_the_session(staff_client, ines, session):
    participation = ParticipationFactory(person=ines, session=session, status=ParticipationStatus.INVITED)
    form_page = staff_client.get(reverse("orga:participation-update", args=[participation.pk]))
    assert 'value="Inès Abbas (ines-abbas)"' in form_page.content.decode()
    response = staff_client.post(
        reverse("orga:participation-update", args=[participation.pk]),
        participation_data(ines, session, role="artist", status="confirmed", note="Needs a visa"),
    )
    assert response["Location"] == session.get_absolute_url()
    changes = AuditEntry.objects.for_object(session).get().changes
    assert set(changes) == {"status", "arrives_on", "departs_on", "note"}
    assert changes["status"] == ["invited", "confirmed"]


def test_participation_status_buttons_change_the_status_through_the_domain(staff_client, ines, session):
    participation = ParticipationFactory(person=ines, session=session, status=ParticipationStatus.INVITED)
    url = reverse("orga:participation-status", args=[participation.pk])
    response = staff_client.post(url, {"status": "confirmed"})
    participation.refresh_from_db()
    assert response["Location"] == f"{session.get_absolute_url()}#participants"
    assert participation.status == ParticipationStatus.CONFIRMED
    entry = AuditEntry.objects.for_object(session).get()
    assert (entry.action, entry.changes) == ("participation.confirmed", {"status": ["invited", "confirmed"]})
    page = staff_client.get(response["Location"])
    assert [str(m) for m in page.context["messages"]] == ["Inès Abbas: confirmed."]


def test_participation_status_refuses_an_unknown_status_and_get(staff_client, ines, session):
    participation = ParticipationFactory(person=ines, session=session, status=ParticipationStatus.INVITED)
    url = reverse("orga:participation-status", args=[participation.pk])
    response = staff_client.post(url, {"status": "vanished"}, follow=True)
    participation.refresh_from_db()
    assert [str(m) for m in response.context["messages"]] == ["Unknown status."]
    assert (participation.status, AuditEntry.objects.count()) == (ParticipationStatus.INVITED, 0)
    assert staff_client.get(url).status_code == 405


def test_participation_create_proposes_the_sessions_dates_and_the_persons_current_role(
    staff_client, ines, session
):
    PersonRoleFactory(
        person=ines, role=Role.TRAINEE, since=datetime.date(2002, 9, 2), until=datetime.date(2003, 1, 1)
    )
    PersonRoleFactory(person=ines, role=Role.TECHNICIAN, since=datetime.date(2003, 1, 2))
    response = staff_client.get(
        reverse("orga:participation-create"), {"person": ines.slug, "session": session.pk}
    )
    initial = response.context["form"].initial
    assert (initial["arrives_on"], initial["departs_on"], initial["role"]) == (
        session.start_date,
        session.end_date,
        Role.TECHNICIAN,
    )
