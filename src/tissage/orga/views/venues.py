from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from tissage.network.domain.hubs import room_create, room_delete, room_update, venue_create, venue_update
from tissage.network.interfaces.forms import RoomForm, VenueForm
from tissage.network.models import Room, Venue

from ..filters.network import VenueFilter
from .generic import (
    OrgaCreateView,
    OrgaDeleteView,
    OrgaDetailView,
    OrgaListView,
    OrgaUpdateView,
    ParentPageMixin,
    PreselectMixin,
)
from .pieces import ConfirmDeleteMixin


class VenueListView(OrgaListView):
    model = Venue
    permission_required = "network.view_venue"
    filterset_class = VenueFilter
    template_name = "orga/venues/list.html"

    def get_queryset(self):
        return (
            Venue.objects.select_related("hub")
            .annotate(room_count=Count("rooms"))
            .order_by("hub__slug", "slug")
        )


class VenueDetailView(OrgaDetailView):
    model = Venue
    permission_required = "network.view_venue"
    template_name = "orga/venues/detail.html"

    def get_queryset(self):
        return Venue.objects.select_related("hub", "owner")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rooms=self.object.rooms.order_by("name"),
            editions=self.object.editions.select_related("festival"),
            room_form=RoomForm(),
            **kwargs,
        )


class VenueCreateView(PreselectMixin, OrgaCreateView):
    model = Venue
    form_class = VenueForm
    permission_required = "network.add_venue"
    preselect = {"hub": "slug"}
    page_title = _("New venue")
    success_message = _("The venue was created. Add its rooms below.")

    def save(self, form):
        return venue_create(actor=self.request.user, data=form.cleaned_data)


class VenueUpdateView(OrgaUpdateView):
    model = Venue
    form_class = VenueForm
    permission_required = "network.change_venue"
    success_message = _("The venue was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(venue)s") % {"venue": self.object}, **kwargs)

    def save(self, form):
        venue = self.fresh_object()
        venue_update(actor=self.request.user, venue=venue, data=self.changed_data(form))
        return venue


class RoomCreateView(ParentPageMixin, OrgaCreateView):
    """Adds a room from its venue's page (the form is on that page; this page shows it again with errors)."""

    model = Room
    form_class = RoomForm
    permission_required = "network.add_room"
    success_message = _("The room was added.")

    @cached_property
    def venue(self) -> Venue:
        return get_object_or_404(Venue, pk=self.kwargs["pk"])

    def get_parent(self) -> Venue:
        return self.venue

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("New room at %(venue)s") % {"venue": self.venue}, **kwargs
        )

    def save(self, form):
        return room_create(actor=self.request.user, data={**form.cleaned_data, "venue": self.venue})


class RoomUpdateView(ParentPageMixin, OrgaUpdateView):
    model = Room
    form_class = RoomForm
    permission_required = "network.change_room"
    success_message = _("The room was updated.")

    def get_queryset(self):
        return Room.objects.select_related("venue")

    def get_parent(self) -> Venue:
        return self.object.venue

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(room)s") % {"room": self.object}, **kwargs)

    def save(self, form):
        room = self.fresh_object()
        room_update(actor=self.request.user, room=room, data=self.changed_data(form))
        return room


class RoomDeleteView(ConfirmDeleteMixin, ParentPageMixin, OrgaDeleteView):
    model = Room
    permission_required = "network.delete_room"
    consequence = _("Activities planned in this room will have no room.")
    success_message = _("The room was deleted.")

    def get_queryset(self):
        return Room.objects.select_related("venue")

    def get_parent(self) -> Venue:
        return self.object.venue

    def delete_object(self, obj: Room) -> None:
        room_delete(actor=self.request.user, room=obj)
