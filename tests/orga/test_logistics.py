"""Travel & money: access to every page, the overview, the board, the rooming and a participation's
logistics page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ..factories import (
    HubFactory,
    ParticipationFactory,
    PerDiemFactory,
    SessionFactory,
    StayFactory,
    TravelLegFactory,
    VisaCaseFactory,
    VisaRuleFactory,
)
from .access import anonymous_outcomes, sent_to_login, statuses
from .logistics_world import world_fixture  # noqa: F401

D = datetime.date
BOARD_QUERIES = 12
OVERVIEW_QUERIES = 8
PAGE_QUERIES = 14


def soon(days: int = 10) -> datetime.date:
    """A day shortly after today: the board and the attention list look at what comes."""
    return timezone.localdate() + datetime.timedelta(days=days)


def logistics_urls(w) -> list[str]:
    session, participation = w.participation.session, w.participation
    return [
        reverse("orga:logistics"),
        reverse("orga:logistics-ready", args=[session.pk]),
        reverse("orga:logistics-rooming", args=[session.pk]),
        reverse("orga:logistics-participation", args=[participation.pk]),
        reverse("orga:travel-leg-create") + f"?participation={participation.pk}",
        reverse("orga:travel-leg-update", args=[w.leg.pk]),
        reverse("orga:travel-leg-delete", args=[w.leg.pk]),
        reverse("orga:visa-rule-list"),
        reverse("orga:visa-rule-create"),
        reverse("orga:visa-rule-update", args=[w.rule.pk]),
        reverse("orga:visa-case-list"),
        reverse("orga:visa-case-open", args=[participation.pk]),
        reverse("orga:visa-case-detail", args=[w.case.pk]),
        reverse("orga:visa-case-update", args=[w.case.pk]),
        reverse("orga:visa-case-step", args=[w.case.pk]),
        reverse("orga:visa-case-decide", args=[w.case.pk]),
        reverse("orga:visa-document-add", args=[w.case.pk]),
        reverse("orga:letter-template-list"),
        reverse("orga:letter-template-create"),
        reverse("orga:letter-template-update", args=[w.letter.pk]),
        reverse("orga:place-list"),
        reverse("orga:place-create"),
        reverse("orga:place-detail", args=[w.place.pk]),
        reverse("orga:place-update", args=[w.place.pk]),
        reverse("orga:bedroom-create", args=[w.place.pk]),
        reverse("orga:stay-create") + f"?participation={participation.pk}",
        reverse("orga:stay-update", args=[w.stay.pk]),
        reverse("orga:stay-delete", args=[w.stay.pk]),
        reverse("orga:per-diem-rate-list"),
        reverse("orga:per-diem-rate-create"),
        reverse("orga:per-diem-rate-update", args=[w.rate.pk]),
        reverse("orga:per-diem-set", args=[participation.pk]),
        reverse("orga:fee-create") + f"?participation={participation.pk}",
        reverse("orga:fee-update", args=[w.fee.pk]),
        reverse("orga:fee-delete", args=[w.fee.pk]),
        reverse("orga:budget-list"),
        reverse("orga:budget-create"),
        reverse("orga:budget-detail", args=[w.budget.pk]),
        reverse("orga:budget-update", args=[w.budget.pk]),
        reverse("orga:budget-line-create", args=[w.budget.pk]),
        reverse("orga:budget-line-update", args=[w.line.pk]),
        reverse("orga:budget-line-delete", args=[w.line.pk]),
        reverse("orga:exchange-rate-list"),
        reverse("orga:exchange-rate-create"),
    ]


# Pages that only take a POST (a button on another page).
POST_ONLY = ("visa-case-letter",)


def test_logistics_pages_send_anonymous_visitors_to_login(client, world):
    urls = [*logistics_urls(world), reverse("orga:visa-case-letter", args=[world.case.pk])]
    assert anonymous_outcomes(client, urls, "post") == sent_to_login(urls)
    get_urls = logistics_urls(world)
    assert anonymous_outcomes(client, get_urls) == sent_to_login(get_urls)


def test_logistics_pages_are_forbidden_to_non_staff(member_client, world):
    urls = logistics_urls(world)
    assert statuses(member_client, urls) == dict.fromkeys(urls, 403)
    posted = [*urls, reverse("orga:visa-case-letter", args=[world.case.pk])]
    assert statuses(member_client, posted, "post") == dict.fromkeys(posted, 403)


def test_logistics_pages_open_for_staff(staff_client, world):
    urls = logistics_urls(world)
    assert statuses(staff_client, urls) == dict.fromkeys(urls, 200)


def test_logistics_nav_item_is_current_on_the_area_pages(staff_client, world):
    html = staff_client.get(reverse("orga:visa-rule-list")).content.decode()
    assert f'<a href="{reverse("orga:logistics")}" aria-current="page">Travel & money</a>' in html


def test_create_page_without_a_participation_is_not_found(staff_client, world):
    responses = [
        staff_client.get(reverse("orga:travel-leg-create")),
        staff_client.get(reverse("orga:stay-create") + "?participation=nope"),
        staff_client.get(reverse("orga:fee-create") + "?participation=999999"),
    ]
    assert [response.status_code for response in responses] == [404, 404, 404]


def test_overview_lists_coming_sessions_and_visa_attention(staff_client, db):
    kinshasa = HubFactory(slug="kinshasa", country="CD")
    session = SessionFactory(hub=kinshasa, start_date=soon(), end_date=soon(18))
    late = ParticipationFactory(session=session, person__nationality="FR", person__family_name="Roux")
    VisaRuleFactory(nationality="FR", destination="CD")
    page = staff_client.get(reverse("orga:logistics"))
    assert list(page.context["sessions"]) == [session]
    assert [item.participation for item in page.context["attention"]] == [late]
    assert reverse("orga:logistics-ready", args=[session.pk]) in page.content.decode()


@pytest.fixture
def board_session(db):
    marseille = HubFactory(slug="marseille", country="FR")
    return SessionFactory(hub=marseille, start_date=soon(), end_date=soon(14))


def test_board_shows_what_is_missing_with_links_that_fix_it(staff_client, board_session):
    VisaRuleFactory(nationality="RU", destination="FR")
    olga = ParticipationFactory(
        session=board_session,
        person__nationality="RU",
        person__given_name="Olga",
        person__family_name="Taleeva",
    )
    page = staff_client.get(reverse("orga:logistics-ready", args=[board_session.pk]))
    html = page.content.decode()
    assert [[m.key for m in row.missing] for row in page.context["rows"]] == [
        ["visa_case", "arrival_leg", "return_leg", "bed", "per_diem"]
    ]
    assert page.context["ready_count"] == 0
    assert f'href="{reverse("orga:visa-case-open", args=[olga.pk])}"' in html
    assert f'href="{reverse("orga:per-diem-set", args=[olga.pk])}"' in html
    assert "No bed for 4 nights" in html
    assert 'scope="travel"' not in html and "Export CSV" in html


def test_board_query_count_does_not_grow_with_people(
    staff_client, board_session, django_assert_max_num_queries
):
    VisaRuleFactory(nationality="RU", destination="FR")

    def add_people(n):
        for _n in range(n):
            participation = ParticipationFactory(session=board_session, person__nationality="RU")
            TravelLegFactory(participation=participation)
            StayFactory(participation=participation)
            PerDiemFactory(participation=participation)
            VisaCaseFactory(participation=participation, rule__nationality="RU", rule__destination="FR")

    add_people(2)
    with django_assert_max_num_queries(BOARD_QUERIES):
        staff_client.get(reverse("orga:logistics-ready", args=[board_session.pk]))
    add_people(15)
    with django_assert_max_num_queries(BOARD_QUERIES):
        page = staff_client.get(reverse("orga:logistics-ready", args=[board_session.pk]))
    assert len(page.context["rows"]) == 17


def test_rooming_shows_nights_without_a_bed(staff_client, world):
    page = staff_client.get(reverse("orga:logistics-rooming", args=[world.participation.session.pk]))
    assert [(row.participation, row.unhoused) for row in page.context["rows"]] == [(world.participation, [])]
    assert "Résidence du Frioul · 12 · A" in page.content.decode()


def test_participation_page_shows_journeys_in_local_time_visa_bed_and_money(staff_client, world):
    html = staff_client.get(
        reverse("orga:logistics-participation", args=[world.participation.pk])
    ).content.decode()
    # 21:00 UTC is 22:00 in Kinshasa; 08:30 UTC is 10:30 in Marseille (summer time).
    assert '18 Jul 2027 22:00</time> <span class="muted">Africa/Kinshasa' in html
    assert '19 Jul 2027 10:30</time> <span class="muted">Europe/Paris' in html
    assert world.case.get_absolute_url() in html
    assert "Résidence du Frioul · 12 · A" in html
    assert "400.00\xa0EUR" in html


def test_dashboard_shows_the_visas_needing_attention(staff_client, db):
    session = SessionFactory(hub=HubFactory(country="CD"), start_date=soon(), end_date=soon(18))
    ParticipationFactory(session=session, person__nationality="FR", person__family_name="Roux")
    VisaRuleFactory(nationality="FR", destination="CD")
    html = staff_client.get(reverse("orga:dashboard")).content.decode()
    assert "Visas needing attention" in html
    assert "No visa case, and the 90 days&#x27; lead time no longer fits before arrival" in html


def test_overview_query_count_does_not_grow_with_sessions(staff_client, db, django_assert_max_num_queries):
    VisaRuleFactory(nationality="FR", destination="CD")
    hub = HubFactory(country="CD")

    def add_sessions(n):
        for k in range(n):
            session = SessionFactory(hub=hub, start_date=soon(10 + k), end_date=soon(20 + k))
            ParticipationFactory.create_batch(2, session=session, person__nationality="FR")

    add_sessions(1)
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        staff_client.get(reverse("orga:logistics"))
    add_sessions(6)
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        page = staff_client.get(reverse("orga:logistics"))
    assert len(page.context["attention"]) == 14


def test_rooming_and_participation_pages_query_count_does_not_grow(
    staff_client, world, django_assert_max_num_queries
):
    session = world.participation.session
    urls = [
        reverse("orga:logistics-rooming", args=[session.pk]),
        reverse("orga:logistics-participation", args=[world.participation.pk]),
    ]
    for url in urls:
        with django_assert_max_num_queries(PAGE_QUERIES):
            staff_client.get(url)
    for _n in range(10):
        StayFactory(participation=ParticipationFactory(session=session))
        TravelLegFactory(participation=world.participation, direction="internal")
    for url in urls:
        with django_assert_max_num_queries(PAGE_QUERIES):
            assert staff_client.get(url).status_code == 200


def test_session_page_links_to_its_board(staff_client, board_session):
    html = staff_client.get(board_session.get_absolute_url()).content.decode()
    assert f'href="{reverse("orga:logistics-ready", args=[board_session.pk])}"' in html
