"""Placing activities by hand in the timetable editor: each move is an audited activity update."""

import datetime

from tissage.activities.domain.activities import activity_update
from tissage.activities.models import Activity
from tissage.network.models import Room

from .facts import activity_length


def activity_place(*, actor, activity: Activity, starts_at: datetime.datetime, room: Room | None) -> dict:
    """Put ``activity`` at ``starts_at`` in ``room``, for as long as it lasts (its room must be at
    its hub). Returns the changes, as every audited update does."""
    length = activity_length(activity)
    data = {
        "starts_at": starts_at,
        "ends_at": starts_at + length,
        "room": room,
        "duration_minutes": int(length.total_seconds() // 60),
    }
    return activity_update(actor=actor, activity=activity, data=data)


def activity_unschedule(*, actor, activity: Activity) -> dict:
    """Take ``activity`` out of the timetable, keeping its length for when it is placed again."""
    minutes = int(activity_length(activity).total_seconds() // 60)
    data = {"starts_at": None, "ends_at": None, "duration_minutes": minutes}
    return activity_update(actor=actor, activity=activity, data=data)


def activity_pin(*, actor, activity: Activity, pinned: bool) -> dict:
    """Pin ``activity`` where it is (the automatic timetabling leaves it there), or unpin it."""
    return activity_update(actor=actor, activity=activity, data={"is_pinned": pinned})
