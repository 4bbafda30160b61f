from django import forms
from django.shortcuts import get_object_or_404
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from tissage.activities.enums import ActivityKind, MemberRole
from tissage.activities.models import Activity

from .caching import edition_conditional
from .queries import programme_days, public_activities, public_members, published_edition_or_404

# How each role introduces its members on an activity's page (one or several people).
ROLE_HEADINGS = {
    MemberRole.LEADER: _("Led by"),
    MemberRole.MEMBER: _("With"),
    MemberRole.TECHNICIAN: _("Technical crew"),
    MemberRole.INTERPRETER: _("Interpreted by"),
}


class ProgrammeFilterForm(forms.Form):
    """Narrows an edition's programme by kind of activity: a plain GET form, no JavaScript."""

    kind = forms.MultipleChoiceField(
        label=capfirst(Activity._meta.get_field("kind").verbose_name),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, kinds: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        # Only the kinds this edition has: a filter that can only give an empty page helps nobody.
        self.fields["kind"].choices = [
            (value, capfirst(label)) for value, label in ActivityKind.choices if value in kinds
        ]

    def filter(self, activities):
        if self.is_valid() and self.cleaned_data["kind"]:
            return activities.filter(kind__in=self.cleaned_data["kind"])
        return activities


@edition_conditional
class EditionView(DetailView):
    """An edition and its programme, day by day, in the hub's time."""

    template_name = "public/edition.html"
    context_object_name = "edition"

    def get_object(self, queryset=None):
        return published_edition_or_404(self.kwargs["festival"], self.kwargs["edition"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        edition = self.object
        kinds = Activity.objects.public().of_edition(edition).order_by().values_list("kind", flat=True)
        form = ProgrammeFilterForm(self.request.GET or None, kinds=set(kinds.distinct()))
        shown = form.filter(public_activities().of_edition(edition))
        shown = shown.prefetch_related(public_members(MemberRole.LEADER))
        context["days"] = programme_days(shown, edition.festival.hub)
        context["filter_form"] = form
        context["festival"] = edition.festival
        context["hub"] = edition.festival.hub
        return context


@edition_conditional
class ActivityView(DetailView):
    """One public activity: when and where, in which languages, and who (with a public profile) leads it."""

    template_name = "public/activity.html"
    context_object_name = "activity"

    def get_object(self, queryset=None):
        activities = public_activities().prefetch_related(public_members())
        return get_object_or_404(
            activities,
            edition__festival__slug=self.kwargs["festival"],
            edition__slug=self.kwargs["edition"],
            slug=self.kwargs["activity"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = self.object
        context["edition"] = activity.edition
        context["festival"] = activity.edition.festival
        context["hub"] = activity.edition.festival.hub
        context["member_groups"] = [
            (heading, members)
            for role, heading in ROLE_HEADINGS.items()
            if (members := [m for m in activity.public_members if m.role == role])
        ]
        return context
