"""Downloading a file from any registered exporter: ``?exporter=<identifier>`` and the filters of
its scope (the people list's filters, a session, a programme …) in the query string."""

import io

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View

from tissage.core.exporters import Exporter, registry

from .generic import StaffMixin


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
        select = registry.scope(exporter.scope).select
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
