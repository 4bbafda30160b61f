"""Forms of activities, their members, and participations."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tissage.core.interfaces.forms import DateInput, SpokenLanguagesField, TranslatedModelForm
from tissage.network.interfaces.forms import PersonField
from tissage.network.models import Edition, Hub, Room, Session

from ..domain.activities import activity_hub
from ..models import Activity, ActivityMember, Participation

TIMED_FIELDS = ("starts_at", "ends_at")


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock date and time without a zone: the form places it in the activity's hub's zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        with timezone.override(datetime.UTC):
            result = super().to_python(value)
        return None if result is None else timezone.make_naive(result, datetime.UTC)


class ActivityForm(TranslatedModelForm):
    """An activity; times are typed in its hub's time zone and stored in UTC, and its room is
    chosen among the rooms of that hub when the hub is known."""

    languages = SpokenLanguagesField(label=capfirst(Activity._meta.get_field("languages").verbose_name))
    interpreting = SpokenLanguagesField(
        label=capfirst(Activity._meta.get_field("interpreting").verbose_name),
        help_text=Activity._meta.get_field("interpreting").help_text,
    )
    starts_at = LocalDateTimeField(label=_("Starts"), required=False)
    ends_at = LocalDateTimeField(label=_("Ends"), required=False)

    class Meta(TranslatedModelForm.Meta):
        model = Activity
        fields = [
            "edition",
            "session",
            "title",
            "slug",
            "kind",
            "mode",
            "languages",
            "interpreting",
            "room",
            "starts_at",
            "ends_at",
            "is_public",
            "audience",
            "description",
        ]
        help_texts = {"slug": _("Used in the public address. Left empty, it is made from the title.")}

    def __init__(self, *args, hub: Hub | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if hub is None and self.instance.pk:
            hub = self.instance.hub
        self.hub = hub
        self.fields["slug"].required = False
        self.fields["edition"].queryset = Edition.objects.select_related("festival")
        self.fields["session"].queryset = Session.objects.select_related("programme", "hub").order_by(
            "-start_date", "pk"
        )
        rooms = Room.objects.select_related("venue")
        self.fields["room"].queryset = rooms.filter(venue__hub=hub) if hub is not None else rooms
        if hub is not None:
            zone_help = _("In %(hub)s time (%(zone)s).") % {"hub": hub, "zone": hub.timezone}
            self.fields["room"].help_text = _("Rooms of the venues of %(hub)s.") % {"hub": hub}
        else:
            zone_help = _("In the local time of the session's or edition's hub.")
        for name in TIMED_FIELDS:
            self.fields[name].help_text = zone_help
            stored = getattr(self.instance, name)
            if stored is not None and hub is not None:
                self.initial[name] = timezone.localtime(stored, hub.tzinfo).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        hub = activity_hub(session=cleaned.get("session"), edition=cleaned.get("edition")) or self.hub
        for name in TIMED_FIELDS:
            value = cleaned.get(name)
            if value is None:
                continue
            if hub is None:
                self.add_error(
                    name, _("Choose an edition or a session first: times are read in its hub's zone.")
                )
            else:
                cleaned[name] = timezone.make_aware(value, hub.tzinfo).astimezone(datetime.UTC)
        return cleaned


class ActivityMemberForm(forms.ModelForm):
    person = PersonField()

    class Meta:
        model = ActivityMember
        fields = ["person", "role"]


class ActivityMemberRoleForm(forms.ModelForm):
    class Meta:
        model = ActivityMember
        fields = ["role"]


class ParticipationForm(forms.ModelForm):
    person = PersonField()

    class Meta:
        model = Participation
        fields = ["person", "session", "role", "status", "arrives_on", "departs_on", "note"]
        widgets = {
            "arrives_on": DateInput,
            "departs_on": DateInput,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = Session.objects.select_related("programme", "hub").order_by(
            "-start_date", "pk"
        )
