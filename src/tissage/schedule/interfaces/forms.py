"""Forms of the timetable editor: placing an activity, its needs, a room's rules, the automatic
timetabling, publishing a release."""

import datetime

from django import forms
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tissage.activities.models import Activity
from tissage.network.models import Edition, Room

from ..domain.facts import edition_days
from ..models import Release


class PlaceForm(forms.Form):
    """Where an activity goes: a day of the edition, a start time on the hub's clock, a room."""

    day = forms.TypedChoiceField(label=_("Day"), coerce=datetime.date.fromisoformat)
    start = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M")
    )
    room = forms.ModelChoiceField(label=_("Room"), queryset=Room.objects.none(), required=False)

    def __init__(self, *args, instance: Activity, edition: Edition, rooms, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance = instance
        self.tz = edition.festival.hub.tzinfo
        self.fields["day"].choices = [
            (day.isoformat(), capfirst(formats.date_format(day, "l j F"))) for day in edition_days(edition)
        ]
        self.fields["room"].queryset = Room.objects.filter(pk__in=[r.pk for r in rooms]).select_related(
            "venue"
        )
        self.fields["room"].empty_label = _("No room yet")
        self.fields["start"].help_text = _("In %(hub)s time (%(zone)s).") % {
            "hub": edition.festival.hub,
            "zone": edition.festival.hub.timezone,
        }
        if instance.starts_at is not None:
            local = instance.starts_at.astimezone(self.tz)
            self.initial.setdefault("day", local.date().isoformat())
            self.initial.setdefault("start", local.time())
        if instance.room_id:
            self.initial.setdefault("room", instance.room_id)

    @property
    def starts_at(self) -> datetime.datetime:
        """The chosen moment, on the hub's clock, in UTC."""
        moment = datetime.datetime.combine(
            self.cleaned_data["day"], self.cleaned_data["start"], tzinfo=self.tz
        )
        return moment.astimezone(datetime.UTC)


class ActivityNeedsForm(forms.ModelForm):
    """What the timetable needs to know of an activity."""

    class Meta:
        model = Activity
        fields = [
            "duration_minutes",
            "expected_attendance",
            "required_equipment",
            "mandatory_for_trainees",
            "is_pinned",
        ]
        widgets = {"required_equipment": forms.Textarea(attrs={"rows": 3})}


class RoomRulesForm(forms.ModelForm):
    """What the timetable needs to know of a room."""

    class Meta:
        model = Room
        fields = ["capacity", "equipment", "changeover_minutes", "opens_at", "closes_at"]
        widgets = {
            "equipment": forms.Textarea(attrs={"rows": 3}),
            "opens_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "closes_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


class SolveForm(forms.Form):
    """The automatic timetabling's options."""

    TIME_LIMITS = [(10, _("10 seconds")), (30, _("30 seconds")), (60, _("1 minute")), (180, _("3 minutes"))]

    replace = forms.BooleanField(
        label=_("Also move the placed activities that are not pinned"),
        required=False,
        help_text=_("Otherwise only the activities without a time are placed, around the others."),
    )
    time_limit = forms.TypedChoiceField(
        label=_("Search for at most"), choices=TIME_LIMITS, coerce=int, initial=30
    )


class ReleaseForm(forms.ModelForm):
    class Meta:
        model = Release
        fields = ["comment"]
