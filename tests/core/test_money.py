import datetime
from decimal import Decimal

import pytest

from tissage.core.money import (
    CurrencyMismatch,
    MissingRate,
    Money,
    MoneyAttribute,
    convert,
    minor_units,
)

D = Decimal


def test_money_adds_decimals_exactly():
    assert Money("0.10", "EUR") + Money("0.20", "EUR") == Money("0.30", "EUR")
    assert sum([Money("0.10", "EUR")] * 10, Money.zero("EUR")) == Money("1.00", "EUR")


def test_money_refuses_floats_everywhere():
    with pytest.raises(TypeError):
        Money(0.1, "EUR")
    with pytest.raises(TypeError):
        Money("2", "EUR") * 1.5
    with pytest.raises(TypeError):
        Money("2", "EUR").convert("USD", rate=1.08)


def test_money_refuses_to_mix_currencies():
    with pytest.raises(CurrencyMismatch):
        Money("1", "EUR") + Money("1", "USD")
    with pytest.raises(CurrencyMismatch):
        assert Money("1", "EUR") < Money("2", "RUB")


def test_money_refuses_bad_currency_and_bad_amount():
    with pytest.raises(ValueError):
        Money("1", "eur")
    with pytest.raises(ValueError):
        Money("one", "EUR")
    with pytest.raises(ValueError):
        Money("NaN", "EUR")


def test_money_rounds_half_away_from_zero_to_the_currency_minor_unit():
    assert Money("2.345", "EUR").rounded() == Money("2.35", "EUR")
    assert Money("-2.345", "EUR").rounded() == Money("-2.35", "EUR")
    assert Money("1234.5", "XAF").rounded() == Money("1235", "XAF")
    assert Money("1.2345", "JOD").rounded() == Money("1.235", "JOD")
    assert (minor_units("CDF"), minor_units("RUB"), minor_units("XYZ")) == (2, 2, 2)


def test_money_multiplies_by_days_and_compares():
    per_day = Money("35.50", "EUR")
    assert per_day * 9 == Money("319.50", "EUR")
    assert 3 * per_day == Money("106.50", "EUR")
    assert Money("1", "EUR") < Money("2", "EUR") <= Money("2", "EUR")
    assert -per_day == Money("-35.50", "EUR")
    assert Money.total([], "RUB") == Money("0", "RUB")


def test_money_converts_at_a_rate_and_rounds_in_the_new_currency():
    assert Money("100", "EUR").convert("CDF", rate=D("3050.2567")) == Money("305025.67", "CDF")
    assert Money("1000", "RUB").convert("EUR", rate=D("0.0107")) == Money("10.70", "EUR")
    assert Money("5", "EUR").convert("EUR", rate=D("2")) == Money("5", "EUR")


def test_convert_reads_the_rate_of_the_day():
    rates = {("EUR", "RUB", datetime.date(2027, 5, 1)): D("98.5")}

    def lookup(base, quote, day):
        try:
            return rates[base, quote, day]
        except KeyError:
            raise MissingRate(base, quote, day) from None

    assert convert(Money("10", "EUR"), "RUB", on=datetime.date(2027, 5, 1), lookup=lookup) == Money(
        "985.00", "RUB"
    )
    with pytest.raises(MissingRate, match="EUR→RUB"):
        convert(Money("10", "EUR"), "RUB", on=datetime.date(2027, 5, 2), lookup=lookup)


def test_money_prints_grouped_and_rounded():
    assert str(Money("1234567.891", "CDF")) == "1\u202f234\u202f567.89 CDF"


class _Priced:
    cost = MoneyAttribute("cost_amount", "cost_currency")

    def __init__(self):
        self.cost_amount, self.cost_currency = None, ""


def test_money_attribute_reads_and_writes_two_columns():
    priced = _Priced()
    assert priced.cost is None
    priced.cost = Money("12.50", "USD")
    assert (priced.cost_amount, priced.cost_currency, priced.cost) == (
        D("12.50"),
        "USD",
        Money("12.5", "USD"),
    )
    priced.cost = None
    assert (priced.cost_amount, priced.cost_currency) == (None, "")
