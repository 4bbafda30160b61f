"""Filters of the people lists: people, organisations, the skill vocabulary."""

import django_filters
from django_countries import countries

from tissage.core.interfaces.filters import ChoicesFromDatabaseMixin, SearchFilterSet, field_label
from tissage.network.models import Hub
from tissage.people.enums import OrganisationKind, SkillCategory
from tissage.people.interfaces.filters import PersonFilter
from tissage.people.models import Organisation, Skill

__all__ = ["OrganisationFilter", "PersonFilter", "SkillFilter"]


def _organisation_countries() -> list[tuple[str, str]]:
    codes = Organisation.objects.exclude(country="").values_list("country", flat=True).distinct()
    return sorted(((code, countries.name(code)) for code in codes), key=lambda choice: choice[1])


class OrganisationFilter(ChoicesFromDatabaseMixin, SearchFilterSet):
    choices_from = {"country": _organisation_countries}
    search_fields = ("name", "city", "email", "slug")
    kind = django_filters.ChoiceFilter(
        label=field_label(Organisation, "kind"), choices=OrganisationKind.choices
    )
    hub = django_filters.ModelChoiceFilter(
        label=field_label(Organisation, "hub"),
        queryset=Hub.objects.all(),
        to_field_name="slug",
    )
    country = django_filters.ChoiceFilter(label=field_label(Organisation, "country"))

    class Meta:
        model = Organisation
        fields = ["q", "kind", "hub", "country"]


class SkillFilter(SearchFilterSet):
    search_fields = ("slug", "name")
    category = django_filters.ChoiceFilter(
        label=field_label(Skill, "category"), choices=SkillCategory.choices
    )

    class Meta:
        model = Skill
        fields = ["q", "category"]
