import datetime

import pytest
from django.core.exceptions import ValidationError

from tissage.core.models import AuditEntry
from tissage.network.domain.programmes import (
    cohort_member_add,
    cohort_member_remove,
    programme_create,
    propose_sessions,
    session_create,
    session_update,
)
from tissage.network.enums import Season, SessionStatus
from tissage.network.models import Programme, Session
from tissage.people.enums import Role

from ...factories import (
    CohortMemberFactory,
    EditionFactory,
    FestivalFactory,
    HubFactory,
    PersonFactory,
    ProgrammeFactory,
    StaffFactory,
)


@pytest.fixture
def marseille(db):
    return HubFactory(slug="marseille", season=Season.SUMMER, is_home=True)


@pytest.fixture
def narian_mar(db):
    return HubFactory(slug="narian-mar", season=Season.SPRING, country="RU", timezone="Europe/Moscow")


def test_propose_sessions_alternates_partner_and_home_each_year(marseille, narian_mar):
    proposals = propose_sessions(
        home_hub=marseille, partner_hubs=[narian_mar], start_year=2002, years=3, sessions_per_year=2
    )
    assert [(p.number, p.hub.slug, p.start_date) for p in proposals] == [
        (1, "narian-mar", datetime.date(2002, 4, 15)),
        (2, "marseille", datetime.date(2002, 7, 15)),
        (3, "narian-mar", datetime.date(2003, 4, 14)),
        (4, "marseille", datetime.date(2003, 7, 14)),
        (5, "narian-mar", datetime.date(2004, 4, 12)),
        (6, "marseille", datetime.date(2004, 7, 12)),
    ]
    assert all(p.end_date - p.start_date == datetime.timedelta(days=9) for p in proposals)


def test_propose_sessions_takes_the_dates_of_an_existing_edition(marseille, narian_mar):
    edition = EditionFactory(
        festival=FestivalFactory(hub=narian_mar),
        start_date=datetime.date(2002, 8, 31),
        end_date=datetime.date(2002, 9, 8),
    )
    first = propose_sessions(
        home_hub=marseille, partner_hubs=[narian_mar], start_year=2002, years=1, sessions_per_year=2
    )
    assert [(p.hub.slug, p.start_date, p.edition) for p in first] == [
        ("narian-mar", datetime.date(2002, 8, 31), edition),
        ("marseille", datetime.date(2002, 7, 15), None),
    ]


def test_propose_sessions_rotates_several_partners(marseille):
    damascus, beirut, amman = (
        HubFactory(slug=s, season=Season.AUTUMN) for s in ("damascus", "beirut", "amman")
    )
    proposals = propose_sessions(
        home_hub=marseille,
        partner_hubs=[damascus, beirut, amman],
        start_year=2004,
        years=3,
        sessions_per_year=2,
    )
    assert [p.hub.slug for p in proposals] == [
        "marseille",
        "damascus",
        "marseille",
        "beirut",
        "marseille",
        "amman",
    ]


def test_programme_create_proposes_draft_sessions_and_audits_them(marseille, narian_mar):
    staff = StaffFactory()
    programme = programme_create(
        actor=staff,
        data={
            "slug": "nor",
            "name": {"fr": "Marseille – Narian-Mar"},
            "home_hub": marseille,
            "partner_hubs": [narian_mar],
            "start_year": 2002,
        },
    )
    sessions = list(programme.sessions.order_by("number"))
    assert [s.number for s in sessions] == [1, 2, 3, 4, 5, 6]
    assert {s.status for s in sessions} == {SessionStatus.DRAFT}
    assert AuditEntry.objects.filter(action="session.created").count() == 6
    assert AuditEntry.objects.for_object(programme).count() == 7


def test_programme_create_refuses_the_home_hub_as_partner(marseille):
    with pytest.raises(ValidationError) as caught:
        programme_create(
            actor=None,
            data={
                "slug": "x",
                "name": {"fr": "X"},
                "home_hub": marseille,
                "partner_hubs": [marseille],
                "start_year": 2002,
            },
        )
    assert list(caught.value.error_dict) == ["partner_hubs"]
    assert Programme.objects.count() == 0


def test_session_create_refuses_an_edition_at_another_hub(marseille, narian_mar):
    programme = programme_create(
        actor=None,
        data={
            "slug": "x",
            "name": {"fr": "X"},
            "home_hub": marseille,
            "partner_hubs": [narian_mar],
            "start_year": 2002,
        },
        with_sessions=False,
    )
    edition = EditionFactory(festival=FestivalFactory(hub=narian_mar))
    with pytest.raises(ValidationError) as caught:
        session_create(
            actor=None,
            data={
                "programme": programme,
                "hub": marseille,
                "edition": edition,
                "start_date": datetime.date(2004, 7, 1),
                "end_date": datetime.date(2004, 7, 9),
            },
        )
    assert list(caught.value.error_dict) == ["edition"]
    assert Session.objects.count() == 0


def test_session_create_refuses_dates_out_of_order(marseille, narian_mar):
    programme = programme_create(
        actor=None,
        data={
            "slug": "x",
            "name": {"fr": "X"},
            "home_hub": marseille,
            "partner_hubs": [narian_mar],
            "start_year": 2002,
        },
        with_sessions=False,
    )
    with pytest.raises(ValidationError, match="cannot come before"):
        session_create(
            actor=None,
            data={
                "programme": programme,
                "hub": marseille,
                "start_date": datetime.date(2004, 7, 9),
                "end_date": datetime.date(2004, 7, 1),
            },
        )


def test_programme_create_makes_a_short_name_from_the_name(marseille, narian_mar):
    ProgrammeFactory(slug="marseille-narian-mar")
    programme = programme_create(
        actor=None,
        data={
            "name": {"fr": "Marseille – Narian-Mar"},
            "home_hub": marseille,
            "partner_hubs": [narian_mar],
            "start_year": 2002,
        },
        with_sessions=False,
    )
    assert programme.slug == "marseille-narian-mar-2"


def test_cohort_member_add_refuses_someone_already_in_the_cohort(db):
    member = CohortMemberFactory()
    with pytest.raises(ValidationError) as caught:
        cohort_member_add(
            actor=None, programme=member.programme, data={"person": member.person, "role": Role.ARTIST}
        )
    assert caught.value.message_dict == {"person": [f"{member.person} is already in this cohort."]}
    assert AuditEntry.objects.count() == 0


def test_cohort_member_add_and_remove_show_on_the_programme_and_the_person(db):
    programme, person = ProgrammeFactory(), PersonFactory()
    member = cohort_member_add(actor=None, programme=programme, data={"person": person, "role": Role.TRAINEE})
    cohort_member_remove(actor=None, member=member)
    assert [e.action for e in AuditEntry.objects.for_object(programme)] == [
        "cohort.member_removed",
        "cohort.member_added",
    ]
    assert AuditEntry.objects.for_object(person).count() == 2


@pytest.mark.parametrize("sessions_per_year", [3, 4, 5, 6])
def test_propose_sessions_spreads_many_sessions_a_year_over_distinct_months(marseille, sessions_per_year):
    amman = HubFactory(slug="amman", season=Season.WINTER)
    proposals = propose_sessions(
        home_hub=marseille,
        partner_hubs=[amman],
        start_year=2004,
        years=2,
        sessions_per_year=sessions_per_year,
    )
    assert len(proposals) == 2 * sessions_per_year
    for year in (2004, 2005):
        months = [p.start_date.month for p in proposals if p.start_date.year == year]
        assert len(set(months)) == sessions_per_year
    assert [p.start_date for p in proposals] == sorted(p.start_date for p in proposals)


def test_session_update_shows_on_the_programme_history(marseille, narian_mar):
    programme = programme_create(
        actor=None,
        data={
            "slug": "x",
            "name": {"fr": "X"},
            "home_hub": marseille,
            "partner_hubs": [narian_mar],
            "start_year": 2002,
        },
    )
    session = programme.sessions.get(number=1)
    session_update(actor=None, session=session, data={"status": SessionStatus.PLANNED})
    assert AuditEntry.objects.for_object(programme).filter(action="session.updated").count() == 1
