"""The timetable editor of an edition: a grid of days × rooms with live conflicts, moves by form
(htmx drag-and-drop and inline forms on top), the automatic timetabling as a background job."""

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView

from tissage.activities.domain.activities import activity_update
from tissage.activities.models import Activity
from tissage.core.domain.jobs import jobs_of
from tissage.network.domain.hubs import room_update
from tissage.network.models import Edition, Room
from tissage.schedule.domain.conflicts import Conflict, conflicts_by_activity, detect_conflicts
from tissage.schedule.domain.facts import EditionFacts, edition_days, edition_facts
from tissage.schedule.domain.placement import activity_pin, activity_place, activity_unschedule
from tissage.schedule.domain.timetabling import describe_requirement
from tissage.schedule.interfaces.forms import (
    ActivityNeedsForm,
    PlaceForm,
    ReleaseForm,
    RoomRulesForm,
    SolveForm,
)
from tissage.schedule.models import Release
from tissage.schedule.tasks import JOB_KIND, timetable_enqueue

from .generic import OrgaActionView, OrgaDetailView, OrgaUpdateView, StaffMixin, next_url


@dataclass
class GridCell:
    day: datetime.date
    activities: list[Activity]


@dataclass
class GridRow:
    room: Room | None
    cells: list[GridCell]


def timetable_url(edition: Edition, activity: Activity | None = None) -> str:
    url = reverse("orga:timetable", kwargs={"pk": edition.pk})
    return f"{url}#activity-{activity.pk}" if activity is not None else url


def timetable_grid(facts: EditionFacts, conflicts: list[Conflict]):
    """Rows of rooms (and one for activities without a room), a cell per day; the activities not on
    an edition day, and those without a time. Each activity carries its ``conflicts``."""
    by_activity = conflicts_by_activity(conflicts)
    days = edition_days(facts.edition)
    index = {day: n for n, day in enumerate(days)}
    rows = {room.pk: GridRow(room, [GridCell(day, []) for day in days]) for room in facts.rooms}
    roomless = GridRow(None, [GridCell(day, []) for day in days])
    elsewhen, unscheduled = [], []
    for activity in facts.activities:
        activity.conflicts = by_activity.get(activity.pk, [])
        if activity.starts_at is None:
            unscheduled.append(activity)
            continue
        day = activity.starts_at.astimezone(facts.tz).date()
        if day not in index:
            elsewhen.append(activity)
            continue
        row = rows[activity.room_id] if activity.room_id else roomless
        row.cells[index[day]].activities.append(activity)
    grid = list(rows.values())
    if any(cell.activities for cell in roomless.cells):
        grid.append(roomless)
    return days, grid, elsewhen, unscheduled


class TimetableView(OrgaDetailView):
    """The editor: conflicts first, then the grid and the activities still to place."""

    model = Edition
    permission_required = "network.view_edition"
    template_name = "orga/timetable/grid.html"

    def get_queryset(self):
        return Edition.objects.select_related("festival__hub")

    def get_context_data(self, **kwargs):
        edition = self.object
        facts = edition_facts(edition)
        conflicts = detect_conflicts(facts)
        days, grid, elsewhen, unscheduled = timetable_grid(facts, conflicts)
        job = jobs_of(edition).filter(kind=JOB_KIND).first()
        explanation = []
        if job is not None and job.is_finished and job.result.get("conflict"):
            explanation = [
                describe_requirement(facts, r["rule"], r["subject"]) for r in job.result["conflict"]
            ]
        return super().get_context_data(
            hub=edition.festival.hub,
            days=days,
            grid=grid,
            elsewhen=elsewhen,
            unscheduled=unscheduled,
            conflicts=conflicts,
            job=job,
            explanation=explanation,
            release=Release.objects.latest_of(edition),
            solve_form=SolveForm(),
            export_query=f"edition={edition.pk}&draft=1",
            release_form=ReleaseForm(),
            **kwargs,
        )


class ActivityMixin:
    """Views about one activity of an edition's timetable; back to the timetable afterwards."""

    model = Activity
    permission_required = "activities.change_activity"

    def get_queryset(self):
        return Activity.objects.filter(edition__isnull=False).select_related("edition__festival__hub", "room")

    def get_success_url(self) -> str:
        return next_url(self.request) or timetable_url(self.object.edition, self.object)

    def get_cancel_url(self) -> str:
        return self.get_success_url()


class ActivityPlaceView(ActivityMixin, OrgaUpdateView):
    """Moves an activity: a day, a start time and a room (the form path without JavaScript; the
    grid's drag-and-drop posts the same form)."""

    form_class = PlaceForm
    template_name = "orga/timetable/place.html"

    @cached_property
    def facts(self) -> EditionFacts:
        return edition_facts(self.object.edition)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        return {**kwargs, "edition": self.object.edition, "rooms": self.facts.rooms}

    def get_template_names(self):
        # htmx asks for the form alone, to show it inside the grid.
        return ["orga/timetable/place_form.html"] if self.request.htmx else [self.template_name]

    def get_context_data(self, **kwargs):
        title = _("Move %(activity)s") % {"activity": self.object}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        activity = self.fresh_object()
        activity_place(
            actor=self.request.user,
            activity=activity,
            starts_at=form.starts_at,
            room=form.cleaned_data["room"],
        )
        self.success_message = _("%(activity)s was moved.") % {"activity": activity}
        return activity


class ActivityUnscheduleView(ActivityMixin, OrgaActionView):
    def act(self) -> str:
        activity_unschedule(actor=self.request.user, activity=self.object)
        return _("%(activity)s has no time any more.") % {"activity": self.object}


class ActivityPinView(ActivityMixin, OrgaActionView):
    """Pins (``pinned=1``) or unpins (``pinned=0``) an activity where it is."""

    def act(self) -> str:
        pinned = self.request.POST.get("pinned") == "1"
        activity_pin(actor=self.request.user, activity=self.object, pinned=pinned)
        if pinned:
            return _("%(activity)s is pinned where it is.") % {"activity": self.object}
        return _("%(activity)s may be moved by the automatic timetabling.") % {"activity": self.object}


class ActivityNeedsView(ActivityMixin, OrgaUpdateView):
    form_class = ActivityNeedsForm

    def get_context_data(self, **kwargs):
        title = _("What %(activity)s needs") % {"activity": self.object}
        return super().get_context_data(page_title=title, **kwargs)

    def save(self, form):
        activity = self.fresh_object()
        activity_update(actor=self.request.user, activity=activity, data=self.changed_data(form))
        return activity


class RoomRulesView(OrgaUpdateView):
    """A room's capacity, equipment, changeover and opening hours, from the timetable."""

    model = Room
    form_class = RoomRulesForm
    permission_required = "network.change_room"

    def get_queryset(self):
        return Room.objects.select_related("venue")

    def get_success_url(self) -> str:
        return next_url(self.request) or self.object.venue.get_absolute_url()

    def get_cancel_url(self) -> str:
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Rules of %(room)s") % {"room": self.object}, **kwargs)

    def save(self, form):
        room = self.fresh_object()
        room_update(actor=self.request.user, room=room, data=self.changed_data(form))
        return room


class TimetableSolveView(StaffMixin, FormView):
    """Starts the automatic timetabling of an edition; its page follows the job's progress."""

    form_class = SolveForm
    permission_required = "activities.change_activity"
    http_method_names = ["post"]

    @cached_property
    def edition(self) -> Edition:
        return get_object_or_404(Edition.objects.select_related("festival__hub"), pk=self.kwargs["pk"])

    def form_valid(self, form):
        job = timetable_enqueue(
            actor=self.request.user,
            edition=self.edition,
            replace=form.cleaned_data["replace"],
            time_limit=form.cleaned_data["time_limit"],
        )
        messages.success(self.request, _("The automatic timetabling has started."))
        return HttpResponseRedirect(job.get_absolute_url())

    def form_invalid(self, form):
        for errors in form.errors.values():
            for error in errors:
                messages.error(self.request, error)
        return HttpResponseRedirect(timetable_url(self.edition))
