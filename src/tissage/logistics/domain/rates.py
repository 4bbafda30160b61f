"""Exchange rates by day, and the conversions drawn from them."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from tissage.core.domain.writes import audited_create
from tissage.core.money import RATE_PLACES, MissingRate, Money, convert

from ..models import ExchangeRate

RATE_QUANTUM = Decimal(1).scaleb(-RATE_PLACES)


def exchange_rate_create(*, actor, data: dict) -> ExchangeRate:
    return audited_create(actor=actor, model=ExchangeRate, data=data, action="exchange_rate.created")


class RateBook:
    """The known rates between some currencies, read in one query, to convert many amounts.

    A rate holds from its day until the next known one. The book uses a rate as stored, or its
    inverse, or, failing both, goes through a third currency both sides have a rate with.
    """

    def __init__(self, rates: Iterable[ExchangeRate]):
        self._rates: dict[tuple[str, str], list[tuple[datetime.date, Decimal]]] = defaultdict(list)
        for rate in rates:
            self._rates[rate.base, rate.quote].append((rate.on, rate.rate))
            self._rates[rate.quote, rate.base].append(
                (rate.on, (Decimal(1) / rate.rate).quantize(RATE_QUANTUM))
            )
        for series in self._rates.values():
            series.sort()

    @classmethod
    def load(cls, currencies: Iterable[str] | None = None) -> "RateBook":
        rates = ExchangeRate.objects.all()
        if currencies is not None:
            currencies = set(currencies)
            rates = rates.filter(base__in=currencies) | rates.filter(quote__in=currencies)
        return cls(rates)

    def _direct(self, base: str, quote: str, day: datetime.date) -> Decimal | None:
        found = None
        for on, rate in self._rates.get((base, quote), ()):
            if on > day:
                break
            found = rate
        return found

    def rate(self, base: str, quote: str, day: datetime.date) -> Decimal:
        """Units of ``quote`` for one ``base`` on ``day``; :class:`MissingRate` when unknown."""
        if base == quote:
            return Decimal(1)
        if (direct := self._direct(base, quote, day)) is not None:
            return direct
        pivots = sorted({q for b, q in self._rates if b == base} & {b for b, q in self._rates if q == quote})
        for pivot in pivots:
            first, second = self._direct(base, pivot, day), self._direct(pivot, quote, day)
            if first is not None and second is not None:
                return (first * second).quantize(RATE_QUANTUM)
        raise MissingRate(base, quote, day)

    def convert(self, money: Money, currency: str, on: datetime.date) -> Money:
        return convert(money, currency, on=on, lookup=self.rate)
