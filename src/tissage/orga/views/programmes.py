"""Programmes, their sessions as a whole, and their cohorts."""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tissage.activities.domain.participations import programme_participants, with_head_counts
from tissage.network.domain.programmes import (
    cohort_member_add,
    cohort_member_remove,
    programme_create,
    programme_update,
)
from tissage.network.interfaces.forms import CohortMemberForm, ProgrammeCreateForm, ProgrammeForm
from tissage.network.models import CohortMember, Hub, Programme

from ..filters.network import ProgrammeFilter
from .generic import (
    OrgaCreateView,
    OrgaDeleteView,
    OrgaDetailView,
    OrgaListView,
    OrgaUpdateView,
    ParentPageMixin,
)
from .pieces import ConfirmDeleteMixin


class ProgrammeListView(OrgaListView):
    model = Programme
    permission_required = "network.view_programme"
    filterset_class = ProgrammeFilter
    template_name = "orga/programmes/list.html"

    def get_queryset(self):
        return (
            Programme.objects.select_related("home_hub")
            .prefetch_related("partner_hubs")
            .annotate(
                session_count=Count("sessions", distinct=True),
                cohort_count=Count("cohort_members", distinct=True),
            )
            .order_by("-start_year", "slug")
        )


class ProgrammeDetailView(OrgaDetailView):
    model = Programme
    permission_required = "network.view_programme"
    template_name = "orga/programmes/detail.html"

    def get_queryset(self):
        return Programme.objects.select_related("home_hub")

    def get_context_data(self, **kwargs):
        programme = self.object
        return super().get_context_data(
            partner_hubs=programme.partner_hubs.all(),
            funders=programme.funders.all(),
            sessions=with_head_counts(programme.sessions.select_related("hub", "edition__festival")).order_by(
                "start_date", "pk"
            ),
            cohort=programme.cohort_members.select_related("person__home_hub").order_by(
                "person__family_name", "person__given_name"
            ),
            participants=programme_participants(programme),
            cohort_form=CohortMemberForm(),
            **kwargs,
        )


class ProgrammeCreateView(OrgaCreateView):
    model = Programme
    form_class = ProgrammeCreateForm
    permission_required = "network.add_programme"
    page_title = _("New programme")

    def get_initial(self):
        return {
            **super().get_initial(),
            "home_hub": Hub.objects.filter(is_home=True).first(),
            "start_year": timezone.localdate().year,
        }

    def save(self, form):
        data = dict(form.cleaned_data)
        propose = data.pop("propose_sessions")
        programme = programme_create(actor=self.request.user, data=data, with_sessions=propose)
        count = programme.sessions.count()
        if count:
            self.success_message = ngettext(
                "The programme was created with %(count)d proposed session, as a draft: "
                "check its hub and dates below, and edit it as needed.",
                "The programme was created with %(count)d proposed sessions, as drafts: "
                "check their hubs and dates below, and edit them as needed.",
                count,
            ) % {"count": count}
        else:
            self.success_message = _("The programme was created. Add its sessions below.")
        return programme


class ProgrammeUpdateView(OrgaUpdateView):
    model = Programme
    form_class = ProgrammeForm
    permission_required = "network.change_programme"
    success_message = _("The programme was updated.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Edit %(programme)s") % {"programme": self.object}, **kwargs
        )

    def save(self, form):
        programme = self.fresh_object()
        programme_update(actor=self.request.user, programme=programme, data=self.changed_data(form))
        return programme


class CohortMemberAddView(ParentPageMixin, OrgaCreateView):
    """Adds someone to a programme's cohort (the form is on the programme's page)."""

    model = CohortMember
    form_class = CohortMemberForm
    permission_required = "network.add_cohortmember"

    @cached_property
    def programme(self) -> Programme:
        return get_object_or_404(Programme, slug=self.kwargs["slug"])

    def get_parent(self) -> Programme:
        return self.programme

    def get_context_data(self, **kwargs):
        title = _("Add someone to the cohort of %(programme)s") % {"programme": self.programme}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        member = cohort_member_add(actor=self.request.user, programme=self.programme, data=form.cleaned_data)
        self.success_message = _("%(person)s joined the cohort.") % {"person": member.person}
        return member


class CohortMemberRemoveView(ConfirmDeleteMixin, ParentPageMixin, OrgaDeleteView):
    model = CohortMember
    permission_required = "network.delete_cohortmember"
    confirm_title = _("Remove %(object)s from the cohort?")
    confirm_label = _("Remove")
    success_message = _("Removed from the cohort.")

    def get_queryset(self):
        return CohortMember.objects.select_related("person", "programme")

    def get_parent(self) -> Programme:
        return self.object.programme

    def confirm_subject(self):
        return self.object.person

    def delete_object(self, obj: CohortMember) -> None:
        cohort_member_remove(actor=self.request.user, member=obj)
