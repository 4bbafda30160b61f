"""Releases of an edition's timetable: publishing one, and what each changed and for whom."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from tissage.network.models import Edition
from tissage.schedule.domain.conflicts import edition_conflicts
from tissage.schedule.domain.releases import affected_people, release_changes, release_publish
from tissage.schedule.interfaces.forms import ReleaseForm
from tissage.schedule.models import Release

from .generic import OrgaDetailView, StaffMixin
from .timetable import timetable_url


class EditionMixin:
    @cached_property
    def edition(self) -> Edition:
        return get_object_or_404(Edition.objects.select_related("festival__hub"), pk=self.kwargs["pk"])


class ReleaseListView(EditionMixin, StaffMixin, ListView):
    """An edition's releases, newest first, and the form to publish the next one."""

    permission_required = "schedule.view_release"
    template_name = "orga/releases/list.html"
    context_object_name = "releases"

    def get_queryset(self):
        return Release.objects.filter(edition=self.edition).select_related("author").order_by("-number")

    def get_context_data(self, **kwargs):
        return super().get_context_data(edition=self.edition, release_form=ReleaseForm(), **kwargs)


class ReleasePublishView(EditionMixin, StaffMixin, FormView):
    """Publishes the timetable as it stands; conflicts do not stop it, but the message counts them."""

    form_class = ReleaseForm
    permission_required = "schedule.add_release"
    http_method_names = ["post"]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Release(edition=self.edition)}

    def form_valid(self, form):
        try:
            release = release_publish(
                actor=self.request.user, edition=self.edition, comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            for text in error.messages:
                messages.error(self.request, text)
            return HttpResponseRedirect(timetable_url(self.edition))
        text = _("Release %(number)s of the timetable is published.") % {"number": release.number}
        if count := len(edition_conflicts(self.edition)):
            text += " " + _("It still has %(count)s conflicts.") % {"count": count}
        messages.success(self.request, text)
        return HttpResponseRedirect(release.get_absolute_url())

    def form_invalid(self, form):
        for errors in form.errors.values():
            for error in errors:
                messages.error(self.request, error)
        return HttpResponseRedirect(timetable_url(self.edition))


class ReleaseDetailView(OrgaDetailView):
    """What a release changed since the previous one, and the people to tell."""

    model = Release
    permission_required = "schedule.view_release"
    template_name = "orga/releases/detail.html"

    def get_queryset(self):
        return Release.objects.select_related("edition__festival__hub", "author")

    def get_context_data(self, **kwargs):
        release = self.object
        affected = affected_people(release)
        emails = sorted({person.email for person, _pk, _changes in affected if person and person.email})
        return super().get_context_data(
            edition=release.edition,
            hub=release.edition.festival.hub,
            changes=list(release_changes(release).items()),
            affected=affected,
            mailto=f"mailto:?bcc={','.join(emails)}" if emails else "",
            **kwargs,
        )
