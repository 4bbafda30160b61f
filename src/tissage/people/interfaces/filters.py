"""The filter of the people list, shared by the staff list and the people exports, so that an
export holds exactly the rows the list shows."""

from functools import partial

import django_filters
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tissage.activities.models import Participation
from tissage.core.interfaces.filters import ChoicesFromDatabaseMixin, SearchFilterSet, field_label
from tissage.core.languages import LANGUAGE_CHOICES
from tissage.network.models import CohortMember, Hub, Programme, Session

from ..domain.persons import roles_held_on
from ..enums import Role
from ..models import Person, PersonRole
from .forms import skill_choices


def _participation_years() -> list[tuple[int, int]]:
    return [(day.year, day.year) for day in Session.objects.dates("start_date", "year", order="DESC")]


class PersonFilter(ChoicesFromDatabaseMixin, SearchFilterSet):
    """Who is who across years: by hub, role (ever or now), skill, language, programme and year."""

    choices_from = {"skill": partial(skill_choices, key="slug"), "year": _participation_years}

    SORTS = {
        "name": (F("family_name").asc(), F("given_name").asc()),
        "hub": (F("home_hub__slug").asc(nulls_last=True), F("family_name").asc()),
        "last": (F("last_session_start").desc(nulls_last=True), F("family_name").asc()),
    }

    home_hub = django_filters.ModelChoiceFilter(
        label=field_label(Person, "home_hub"),
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
        label=field_label(Person, "skills"),
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
        choices=[
            ("name", pgettext_lazy("person", "name")),
            ("hub", _("home hub")),
            ("last", _("last session, latest first")),
        ],
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
