"""Activities (workshops, concerts, trainings …) and their members."""

from django.db.models import Case, Count, F, When
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from tissage.activities.domain.activities import (
    activity_create,
    activity_delete,
    activity_hub,
    activity_member_add,
    activity_member_remove,
    activity_member_update,
    activity_update,
)
from tissage.activities.enums import MemberRole
from tissage.activities.interfaces.forms import (
    TIMED_FIELDS,
    ActivityForm,
    ActivityMemberForm,
    ActivityMemberRoleForm,
)
from tissage.activities.models import Activity, ActivityMember

from ..filters.network import ActivityFilter
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

# Leaders first, then members, technicians and interpreters.
ROLE_ORDER = Case(*(When(role=role, then=rank) for rank, role in enumerate(MemberRole.values)))
ACTIVITY_RELATIONS = ("edition__festival__hub", "session__hub", "session__programme", "room__venue")


class ActivityListView(OrgaListView):
    model = Activity
    permission_required = "activities.view_activity"
    filterset_class = ActivityFilter
    template_name = "orga/activities/list.html"

    def get_queryset(self):
        # Activities still without a time come first: they are the ones to plan.
        return (
            Activity.objects.select_related(*ACTIVITY_RELATIONS)
            .annotate(member_count=Count("members"))
            .order_by(F("starts_at").desc(nulls_first=True), "pk")
        )


class ActivityDetailView(OrgaDetailView):
    model = Activity
    permission_required = "activities.view_activity"
    template_name = "orga/activities/detail.html"

    def get_queryset(self):
        return Activity.objects.select_related(*ACTIVITY_RELATIONS)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            hub=self.object.hub,
            members=self.object.members.select_related("person__home_hub").order_by(
                ROLE_ORDER, "person__family_name", "person__given_name"
            ),
            member_form=ActivityMemberForm(),
            member_roles=MemberRole.choices,
            **kwargs,
        )


class ActivityCreateView(PreselectMixin, OrgaCreateView):
    """A new activity; from an edition's or a session's page (``?edition=<pk>``, ``?session=<pk>``) it
    belongs to that one, its times are read in that hub's zone and its room is one of that hub's."""

    model = Activity
    form_class = ActivityForm
    permission_required = "activities.add_activity"
    preselect = {"session": "pk", "edition": "pk"}
    success_message = _("The activity was created.")

    def get_initial(self):
        initial = super().get_initial()
        session = self.preselected.get("session")
        if session is not None and session.edition_id:
            initial.setdefault("edition", session.edition)
        return initial

    def get_form_kwargs(self):
        hub = activity_hub(session=self.preselected.get("session"), edition=self.preselected.get("edition"))
        return {**super().get_form_kwargs(), "hub": hub}

    def get_context_data(self, **kwargs):
        parent = self.preselected.get("session") or self.preselected.get("edition")
        title = _("New activity in %(parent)s") % {"parent": parent} if parent else _("New activity")
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        return activity_create(actor=self.request.user, data=form.cleaned_data)


class ActivityUpdateView(OrgaUpdateView):
    model = Activity
    form_class = ActivityForm
    permission_required = "activities.change_activity"
    success_message = _("The activity was updated.")

    def get_queryset(self):
        return Activity.objects.select_related(*ACTIVITY_RELATIONS)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Edit %(activity)s") % {"activity": self.object}, **kwargs
        )

    def changed_data(self, form) -> dict:
        """Times typed are read in the hub's zone: at another hub, the same figures are other instants."""
        changed = super().changed_data(form)
        if {"session", "edition"} & set(changed):
            changed.update({name: form.cleaned_data[name] for name in TIMED_FIELDS})
        return changed

    def save(self, form):
        activity = self.fresh_object()
        activity_update(actor=self.request.user, activity=activity, data=self.changed_data(form))
        return activity


class ActivityDeleteView(ConfirmDeleteMixin, ParentPageMixin, OrgaDeleteView):
    model = Activity
    permission_required = "activities.delete_activity"
    consequence = _("Its list of members goes with it.")
    success_message = _("The activity was deleted.")

    def get_queryset(self):
        return Activity.objects.select_related("edition", "session")

    def get_parent(self):
        return self.object.session or self.object.edition

    def delete_object(self, obj: Activity) -> None:
        activity_delete(actor=self.request.user, activity=obj)


class ActivityMemberAddView(ParentPageMixin, OrgaCreateView):
    """Adds someone to an activity (the form is on the activity's page)."""

    model = ActivityMember
    form_class = ActivityMemberForm
    permission_required = "activities.change_activity"

    @cached_property
    def activity(self) -> Activity:
        return get_object_or_404(Activity, pk=self.kwargs["pk"])

    def get_parent(self) -> Activity:
        return self.activity

    def get_context_data(self, **kwargs):
        title = _("Add someone to %(activity)s") % {"activity": self.activity}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        member = activity_member_add(actor=self.request.user, activity=self.activity, **form.cleaned_data)
        self.success_message = _("%(person)s joined the activity.") % {"person": member.person}
        return member


class ActivityMemberMixin(ParentPageMixin):
    model = ActivityMember
    permission_required = "activities.change_activity"

    def get_queryset(self):
        return ActivityMember.objects.select_related("person", "activity")

    def get_parent(self) -> Activity:
        return self.object.activity


class ActivityMemberUpdateView(ActivityMemberMixin, OrgaUpdateView):
    """Changes a member's role (a small form on the activity's page)."""

    form_class = ActivityMemberRoleForm
    success_message = _("The role was changed.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Role of %(member)s") % {"member": self.object.person}, **kwargs
        )

    def save(self, form):
        member = self.fresh_object()
        activity_member_update(actor=self.request.user, member=member, role=form.cleaned_data["role"])
        return member


class ActivityMemberRemoveView(ConfirmDeleteMixin, ActivityMemberMixin, OrgaDeleteView):
    confirm_title = _("Remove %(object)s from this activity?")
    confirm_label = _("Remove")
    success_message = _("Removed from the activity.")

    def confirm_subject(self):
        return self.object.person

    def delete_object(self, obj: ActivityMember) -> None:
        activity_member_remove(actor=self.request.user, member=obj)
