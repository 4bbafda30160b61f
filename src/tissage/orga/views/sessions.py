"""Sessions: one stay of a programme at a hub, with its participants and activities."""

from django.utils.translation import gettext_lazy as _

from tissage.activities.domain.participations import with_head_counts
from tissage.network.domain.programmes import session_create, session_update
from tissage.network.interfaces.forms import SessionForm
from tissage.network.models import Session

from ..filters.network import SessionFilter
from .generic import (
    OrgaCreateView,
    OrgaDetailView,
    OrgaListView,
    OrgaUpdateView,
    PreselectMixin,
)
from .participations import STATUS_ACTIONS
from .pieces import activities_by_day


class SessionListView(OrgaListView):
    model = Session
    permission_required = "network.view_session"
    filterset_class = SessionFilter
    template_name = "orga/sessions/list.html"

    def get_queryset(self):
        sessions = Session.objects.select_related("programme", "hub", "edition__festival")
        return with_head_counts(sessions).order_by("-start_date", "pk")


class SessionDetailView(OrgaDetailView):
    model = Session
    permission_required = "network.view_session"
    template_name = "orga/sessions/detail.html"

    def get_queryset(self):
        return Session.objects.select_related("programme", "hub", "edition__festival")

    def get_context_data(self, **kwargs):
        session = self.object
        participations = list(
            session.participations.select_related("person__home_hub").order_by(
                "person__family_name", "person__given_name", "pk"
            )
        )
        for participation in participations:
            participation.status_actions = STATUS_ACTIONS[participation.status]
        days, unscheduled = activities_by_day(session.activities.all(), session.hub.tzinfo)
        return super().get_context_data(
            hub=session.hub,
            participations=participations,
            days=days,
            unscheduled=unscheduled,
            export_query=f"session={session.pk}",
            **kwargs,
        )


class SessionCreateView(PreselectMixin, OrgaCreateView):
    """A new session; from a programme's page (``?programme=<slug>``) that programme is chosen."""

    model = Session
    form_class = SessionForm
    permission_required = "network.add_session"
    preselect = {"programme": "slug"}
    success_message = _("The session was created.")

    def get_initial(self):
        initial = super().get_initial()
        if programme := self.preselected.get("programme"):
            initial.setdefault("hub", programme.home_hub)
        return initial

    def get_context_data(self, **kwargs):
        programme = self.preselected.get("programme")
        title = (
            _("New session of %(programme)s") % {"programme": programme} if programme else _("New session")
        )
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        return session_create(actor=self.request.user, data=form.cleaned_data)


class SessionUpdateView(OrgaUpdateView):
    model = Session
    form_class = SessionForm
    permission_required = "network.change_session"
    success_message = _("The session was updated.")

    def get_queryset(self):
        return Session.objects.select_related("programme", "hub")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(session)s") % {"session": self.object}, **kwargs)

    def save(self, form):
        session = self.fresh_object()
        session_update(actor=self.request.user, session=session, data=self.changed_data(form))
        return session
