import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tissage.activities.enums import ActivityKind


class ConflictRule(models.TextChoices):
    """The timetable's hard rules, as the editor names their breaches."""

    PERSON = "person", _("Someone in two places")
    MANDATORY = "mandatory", _("A trainee's mandatory trainings overlap")
    ELSEWHERE = "elsewhere", _("Someone expected elsewhere")
    PRESENCE = "presence", _("Outside someone's stay")
    ROOM = "room", _("A room used twice at once")
    CHANGEOVER = "changeover", _("No time for the changeover")
    CAPACITY = "capacity", _("Room too small")
    EQUIPMENT = "equipment", _("Equipment missing")
    HOURS = "hours", _("Outside the room's opening hours")


class ChangeKind(models.TextChoices):
    """What happened to an activity between two releases of the timetable."""

    ADDED = "added", pgettext_lazy("timetable change", "added")
    MOVED = "moved", pgettext_lazy("timetable change", "moved")
    CANCELLED = "cancelled", pgettext_lazy("timetable change", "cancelled")
    CHANGED = "changed", pgettext_lazy("timetable change", "changed")


# The timetable's day, in the hub's time: the editor's grid and the automatic timetabling place
# activities from DAY_START to DAY_END (late concerts run past midnight), starting on a SLOT grid.
DAY_START = datetime.time(8)
DAY_END_HOURS = 26
LAST_START = datetime.time(23, 30)
SLOT_MINUTES = 30

# Soft preferences by kind of activity, as local hours (start included, end excluded).
PREFERRED_HOURS = {
    ActivityKind.CONCERT: (18, 26),
    ActivityKind.TRAINING: (8, 13),
}
