"""Filters of the logistics lists."""

import django_filters
from django.utils.translation import gettext_lazy as _

from tissage.core.interfaces.filters import SearchFilterSet
from tissage.network.models import Hub, Session

from ..enums import VisaOutcome, VisaStatus
from ..models import ExchangeRate, VisaCase


class VisaCaseFilter(SearchFilterSet):
    search_fields = ("participation__person__given_name", "participation__person__family_name")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=VisaStatus.choices)
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=VisaOutcome.choices)
    session = django_filters.ModelChoiceFilter(
        label=_("Session"),
        field_name="participation__session",
        queryset=Session.objects.select_related("programme", "hub").order_by("-start_date"),
    )
    hub = django_filters.ModelChoiceFilter(
        label=_("Destination hub"), field_name="participation__session__hub", queryset=Hub.objects.all()
    )

    class Meta:
        model = VisaCase
        fields = ["q", "status", "outcome", "session", "hub"]


class ExchangeRateFilter(django_filters.FilterSet):
    base = django_filters.CharFilter(label=_("From currency"), lookup_expr="iexact")
    quote = django_filters.CharFilter(label=_("To currency"), lookup_expr="iexact")

    class Meta:
        model = ExchangeRate
        fields = ["base", "quote"]
