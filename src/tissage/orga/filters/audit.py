"""Filters of the audit log: words, the kind of object, the action, who, and when."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tissage.core.interfaces.filters import ChoicesFromDatabaseMixin, SearchFilterSet
from tissage.core.interfaces.forms import DateInput
from tissage.core.models import AuditEntry


def _kinds() -> list[tuple[int, str]]:
    ids = AuditEntry.objects.exclude(content_type=None).values_list("content_type", flat=True).distinct()
    kinds = []
    for content_type in ContentType.objects.filter(pk__in=ids):
        model = content_type.model_class()
        kinds.append((content_type.pk, capfirst(model._meta.verbose_name) if model else content_type.model))
    return sorted(kinds, key=lambda choice: str(choice[1]))


def _actions() -> list[tuple[str, str]]:
    actions = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
    return [(action, action) for action in actions]


class AuditFilter(ChoicesFromDatabaseMixin, SearchFilterSet):
    choices_from = {"kind": _kinds, "action": _actions}
    search_fields = ("object_repr", "actor_name", "action")
    kind = django_filters.ChoiceFilter(label=_("Kind of object"), field_name="content_type")
    action = django_filters.ChoiceFilter(label=_("Action"))
    who = django_filters.CharFilter(label=_("Who"), field_name="actor_name", lookup_expr="icontains")
    since = django_filters.DateFilter(
        label=_("From"), field_name="timestamp", lookup_expr="date__gte", widget=DateInput
    )
    until = django_filters.DateFilter(
        label=_("Until"), field_name="timestamp", lookup_expr="date__lte", widget=DateInput
    )

    class Meta:
        model = AuditEntry
        fields = ["q", "kind", "action", "who", "since", "until"]
