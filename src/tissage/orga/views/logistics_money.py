"""Money: per diem rates and per diems, fees, programme budgets and exchange rates."""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import UpdateView

from tissage.logistics.domain.money import (
    budget_create,
    budget_line_create,
    budget_line_delete,
    budget_line_update,
    budget_summary,
    budget_update,
    fee_create,
    fee_delete,
    fee_update,
    per_diem_proposal,
    per_diem_rate_create,
    per_diem_rate_update,
    per_diem_set,
)
from tissage.logistics.domain.rates import exchange_rate_create
from tissage.logistics.interfaces.filters import ExchangeRateFilter
from tissage.logistics.interfaces.forms import (
    BudgetForm,
    BudgetLineForm,
    ExchangeRateForm,
    FeeForm,
    PerDiemForm,
    PerDiemRateForm,
)
from tissage.logistics.models import Budget, BudgetLine, ExchangeRate, Fee, PerDiem, PerDiemRate

from .generic import (
    DomainFormMixin,
    OrgaCreateView,
    OrgaDeleteView,
    OrgaDetailView,
    OrgaListView,
    OrgaUpdateView,
    ParentPageMixin,
    PreselectMixin,
    StaffMixin,
    next_url,
)
from .logistics import ForParticipationMixin
from .pieces import ConfirmDeleteMixin


class BackToListMixin:
    """After saving, and on cancel: back to ``?next=``, or to the list named by ``list_url_name``."""

    list_url_name = ""

    def get_success_url(self) -> str:
        return next_url(self.request) or reverse(self.list_url_name)

    def get_cancel_url(self) -> str:
        return self.get_success_url()


class PerDiemRateListView(OrgaListView):
    model = PerDiemRate
    permission_required = "logistics.view_perdiemrate"
    template_name = "orga/logistics/per_diem_rates.html"
    filterset_fields = ["hub"]

    def get_queryset(self):
        return PerDiemRate.objects.select_related("hub").order_by("hub__slug", "role", "-valid_from")


class PerDiemRateCreateView(BackToListMixin, PreselectMixin, OrgaCreateView):
    model = PerDiemRate
    form_class = PerDiemRateForm
    permission_required = "logistics.add_perdiemrate"
    preselect = {"hub": "slug"}
    list_url_name = "orga:per-diem-rate-list"
    page_title = _("New per diem rate")
    success_message = _("The rate was added.")

    def save(self, form):
        return per_diem_rate_create(actor=self.request.user, data=form.cleaned_data)


class PerDiemRateUpdateView(BackToListMixin, OrgaUpdateView):
    model = PerDiemRate
    form_class = PerDiemRateForm
    permission_required = "logistics.change_perdiemrate"
    list_url_name = "orga:per-diem-rate-list"
    success_message = _("The rate was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        rate = self.fresh_object()
        per_diem_rate_update(actor=self.request.user, rate=rate, data=self.changed_data(form))
        return rate


class PerDiemSetView(ForParticipationMixin, StaffMixin, DomainFormMixin, UpdateView):
    """Sets the per diem of the participation in the address; a first one starts from the hub's rate
    for the participant's role on the arrival day, times the days present."""

    model = PerDiem
    form_class = PerDiemForm
    permission_required = "logistics.change_perdiem"
    participation_from = "url"
    anchor = "money"
    success_message = _("The per diem was set.")

    @cached_property
    def proposal(self) -> dict:
        return per_diem_proposal(self.participation)

    def get_object(self, queryset=None):
        existing = PerDiem.objects.filter(participation=self.participation).first()
        return existing or PerDiem(participation=self.participation, **self.proposal)

    def get_context_data(self, **kwargs):
        title = _("Per diem of %(person)s") % {"person": self.participation.person}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        data = dict(form.cleaned_data)
        if self.object.pk is None:
            data["rate"] = self.proposal["rate"]
        return per_diem_set(actor=self.request.user, participation=self.participation, data=data)


class FeeCreateView(ForParticipationMixin, OrgaCreateView):
    model = Fee
    form_class = FeeForm
    permission_required = "logistics.add_fee"
    participation_from = "query"
    anchor = "money"
    success_message = _("The fee was added.")

    def get_initial(self):
        return {**super().get_initial(), "currency": self.participation.session.programme.home_hub.currency}

    def get_context_data(self, **kwargs):
        title = _("A fee for %(person)s") % {"person": self.participation.person}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        return fee_create(
            actor=self.request.user, data={**form.cleaned_data, "participation": self.participation}
        )


FEES = Fee.objects.select_related("participation__person", "participation__session")


class FeeUpdateView(ForParticipationMixin, OrgaUpdateView):
    model = Fee
    form_class = FeeForm
    permission_required = "logistics.change_fee"
    anchor = "money"
    success_message = _("The fee was updated.")

    def get_queryset(self):
        return FEES

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        fee = self.fresh_object()
        fee_update(actor=self.request.user, fee=fee, data=self.changed_data(form))
        return fee


class FeeDeleteView(ConfirmDeleteMixin, ForParticipationMixin, OrgaDeleteView):
    model = Fee
    permission_required = "logistics.delete_fee"
    anchor = "money"
    success_message = _("The fee was deleted.")

    def get_queryset(self):
        return FEES

    def delete_object(self, obj: Fee) -> None:
        fee_delete(actor=self.request.user, fee=obj)


class BudgetListView(OrgaListView):
    model = Budget
    permission_required = "logistics.view_budget"
    template_name = "orga/logistics/budgets.html"
    filterset_fields = ["programme"]

    def get_queryset(self):
        return (
            Budget.objects.select_related("programme")
            .annotate(line_count=Count("lines"))
            .order_by("-programme__start_year", "title")
        )


class BudgetDetailView(OrgaDetailView):
    """A budget's lines, and its totals by category and by funder, planned against actual, in the
    budget's currency."""

    model = Budget
    permission_required = "logistics.view_budget"
    template_name = "orga/logistics/budget.html"
    context_object_name = "budget"

    def get_queryset(self):
        return Budget.objects.select_related("programme").prefetch_related("funders")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            summary=budget_summary(self.object), line_form=BudgetLineForm(budget=self.object), **kwargs
        )


class BudgetCreateView(PreselectMixin, OrgaCreateView):
    """A budget; from a programme's page (``?programme=<slug>``) it starts with that programme's
    funders and its home hub's currency."""

    model = Budget
    form_class = BudgetForm
    permission_required = "logistics.add_budget"
    preselect = {"programme": "slug"}
    page_title = _("New budget")
    success_message = _("The budget was created. Add its lines below.")

    def get_initial(self):
        initial = super().get_initial()
        if programme := self.preselected.get("programme"):
            initial.setdefault("currency", programme.home_hub.currency)
            initial.setdefault("funders", list(programme.funders.all()))
        return initial

    def save(self, form):
        return budget_create(actor=self.request.user, data=form.cleaned_data)


class BudgetUpdateView(OrgaUpdateView):
    model = Budget
    form_class = BudgetForm
    permission_required = "logistics.change_budget"
    success_message = _("The budget was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        budget = self.fresh_object()
        budget_update(actor=self.request.user, budget=budget, data=self.changed_data(form))
        return budget


class BudgetLineFormMixin(ParentPageMixin):
    form_class = BudgetLineForm

    def get_parent(self) -> Budget:
        return self.budget

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "budget": self.budget}


class BudgetLineCreateView(BudgetLineFormMixin, OrgaCreateView):
    """Adds a line from its budget's page (the form is there; this page shows it again with errors)."""

    model = BudgetLine
    permission_required = "logistics.add_budgetline"
    success_message = _("The line was added.")

    @cached_property
    def budget(self) -> Budget:
        return get_object_or_404(Budget, pk=self.kwargs["pk"])

    def get_initial(self):
        return {**super().get_initial(), "currency": self.budget.currency}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("New line of %(budget)s") % {"budget": self.budget}, **kwargs
        )

    def save(self, form):
        return budget_line_create(actor=self.request.user, budget=self.budget, data=form.cleaned_data)


LINES = BudgetLine.objects.select_related("budget", "funder")


class BudgetLineUpdateView(BudgetLineFormMixin, OrgaUpdateView):
    model = BudgetLine
    permission_required = "logistics.change_budgetline"
    success_message = _("The line was updated.")

    def get_queryset(self):
        return LINES

    @property
    def budget(self) -> Budget:
        return self.object.budget

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        line = self.fresh_object()
        budget_line_update(actor=self.request.user, line=line, data=self.changed_data(form))
        return line


class BudgetLineDeleteView(ConfirmDeleteMixin, ParentPageMixin, OrgaDeleteView):
    model = BudgetLine
    permission_required = "logistics.delete_budgetline"
    success_message = _("The line was deleted.")

    def get_queryset(self):
        return LINES

    def get_parent(self) -> Budget:
        return self.object.budget

    def delete_object(self, obj: BudgetLine) -> None:
        budget_line_delete(actor=self.request.user, line=obj)


class ExchangeRateListView(OrgaListView):
    model = ExchangeRate
    permission_required = "logistics.view_exchangerate"
    filterset_class = ExchangeRateFilter
    template_name = "orga/logistics/exchange_rates.html"

    def get_queryset(self):
        return ExchangeRate.objects.order_by("base", "quote", "-on")


class ExchangeRateCreateView(BackToListMixin, OrgaCreateView):
    model = ExchangeRate
    form_class = ExchangeRateForm
    permission_required = "logistics.add_exchangerate"
    list_url_name = "orga:exchange-rate-list"
    page_title = _("New exchange rate")
    success_message = _("The rate was added.")

    def save(self, form):
        return exchange_rate_create(actor=self.request.user, data=form.cleaned_data)
