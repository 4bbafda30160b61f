"""The ``people`` export scope and its spreadsheets (``people.csv``, ``people.xlsx``).

The files have the import columns, so that an exported file can be edited and imported again.
"""

from collections.abc import Mapping

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tissage.activities.models import Participation
from tissage.core.exporters import Scope, registry
from tissage.core.languages import LANGUAGE_CHOICES
from tissage.network.models import CohortMember, Hub, Programme
from tissage.people.enums import Role

from ..models import Person, PersonRole, Skill
from .importers import PeopleImporter


class PeopleSelection(django_filters.FilterSet):
    """The people to export, by the parameters of the staff people list (for the command line,
    which cannot use the staff interface's own filter)."""

    q = django_filters.CharFilter(method="filter_text")
    home_hub = django_filters.ModelChoiceFilter(queryset=Hub.objects.all(), to_field_name="slug")
    role = django_filters.ChoiceFilter(choices=Role.choices, method="filter_role")
    skill = django_filters.ModelChoiceFilter(
        field_name="skills", queryset=Skill.objects.all(), to_field_name="slug"
    )
    language = django_filters.ChoiceFilter(choices=LANGUAGE_CHOICES, field_name="languages__language")
    programme = django_filters.ModelChoiceFilter(
        queryset=Programme.objects.all(), to_field_name="slug", method="filter_programme"
    )
    year = django_filters.NumberFilter(method="filter_year")

    class Meta:
        model = Person
        fields = ["q", "home_hub", "role", "skill", "language", "programme", "year"]

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def filter_role(self, queryset, name, value):
        return queryset.filter(pk__in=PersonRole.objects.filter(role=value).values("person"))

    def filter_programme(self, queryset, name, value):
        in_cohort = CohortMember.objects.filter(programme=value).values("person")
        took_part = Participation.objects.present().filter(session__programme=value).values("person")
        return queryset.filter(Q(pk__in=in_cohort) | Q(pk__in=took_part))

    def filter_year(self, queryset, name, value):
        took_part = Participation.objects.present().filter(session__start_date__year=value).values("person")
        return queryset.filter(pk__in=took_part)


def select_people(params: Mapping[str, str]) -> QuerySet:
    selection = PeopleSelection(params, queryset=Person.objects.all())
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
