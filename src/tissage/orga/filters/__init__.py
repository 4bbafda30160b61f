"""Search and filter forms of the staff lists, one module per area; the filters that
exports share with the lists live in the data apps' ``interfaces/filters.py``."""

from tissage.core.interfaces.filters import ChoicesFromDatabaseMixin, SearchFilterSet

__all__ = ["ChoicesFromDatabaseMixin", "SearchFilterSet"]
