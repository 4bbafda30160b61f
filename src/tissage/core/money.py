"""The one money type of Tissage: an exact amount in one currency.

A :class:`Money` is a frozen ``(Decimal amount, ISO 4217 currency)`` pair. Arithmetic refuses to
mix currencies and refuses floats (a float cannot hold 0.10 EUR exactly): amounts are built from
``Decimal``, ``int`` or a decimal string. Rounding goes to the currency's minor unit (cents for
EUR, USD, RUB and CDF, none for JPY, thousandths for JOD), half away from zero, as accountants do.

Conversion takes a rate: ``money.convert("CDF", rate=Decimal("3050.25"))``, or, for a rate that
depends on the day, :func:`convert` with a lookup ``(base, quote, day) -> Decimal`` — the
logistics app provides one that reads its dated exchange rates.

In models, money is **two columns** — an amount and a currency — made with :func:`amount_field`
and :func:`currency_field`, and read and written as one value through a :class:`MoneyAttribute`
descriptor::

    class Fee(models.Model):
        amount_value = amount_field(_("amount"))
        amount_currency = currency_field()
        amount = MoneyAttribute("amount_value", "amount_currency")

Two plain columns keep queries simple (sums per currency with ``values("…_currency")``) and work
the same on SQLite and PostgreSQL; :func:`money_constraint` says "both or neither" when the
amount is optional.
"""

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

CURRENCY_PATTERN = re.compile(r"^[A-Z]{3}$")

# ISO 4217 minor units of the currencies the network meets; any other currency has two.
MINOR_UNITS = {
    "EUR": 2,
    "USD": 2,
    "GBP": 2,
    "CHF": 2,
    "RUB": 2,
    "CDF": 2,
    "XAF": 0,
    "XOF": 0,
    "SYP": 2,
    "LBP": 2,
    "JOD": 3,
    "TND": 3,
    "JPY": 0,
}
DEFAULT_MINOR_UNITS = 2
# Database columns: large enough for a budget in Congolese francs, fine enough for dinars.
AMOUNT_DIGITS = 16
AMOUNT_PLACES = 3
RATE_DIGITS = 20
RATE_PLACES = 10

validate_currency = RegexValidator(
    CURRENCY_PATTERN, _("A currency is three capital letters, e.g. EUR."), code="invalid_currency"
)


class CurrencyMismatch(ValueError):
    """Two amounts in different currencies were added, subtracted or compared."""


class MissingRate(LookupError):
    """No exchange rate is known between two currencies on or before a day."""

    def __init__(self, base: str, quote: str, day: datetime.date):
        super().__init__(f"No {base}→{quote} rate on or before {day.isoformat()}.")
        self.base, self.quote, self.day = base, quote, day


def minor_units(currency: str) -> int:
    return MINOR_UNITS.get(currency, DEFAULT_MINOR_UNITS)


def to_decimal(value) -> Decimal:
    """An exact Decimal from a Decimal, an int or a decimal string; a float is refused."""
    if isinstance(value, bool | float):
        raise TypeError("Money amounts are never floats: use Decimal, int or a decimal string.")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | str):
        try:
            result = Decimal(value.strip() if isinstance(value, str) else value)
        except InvalidOperation as error:
            raise ValueError(f"Not an amount: {value!r}") from error
    else:
        raise TypeError(f"Not an amount: {value!r}")
    if not result.is_finite():
        raise ValueError(f"Not an amount: {value!r}")
    return result


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self):
        object.__setattr__(self, "amount", to_decimal(self.amount))
        if not isinstance(self.currency, str) or not CURRENCY_PATTERN.match(self.currency):
            raise ValueError(f"Not a currency code: {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> "Money":
        return cls(Decimal(0), currency)

    @classmethod
    def total(cls, amounts: Iterable["Money"], currency: str) -> "Money":
        """The sum of ``amounts`` (all in ``currency``); zero when there are none."""
        result = cls.zero(currency)
        for amount in amounts:
            result += amount
        return result

    def _same_currency(self, other: "Money") -> None:
        if not isinstance(other, Money):
            raise TypeError(f"Not money: {other!r}")
        if other.currency != self.currency:
            raise CurrencyMismatch(f"Cannot mix {self.currency} and {other.currency}.")

    def __add__(self, other: "Money") -> "Money":
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> "Money":
        return Money(-self.amount, self.currency)

    def __mul__(self, factor) -> "Money":
        return Money(self.amount * to_decimal(factor), self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: "Money") -> bool:
        self._same_currency(other)
        return self.amount < other.amount

    def __le__(self, other: "Money") -> bool:
        self._same_currency(other)
        return self.amount <= other.amount

    def __gt__(self, other: "Money") -> bool:
        self._same_currency(other)
        return self.amount > other.amount

    def __ge__(self, other: "Money") -> bool:
        self._same_currency(other)
        return self.amount >= other.amount

    def __bool__(self) -> bool:
        return bool(self.amount)

    def rounded(self) -> "Money":
        """Rounded to the currency's minor unit, half away from zero."""
        exponent = Decimal(1).scaleb(-minor_units(self.currency))
        return Money(self.amount.quantize(exponent, rounding=ROUND_HALF_UP), self.currency)

    def convert(self, currency: str, *, rate) -> "Money":
        """This amount in ``currency`` at ``rate`` (units of ``currency`` for one unit of this one),
        rounded to the new currency's minor unit."""
        if currency == self.currency:
            return self
        return Money(self.amount * to_decimal(rate), currency).rounded()

    def __str__(self) -> str:
        return f"{self.rounded().amount:,} {self.currency}".replace(",", "\u202f")


# ``lookup(base, quote, day)``: units of ``quote`` for one ``base`` on ``day``; raises MissingRate.
RateLookup = Callable[[str, str, datetime.date], Decimal]


def convert(money: Money, currency: str, *, on: datetime.date, lookup: RateLookup) -> Money:
    """``money`` in ``currency`` at the rate ``lookup`` gives for the day ``on``."""
    if money.currency == currency:
        return money
    return money.convert(currency, rate=lookup(money.currency, currency, on))


def amount_field(verbose_name, **kwargs) -> models.DecimalField:
    """The amount column of a money value: a decimal, never a float."""
    kwargs.setdefault("max_digits", AMOUNT_DIGITS)
    kwargs.setdefault("decimal_places", AMOUNT_PLACES)
    return models.DecimalField(verbose_name, **kwargs)


def currency_field(verbose_name=None, **kwargs) -> models.CharField:
    """The currency column of a money value: an ISO 4217 code."""
    kwargs.setdefault("max_length", 3)
    kwargs.setdefault("validators", [validate_currency])
    kwargs.setdefault("help_text", _("ISO 4217 code, e.g. EUR."))
    return models.CharField(verbose_name or _("currency"), **kwargs)


def money_constraint(amount: str, currency: str, name: str) -> models.CheckConstraint:
    """An optional money value has both its columns or neither, and a well-formed currency."""
    return models.CheckConstraint(
        condition=(models.Q(**{f"{amount}__isnull": True}) & models.Q(**{currency: ""}))
        | (models.Q(**{f"{amount}__isnull": False}) & models.Q(**{f"{currency}__regex": r"^[A-Z]{3}$"})),
        name=name,
        violation_error_message=_("Give an amount and its currency, or neither."),
    )


class MoneyAttribute:
    """Reads two columns of a model instance as one :class:`Money` (``None`` without an amount),
    and writes a Money (or ``None``) back into them."""

    def __init__(self, amount: str, currency: str):
        self.amount, self.currency = amount, currency

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = getattr(instance, self.amount)
        if value is None:
            return None
        return Money(value, getattr(instance, self.currency))

    def __set__(self, instance, money: Money | None) -> None:
        if money is None:
            setattr(instance, self.amount, None)
            setattr(instance, self.currency, "")
        elif isinstance(money, Money):
            setattr(instance, self.amount, money.amount)
            setattr(instance, self.currency, money.currency)
        else:
            raise ValidationError(_("Not an amount of money."))
