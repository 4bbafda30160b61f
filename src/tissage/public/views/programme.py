from django import forms
from django.http import Http404, HttpResponse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import DetailView

from tissage.activities.enums import ActivityKind, MemberRole
from tissage.activities.models import Activity
from tissage.core.exporters import registry
from tissage.network.models import Edition
from tissage.schedule.domain.programme import Programme
from tissage.schedule.interfaces.exporters import SCOPE as SCHEDULE_SCOPE
from tissage.schedule.interfaces.subject import ExportSubject

from .caching import edition_conditional
from .queries import edition_programme, programme_days, published_edition_or_404

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

    def filter(self, programme: Programme) -> Programme:
        if self.is_valid() and self.cleaned_data["kind"]:
            return programme.of_kinds(self.cleaned_data["kind"])
        return programme


class ProgrammeMixin:
    """A published edition (404 otherwise) and the public programme of its latest release."""

    context_object_name = "edition"

    def get_object(self, queryset=None):
        return published_edition_or_404(self.kwargs["festival"], self.kwargs["edition"])

    @cached_property
    def programme(self) -> Programme:
        freshness = getattr(self.request, "_tissage_freshness", None)
        return edition_programme(self.get_edition(), freshness.release_pk if freshness else None)

    def get_edition(self) -> Edition:
        return self.object

    def get_context_data(self, **kwargs):
        edition = self.get_edition()
        return super().get_context_data(
            edition=edition,
            festival=edition.festival,
            hub=edition.festival.hub,
            programme=self.programme,
            **kwargs,
        )


@edition_conditional
class EditionView(ProgrammeMixin, DetailView):
    """An edition and its programme, day by day, in the hub's time."""

    template_name = "public/edition.html"

    def get_context_data(self, **kwargs):
        form = ProgrammeFilterForm(self.request.GET or None, kinds=set(self.programme.kinds))
        shown = form.filter(self.programme)
        return super().get_context_data(
            days=programme_days(shown.activities, self.object.festival.hub), filter_form=form, **kwargs
        )


@edition_conditional
class EditionRoomsView(ProgrammeMixin, DetailView):
    """The programme room by room, each with its calendar to subscribe to."""

    template_name = "public/edition_rooms.html"

    def get_context_data(self, **kwargs):
        rooms = [(room, self.programme.in_room(room.pk).activities) for room in self.programme.rooms]
        return super().get_context_data(rooms=rooms, **kwargs)


@edition_conditional
class EditionPeopleView(ProgrammeMixin, DetailView):
    """The people of the programme (those with a public profile) and what each of them does."""

    template_name = "public/edition_people.html"

    def get_context_data(self, **kwargs):
        people = [
            (person, self.programme.with_person(person.pk).activities) for person in self.programme.people
        ]
        return super().get_context_data(people=people, **kwargs)


@edition_conditional
class EditionKindsView(ProgrammeMixin, DetailView):
    """The programme by kind of activity: the concerts, the workshops, the trainings …"""

    template_name = "public/edition_kinds.html"

    def get_context_data(self, **kwargs):
        kinds = [
            (ActivityKind(kind), self.programme.of_kinds([kind]).activities) for kind in self.programme.kinds
        ]
        return super().get_context_data(kinds=kinds, **kwargs)


@method_decorator(xframe_options_exempt, name="dispatch")
@edition_conditional
class EditionWidgetView(ProgrammeMixin, DetailView):
    """The programme for partners' sites, in an iframe: no site header, links open on this site;
    ``?day=2004-07-22`` or ``?room=<id>`` narrow it."""

    template_name = "public/widget.html"

    def get_context_data(self, **kwargs):
        programme = self.programme
        if room := self.request.GET.get("room", ""):
            programme = programme.in_room(int(room)) if room.isdigit() else programme.only([])
        days = programme_days(programme.activities, self.object.festival.hub)
        if day := self.request.GET.get("day"):
            days = [d for d in days if d.date and d.date.isoformat() == day]
        return super().get_context_data(days=days, **kwargs)


@edition_conditional
class EditionExportView(ProgrammeMixin, DetailView):
    """A file of the public programme from the exporter registry (iCal, Frab XML, schedule JSON,
    CSV/XLSX, PDF, the offline HTML): ``?room=<id>`` or ``?person=<short name>`` narrow it."""

    def get(self, request, *args, **kwargs):
        try:
            exporter = registry.get(kwargs["exporter"], scope=SCHEDULE_SCOPE)
        except KeyError:
            raise Http404 from None
        self.object = self.get_object()
        programme = self.programme
        room = person = None
        if key := request.GET.get("room"):
            room = next((r for r in programme.rooms if str(r.pk) == key), None)
        if key := request.GET.get("person"):
            person = next((p for p in programme.people if p.slug == key), None)
        if (request.GET.get("room") and room is None) or (request.GET.get("person") and person is None):
            raise Http404
        subject = ExportSubject(
            programme=programme,
            base_url=request.build_absolute_uri("/"),
            room=room,
            person=person,
            url=request.build_absolute_uri(),
        )
        response = HttpResponse(exporter.render(subject), content_type=exporter.content_type)
        name = "-".join(filter(None, [self.object.festival.slug, self.object.slug, key_of(room, person)]))
        disposition = "inline" if exporter.format == "ical" else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{name}.{exporter.extension}"'
        return response


def key_of(room, person) -> str:
    if room is not None:
        return f"room-{room.pk}"
    return person.slug if person is not None else ""


@edition_conditional
class ActivityView(ProgrammeMixin, DetailView):
    """One public activity, as the latest release published it: when and where, in which
    languages, and who (with a public profile) leads it."""

    template_name = "public/activity.html"
    context_object_name = "activity"

    @cached_property
    def edition(self) -> Edition:
        return published_edition_or_404(self.kwargs["festival"], self.kwargs["edition"])

    def get_edition(self) -> Edition:
        return self.edition

    def get_object(self, queryset=None):
        activity = self.programme.activity(self.kwargs["activity"])
        if activity is None:
            raise Http404
        return activity

    def get_context_data(self, **kwargs):
        activity = self.object
        member_groups = [
            (heading, members)
            for role, heading in ROLE_HEADINGS.items()
            if (members := [m for m in activity.public_members if m.role == role])
        ]
        return super().get_context_data(member_groups=member_groups, **kwargs)
