import datetime

import pytest
from django.urls import reverse

from tissage.activities.enums import ParticipationStatus
from tissage.core.models import AuditEntry
from tissage.network.enums import ProgrammeStatus, Season, SessionStatus
from tissage.network.models import CohortMember, Programme
from tissage.people.enums import Role

from ..factories import (
    CohortMemberFactory,
    HubFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    ProgrammeFactory,
    SessionFactory,
)
from .access import anonymous_outcomes, sent_to_login, statuses

LIST_QUERIES = 6
DETAIL_QUERIES = 11


@pytest.fixture
def marseille(db):
    return HubFactory(slug="marseille", is_home=True, season=Season.SUMMER)


@pytest.fixture
def narian_mar(db):
    return HubFactory(slug="narian-mar", season=Season.SPRING, timezone="Europe/Moscow")


@pytest.fixture
def programme(marseille, narian_mar):
    return ProgrammeFactory(
        slug="nor", name={"en": "Marseille – Narian-Mar"}, home_hub=marseille, partner_hubs=[narian_mar]
    )


def programme_data(marseille, narian_mar, **fields) -> dict:
    return {
        "name_0": "Marseille – Narian-Mar",
        "slug": "",
        "home_hub": marseille.pk,
        "partner_hubs": [narian_mar.pk],
        "start_year": "2002",
        "years": "3",
        "sessions_per_year": "2",
        "status": "draft",
        **fields,
    }


def programme_urls(programme, member) -> list[str]:
    return [
        reverse("orga:programme-list"),
        reverse("orga:programme-create"),
        reverse("orga:programme-detail", args=[programme.slug]),
        reverse("orga:programme-update", args=[programme.slug]),
        reverse("orga:cohort-member-add", args=[programme.slug]),
        reverse("orga:cohort-member-remove", args=[member.pk]),
    ]


def test_programme_pages_send_anonymous_visitors_to_login(client, programme):
    urls = programme_urls(programme, CohortMemberFactory(programme=programme))
    assert anonymous_outcomes(client, urls) == sent_to_login(urls)
    assert anonymous_outcomes(client, urls, "post") == sent_to_login(urls)


def test_programme_pages_are_forbidden_to_non_staff(member_client, programme):
    urls = programme_urls(programme, CohortMemberFactory(programme=programme))
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    assert statuses(member_client, urls, "post") == dict.fromkeys(urls, 403)


def test_programme_list_filters_by_status_hub_and_year(staff_client, programme, narian_mar):
    kinshasa = HubFactory(slug="kinshasa")
    sud = ProgrammeFactory(
        slug="sud", start_year=2004, status=ProgrammeStatus.ACTIVE, partner_hubs=[kinshasa]
    )
    url = reverse("orga:programme-list")

    def listed(**params):
        return [p.slug for p in staff_client.get(url, params).context["object_list"]]

    assert listed() == ["sud", "nor"]
    assert listed(status="active") == ["sud"]
    assert listed(hub=narian_mar.pk) == ["nor"]
    assert listed(hub=kinshasa.pk) == ["sud"]
    assert listed(year=2003) == ["nor"]
    assert listed(year=2005) == ["sud"]
    assert listed(year=2004) == ["sud", "nor"]
    assert (listed(year=2001), listed(year=2007)) == ([], [])
    assert sud.end_year == 2006


def test_programme_list_query_count_does_not_grow(staff_client, django_assert_max_num_queries):
    ProgrammeFactory.create_batch(2)
    with django_assert_max_num_queries(LIST_QUERIES):
        staff_client.get(reverse("orga:programme-list"))
    for programme in ProgrammeFactory.create_batch(20):
        SessionFactory.create_batch(2, programme=programme)
        CohortMemberFactory(programme=programme)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = staff_client.get(reverse("orga:programme-list"))
    assert response.context["paginator"].count == 22


def test_programme_create_proposes_draft_sessions_and_says_so(staff_client, marseille, narian_mar):
    form_page = staff_client.get(reverse("orga:programme-create"))
    assert (
        form_page.context["form"].initial["home_hub"],
        form_page.context["form"]["propose_sessions"].value(),
    ) == (
        marseille,
        True,
    )
    response = staff_client.post(
        reverse("orga:programme-create"), programme_data(marseille, narian_mar, propose_sessions="on")
    )
    programme = Programme.objects.get()
    assert response["Location"] == programme.get_absolute_url()
    assert programme.slug == "marseille-narian-mar"
    page = staff_client.get(response["Location"])
    sessions = list(page.context["sessions"])
    assert [(s.number, s.hub, s.status) for s in sessions] == [
        (n, hub, SessionStatus.DRAFT) for n, hub in enumerate([narian_mar, marseille] * 3, start=1)
    ]
    assert [str(m) for m in page.context["messages"]] == [
        "The programme was created with 6 proposed sessions, as drafts: check their hubs and dates below, "
        "and edit them as needed."
    ]
    html = page.content.decode()
    assert all(reverse("orga:session-update", args=[s.pk]) in html for s in sessions)


def test_programme_create_without_proposals_creates_no_session(staff_client, marseille, narian_mar):
    response = staff_client.post(reverse("orga:programme-create"), programme_data(marseille, narian_mar))
    programme = Programme.objects.get()
    assert programme.sessions.count() == 0
    page = staff_client.get(response["Location"])
    assert [str(m) for m in page.context["messages"]] == [
        "The programme was created. Add its sessions below."
    ]
    assert [e.action for e in AuditEntry.objects.all()] == ["programme.created"]


def test_programme_create_refuses_the_home_hub_as_partner(staff_client, marseille, narian_mar):
    response = staff_client.post(
        reverse("orga:programme-create"),
        programme_data(marseille, narian_mar, partner_hubs=[marseille.pk], propose_sessions="on"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["partner_hubs"] == ["The home hub cannot also be a partner hub."]
    assert (Programme.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_programme_update_audits_the_change(staff_client, programme, marseille, narian_mar):
    funder = OrganisationFactory(name="Institut français")
    response = staff_client.post(
        reverse("orga:programme-update", args=[programme.slug]),
        programme_data(
            marseille, narian_mar, name_0="", name_1="Marseille – Narian-Mar", slug="nor", funders=[funder.pk]
        ),
    )
    assert response["Location"] == programme.get_absolute_url()
    assert AuditEntry.objects.for_object(programme).get().changes == {"funders": [[], ["Institut français"]]}


def test_programme_page_shows_sessions_cohort_and_participants(staff_client, programme, narian_mar):
    first = SessionFactory(
        programme=programme, number=1, hub=narian_mar, start_date=datetime.date(2002, 9, 2)
    )
    second = SessionFactory(programme=programme, number=2, start_date=datetime.date(2003, 7, 14))
    ines = PersonFactory(given_name="Inès", family_name="Abbas")
    ParticipationFactory(person=ines, session=first, role=Role.TRAINEE, status=ParticipationStatus.ATTENDED)
    ParticipationFactory(person=ines, session=second, role=Role.TECHNICIAN)
    ParticipationFactory(session=second, status=ParticipationStatus.DECLINED)
    CohortMemberFactory(programme=programme, person=ines, joined_on=datetime.date(2002, 9, 1))
    response = staff_client.get(programme.get_absolute_url())
    sessions = response.context["sessions"]
    assert [(s.number, s.present_count, s.invited_count) for s in sessions] == [(1, 1, 0), (2, 1, 0)]
    assert [m.person for m in response.context["cohort"]] == [ines]
    participants = response.context["participants"]
    assert [(p.person, p.roles, p.sessions, p.attended) for p in participants] == [
        (ines, ["trainee", "technician"], [first, second], 1)
    ]


def test_programme_page_query_count_does_not_grow(staff_client, programme, django_assert_max_num_queries):
    session = SessionFactory(programme=programme)
    ParticipationFactory(session=session)
    CohortMemberFactory(programme=programme)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        staff_client.get(programme.get_absolute_url())
    programme.funders.add(*OrganisationFactory.create_batch(3))
    for session in SessionFactory.create_batch(5, programme=programme):
        ParticipationFactory.create_batch(3, session=session)
    CohortMemberFactory.create_batch(10, programme=programme)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = staff_client.get(programme.get_absolute_url())
    assert len(response.context["participants"]) == 16


def test_cohort_member_add_finds_the_person_by_name_and_returns_to_the_programme(staff_client, programme):
    ines = PersonFactory(given_name="Inès", family_name="Abbas", slug="ines-abbas")
    response = staff_client.post(
        reverse("orga:cohort-member-add", args=[programme.slug]),
        {"person": "Inès Abbas (ines-abbas)", "role": "trainee", "joined_on": "2002-09-01"},
    )
    member = CohortMember.objects.get()
    assert response["Location"] == programme.get_absolute_url()
    assert (member.person, member.role, member.joined_on) == (ines, "trainee", datetime.date(2002, 9, 1))
    assert AuditEntry.objects.for_object(programme).get().action == "cohort.member_added"


def test_cohort_member_add_refuses_someone_already_in_the_cohort(staff_client, programme):
    member = CohortMemberFactory(programme=programme)
    response = staff_client.post(
        reverse("orga:cohort-member-add", args=[programme.slug]),
        {"person": member.person.slug, "role": "artist"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["person"] == [f"{member.person} is already in this cohort."]
    assert (CohortMember.objects.count(), AuditEntry.objects.count()) == (1, 0)


def test_cohort_member_add_with_unknown_person_shows_the_form_again(staff_client, programme):
    response = staff_client.post(
        reverse("orga:cohort-member-add", args=[programme.slug]), {"person": "Nobody Known", "role": "artist"}
    )
    assert set(response.context["form"].errors) == {"person"}
    assert response.context["cancel_url"] == programme.get_absolute_url()
    assert CohortMember.objects.count() == 0


def test_cohort_member_remove_asks_then_removes_and_audits(staff_client, programme):
    member = CohortMemberFactory(programme=programme, person__given_name="Inès", person__family_name="Abbas")
    url = reverse("orga:cohort-member-remove", args=[member.pk])
    assert staff_client.get(url).context["page_title"] == "Remove Inès Abbas from the cohort?"
    response = staff_client.post(url)
    assert response["Location"] == programme.get_absolute_url()
    assert CohortMember.objects.count() == 0
    assert AuditEntry.objects.for_object(programme).get().action == "cohort.member_removed"
