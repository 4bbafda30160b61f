"""The ``participations`` export scope and its spreadsheets (``participations.csv``, ``participations.xlsx``).

The files have the import columns, so that an exported file can be edited and imported again.
"""

from collections.abc import Mapping

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tissage.core.exporters import Scope, registry
from tissage.network.models import Programme, Session

from ..models import Participation
from .importers import ParticipationsImporter


class ParticipationSelection(django_filters.FilterSet):
    """The participations to export: of one session (by primary key), or of a programme (by slug)."""

    session = django_filters.ModelChoiceFilter(queryset=Session.objects.all())
    programme = django_filters.ModelChoiceFilter(
        field_name="session__programme", queryset=Programme.objects.all(), to_field_name="slug"
    )

    class Meta:
        model = Participation
        fields = ["session", "programme"]


def select_participations(params: Mapping[str, str]) -> QuerySet:
    selection = ParticipationSelection(params, queryset=Participation.objects.all())
    if not selection.is_valid():
        raise ValidationError(selection.errors)
    return selection.qs


def participation_rows(participations: QuerySet):
    return ParticipationsImporter().export_rows(participations.select_related("person", "session__programme"))


registry.register_scope(
    Scope(name="participations", permission="activities.view_participation", select=select_participations)
)
registry.register_tables(
    name="participations",
    label=_("Participations"),
    scope="participations",
    header=ParticipationsImporter().header,
    rows=participation_rows,
)
