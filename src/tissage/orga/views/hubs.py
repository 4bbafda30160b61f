from django.utils.translation import gettext_lazy as _

from tissage.network.domain.hubs import hub_create, hub_update
from tissage.network.interfaces.forms import HubForm
from tissage.network.models import Hub

from ..filters.network import HubFilter
from .generic import OrgaCreateView, OrgaDetailView, OrgaListView, OrgaUpdateView


class HubListView(OrgaListView):
    model = Hub
    permission_required = "network.view_hub"
    filterset_class = HubFilter
    template_name = "orga/hubs/list.html"

    def get_queryset(self):
        return Hub.objects.all()


class HubDetailView(OrgaDetailView):
    model = Hub
    permission_required = "network.view_hub"
    template_name = "orga/hubs/detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            venues=self.object.venues.prefetch_related("rooms"),
            festivals=self.object.festivals.all(),
            **kwargs,
        )


class HubCreateView(OrgaCreateView):
    model = Hub
    form_class = HubForm
    permission_required = "network.add_hub"
    page_title = _("New hub")
    success_message = _("The hub was created.")

    def save(self, form):
        return hub_create(actor=self.request.user, data=form.cleaned_data)


class HubUpdateView(OrgaUpdateView):
    model = Hub
    form_class = HubForm
    permission_required = "network.change_hub"
    success_message = _("The hub was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(hub)s") % {"hub": self.object}, **kwargs)

    def save(self, form):
        hub = self.fresh_object()
        hub_update(actor=self.request.user, hub=hub, data=self.changed_data(form))
        return hub
