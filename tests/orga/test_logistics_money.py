import datetime
from decimal import Decimal

from django.urls import reverse

from tissage.core.models import AuditEntry
from tissage.core.money import Money
from tissage.logistics.models import Budget, BudgetLine, ExchangeRate, Fee, PerDiem, PerDiemRate

from ..factories import (
    BudgetFactory,
    BudgetLineFactory,
    ExchangeRateFactory,
    HubFactory,
    OrganisationFactory,
    PerDiemRateFactory,
)
from .logistics_world import world_fixture  # noqa: F401

D = datetime.date
LIST_QUERIES = 6
BUDGET_QUERIES = 12


def test_per_diem_set_proposes_the_hub_rate_times_the_days(staff_client, world):
    url = reverse("orga:per-diem-set", args=[world.participation.pk])
    form = staff_client.get(url).context["form"]
    assert (form.initial["daily_amount"], form.initial["currency"], form.initial["days"]) == (
        Decimal("35.00"),
        "EUR",
        7,
    )
    response = staff_client.post(url, {"daily_amount": "35.00", "currency": "EUR", "days": 7})
    per_diem = PerDiem.objects.get()
    assert (
        response["Location"]
        == reverse("orga:logistics-participation", args=[world.participation.pk]) + "#money"
    )
    assert (per_diem.total, per_diem.rate) == (Money("245.00", "EUR"), world.rate)
    staff_client.post(url, {"daily_amount": "30.00", "currency": "EUR", "days": 7, "paid_on": "2027-07-19"})
    per_diem.refresh_from_db()
    assert (per_diem.total, PerDiem.objects.count()) == (Money("210.00", "EUR"), 1)


def test_per_diem_with_a_bad_currency_shows_errors_and_writes_nothing(staff_client, world):
    response = staff_client.post(
        reverse("orga:per-diem-set", args=[world.participation.pk]),
        {"daily_amount": "abc", "currency": "EURO", "days": 7},
    )
    assert set(response.context["form"].errors) == {"daily_amount", "currency"}
    assert (PerDiem.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_per_diem_rate_overlap_is_refused_on_the_form(staff_client, world):
    response = staff_client.post(
        reverse("orga:per-diem-rate-create"),
        {
            "hub": world.rate.hub.pk,
            "role": "",
            "daily_amount": "40",
            "currency": "EUR",
            "valid_from": "2027-01-01",
        },
    )
    assert response.context["form"].errors == {
        "valid_from": ["Another rate of this hub and role holds on some of these days."]
    }
    assert PerDiemRate.objects.count() == 1


def test_fee_create_update_and_delete(staff_client, world):
    url = reverse("orga:fee-create") + f"?participation={world.participation.pk}"
    staff_client.post(
        url, {"kind": "teaching", "amount_value": "250.50", "currency": "EUR", "status": "agreed"}
    )
    fee = Fee.objects.get(kind="teaching")
    assert fee.amount == Money("250.50", "EUR")
    refused = staff_client.post(
        reverse("orga:fee-update", args=[fee.pk]),
        {"kind": "teaching", "amount_value": "250.50", "currency": "EUR", "status": "paid"},
    )
    assert refused.context["form"].errors == {
        "__all__": ["A paid fee has a payment date, and only a paid fee has one."]
    }
    staff_client.post(reverse("orga:fee-delete", args=[fee.pk]))
    assert list(Fee.objects.all()) == [world.fee]


def test_money_lists_query_count_does_not_grow(staff_client, world, django_assert_max_num_queries):
    urls = [
        reverse("orga:per-diem-rate-list"),
        reverse("orga:budget-list"),
        reverse("orga:exchange-rate-list"),
    ]
    for url in urls:
        with django_assert_max_num_queries(LIST_QUERIES):
            staff_client.get(url)
    for n in range(10):
        PerDiemRateFactory(hub=HubFactory())
        BudgetLineFactory(budget=BudgetFactory())
        ExchangeRateFactory(on=D(2026, 1, n + 1))
    for url in urls:
        with django_assert_max_num_queries(LIST_QUERIES):
            assert staff_client.get(url).status_code == 200


def test_budget_create_from_a_programme_starts_with_its_funders(staff_client, world):
    programme = world.budget.programme
    funder = OrganisationFactory(name="Fondation Nkembo")
    programme.funders.add(funder)
    url = reverse("orga:budget-create") + f"?programme={programme.slug}"
    initial = staff_client.get(url).context["form"].initial
    assert (initial["currency"], initial["funders"]) == ("EUR", [funder])
    response = staff_client.post(
        url,
        {
            "programme": programme.pk,
            "title": "Mimi 2027",
            "currency": "eur",
            "rates_on": "2027-01-01",
            "funders": [funder.pk],
        },
    )
    budget = Budget.objects.get(title="Mimi 2027")
    assert response["Location"] == budget.get_absolute_url()
    assert list(budget.funders.all()) == [funder]


def test_budget_page_adds_up_lines_in_the_budget_currency(staff_client, world, django_assert_max_num_queries):
    BudgetLineFactory(budget=world.budget, label="Cachets", category="fees", planned_amount=Decimal("1200"))
    with django_assert_max_num_queries(BUDGET_QUERIES):
        page = staff_client.get(world.budget.get_absolute_url())
    summary = page.context["summary"]
    assert [(row.key, row.planned) for row in summary.categories] == [
        ("travel", Money("1000.00", "EUR")),
        ("fees", Money("1200", "EUR")),
    ]
    assert "2,200.00\xa0EUR" in page.content.decode()
    BudgetLineFactory.create_batch(20, budget=world.budget, currency="CDF")
    with django_assert_max_num_queries(BUDGET_QUERIES):
        staff_client.get(world.budget.get_absolute_url())


def test_budget_page_names_a_missing_rate(staff_client, world):
    BudgetLineFactory(budget=world.budget, currency="RUB")
    html = staff_client.get(world.budget.get_absolute_url()).content.decode()
    assert "RUB → EUR on or before 1 Jan 2026" in html


def test_budget_line_with_a_funder_outside_the_budget_is_refused(staff_client, world):
    response = staff_client.post(
        reverse("orga:budget-line-create", args=[world.budget.pk]),
        {
            "category": "fees",
            "label": "Cachets",
            "currency": "EUR",
            "planned_amount": "100",
            "funder": OrganisationFactory().pk,
        },
    )
    assert "funder" in response.context["form"].errors
    assert BudgetLine.objects.count() == 1


def test_budget_line_actual_needs_its_day(staff_client, world):
    response = staff_client.post(
        reverse("orga:budget-line-update", args=[world.line.pk]),
        {
            "category": "travel",
            "label": "Billets",
            "currency": "CDF",
            "planned_amount": "3000000",
            "actual_amount": "2900000",
        },
    )
    assert response.context["form"].errors == {
        "__all__": ["An actual amount needs the day it was spent, for its exchange rate."]
    }
    saved = staff_client.post(
        reverse("orga:budget-line-update", args=[world.line.pk]),
        {
            "category": "travel",
            "label": "Billets",
            "currency": "CDF",
            "planned_amount": "3000000",
            "actual_amount": "2900000",
            "spent_on": "2027-06-01",
        },
    )
    assert saved["Location"] == world.budget.get_absolute_url()
    assert AuditEntry.objects.for_object(world.budget).first().action == "budget_line.updated"


def test_exchange_rate_create_and_duplicate_day(staff_client, db):
    data = {"base": "eur", "quote": "rub", "on": "2027-05-01", "rate": "101.25", "source": "Banque de France"}
    created = staff_client.post(reverse("orga:exchange-rate-create"), data)
    assert created["Location"] == reverse("orga:exchange-rate-list")
    assert str(ExchangeRate.objects.get()) == "1 EUR = 101.25 RUB (2027-05-01)"
    duplicate = staff_client.post(reverse("orga:exchange-rate-create"), data)
    assert duplicate.context["form"].errors == {
        "__all__": ["There is already a rate for these currencies on this day."]
    }


def test_per_diem_rate_create_for_a_hub(staff_client, db):
    hub = HubFactory(slug="kinshasa", currency="CDF")
    url = reverse("orga:per-diem-rate-create") + "?hub=kinshasa"
    assert staff_client.get(url).context["form"].initial["hub"] == hub
    response = staff_client.post(
        url, {"hub": hub.pk, "role": "", "daily_amount": "40", "currency": "usd", "valid_from": "2026-01-01"}
    )
    assert response["Location"] == reverse("orga:per-diem-rate-list")
    assert PerDiemRate.objects.get().daily == Money("40", "USD")
