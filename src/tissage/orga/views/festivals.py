"""Festivals and their editions."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from tissage.activities.domain.participations import with_head_counts
from tissage.network.domain.festivals import (
    edition_create,
    edition_publish,
    edition_update,
    festival_create,
    festival_update,
)
from tissage.network.interfaces.forms import EditionForm, FestivalForm
from tissage.network.models import Edition, Festival

from ..filters.network import EditionFilter, FestivalFilter
from .generic import (
    OrgaActionView,
    OrgaCreateView,
    OrgaDetailView,
    OrgaListView,
    OrgaUpdateView,
    PreselectMixin,
)
from .pieces import activities_by_day


def editions_with_counts(editions):
    """Editions with their hub, and counts of sessions and people, for the tables of editions."""
    return with_head_counts(
        editions.select_related("festival__hub").annotate(session_count=Count("sessions", distinct=True)),
        prefix="sessions__",
    )


class FestivalListView(OrgaListView):
    model = Festival
    permission_required = "network.view_festival"
    filterset_class = FestivalFilter
    template_name = "orga/festivals/list.html"

    def get_queryset(self):
        return (
            Festival.objects.select_related("hub")
            .annotate(edition_count=Count("editions"))
            .order_by("founded_year", "slug")
        )


class FestivalDetailView(OrgaDetailView):
    model = Festival
    permission_required = "network.view_festival"
    template_name = "orga/festivals/detail.html"

    def get_queryset(self):
        return Festival.objects.select_related("hub")

    def get_context_data(self, **kwargs):
        editions = editions_with_counts(self.object.editions.order_by("-start_date"))
        return super().get_context_data(editions=editions, **kwargs)


class FestivalCreateView(PreselectMixin, OrgaCreateView):
    model = Festival
    form_class = FestivalForm
    permission_required = "network.add_festival"
    preselect = {"hub": "slug"}
    page_title = _("New festival")
    success_message = _("The festival was created.")

    def save(self, form):
        return festival_create(actor=self.request.user, data=form.cleaned_data)


class FestivalUpdateView(OrgaUpdateView):
    model = Festival
    form_class = FestivalForm
    permission_required = "network.change_festival"
    success_message = _("The festival was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Edit %(festival)s") % {"festival": self.object}, **kwargs
        )

    def save(self, form):
        festival = self.fresh_object()
        festival_update(actor=self.request.user, festival=festival, data=self.changed_data(form))
        return festival


class EditionListView(OrgaListView):
    model = Edition
    permission_required = "network.view_edition"
    filterset_class = EditionFilter
    template_name = "orga/editions/list.html"

    def get_queryset(self):
        return editions_with_counts(Edition.objects.order_by("-start_date", "pk"))


class EditionDetailView(OrgaDetailView):
    model = Edition
    permission_required = "network.view_edition"
    template_name = "orga/editions/detail.html"

    def get_queryset(self):
        return Edition.objects.select_related("festival__hub")

    def get_context_data(self, **kwargs):
        edition = self.object
        hub = edition.festival.hub
        sessions = edition.sessions.select_related("programme", "hub").order_by("start_date", "pk")
        days, unscheduled = activities_by_day(edition.activities.all(), hub.tzinfo)
        return super().get_context_data(
            hub=hub,
            venues=edition.venues.order_by("slug"),
            sessions=with_head_counts(sessions),
            days=days,
            unscheduled=unscheduled,
            **kwargs,
        )


class EditionFormMixin:
    """Offers the venues of the festival's hub, when the festival is known."""

    model = Edition
    form_class = EditionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "hub": self.festival_hub()}


class EditionCreateView(EditionFormMixin, PreselectMixin, OrgaCreateView):
    permission_required = "network.add_edition"
    preselect = {"festival": "slug"}
    success_message = _("The edition was created. It stays off the public site until you publish it.")

    def festival_hub(self):
        festival = self.preselected.get("festival")
        return festival.hub if festival else None

    def get_context_data(self, **kwargs):
        festival = self.preselected.get("festival")
        title = _("New edition of %(festival)s") % {"festival": festival} if festival else _("New edition")
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        return edition_create(actor=self.request.user, data=form.cleaned_data)


class EditionUpdateView(EditionFormMixin, OrgaUpdateView):
    permission_required = "network.change_edition"
    success_message = _("The edition was updated.")

    def get_queryset(self):
        return Edition.objects.select_related("festival__hub")

    def festival_hub(self):
        return self.object.festival.hub

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(edition)s") % {"edition": self.object}, **kwargs)

    def save(self, form):
        edition = self.fresh_object()
        edition_update(actor=self.request.user, edition=edition, data=self.changed_data(form))
        return edition


class EditionPublishView(OrgaActionView):
    """Puts the edition's programme on the public site (``published=1``) or takes it off (``published=0``)."""

    model = Edition
    permission_required = "network.change_edition"

    def act(self) -> str:
        published = self.request.POST.get("published") == "1"
        edition_publish(actor=self.request.user, edition=self.object, published=published)
        if published:
            return _("%(edition)s is now on the public site.") % {"edition": self.object}
        return _("%(edition)s is no longer on the public site.") % {"edition": self.object}
