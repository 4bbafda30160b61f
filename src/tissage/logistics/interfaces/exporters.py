"""The ``travel`` export scope: a session's travel manifest (``travel.csv``, ``travel.xlsx``), the
list a production office sends to the people who meet arrivals at the airport.

``select`` takes ``session`` (primary key); ``render`` receives a ``TravelLeg`` queryset. Times are
written in the zone of the place they happen at, with that zone named.
"""

from collections.abc import Mapping

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tissage.core.exporters import Scope, registry
from tissage.network.models import Session

from ..models import TravelLeg


class TravelSelection(django_filters.FilterSet):
    session = django_filters.ModelChoiceFilter(
        field_name="participation__session", queryset=Session.objects.all(), required=True
    )

    class Meta:
        model = TravelLeg
        fields = ["session"]


def select_travel(params: Mapping[str, str]) -> QuerySet:
    selection = TravelSelection(params, queryset=TravelLeg.objects.active())
    if not selection.is_valid():
        raise ValidationError(selection.errors)
    return selection.qs


def travel_header() -> list[str]:
    return [
        _("Name"),
        _("Direction"),
        _("Mode"),
        _("Carrier"),
        _("Number"),
        _("From"),
        _("Departs (local time)"),
        _("To"),
        _("Arrives (local time)"),
        _("Status"),
        _("Booking reference"),
        _("Cost"),
        _("Currency"),
    ]


def travel_rows(legs: QuerySet):
    for leg in legs.select_related("participation__person").order_by("departs_at", "pk"):
        yield [
            leg.participation.person.full_name,
            leg.get_direction_display(),
            leg.get_mode_display(),
            leg.carrier,
            leg.number,
            leg.from_place,
            f"{leg.departs_local:%Y-%m-%d %H:%M} {leg.from_timezone}",
            leg.to_place,
            f"{leg.arrives_local:%Y-%m-%d %H:%M} {leg.to_timezone}",
            leg.get_status_display(),
            leg.booking_reference,
            "" if leg.cost is None else str(leg.cost.rounded().amount),
            leg.cost_currency,
        ]


registry.register_scope(Scope(name="travel", permission="logistics.view_travelleg", select=select_travel))
registry.register_tables(
    name="travel",
    label=gettext_lazy("Travel manifest"),
    scope="travel",
    header=travel_header,
    rows=travel_rows,
)
