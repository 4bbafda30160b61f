"""Declared collaborations (with their evidence) and enterprises (with their founders' paths)."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic.detail import SingleObjectMixin

from tissage.impact.domain.collaborations import (
    collaboration_create,
    collaboration_delete,
    collaboration_update,
)
from tissage.impact.domain.enterprises import (
    enterprise_create,
    enterprise_delete,
    enterprise_update,
    founder_paths,
)
from tissage.impact.interfaces.filters import CollaborationFilter, EnterpriseFilter
from tissage.impact.interfaces.forms import CollaborationForm, EnterpriseForm
from tissage.impact.models import Collaboration, Enterprise

from .generic import (
    FetchOnceMixin,
    OrgaCreateView,
    OrgaDeleteView,
    OrgaDetailView,
    OrgaListView,
    OrgaUpdateView,
    StaffMixin,
)
from .pieces import ConfirmDeleteMixin


class CollaborationListView(OrgaListView):
    model = Collaboration
    permission_required = "impact.view_collaboration"
    filterset_class = CollaborationFilter
    template_name = "orga/impact/collaborations/list.html"

    def get_queryset(self):
        return Collaboration.objects.prefetch_related("people").order_by("-date", "pk")


class CollaborationDetailView(OrgaDetailView):
    model = Collaboration
    permission_required = "impact.view_collaboration"
    template_name = "orga/impact/collaborations/detail.html"

    def get_queryset(self):
        return Collaboration.objects.prefetch_related("people__home_hub")


class CollaborationCreateView(OrgaCreateView):
    model = Collaboration
    form_class = CollaborationForm
    permission_required = "impact.add_collaboration"
    page_title = _("Declare a collaboration")
    success_message = _("The collaboration was recorded; the ties of its people are updated.")

    def save(self, form):
        return collaboration_create(actor=self.request.user, data=form.cleaned_data)


class CollaborationUpdateView(OrgaUpdateView):
    model = Collaboration
    form_class = CollaborationForm
    permission_required = "impact.change_collaboration"
    success_message = _("The collaboration was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        collaboration = self.fresh_object()
        collaboration_update(
            actor=self.request.user, collaboration=collaboration, data=self.changed_data(form)
        )
        return collaboration


class CollaborationDeleteView(ConfirmDeleteMixin, OrgaDeleteView):
    model = Collaboration
    permission_required = "impact.delete_collaboration"
    consequence = _("The ties of its people lose what it gave them.")
    success_message = _("The collaboration was deleted.")

    def get_success_url(self) -> str:
        return reverse("orga:collaboration-list")

    def get_cancel_url(self) -> str:
        return self.object.get_absolute_url()

    def delete_object(self, obj: Collaboration) -> None:
        collaboration_delete(actor=self.request.user, collaboration=obj)


class CollaborationEvidenceView(FetchOnceMixin, StaffMixin, SingleObjectMixin, View):
    """The evidence file, for staff only (it may hold personal data): never a public media address."""

    model = Collaboration
    permission_required = "impact.view_collaboration"

    def get(self, request, pk):
        collaboration = self.get_object()
        if not collaboration.evidence_file or not default_storage.exists(collaboration.evidence_file.name):
            raise Http404
        return FileResponse(collaboration.evidence_file.open("rb"), as_attachment=True)


class EnterpriseListView(OrgaListView):
    model = Enterprise
    permission_required = "impact.view_enterprise"
    filterset_class = EnterpriseFilter
    template_name = "orga/impact/enterprises/list.html"

    def get_queryset(self):
        return (
            Enterprise.objects.select_related("hub")
            .prefetch_related("founders")
            .order_by("founded_on", "name")
        )


class EnterpriseDetailView(OrgaDetailView):
    model = Enterprise
    permission_required = "impact.view_enterprise"
    template_name = "orga/impact/enterprises/detail.html"

    def get_queryset(self):
        return Enterprise.objects.select_related("hub")

    def get_context_data(self, **kwargs):
        return super().get_context_data(paths=founder_paths(self.object), **kwargs)


class EnterpriseCreateView(OrgaCreateView):
    model = Enterprise
    form_class = EnterpriseForm
    permission_required = "impact.add_enterprise"
    page_title = _("New enterprise")
    success_message = _("The enterprise was added.")

    def save(self, form):
        return enterprise_create(actor=self.request.user, data=form.cleaned_data)


class EnterpriseUpdateView(OrgaUpdateView):
    model = Enterprise
    form_class = EnterpriseForm
    permission_required = "impact.change_enterprise"
    success_message = _("The enterprise was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Edit %(object)s") % {"object": self.object}, **kwargs)

    def save(self, form):
        enterprise = self.fresh_object()
        enterprise_update(actor=self.request.user, enterprise=enterprise, data=self.changed_data(form))
        return enterprise


class EnterpriseDeleteView(ConfirmDeleteMixin, OrgaDeleteView):
    model = Enterprise
    permission_required = "impact.delete_enterprise"
    success_message = _("The enterprise was deleted.")

    def get_success_url(self) -> str:
        return reverse("orga:enterprise-list")

    def get_cancel_url(self) -> str:
        return self.object.get_absolute_url()

    def delete_object(self, obj: Enterprise) -> None:
        enterprise_delete(actor=self.request.user, enterprise=obj)
