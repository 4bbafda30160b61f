import datetime

import pytest

from tissage.activities.enums import ParticipationStatus
from tissage.logistics.domain.readiness import logistics_attention, ready_to_travel
from tissage.network.enums import SessionStatus

from ...factories import (
    HubFactory,
    ParticipationFactory,
    PerDiemFactory,
    SessionFactory,
    StayFactory,
    TravelLegFactory,
    VisaCaseFactory,
    VisaRuleFactory,
)

D = datetime.date
TODAY = D(2026, 11, 25)


@pytest.fixture
def session(db):
    """Mimi-Sud in Kinshasa from 5 to 13 December 2026."""
    kinshasa = HubFactory(slug="kinshasa", country="CD", timezone="Africa/Kinshasa", currency="CDF")
    return SessionFactory(hub=kinshasa, start_date=D(2026, 12, 5), end_date=D(2026, 12, 13))


@pytest.fixture
def marseille(db):
    return HubFactory(slug="marseille", country="FR")


def traveller(session, home, nationality="FR", **kwargs):
    return ParticipationFactory(
        session=session, person__home_hub=home, person__nationality=nationality, **kwargs
    )


def ready_everything(participation):
    TravelLegFactory(participation=participation, direction="arrival")
    TravelLegFactory(participation=participation, direction="return")
    StayFactory(participation=participation)
    PerDiemFactory(participation=participation)


def missing_keys(session, today=TODAY) -> dict[str, list[str]]:
    return {
        row.participation.person.family_name: [m.key for m in row.missing]
        for row in ready_to_travel(session, today=today)
    }


def test_board_lists_what_each_traveller_lacks(session, marseille):
    VisaRuleFactory(nationality="FR", destination="CD")
    traveller(session, marseille, person__family_name="Bare")
    ready = traveller(session, marseille, person__family_name="Ready")
    ready_everything(ready)
    VisaCaseFactory(
        participation=ready,
        rule__nationality="FR",
        rule__destination="CD",
        status="decided",
        outcome="granted",
        decided_on=D(2026, 11, 1),
    )
    ParticipationFactory(session=session, person__home_hub=session.hub, person__family_name="Local")
    traveller(session, marseille, person__family_name="Gone", status=ParticipationStatus.DECLINED)
    assert missing_keys(session) == {
        "Bare": ["visa_case", "arrival_leg", "return_leg", "bed", "per_diem"],
        "Local": [],
        "Ready": [],
    }


def test_board_asks_for_a_visa_case_only_from_60_days_before(session, marseille):
    VisaRuleFactory(
        nationality="FR",
        destination="CD",
        lead_days=45,
        invitation_days=40,
        documents_days=30,
        appointment_days=20,
        decision_days=7,
    )
    participation = traveller(session, marseille, person__family_name="Early")
    ready_everything(participation)
    assert missing_keys(session, today=D(2026, 10, 5)) == {"Early": []}
    row = ready_to_travel(session, today=D(2026, 10, 7))[0]
    assert [(m.key, m.text, m.urgent) for m in row.missing] == [
        ("visa_case", "No visa case, 59 days before arrival", False)
    ]
    assert row.missing[0].url == f"/orga/participations/{participation.pk}/visa/open/"
    late = ready_to_travel(session, today=TODAY)[0].missing[0]
    assert (late.text, late.urgent) == ("No visa case, 10 days before arrival", True)


def test_board_shows_a_pending_visa_with_its_next_step(session, marseille):
    participation = traveller(session, marseille, person__family_name="Pending")
    ready_everything(participation)
    VisaCaseFactory(
        participation=participation,
        rule__nationality="FR",
        rule__destination="CD",
        invitation_sent_on=D(2026, 9, 1),
    )
    missing = ready_to_travel(session, today=TODAY)[0].missing
    assert [(m.key, m.text, m.urgent) for m in missing] == [
        ("visa_pending", "Visa not granted yet: documents complete due 6 Oct 2026", True)
    ]


def test_board_names_an_unknown_nationality_and_a_missing_rule(session, marseille):
    nobody = ParticipationFactory(session=session, person__home_hub=marseille, person__family_name="Nobody")
    ready_everything(nobody)
    ruleless = traveller(session, marseille, person__family_name="Ruleless", nationality="RU")
    ready_everything(ruleless)
    rows = {
        row.participation.person.family_name: row.missing for row in ready_to_travel(session, today=TODAY)
    }
    assert [(m.key, m.text) for m in rows["Nobody"]] == [("nationality", "Nationality unknown")]
    assert [(m.key, m.url) for m in rows["Ruleless"]] == [
        ("visa_rule", "/orga/visa-rules/new/?nationality=RU&destination=CD")
    ]


def test_board_counts_the_nights_without_a_bed(session, marseille):
    VisaRuleFactory(nationality="FR", destination="CD", visa_required=False)
    participation = traveller(session, marseille, person__family_name="Half")
    TravelLegFactory(participation=participation, direction="arrival")
    TravelLegFactory(participation=participation, direction="return", status="cancelled")
    StayFactory(participation=participation, check_out=D(2026, 12, 9))
    PerDiemFactory(participation=participation)
    missing = ready_to_travel(session, today=TODAY)[0].missing
    assert [(m.key, m.text) for m in missing] == [
        ("return_leg", "No return journey"),
        ("bed", "No bed for 4 nights"),
    ]


def test_board_query_count_does_not_grow_with_people(session, marseille, django_assert_num_queries):
    VisaRuleFactory(nationality="FR", destination="CD")
    for _n in range(2):
        ready_everything(traveller(session, marseille))
    with django_assert_num_queries(4):
        ready_to_travel(session, today=TODAY)
    for _n in range(15):
        participation = traveller(session, marseille)
        ready_everything(participation)
        VisaCaseFactory(participation=participation, rule__nationality="FR", rule__destination="CD")
    with django_assert_num_queries(4):
        assert len(ready_to_travel(session, today=TODAY)) == 17


def test_attention_lists_late_steps_and_lead_times_that_no_longer_fit(session, marseille):
    VisaRuleFactory(nationality="FR", destination="CD")
    no_case = traveller(session, marseille, person__family_name="NoCase")
    late = traveller(session, marseille, person__family_name="Late")
    VisaCaseFactory(
        participation=late,
        rule__nationality="FR",
        rule__destination="CD",
        invitation_sent_on=D(2026, 9, 1),
        status="documents",
    )
    unstarted = traveller(session, marseille, person__family_name="Unstarted")
    VisaCaseFactory(participation=unstarted, rule__nationality="FR", rule__destination="CD")
    on_time = traveller(session, marseille, person__family_name="OnTime")
    VisaCaseFactory(
        participation=on_time,
        rule__nationality="FR",
        rule__destination="CD",
        status="decided",
        outcome="granted",
        decided_on=D(2026, 11, 1),
    )
    cancelled = SessionFactory(
        hub=session.hub, start_date=D(2026, 12, 20), end_date=D(2026, 12, 22), status=SessionStatus.CANCELLED
    )
    traveller(cancelled, marseille)
    items = logistics_attention(TODAY)
    assert [(item.participation, item.text, item.due_on) for item in items] == [
        (no_case, "No visa case, and the 90 days' lead time no longer fits before arrival", D(2026, 9, 6)),
        (unstarted, "Visa case not started: it should have started by 6 Sep 2026", D(2026, 9, 6)),
        (late, "Late: documents complete was due 6 Oct 2026", D(2026, 10, 6)),
    ]


def test_attention_query_count_does_not_grow(session, marseille, django_assert_num_queries):
    VisaRuleFactory(nationality="FR", destination="CD")
    traveller(session, marseille)
    with django_assert_num_queries(1):
        logistics_attention(TODAY)
    for _n in range(10):
        VisaCaseFactory(
            participation=traveller(session, marseille), rule__nationality="FR", rule__destination="CD"
        )
    with django_assert_num_queries(1):
        assert len(logistics_attention(TODAY)) == 11
