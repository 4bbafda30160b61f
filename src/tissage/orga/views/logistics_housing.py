"""Accommodation: places with their bedrooms and beds, and participants' stays."""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tissage.logistics.domain.accommodation import (
    DAY,
    bedroom_create,
    nights_needed,
    place_create,
    place_update,
    stay_create,
    stay_delete,
    stay_update,
)
from tissage.logistics.interfaces.forms import BedroomForm, PlaceForm, StayForm
from tissage.logistics.models import AccommodationPlace, Stay

from .generic import (
    OrgaCreateView,
    OrgaDeleteView,
    OrgaDetailView,
    OrgaListView,
    OrgaUpdateView,
    PreselectMixin,
)
from .logistics import ForParticipationMixin, OrgaObjectFormView
from .pieces import ConfirmDeleteMixin

STAYS = Stay.objects.select_related("participation__person", "participation__session", "bed__room__place")


class PlaceListView(OrgaListView):
    model = AccommodationPlace
    permission_required = "logistics.view_accommodationplace"
    template_name = "orga/logistics/places.html"
    filterset_fields = ["hub", "kind"]

    def get_queryset(self):
        return (
            AccommodationPlace.objects.select_related("hub")
            .annotate(bed_count=Count("rooms__beds"))
            .order_by("hub__slug", "name")
        )


class PlaceDetailView(OrgaDetailView):
    """A place's bedrooms and beds, with who sleeps in each bed from today on."""

    model = AccommodationPlace
    permission_required = "logistics.view_accommodationplace"
    template_name = "orga/logistics/place.html"
    context_object_name = "place"

    def get_queryset(self):
        return AccommodationPlace.objects.select_related("hub")

    def get_context_data(self, **kwargs):
        stays = STAYS.filter(bed__room__place=self.object, check_out__gt=timezone.localdate()).order_by(
            "check_in", "pk"
        )
        by_bed: dict[int, list] = {}
        for stay in stays:
            by_bed.setdefault(stay.bed_id, []).append(stay)
        rooms = list(self.object.rooms.prefetch_related("beds"))
        for room in rooms:
            for bed in room.beds.all():
                bed.coming_stays = by_bed.get(bed.pk, [])
        return super().get_context_data(rooms=rooms, bedroom_form=BedroomForm(), **kwargs)


class PlaceCreateView(PreselectMixin, OrgaCreateView):
    model = AccommodationPlace
    form_class = PlaceForm
    permission_required = "logistics.add_accommodationplace"
    preselect = {"hub": "slug"}
    page_title = _("New place to stay")
    success_message = _("The place was added. Add its bedrooms below.")

    def get_initial(self):
        initial = super().get_initial()
        if hub := self.preselected.get("hub"):
            initial.setdefault("nightly_currency", hub.currency)
        return initial

    def save(self, form):
        return place_create(actor=self.request.user, data=form.cleaned_data)


class PlaceUpdateView(OrgaUpdateView):
    model = AccommodationPlace
    form_class = PlaceForm
    permission_required = "logistics.change_accommodationplace"
    success_message = _("The place was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        place = self.fresh_object()
        place_update(actor=self.request.user, place=place, data=self.changed_data(form))
        return place


class BedroomCreateView(OrgaObjectFormView):
    model = AccommodationPlace
    form_class = BedroomForm
    permission_required = "logistics.add_accommodationroom"
    success_message = _("The bedroom was added with its beds.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("New bedroom at %(place)s") % {"place": self.object}, **kwargs
        )

    def save(self, form):
        bedroom_create(actor=self.request.user, place=self.object, **form.cleaned_data)
        return self.object


class StayFormMixin(ForParticipationMixin):
    form_class = StayForm
    anchor = "stays"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "hub": self.participation.session.hub}


class StayCreateView(StayFormMixin, OrgaCreateView):
    """A bed for ``?participation=<pk>``, by default for every night of their stay."""

    model = Stay
    permission_required = "logistics.add_stay"
    participation_from = "query"
    success_message = _("The bed was booked.")

    def get_initial(self):
        nights = nights_needed(self.participation)
        return {"check_in": nights[0], "check_out": nights[-1] + DAY}

    def get_context_data(self, **kwargs):
        title = _("A bed for %(person)s") % {"person": self.participation.person}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        return stay_create(
            actor=self.request.user, data={**form.cleaned_data, "participation": self.participation}
        )


class StayUpdateView(StayFormMixin, OrgaUpdateView):
    model = Stay
    permission_required = "logistics.change_stay"
    success_message = _("The stay was updated.")

    def get_queryset(self):
        return STAYS

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        stay = self.fresh_object()
        stay_update(actor=self.request.user, stay=stay, data=self.changed_data(form))
        return stay


class StayDeleteView(ConfirmDeleteMixin, ForParticipationMixin, OrgaDeleteView):
    model = Stay
    permission_required = "logistics.delete_stay"
    anchor = "stays"
    confirm_title = _("Free the bed of %(object)s?")
    confirm_label = _("Free the bed")
    success_message = _("The bed was freed.")

    def get_queryset(self):
        return STAYS

    def delete_object(self, obj: Stay) -> None:
        stay_delete(actor=self.request.user, stay=obj)
