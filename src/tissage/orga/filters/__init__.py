"""Search and filter forms of the staff lists, one module per area."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SearchFilterSet(django_filters.FilterSet):
    """A free-text box over ``search_fields`` (every word must match one of them)."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    search_fields: tuple[str, ...] = ()

    def filter_text(self, queryset, name, value):
        for word in value.split():
            query = Q()
            for field in self.search_fields:
                query |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(query)
        return queryset
