"""Filters of the people lists: people, organisations, the skill vocabulary."""

from functools import partial

import django_filters
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from tissage.activities.models import Participation
from tissage.core.languages import LANGUAGE_CHOICES
from tissage.network.models import CohortMember, Hub, Programme, Session
from tissage.people.domain.persons import roles_held_on
from tissage.people.enums import OrganisationKind, Role, SkillCategory
from tissage.people.interfaces.forms import skill_choices
from tissage.people.models import Organisation, Person, PersonRole, Skill

from . import SearchFilterSet


def _label(model, name: str):
    return capfirst(model._meta.get_field(name).verbose_name)


def _participation_years() -> list[tuple[int, int]]:
    return [(day.year, day.year) for day in Session.objects.dates("start_date", "year", order="DESC")]


class ChoicesFromDatabaseMixin:
    """Filters whose choices come from the database, read once per page: ``choices_from`` maps a
    filter to the function giving its choices (a callable given as ``choices`` would be called each
    time the choices are used)."""

    choices_from: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in self.choices_from.items():
            self.filters[name].extra["choices"] = choices()


class PersonFilter(ChoicesFromDatabaseMixin, SearchFilterSet):
    """Who is who across years: by hub, role (ever or now), skill, language, programme and year."""

    choices_from = {"skill": partial(skill_choices, key="slug"), "year": _participation_years}

    SORTS = {
        "name": (F("family_name").asc(), F("given_name").asc()),
        "hub": (F("home_hub__slug").asc(nulls_last=True), F("family_name").asc()),
        "last": (F("last_session_start").desc(nulls_last=True), F("family_name").asc()),
    }

    home_hub = django_filters.ModelChoiceFilter(
        label=_label(Person, "home_hub"),
        queryset=Hub.objects.all(),
        to_field_name="slug",
    )
    role = django_filters.ChoiceFilter(
        label=_("Role held (any time)"), choices=Role.choices, method="filter_role_ever"
    )
    role_now = django_filters.ChoiceFilter(
        label=_("Role held now"), choices=Role.choices, method="filter_role_now"
    )
    skill = django_filters.ChoiceFilter(
        label=_label(Person, "skills"),
        field_name="skills__slug",
    )
    language = django_filters.ChoiceFilter(
        label=_("Spoken language"), choices=LANGUAGE_CHOICES, field_name="languages__language"
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme (cohort or participant)"),
        queryset=Programme.objects.all(),
        to_field_name="slug",
        method="filter_programme",
    )
    year = django_filters.TypedChoiceFilter(label=_("Took part in"), coerce=int, method="filter_year")
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("name", _("name")), ("hub", _("home hub")), ("last", _("last session, latest first"))],
        empty_label=None,
        method="sort_people",
    )

    class Meta:
        model = Person
        fields = ["q", "home_hub", "role", "role_now", "skill", "language", "programme", "year", "sort"]

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def filter_role_ever(self, queryset, name, value):
        return queryset.filter(pk__in=PersonRole.objects.filter(role=value).values("person"))

    def filter_role_now(self, queryset, name, value):
        held = roles_held_on(timezone.localdate()).filter(role=value)
        return queryset.filter(pk__in=held.values("person"))

    def filter_programme(self, queryset, name, value):
        in_cohort = CohortMember.objects.filter(programme=value).values("person")
        took_part = Participation.objects.present().filter(session__programme=value).values("person")
        return queryset.filter(Q(pk__in=in_cohort) | Q(pk__in=took_part))

    def filter_year(self, queryset, name, value):
        took_part = Participation.objects.present().filter(session__start_date__year=value).values("person")
        return queryset.filter(pk__in=took_part)

    def sort_people(self, queryset, name, value):
        return queryset.order_by(*self.SORTS.get(value, self.SORTS["name"]), "pk")


def _organisation_countries() -> list[tuple[str, str]]:
    codes = Organisation.objects.exclude(country="").values_list("country", flat=True).distinct()
    return sorted(((code, countries.name(code)) for code in codes), key=lambda choice: choice[1])


class OrganisationFilter(ChoicesFromDatabaseMixin, SearchFilterSet):
    choices_from = {"country": _organisation_countries}
    search_fields = ("name", "city", "email", "slug")
    kind = django_filters.ChoiceFilter(label=_label(Organisation, "kind"), choices=OrganisationKind.choices)
    hub = django_filters.ModelChoiceFilter(
        label=_label(Organisation, "hub"),
        queryset=Hub.objects.all(),
        to_field_name="slug",
    )
    country = django_filters.ChoiceFilter(label=_label(Organisation, "country"))

    class Meta:
        model = Organisation
        fields = ["q", "kind", "hub", "country"]


class SkillFilter(SearchFilterSet):
    search_fields = ("slug", "name")
    category = django_filters.ChoiceFilter(label=_label(Skill, "category"), choices=SkillCategory.choices)

    class Meta:
        model = Skill
        fields = ["q", "category"]
