"""Travel & money: the overview, a session's "ready to travel?" board and rooming, and one
participation's logistics page — the page every missing item of the board leads to, directly or
through the form that fixes it."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import DetailView, FormView, TemplateView
from django.views.generic.detail import SingleObjectMixin

from tissage.activities.models import Participation
from tissage.logistics.domain.accommodation import NOT_COMING, session_rooming
from tissage.logistics.domain.money import per_diem_proposal
from tissage.logistics.domain.readiness import (
    logistics_attention,
    readiness_of,
    ready_to_travel,
    with_logistics,
)
from tissage.logistics.domain.visas import visa_rule_for
from tissage.network.models import Session

from .generic import DomainFormMixin, FetchOnceMixin, OrgaDetailView, StaffMixin, next_url

UPCOMING_SESSIONS = 8


def participation_logistics_url(participation, anchor: str = "") -> str:
    url = reverse("orga:logistics-participation", kwargs={"pk": participation.pk})
    return f"{url}#{anchor}" if anchor else url


class ForParticipationMixin:
    """A page about one participation's logistics. The participation is ``?participation=<pk>`` on
    a create page, the URL's ``pk`` on a page of the participation itself, else the object's. After
    saving, and on cancel, back to ``?next=`` or to the participation's logistics page."""

    participation_from = "object"  # or "query", or "url"
    anchor = ""

    @cached_property
    def participation(self) -> Participation:
        participations = Participation.objects.select_related(
            "person__home_hub", "session__hub", "session__programme"
        )
        if self.participation_from == "query":
            chosen = self.request.GET.get("participation", "")
            return get_object_or_404(participations, pk=int(chosen) if chosen.isdigit() else 0)
        if self.participation_from == "url":
            return get_object_or_404(participations, pk=self.kwargs["pk"])
        return self.get_object().participation

    def get_success_url(self) -> str:
        return next_url(self.request) or participation_logistics_url(self.participation, self.anchor)

    def get_cancel_url(self) -> str:
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(participation=self.participation, **kwargs)


class OrgaObjectFormView(FetchOnceMixin, StaffMixin, DomainFormMixin, SingleObjectMixin, FormView):
    """A form about an existing object, posted from that object's page (a step of a visa case, a
    bedroom of a place): this page shows it again when it has errors. The view's ``save(form)``
    calls a domain function; then back to ``?next=`` or to the object's page."""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def get_success_url(self) -> str:
        return next_url(self.request) or self.object.get_absolute_url()


class LogisticsHomeView(StaffMixin, TemplateView):
    """What comes next: the coming sessions with how many people are ready, and the visa matters
    that need attention."""

    permission_required = "logistics.view_travelleg"
    template_name = "orga/logistics/home.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        sessions = (
            Session.objects.upcoming(today)
            .select_related("programme", "hub")
            .annotate(coming=Count("participations", filter=~Q(participations__status__in=NOT_COMING)))[
                :UPCOMING_SESSIONS
            ]
        )
        return super().get_context_data(
            today=today, sessions=sessions, attention=logistics_attention(today), **kwargs
        )


class SessionReadyView(FetchOnceMixin, StaffMixin, DetailView):
    """The "ready to travel?" board of a session: everyone coming, with what is missing for them."""

    model = Session
    permission_required = "logistics.view_travelleg"
    template_name = "orga/logistics/ready.html"
    context_object_name = "session"

    def get_queryset(self):
        return Session.objects.select_related("programme", "hub")

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        rows = ready_to_travel(self.object, today=today)
        return super().get_context_data(
            today=today,
            rows=rows,
            ready_count=sum(row.is_ready for row in rows),
            export_query=f"session={self.object.pk}",
            **kwargs,
        )


class SessionRoomingView(FetchOnceMixin, StaffMixin, DetailView):
    """Who sleeps where during a session, with the nights without a bed and the conflicts."""

    model = Session
    permission_required = "logistics.view_stay"
    template_name = "orga/logistics/rooming.html"
    context_object_name = "session"

    def get_queryset(self):
        return Session.objects.select_related("programme", "hub")

    def get_context_data(self, **kwargs):
        return super().get_context_data(rows=session_rooming(self.object), **kwargs)


class ParticipationLogisticsView(OrgaDetailView):
    """Everything about one person's coming to one session: journeys, visa, bed, per diem, fees."""

    model = Participation
    permission_required = "logistics.view_travelleg"
    template_name = "orga/logistics/participation.html"
    context_object_name = "participation"

    def get_queryset(self):
        return with_logistics(Participation.objects.select_related("session__programme")).prefetch_related(
            "fees"
        )

    def get_context_data(self, **kwargs):
        participation = self.object
        rule = (
            participation.visa_case.rule
            if hasattr(participation, "visa_case")
            else visa_rule_for(participation)
        )
        readiness = readiness_of(participation, rule, timezone.localdate())
        return super().get_context_data(
            readiness=readiness,
            legs=participation.travel_legs.all(),
            stays=participation.stays.all(),
            per_diem_proposal=per_diem_proposal(participation)
            if not hasattr(participation, "per_diem")
            else None,
            **kwargs,
        )
