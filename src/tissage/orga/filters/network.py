"""Filters of the network lists: hubs, venues, festivals, editions, programmes, sessions."""

import django_filters
from django.utils.translation import gettext_lazy as _

from tissage.network.enums import Season
from tissage.network.models import Hub

from . import SearchFilterSet


class HubFilter(SearchFilterSet):
    search_fields = ("name", "slug", "country")
    season = django_filters.ChoiceFilter(label=_("Season"), choices=Season.choices)

    class Meta:
        model = Hub
        fields = ["q", "season"]
