"""Travel legs: a participant's journeys, typed in each place's local time."""

from django.utils.translation import gettext_lazy as _

from tissage.logistics.domain.travel import travel_leg_create, travel_leg_delete, travel_leg_update
from tissage.logistics.enums import Direction
from tissage.logistics.interfaces.forms import TravelLegForm
from tissage.logistics.models import TravelLeg

from .generic import OrgaCreateView, OrgaDeleteView, OrgaUpdateView
from .logistics import ForParticipationMixin
from .pieces import ConfirmDeleteMixin


class TravelLegCreateView(ForParticipationMixin, OrgaCreateView):
    """A journey of ``?participation=<pk>``; ``?direction=return`` starts it as the way home, from
    the session's hub to the person's home hub."""

    model = TravelLeg
    form_class = TravelLegForm
    permission_required = "logistics.add_travelleg"
    participation_from = "query"
    anchor = "travel"
    success_message = _("The journey was added.")

    def get_initial(self):
        participation = self.participation
        session_hub, home_hub = participation.session.hub, participation.person.home_hub
        direction = self.request.GET.get("direction", Direction.ARRIVAL)
        direction = direction if direction in Direction.values else Direction.ARRIVAL
        home = (str(home_hub.name), home_hub.timezone) if home_hub else ("", session_hub.timezone)
        there = (str(session_hub.name), session_hub.timezone)
        origin, destination = (there, home) if direction == Direction.RETURN else (home, there)
        return {
            "direction": direction,
            "from_place": origin[0],
            "from_timezone": origin[1],
            "to_place": destination[0],
            "to_timezone": destination[1],
            "cost_currency": session_hub.currency,
        }

    def get_context_data(self, **kwargs):
        title = _("New journey of %(person)s") % {"person": self.participation.person}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        return travel_leg_create(
            actor=self.request.user, data={**form.cleaned_data, "participation": self.participation}
        )


class TravelLegUpdateView(ForParticipationMixin, OrgaUpdateView):
    model = TravelLeg
    form_class = TravelLegForm
    permission_required = "logistics.change_travelleg"
    anchor = "travel"
    success_message = _("The journey was updated.")

    def get_queryset(self):
        return TravelLeg.objects.select_related("participation__person", "participation__session")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        leg = self.fresh_object()
        travel_leg_update(actor=self.request.user, leg=leg, data=self.changed_data(form))
        return leg


class TravelLegDeleteView(ConfirmDeleteMixin, ForParticipationMixin, OrgaDeleteView):
    model = TravelLeg
    permission_required = "logistics.delete_travelleg"
    anchor = "travel"
    success_message = _("The journey was deleted.")

    def get_queryset(self):
        return TravelLeg.objects.select_related("participation__person", "participation__session")

    def delete_object(self, obj: TravelLeg) -> None:
        travel_leg_delete(actor=self.request.user, leg=obj)
