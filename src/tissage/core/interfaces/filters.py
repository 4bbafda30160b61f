"""Filter-set bases shared by every list: a free-text box, and choices read from the database."""

import django_filters
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


def field_label(model, name: str) -> str:
    """A filter's label: the model field's own name for itself."""
    return capfirst(model._meta.get_field(name).verbose_name)


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


class ChoicesFromDatabaseMixin:
    """Filters whose choices come from the database, read once per page: ``choices_from`` maps a
    filter to the function giving its choices (a callable given as ``choices`` would be called each
    time the choices are used)."""

    choices_from: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in self.choices_from.items():
            self.filters[name].extra["choices"] = choices()
