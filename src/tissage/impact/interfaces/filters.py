"""Filters of the lists of declared collaborations and enterprises."""

import django_filters

from tissage.core.interfaces.filters import SearchFilterSet, field_label
from tissage.network.models import Hub

from ..enums import CollaborationKind, EnterpriseKind, EnterpriseStatus
from ..models import Collaboration, Enterprise


class CollaborationFilter(SearchFilterSet):
    search_fields = ("title", "description", "people__given_name", "people__family_name")
    kind = django_filters.ChoiceFilter(
        label=field_label(Collaboration, "kind"), choices=CollaborationKind.choices
    )

    class Meta:
        model = Collaboration
        fields = ["q", "kind"]

    @property
    def qs(self):
        return super().qs.distinct()


class EnterpriseFilter(SearchFilterSet):
    search_fields = ("name", "city", "activity", "founders__given_name", "founders__family_name")
    kind = django_filters.ChoiceFilter(label=field_label(Enterprise, "kind"), choices=EnterpriseKind.choices)
    hub = django_filters.ModelChoiceFilter(
        label=field_label(Enterprise, "hub"), queryset=Hub.objects.all(), to_field_name="slug"
    )
    status = django_filters.ChoiceFilter(
        label=field_label(Enterprise, "status"), choices=EnterpriseStatus.choices
    )

    class Meta:
        model = Enterprise
        fields = ["q", "kind", "hub", "status"]

    @property
    def qs(self):
        return super().qs.distinct()
