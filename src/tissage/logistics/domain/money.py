"""Per diems, fees and budgets: every amount a :class:`~tissage.core.money.Money`, never a float."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tissage.core.domain.writes import audited_create, audited_delete, audited_update
from tissage.core.money import MissingRate, Money

from ..enums import BudgetCategory
from ..models import Budget, BudgetLine, Fee, PerDiem, PerDiemRate
from .common import concerning
from .rates import RateBook


def _refuse_overlapping_rates(data: dict, rate: PerDiemRate | None = None) -> None:
    """Two rates of one hub and role cannot both hold on one day."""
    start, end = data["valid_from"], data.get("valid_until")
    if start is None or (end is not None and end < start):
        return
    others = PerDiemRate.objects.filter(hub=data["hub"], role=data.get("role", "")).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=start)
    )
    if end is not None:
        others = others.filter(valid_from__lte=end)
    if rate is not None:
        others = others.exclude(pk=rate.pk)
    if others.exists():
        raise ValidationError(
            {"valid_from": _("Another rate of this hub and role holds on some of these days.")}
        )


def per_diem_rate_create(*, actor, data: dict) -> PerDiemRate:
    with transaction.atomic():
        _refuse_overlapping_rates(data)
        return audited_create(
            actor=actor, model=PerDiemRate, data=data, action="per_diem_rate.created", related=[data["hub"]]
        )


def per_diem_rate_update(*, actor, rate: PerDiemRate, data: dict) -> dict:
    with transaction.atomic():
        merged = {
            name: data.get(name, getattr(rate, name)) for name in ("hub", "role", "valid_from", "valid_until")
        }
        _refuse_overlapping_rates(merged, rate=rate)
        return audited_update(
            actor=actor, instance=rate, data=data, action="per_diem_rate.updated", related=[rate.hub]
        )


def per_diem_rate_for(participation) -> PerDiemRate | None:
    """The rate of the session's hub on the arrival day: the participant's role's, else every role's."""
    session = participation.session
    day = participation.arrives_on or session.start_date
    rates = PerDiemRate.objects.filter(
        hub=session.hub_id, role__in=[participation.role, ""], valid_from__lte=day
    )
    rates = rates.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))
    return rates.order_by("-role", "-valid_from").first()


def per_diem_days(participation) -> int:
    """Days present, the arrival and departure days included."""
    session = participation.session
    arrives = participation.arrives_on or session.start_date
    departs = participation.departs_on or session.end_date
    return max((departs - arrives).days + 1, 0)


def per_diem_proposal(participation) -> dict:
    """What :func:`per_diem_set` would be given by default: the hub's rate times the days present."""
    rate = per_diem_rate_for(participation)
    proposal = {"days": per_diem_days(participation), "rate": rate}
    if rate is not None:
        proposal.update(daily_amount=rate.daily_amount, currency=rate.currency)
    return proposal


def per_diem_set(*, actor, participation, data: dict) -> PerDiem:
    """Create or change someone's per diem for a session."""
    existing = PerDiem.objects.filter(participation=participation).first()
    if existing is None:
        return audited_create(
            actor=actor,
            model=PerDiem,
            data={**data, "participation": participation},
            action="per_diem.created",
            related=concerning(participation),
        )
    audited_update(
        actor=actor,
        instance=existing,
        data=data,
        action="per_diem.updated",
        related=concerning(participation),
    )
    return existing


def fee_create(*, actor, data: dict) -> Fee:
    return audited_create(
        actor=actor, model=Fee, data=data, action="fee.created", related=concerning(data["participation"])
    )


def fee_update(*, actor, fee: Fee, data: dict) -> dict:
    return audited_update(
        actor=actor, instance=fee, data=data, action="fee.updated", related=concerning(fee.participation)
    )


def fee_delete(*, actor, fee: Fee) -> None:
    audited_delete(actor=actor, instance=fee, action="fee.deleted", related=concerning(fee.participation))


def budget_create(*, actor, data: dict) -> Budget:
    return audited_create(
        actor=actor, model=Budget, data=data, action="budget.created", related=[data["programme"]]
    )


def budget_update(*, actor, budget: Budget, data: dict) -> dict:
    return audited_update(
        actor=actor, instance=budget, data=data, action="budget.updated", related=[budget.programme]
    )


def _check_line_funder(budget: Budget, data: dict) -> None:
    funder = data.get("funder")
    if funder is not None and not budget.funders.filter(pk=funder.pk).exists():
        raise ValidationError({"funder": _("Add this organisation to the budget's funders first.")})


def budget_line_create(*, actor, budget: Budget, data: dict) -> BudgetLine:
    _check_line_funder(budget, data)
    return audited_create(
        actor=actor,
        model=BudgetLine,
        data={**data, "budget": budget},
        action="budget_line.created",
        related=[budget],
    )


def budget_line_update(*, actor, line: BudgetLine, data: dict) -> dict:
    _check_line_funder(line.budget, data)
    return audited_update(
        actor=actor, instance=line, data=data, action="budget_line.updated", related=[line.budget]
    )


def budget_line_delete(*, actor, line: BudgetLine) -> None:
    audited_delete(actor=actor, instance=line, action="budget_line.deleted", related=[line.budget])


@dataclass
class BudgetTotal:
    """Planned and actual amounts of some lines, in the budget's currency."""

    label: str
    planned: Money
    actual: Money
    key: str = ""

    @property
    def balance(self) -> Money:
        return self.planned - self.actual


@dataclass
class BudgetSummary:
    currency: str
    lines: list = field(default_factory=list)
    categories: list[BudgetTotal] = field(default_factory=list)
    funders: list[BudgetTotal] = field(default_factory=list)
    total: BudgetTotal | None = None
    # Conversions that could not be made: their lines are left out of the totals.
    missing_rates: list[MissingRate] = field(default_factory=list)


def budget_summary(budget: Budget) -> BudgetSummary:
    """The budget's lines, and their totals by category and by funder in the budget's currency:
    planned amounts at the rates of ``budget.rates_on``, actual ones at the rate of the day they
    were spent (three queries, whatever the number of lines)."""
    currency = budget.currency
    lines = list(budget.lines.select_related("funder"))
    book = RateBook.load({currency, *(line.currency for line in lines)})
    summary = BudgetSummary(currency=currency, lines=lines)
    zero = Money.zero(currency)
    by_category: dict[str, list[Money]] = defaultdict(lambda: [zero, zero])
    by_funder: dict[str, list[Money]] = defaultdict(lambda: [zero, zero])
    missing: dict[tuple, MissingRate] = {}
    for line in lines:
        try:
            line.planned_converted = book.convert(line.planned, currency, budget.rates_on)
            line.actual_converted = (
                book.convert(line.actual, currency, line.spent_on) if line.actual is not None else zero
            )
        except MissingRate as error:
            missing[error.base, error.quote, error.day] = error
            line.planned_converted = line.actual_converted = None
            continue
        for bucket in (by_category[line.category], by_funder[line.funder.name if line.funder else ""]):
            bucket[0] += line.planned_converted
            bucket[1] += line.actual_converted
    summary.categories = [
        BudgetTotal(label=BudgetCategory(key).label, planned=planned, actual=actual, key=key)
        for key, (planned, actual) in sorted(
            by_category.items(), key=lambda item: list(BudgetCategory).index(item[0])
        )
    ]
    summary.funders = [
        BudgetTotal(label=name or _("No funder named"), planned=planned, actual=actual)
        for name, (planned, actual) in sorted(by_funder.items(), key=lambda item: (not item[0], item[0]))
    ]
    summary.total = BudgetTotal(
        label=_("Total"),
        planned=Money.total((row.planned for row in summary.categories), currency),
        actual=Money.total((row.actual for row in summary.categories), currency),
    )
    summary.missing_rates = list(missing.values())
    return summary
