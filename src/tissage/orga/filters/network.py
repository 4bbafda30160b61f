"""Filters of the network lists: hubs, venues, festivals, editions, programmes, sessions, activities."""

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tissage.activities.enums import ActivityKind, ActivityMode
from tissage.activities.models import Activity
from tissage.network.enums import ProgrammeStatus, Season, SessionStatus
from tissage.network.models import Edition, Festival, Hub, Programme, Session, Venue

from . import SearchFilterSet


def yes_no_select() -> forms.Select:
    return forms.Select(choices=[("", _("Any")), ("true", _("Yes")), ("false", _("No"))])


def hub_filter(**kwargs) -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(label=_("Hub"), queryset=Hub.objects.all(), **kwargs)


def year_filter(**kwargs) -> django_filters.NumberFilter:
    return django_filters.NumberFilter(label=_("Year"), min_value=1900, max_value=2200, **kwargs)


class HubFilter(SearchFilterSet):
    search_fields = ("name", "slug", "country")
    season = django_filters.ChoiceFilter(label=_("Season"), choices=Season.choices)

    class Meta:
        model = Hub
        fields = ["q", "season"]


class VenueFilter(SearchFilterSet):
    search_fields = ("name", "slug", "address")
    hub = hub_filter()

    class Meta:
        model = Venue
        fields = ["q", "hub"]


class FestivalFilter(SearchFilterSet):
    search_fields = ("name", "slug", "tagline")
    hub = hub_filter()

    class Meta:
        model = Festival
        fields = ["q", "hub"]


class EditionFilter(django_filters.FilterSet):
    festival = django_filters.ModelChoiceFilter(
        label=_("Festival"), queryset=Festival.objects.all(), field_name="festival"
    )
    hub = hub_filter(field_name="festival__hub")
    year = year_filter(field_name="start_date", lookup_expr="year")
    published = django_filters.BooleanFilter(
        label=_("Published"), field_name="is_published", widget=yes_no_select()
    )

    class Meta:
        model = Edition
        fields = ["festival", "hub", "year", "published"]


class ProgrammeFilter(SearchFilterSet):
    search_fields = ("name", "slug")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProgrammeStatus.choices)
    hub = hub_filter(method="filter_hub")
    year = year_filter(method="filter_year")

    class Meta:
        model = Programme
        fields = ["q", "status", "hub", "year"]

    def filter_hub(self, queryset, name, value):
        return queryset.filter(Q(home_hub=value) | Q(partner_hubs=value)).distinct()

    def filter_year(self, queryset, name, value):
        """Programmes running that year."""
        return queryset.filter(start_year__lte=value, start_year__gt=value - F("years"))


class SessionFilter(SearchFilterSet):
    search_fields = ("title", "programme__name", "hub__name")
    programme = django_filters.ModelChoiceFilter(label=_("Programme"), queryset=Programme.objects.all())
    hub = hub_filter()
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SessionStatus.choices)
    year = year_filter(field_name="start_date", lookup_expr="year")

    class Meta:
        model = Session
        fields = ["q", "programme", "hub", "status", "year"]


class ActivityFilter(SearchFilterSet):
    """``scheduled`` means placed in the timetable: with a time and a room."""

    search_fields = ("title", "slug")
    edition = django_filters.ModelChoiceFilter(
        label=_("Edition"), queryset=Edition.objects.select_related("festival")
    )
    session = django_filters.ModelChoiceFilter(
        label=_("Session"),
        queryset=Session.objects.select_related("programme", "hub").order_by("-start_date"),
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ActivityKind.choices)
    mode = django_filters.ChoiceFilter(label=_("Mode"), choices=ActivityMode.choices)
    scheduled = django_filters.ChoiceFilter(
        label=_("Scheduled"),
        choices=[("yes", _("yes: time and room")), ("no", _("no: time or room missing"))],
        method="filter_scheduled",
    )

    class Meta:
        model = Activity
        fields = ["q", "edition", "session", "kind", "mode", "scheduled"]

    def filter_scheduled(self, queryset, name, value):
        placed = Q(starts_at__isnull=False, room__isnull=False)
        return queryset.filter(placed) if value == "yes" else queryset.exclude(placed)
