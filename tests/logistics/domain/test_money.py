import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tissage.core.models import AuditEntry
from tissage.core.money import Money
from tissage.logistics.domain.money import (
    budget_line_create,
    budget_summary,
    fee_create,
    per_diem_proposal,
    per_diem_rate_create,
    per_diem_set,
)
from tissage.people.enums import Role

from ...factories import (
    BudgetFactory,
    BudgetLineFactory,
    ExchangeRateFactory,
    HubFactory,
    OrganisationFactory,
    ParticipationFactory,
    PerDiemRateFactory,
)

D = datetime.date


@pytest.fixture
def narian_mar(db):
    return HubFactory(slug="narian-mar", country="RU", timezone="Europe/Moscow", currency="RUB")


def test_per_diem_rates_of_one_hub_and_role_cannot_overlap(narian_mar):
    PerDiemRateFactory(hub=narian_mar, currency="RUB", daily_amount=Decimal("2500"), valid_from=D(2027, 1, 1))
    with pytest.raises(ValidationError) as refusal:
        per_diem_rate_create(
            actor=None,
            data={
                "hub": narian_mar,
                "role": "",
                "daily_amount": Decimal("2800"),
                "currency": "RUB",
                "valid_from": D(2027, 6, 1),
            },
        )
    assert list(refusal.value.error_dict) == ["valid_from"]
    per_diem_rate_create(
        actor=None,
        data={
            "hub": narian_mar,
            "role": Role.TRAINEE,
            "daily_amount": Decimal("2000"),
            "currency": "RUB",
            "valid_from": D(2027, 6, 1),
        },
    )


def test_per_diem_proposal_takes_the_role_rate_valid_on_arrival_times_days_present(narian_mar):
    PerDiemRateFactory(hub=narian_mar, currency="RUB", daily_amount=Decimal("2500"), valid_from=D(2027, 1, 1))
    trainee_rate = PerDiemRateFactory(
        hub=narian_mar,
        role=Role.TRAINEE,
        currency="RUB",
        daily_amount=Decimal("1800.50"),
        valid_from=D(2027, 1, 1),
    )
    participation = ParticipationFactory(
        session__hub=narian_mar,
        session__start_date=D(2027, 5, 15),
        session__end_date=D(2027, 5, 23),
        role=Role.TRAINEE,
        arrives_on=D(2027, 5, 14),
    )
    proposal = per_diem_proposal(participation)
    assert proposal == {
        "days": 10,
        "rate": trainee_rate,
        "daily_amount": Decimal("1800.50"),
        "currency": "RUB",
    }
    per_diem = per_diem_set(actor=None, participation=participation, data=proposal)
    assert per_diem.total == Money("18005.00", "RUB")
    per_diem_set(actor=None, participation=participation, data={"days": 9})
    per_diem.refresh_from_db()
    assert per_diem.total == Money("16204.50", "RUB")
    assert [e.action for e in AuditEntry.objects.for_object(participation)] == [
        "per_diem.updated",
        "per_diem.created",
    ]


def test_fee_paid_needs_a_payment_date(db):
    participation = ParticipationFactory()
    with pytest.raises(ValidationError, match="payment date"):
        fee_create(
            actor=None,
            data={
                "participation": participation,
                "kind": "artist",
                "amount_value": Decimal("400"),
                "currency": "EUR",
                "status": "paid",
            },
        )


def test_budget_adds_up_lines_in_three_currencies_at_the_rates_of_their_days(db):
    region, fondation = (
        OrganisationFactory(name="Région Rivages"),
        OrganisationFactory(name="Fondation Nkembo"),
    )
    budget = BudgetFactory(currency="EUR", rates_on=D(2027, 1, 15))
    budget.funders.set([region, fondation])
    ExchangeRateFactory(base="EUR", quote="RUB", on=D(2027, 1, 1), rate=Decimal("100"))
    ExchangeRateFactory(base="EUR", quote="RUB", on=D(2027, 5, 1), rate=Decimal("80"))
    ExchangeRateFactory(base="EUR", quote="CDF", on=D(2027, 1, 1), rate=Decimal("3000"))
    BudgetLineFactory(
        budget=budget, category="travel", currency="EUR", planned_amount=Decimal("1000.10"), funder=region
    )
    BudgetLineFactory(
        budget=budget,
        category="per_diems",
        currency="RUB",
        planned_amount=Decimal("50000"),
        actual_amount=Decimal("48000"),
        spent_on=D(2027, 5, 20),
        funder=region,
    )
    BudgetLineFactory(
        budget=budget,
        category="travel",
        currency="CDF",
        planned_amount=Decimal("1500000"),
        actual_amount=Decimal("1650000"),
        spent_on=D(2027, 1, 20),
        funder=fondation,
    )
    summary = budget_summary(budget)
    assert [(row.key, row.planned, row.actual) for row in summary.categories] == [
        ("travel", Money("1500.10", "EUR"), Money("550.00", "EUR")),
        ("per_diems", Money("500.00", "EUR"), Money("600.00", "EUR")),
    ]
    assert [(row.label, row.planned, row.actual) for row in summary.funders] == [
        ("Fondation Nkembo", Money("500.00", "EUR"), Money("550.00", "EUR")),
        ("Région Rivages", Money("1500.10", "EUR"), Money("600.00", "EUR")),
    ]
    assert (summary.total.planned, summary.total.actual, summary.total.balance) == (
        Money("2000.10", "EUR"),
        Money("1150.00", "EUR"),
        Money("850.10", "EUR"),
    )
    assert summary.missing_rates == []


def test_budget_with_a_missing_rate_says_which_and_leaves_the_line_out(db):
    budget = BudgetFactory(currency="EUR", rates_on=D(2027, 1, 15))
    BudgetLineFactory(budget=budget, currency="EUR", planned_amount=Decimal("10"))
    BudgetLineFactory(budget=budget, currency="JOD", planned_amount=Decimal("10"))
    summary = budget_summary(budget)
    assert summary.total.planned == Money("10", "EUR")
    assert [(m.base, m.quote, m.day) for m in summary.missing_rates] == [("JOD", "EUR", D(2027, 1, 15))]


def test_budget_summary_query_count_does_not_grow_with_lines(db, django_assert_num_queries):
    budget = BudgetFactory()
    BudgetLineFactory.create_batch(3, budget=budget)
    with django_assert_num_queries(2):
        budget_summary(budget)
    BudgetLineFactory.create_batch(30, budget=budget, currency="RUB")
    ExchangeRateFactory(on=D(2025, 1, 1))
    with django_assert_num_queries(2):
        assert budget_summary(budget).total.planned == Money("3300.00", "EUR")


def test_budget_line_funder_must_be_a_funder_of_the_budget(db):
    budget = BudgetFactory()
    with pytest.raises(ValidationError) as refusal:
        budget_line_create(
            actor=None,
            budget=budget,
            data={
                "category": "fees",
                "label": "Cachets",
                "currency": "EUR",
                "planned_amount": Decimal("1"),
                "funder": OrganisationFactory(),
            },
        )
    assert list(refusal.value.error_dict) == ["funder"]
