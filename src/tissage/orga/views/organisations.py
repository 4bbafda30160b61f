"""Staff pages of organisations: partners, funders and venue owners, and their roles through their links."""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _

from tissage.network.models import Venue
from tissage.people.domain.organisations import organisation_create, organisation_update
from tissage.people.interfaces.forms import OrganisationForm
from tissage.people.models import Organisation

from ..filters.people import OrganisationFilter
from .generic import OrgaCreateView, OrgaDetailView, OrgaListView, OrgaUpdateView


class OrganisationListView(OrgaListView):
    model = Organisation
    permission_required = "people.view_organisation"
    filterset_class = OrganisationFilter
    template_name = "orga/organisations/list.html"

    def get_queryset(self):
        return (
            Organisation.objects.select_related("hub")
            .annotate(
                programmes_funded=Count("funded_programmes", distinct=True),
                hubs_partnered=Count("partner_of_hubs", distinct=True),
                venues_owned_count=Count("venues_owned", distinct=True),
            )
            .order_by("name", "pk")
        )


class OrganisationDetailView(OrgaDetailView):
    model = Organisation
    permission_required = "people.view_organisation"
    template_name = "orga/organisations/detail.html"

    def get_queryset(self):
        return Organisation.objects.select_related("hub").prefetch_related(
            "funded_programmes",
            "partner_of_hubs",
            Prefetch("venues_owned", queryset=Venue.objects.select_related("hub")),
        )


class OrganisationCreateView(OrgaCreateView):
    model = Organisation
    form_class = OrganisationForm
    permission_required = "people.add_organisation"
    page_title = _("New organisation")
    success_message = _("The organisation was added.")

    def save(self, form):
        return organisation_create(actor=self.request.user, data=form.cleaned_data)


class OrganisationUpdateView(OrgaUpdateView):
    model = Organisation
    form_class = OrganisationForm
    permission_required = "people.change_organisation"
    success_message = _("The organisation was updated.")

    def get_context_data(self, **kwargs):
        title = _("Edit %(organisation)s") % {"organisation": self.object}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        organisation = self.fresh_object()
        organisation_update(actor=self.request.user, organisation=organisation, data=self.changed_data(form))
        return organisation
