"""Downloading a file from any registered exporter: ``?exporter=<identifier>`` and the filters of
its scope (the people list's filters, a session, a programme …) in the query string."""

import io

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View

from tissage.core.exporters import Exporter, registry
from tissage.people.models import Person

from ..filters.people import PersonFilter
from .generic import StaffMixin


def select_people(params):
    """The people of the staff list with these filters: its own filter, so that an export holds
    exactly the rows the list shows. The list's sort needs annotations of its own page, and an
    export is always sorted by name."""
    params = params.copy()
    params.pop("sort", None)
    people = PersonFilter(params, queryset=Person.objects.all())
    if not people.is_valid():
        raise ValidationError(people.errors)
    return people.qs.distinct()


# Scopes whose staff list has a filter of its own; the others use their scope's ``select``.
LIST_SELECTIONS = {"people": select_people}


class ExportView(StaffMixin, View):
    @cached_property
    def exporter(self) -> Exporter:
        try:
            return registry.get(self.request.GET.get("exporter", ""))
        except KeyError:
            raise Http404 from None

    def get_permission_required(self):
        return (registry.scope(self.exporter.scope).permission,)

    def get(self, request):
        exporter = self.exporter
        select = LIST_SELECTIONS.get(exporter.scope, registry.scope(exporter.scope).select)
        try:
            subject = select(request.GET)
        except ValidationError as error:
            problems = "\n".join(
                f"{name}: {message}" for name, messages in error.message_dict.items() for message in messages
            )
            return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
        return FileResponse(
            io.BytesIO(exporter.render(subject)),
            as_attachment=True,
            filename=exporter.filename(timezone.localdate()),
            content_type=exporter.content_type,
        )
