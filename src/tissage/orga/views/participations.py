"""Participations: a person in a session, with a role, a status and dates of presence."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.activities.domain.participations import (
    participation_create,
    participation_set_status,
    participation_update,
)
from tissage.activities.enums import ParticipationStatus
from tissage.activities.interfaces.forms import ParticipationForm
from tissage.activities.models import Participation

from .generic import (
    OrgaActionView,
    OrgaCreateView,
    OrgaUpdateView,
    ParentPageMixin,
    PreselectMixin,
    next_url,
)

# The status changes offered as buttons on a session's page, for each current status.
STATUS_ACTIONS = {
    ParticipationStatus.INVITED: [
        (ParticipationStatus.CONFIRMED, _("Confirm")),
        (ParticipationStatus.DECLINED, _("Decline")),
    ],
    ParticipationStatus.CONFIRMED: [
        (ParticipationStatus.ATTENDED, _("Mark attended")),
        (ParticipationStatus.CANCELLED, _("Cancel")),
    ],
    ParticipationStatus.ATTENDED: [],
    ParticipationStatus.DECLINED: [(ParticipationStatus.INVITED, _("Invite again"))],
    ParticipationStatus.CANCELLED: [(ParticipationStatus.INVITED, _("Invite again"))],
}
# ``?next=person`` sends the page back to the person's page rather than the session's.
NEXT_PERSON = "person"


class ParticipationCreateView(PreselectMixin, OrgaCreateView):
    """Adds someone to a session. ``?session=<pk>`` and ``?person=<slug>`` choose them in advance."""

    model = Participation
    form_class = ParticipationForm
    permission_required = "activities.add_participation"
    preselect = {"session": "pk", "person": "slug"}

    def get_initial(self):
        """Dates of presence default to the session's; the role to the person's current one."""
        initial = super().get_initial()
        if session := self.preselected.get("session"):
            initial.setdefault("arrives_on", session.start_date)
            initial.setdefault("departs_on", session.end_date)
        if person := self.preselected.get("person"):
            current = person.roles.filter(until__isnull=True).order_by("-since").first()
            if current is not None:
                initial.setdefault("role", current.role)
        return initial

    def back_to_person(self) -> bool:
        return self.request.GET.get("next") == NEXT_PERSON

    def get_success_url(self) -> str:
        if self.back_to_person():
            return self.object.person.get_absolute_url()
        return next_url(self.request) or self.object.session.get_absolute_url()

    def get_cancel_url(self) -> str:
        if self.back_to_person():
            person = self.preselected.get("person")
            return person.get_absolute_url() if person is not None else reverse("orga:person-list")
        return super().get_cancel_url()

    def get_context_data(self, **kwargs):
        person, session = self.preselected.get("person"), self.preselected.get("session")
        if session is not None:
            title = _("Add someone to %(session)s") % {"session": session}
        elif person is not None:
            title = _("Add %(person)s to a session") % {"person": person}
        else:
            title = _("New participation")
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        participation = participation_create(actor=self.request.user, data=form.cleaned_data)
        self.success_message = _("%(person)s was added to %(session)s.") % {
            "person": participation.person,
            "session": participation.session,
        }
        return participation


class ParticipationUpdateView(ParentPageMixin, OrgaUpdateView):
    model = Participation
    form_class = ParticipationForm
    permission_required = "activities.change_participation"
    success_message = _("The participation was updated.")

    def get_queryset(self):
        return Participation.objects.select_related("person", "session__programme", "session__hub")

    def get_parent(self):
        return self.object.session

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        participation = self.fresh_object()
        participation_update(
            actor=self.request.user, participation=participation, data=self.changed_data(form)
        )
        return participation


class ParticipationStatusView(OrgaActionView):
    """Changes a participation's status with one button (``status=confirmed`` …)."""

    model = Participation
    permission_required = "activities.change_participation"

    def get_queryset(self):
        return Participation.objects.select_related("person", "session")

    def act(self) -> str:
        status = self.request.POST.get("status", "")
        if status not in ParticipationStatus.values:
            raise ValidationError(_("Unknown status."))
        participation_set_status(actor=self.request.user, participation=self.object, status=status)
        return _("%(person)s: %(status)s.") % {
            "person": self.object.person,
            "status": ParticipationStatus(status).label,
        }

    def get_success_url(self) -> str:
        return f"{self.object.session.get_absolute_url()}#participants"
