"""The participant's travel, visa, bed and per diem, for each coming session: only their own.

Journeys show each time in the zone of its own place (a departure from Kinshasa in Kinshasa time,
the landing in Marseille in Marseille time); visa steps show their deadlines.
"""

from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from tissage.activities.enums import ParticipationStatus
from tissage.logistics.domain.readiness import with_logistics
from tissage.logistics.models import VisaDocument

from .base import ParticipantMixin


class TravelView(ParticipantMixin, TemplateView):
    """Journeys, visa, bed and per diem of each coming session (a constant number of queries)."""

    template_name = "portal/logistics/travel.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        participations = with_logistics(
            self.participations()
            .filter(session__end_date__gte=today)
            .exclude(status=ParticipationStatus.DECLINED)
        ).prefetch_related(
            Prefetch("visa_case__documents", queryset=VisaDocument.objects.order_by("-created_at", "-pk"))
        )
        return super().get_context_data(today=today, participations=participations, **kwargs)


class VisaDocumentView(ParticipantMixin, View):
    """A document of the participant's own visa case (their invitation letter, say); a 404 for anyone
    else's."""

    def get(self, request, pk: int):
        document = (
            VisaDocument.objects.select_related("case__participation__person")
            .filter(pk=pk, case__participation__person=self.person)
            .first()
        )
        if document is None or not request.user.has_perm("logistics.view_own_visadocument", document):
            raise Http404
        return FileResponse(document.file.open("rb"), filename=document.file.name.rsplit("/", 1)[-1])
