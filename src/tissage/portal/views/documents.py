"""The participant's documents: their applications and the files they sent, the messages we sent them,
and the copies of their data they asked for."""

import json

from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.views import View
from django.views.generic import TemplateView

from tissage.calls.models import Application, ApplicationFile
from tissage.core.domain.jobs import jobs_of
from tissage.core.models import JobStatus
from tissage.outbox.models import Message
from tissage.people.domain.privacy import DATA_EXPORT_KIND

from .base import ParticipantMixin


def messages_to(person):
    """The messages sent to the person, or to their email before they were in the network."""
    to_them = Q(person=person)
    if person.email:
        to_them |= Q(recipient_email__iexact=person.email)
    return Message.objects.filter(to_them)


def data_exports(person):
    return jobs_of(person).filter(kind=DATA_EXPORT_KIND)


class DocumentsView(ParticipantMixin, TemplateView):
    template_name = "portal/documents.html"

    def get_context_data(self, **kwargs):
        applications = (
            Application.objects.of_person(self.person).select_related("call").prefetch_related("files")
        )
        return super().get_context_data(
            applications=applications.order_by("-created_at"),
            sent_messages=messages_to(self.person).order_by("-created_at", "-pk"),
            **kwargs,
        )


class MessageView(ParticipantMixin, TemplateView):
    template_name = "portal/message.html"

    def get_context_data(self, **kwargs):
        message = messages_to(self.person).filter(pk=self.kwargs["pk"]).first()
        if message is None:
            raise Http404
        return super().get_context_data(message=message, **kwargs)


class ApplicationFileView(ParticipantMixin, View):
    """A file the participant sent with one of their applications."""

    def get(self, request, pk: int):
        mine = Application.objects.of_person(self.person)
        upload = ApplicationFile.objects.filter(pk=pk, application__in=mine).first()
        if upload is None:
            raise Http404
        return FileResponse(upload.file.open("rb"), as_attachment=True, filename=upload.name)


class DataExportDownloadView(ParticipantMixin, View):
    """A finished copy of the participant's data, as a JSON file."""

    def get(self, request, pk: int):
        job = data_exports(self.person).filter(pk=pk, status=JobStatus.SUCCEEDED).first()
        if job is None:
            raise Http404
        content = json.dumps(job.result.get("export", {}), ensure_ascii=False, indent=2)
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="tissage-my-data-{job.created_at:%Y-%m-%d}.json"'
        )
        return response
