import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.core.models import TimeStampedModel
from tissage.core.money import (
    RATE_DIGITS,
    RATE_PLACES,
    Money,
    MoneyAttribute,
    amount_field,
    currency_field,
)
from tissage.core.rules import STAFF_ONLY
from tissage.people.enums import Role

from ..enums import BudgetCategory, FeeKind, FeeStatus
from ..rules import STAFF_OR_OWN


class PerDiemRate(TimeStampedModel):
    """What a participant receives a day at a hub, in a currency, over a period (for a role, or all)."""

    hub = models.ForeignKey(
        "network.Hub", verbose_name=_("hub"), on_delete=models.CASCADE, related_name="per_diem_rates"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, blank=True, help_text=_("Empty: every role.")
    )
    daily_amount = amount_field(_("daily amount"))
    currency = currency_field()
    daily = MoneyAttribute("daily_amount", "currency")
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("per diem rate")
        verbose_name_plural = _("per diem rates")
        ordering = ["hub__slug", "role", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="per_diem_rate_dates_in_order",
                violation_error_message=_("A rate cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(daily_amount__gte=0), name="per_diem_rate_not_negative"
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.hub} · {self.get_role_display() or _('every role')} · {self.daily}"

    def get_absolute_url(self) -> str:
        return reverse("orga:per-diem-rate-update", kwargs={"pk": self.pk})

    def covers(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class PerDiem(TimeStampedModel):
    """The per diem a participant receives for a session: a daily amount times a number of days."""

    participation = models.OneToOneField(
        "activities.Participation",
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="per_diem",
    )
    rate = models.ForeignKey(
        PerDiemRate,
        verbose_name=_("rate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="per_diems",
    )
    daily_amount = amount_field(_("daily amount"))
    currency = currency_field()
    daily = MoneyAttribute("daily_amount", "currency")
    days = models.PositiveSmallIntegerField(_("days"))
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    class Meta:
        verbose_name = _("per diem")
        verbose_name_plural = _("per diems")
        constraints = [
            models.CheckConstraint(condition=models.Q(daily_amount__gte=0), name="per_diem_not_negative")
        ]
        rules_permissions = STAFF_OR_OWN

    def __str__(self) -> str:
        return f"{self.participation.person} · {self.days} × {self.daily}"

    def get_absolute_url(self) -> str:
        return reverse("orga:logistics-participation", kwargs={"pk": self.participation_id}) + "#money"

    @property
    def total(self) -> Money:
        return (self.daily * self.days).rounded()


class Fee(TimeStampedModel):
    participation = models.ForeignKey(
        "activities.Participation",
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="fees",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=FeeKind.choices)
    amount_value = amount_field(_("amount"))
    currency = currency_field()
    amount = MoneyAttribute("amount_value", "currency")
    status = models.CharField(_("status"), max_length=8, choices=FeeStatus.choices, default=FeeStatus.AGREED)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("fee")
        verbose_name_plural = _("fees")
        ordering = ["participation", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_value__gte=0), name="fee_not_negative"),
            models.CheckConstraint(
                condition=models.Q(status=FeeStatus.PAID, paid_on__isnull=False)
                | (~models.Q(status=FeeStatus.PAID) & models.Q(paid_on__isnull=True)),
                name="fee_paid_with_a_date",
                violation_error_message=_("A paid fee has a payment date, and only a paid fee has one."),
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.amount}"

    def get_absolute_url(self) -> str:
        return reverse("orga:logistics-participation", kwargs={"pk": self.participation_id}) + "#money"


class Budget(TimeStampedModel):
    """A programme's budget: lines in any currency, added up in the budget's own currency."""

    programme = models.ForeignKey(
        "network.Programme", verbose_name=_("programme"), on_delete=models.CASCADE, related_name="budgets"
    )
    title = models.CharField(_("title"), max_length=200)
    currency = currency_field(help_text=_("The currency the budget is added up in, e.g. EUR."))
    rates_on = models.DateField(
        _("planned at the rates of"), help_text=_("The day whose exchange rates convert the planned amounts.")
    )
    funders = models.ManyToManyField(
        "people.Organisation", verbose_name=_("funders"), blank=True, related_name="budgets"
    )

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["programme", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(currency__regex=r"^[A-Z]{3}$"),
                name="budget_currency_iso",
                violation_error_message=_("A currency is three capital letters, e.g. EUR."),
            )
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("orga:budget-detail", kwargs={"pk": self.pk})


class BudgetLine(TimeStampedModel):
    """A planned amount and, once spent, the actual amount and the day it was spent (whose exchange
    rate converts it)."""

    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="lines"
    )
    category = models.CharField(_("category"), max_length=16, choices=BudgetCategory.choices)
    label = models.CharField(_("label"), max_length=200)
    funder = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("funder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="budget_lines",
    )
    currency = currency_field()
    planned_amount = amount_field(_("planned"))
    planned = MoneyAttribute("planned_amount", "currency")
    actual_amount = amount_field(_("actual"), null=True, blank=True)
    actual = MoneyAttribute("actual_amount", "currency")
    spent_on = models.DateField(_("spent on"), null=True, blank=True)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["budget", "category", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(actual_amount__isnull=True, spent_on__isnull=True)
                | models.Q(actual_amount__isnull=False, spent_on__isnull=False),
                name="budget_line_actual_with_a_date",
                violation_error_message=_(
                    "An actual amount needs the day it was spent, for its exchange rate."
                ),
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("orga:budget-detail", kwargs={"pk": self.budget_id}) + f"#line-{self.pk}"


class ExchangeRate(TimeStampedModel):
    """How many units of ``quote`` one unit of ``base`` bought on a day (e.g. 1 EUR = 98.5 RUB)."""

    base = currency_field(_("from currency"))
    quote = currency_field(_("to currency"))
    on = models.DateField(_("date"))
    rate = models.DecimalField(_("rate"), max_digits=RATE_DIGITS, decimal_places=RATE_PLACES)
    source = models.CharField(_("source"), max_length=120, blank=True, help_text=_("e.g. the central bank."))

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["base", "quote", "-on"]
        constraints = [
            models.UniqueConstraint(
                fields=["base", "quote", "on"],
                name="exchange_rate_once_a_day",
                violation_error_message=_("There is already a rate for these currencies on this day."),
            ),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="exchange_rate_positive"),
            models.CheckConstraint(
                condition=~models.Q(base=models.F("quote")),
                name="exchange_rate_two_currencies",
                violation_error_message=_("A rate converts between two different currencies."),
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"1 {self.base} = {self.rate_text} {self.quote} ({self.on:%Y-%m-%d})"

    @property
    def rate_text(self) -> str:
        """The rate without trailing zeros nor an exponent: 3000, 0.0107."""
        return f"{self.rate.normalize():f}"

    def get_absolute_url(self) -> str:
        return reverse("orga:exchange-rate-list") + f"?base={self.base}&quote={self.quote}"
