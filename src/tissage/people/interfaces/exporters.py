"""The ``people`` export scope and its spreadsheets (``people.csv``, ``people.xlsx``).

The files have the import columns, so that an exported file can be edited and imported again.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tissage.core.exporters import Scope, registry

from ..models import Person
from .filters import PersonFilter
from .importers import PeopleImporter


def select_people(params: Mapping[str, str]) -> QuerySet:
    """The people of the staff list with these filters. The list's sort needs annotations of its
    own page, and an export is always sorted by name."""
    params = {key: value for key, value in params.items() if key != "sort"}
    selection = PersonFilter(params, queryset=Person.objects.all())
    if not selection.is_valid():
        raise ValidationError(selection.errors)
    return selection.qs.distinct()


def people_rows(people: QuerySet):
    return PeopleImporter().export_rows(
        people.select_related("home_hub").prefetch_related("languages", "skills")
    )


registry.register_scope(Scope(name="people", permission="people.view_person", select=select_people))
registry.register_tables(
    name="people", label=_("People"), scope="people", header=PeopleImporter().header, rows=people_rows
)
