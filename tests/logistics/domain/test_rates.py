import datetime
from decimal import Decimal

import pytest

from tissage.core.money import MissingRate, Money
from tissage.logistics.domain.rates import RateBook, exchange_rate_create

from ...factories import ExchangeRateFactory

D = datetime.date


def exchange_rate(base, quote, day):
    return RateBook.load({base, quote}).rate(base, quote, day)


@pytest.fixture
def rates(db):
    ExchangeRateFactory(base="EUR", quote="RUB", on=D(2027, 1, 1), rate=Decimal("98.5"))
    ExchangeRateFactory(base="EUR", quote="RUB", on=D(2027, 5, 1), rate=Decimal("101.25"))
    ExchangeRateFactory(base="USD", quote="CDF", on=D(2027, 1, 1), rate=Decimal("2850"))
    ExchangeRateFactory(base="EUR", quote="USD", on=D(2027, 1, 1), rate=Decimal("1.08"))


def test_a_rate_holds_from_its_day_until_the_next(rates):
    assert exchange_rate("EUR", "RUB", D(2027, 4, 30)) == Decimal("98.5")
    assert exchange_rate("EUR", "RUB", D(2027, 5, 1)) == Decimal("101.25")
    with pytest.raises(MissingRate):
        exchange_rate("EUR", "RUB", D(2026, 12, 31))


def test_the_inverse_of_a_rate_is_used_when_only_the_other_way_is_known(rates):
    assert exchange_rate("RUB", "EUR", D(2027, 2, 1)) == Decimal("0.0101522843")
    assert RateBook.load().convert(Money("9850", "RUB"), "EUR", D(2027, 2, 1)) == Money("100.00", "EUR")


def test_a_rate_through_a_third_currency(rates):
    # EUR→USD→CDF: 1.08 × 2850.
    assert exchange_rate("EUR", "CDF", D(2027, 3, 1)) == Decimal("3078")
    assert RateBook.load().convert(Money("35", "EUR"), "CDF", D(2027, 3, 1)) == Money("107730.00", "CDF")


def test_exchange_rate_create_refuses_a_pair_of_one_currency(db):
    with pytest.raises(Exception, match="two different currencies"):
        exchange_rate_create(
            actor=None, data={"base": "EUR", "quote": "EUR", "on": D(2027, 1, 1), "rate": Decimal(1)}
        )
