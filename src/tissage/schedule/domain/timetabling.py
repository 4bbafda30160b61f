"""The bridge to the automatic timetabler: an edition's facts become a solver problem, and the
solver's timetable is written back in one transaction.

Time in the problem is counted in minutes from midnight of the edition's first day on the hub's
clock; each day's slots run on that clock (so a day of a clock change still has its 10:00).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from tissage.activities.models import Activity
from tissage.core.domain.audit import audit_record
from tissage.network.models import Edition
from tissage.solvers import timetable as solver

from ..enums import DAY_END_HOURS, DAY_START, LAST_START, PREFERRED_HOURS, SLOT_MINUTES
from .facts import EditionFacts, edition_days, edition_facts, equipment_of, local_moment, room_hours


@dataclass
class TimetableRun:
    """A problem built from an edition, and what is needed to read its solution back."""

    edition: Edition
    facts: EditionFacts
    origin: datetime.datetime
    problem: solver.Problem
    # When each activity was last changed as the problem was built: a timetable is only written
    # back over activities nobody has touched since.
    stamps: dict[int, datetime.datetime]

    def minutes(self, moment: datetime.datetime) -> int:
        return int((moment - self.origin).total_seconds() // 60)

    def moment(self, minutes: int) -> datetime.datetime:
        return (self.origin + datetime.timedelta(minutes=minutes)).astimezone(datetime.UTC)


def _windows(run_minutes, intervals) -> tuple[solver.Window, ...]:
    return tuple(solver.Window(run_minutes(start), run_minutes(end)) for start, end in intervals)


def timetable_problem(edition: Edition, *, replace_unpinned: bool = False) -> TimetableRun:
    """The problem of placing ``edition``'s activities without a time; with ``replace_unpinned``,
    the placed ones that are not pinned may move too (at a small price per move)."""
    facts = edition_facts(edition)
    tz = facts.tz
    days = edition_days(edition)
    origin = local_moment(days[0], 0, tz)

    def minutes(moment: datetime.datetime) -> int:
        return int((moment - origin).total_seconds() // 60)

    day_windows = _windows(
        minutes, [(local_moment(d, DAY_START.hour, tz), local_moment(d, DAY_END_HOURS, tz)) for d in days]
    )
    first_hour = DAY_START.hour + DAY_START.minute / 60
    last_hour = LAST_START.hour + LAST_START.minute / 60
    steps = int((last_hour - first_hour) * 60 // SLOT_MINUTES) + 1
    slots = sorted(
        {minutes(local_moment(d, first_hour + n * SLOT_MINUTES / 60, tz)) for d in days for n in range(steps)}
    )
    rooms = []
    for room in facts.rooms:
        hours = None
        if room.opens_at is not None:
            hours = _windows(minutes, [room_hours(room, d, tz) for d in days])
        rooms.append(
            solver.Room(
                str(room.pk),
                capacity=room.capacity,
                equipment=equipment_of(room.equipment),
                changeover=room.changeover_minutes,
                hours=hours,
            )
        )
    people = []
    for pk in sorted(facts.people):
        stays = facts.stays.get(pk)
        travel = []
        for start, end in stays or ():
            arrival, departure = (
                start.astimezone(tz).date(),
                (end - datetime.timedelta(hours=1)).astimezone(tz).date(),
            )
            travel.append((start, local_moment(arrival, 24, tz)))
            travel.append((local_moment(departure, 0, tz), end))
        people.append(
            solver.Person(
                str(pk),
                present=None if stays is None else _windows(minutes, stays),
                busy=_windows(minutes, [span for span, _title in facts.elsewhere.get(pk, ())]),
                travel=_windows(minutes, travel),
            )
        )
    groups = _groups(facts)
    activities = []
    for activity in facts.activities:
        preferred = ()
        if hours := PREFERRED_HOURS.get(activity.kind):
            preferred = _windows(
                minutes, [(local_moment(d, hours[0], tz), local_moment(d, hours[1], tz)) for d in days]
            )
        current = None
        if activity.starts_at is not None:
            room = str(activity.room_id) if activity.room_id else None
            current = solver.Placement(str(activity.pk), minutes(activity.starts_at), room)
        length = activity.ends_at - activity.starts_at if current else None
        activities.append(
            solver.Activity(
                str(activity.pk),
                int(length.total_seconds() // 60) if length else activity.duration_minutes,
                people=tuple(str(p) for p in sorted(facts.attendees(activity))),
                attendance=facts.needed_places(activity),
                equipment=equipment_of(activity.required_equipment),
                preferred=preferred,
                current=current,
                fixed=current is not None and (activity.is_pinned or not replace_unpinned),
                group=groups.get(activity.pk),
            )
        )
    problem = solver.Problem(
        slots=tuple(slots),
        days=day_windows,
        rooms=tuple(rooms),
        people=tuple(people),
        activities=tuple(activities),
    )
    stamps = {a.pk: a.updated_at for a in facts.activities}
    return TimetableRun(edition=edition, facts=facts, origin=origin, problem=problem, stamps=stamps)


def _groups(facts: EditionFacts) -> dict[int, str]:
    """Activities with the very same people (a workshop day after day) form a group."""
    by_people: dict[frozenset, list[int]] = defaultdict(list)
    for activity in facts.activities:
        if people := frozenset(facts.attendees(activity)):
            by_people[people].append(activity.pk)
    return {pk: f"g{members[0]}" for members in by_people.values() if len(members) > 1 for pk in members}


def timetable_apply(*, actor, run: TimetableRun, solution: solver.Solution) -> list[Activity]:
    """Write the solver's timetable in one transaction; returns the activities it moved.

    Refused (``ValidationError``) when an activity changed since the problem was built: the staff's
    own moves are never overwritten by a search that started before them.
    """
    if not solution.is_timetable:
        raise ValidationError(_("There is no timetable to apply."))
    activities = {a.pk: a for a in run.facts.activities}
    rooms = {room.pk: room for room in run.facts.rooms}
    with transaction.atomic():
        current = dict(
            Activity.objects.select_for_update().filter(pk__in=activities).values_list("pk", "updated_at")
        )
        if current != run.stamps:
            raise ValidationError(
                _("The timetable changed while the automatic timetabling was running; run it again.")
            )
        moved, changes, now = [], {}, timezone.now()
        for placement in solution.placements:
            activity = activities[int(placement.activity)]
            starts_at = run.moment(placement.start)
            room = rooms[int(placement.room)] if placement.room else None
            if (activity.starts_at, activity.room_id) == (starts_at, room.pk if room else None):
                continue
            length = activity.ends_at - activity.starts_at if activity.starts_at else None
            length = length or datetime.timedelta(minutes=activity.duration_minutes)
            before = _where(activity, run)
            activity.starts_at, activity.ends_at, activity.room = starts_at, starts_at + length, room
            activity.updated_at = now
            changes[f"{activity} ({activity.pk})"] = [before, _where(activity, run)]
            moved.append(activity)
        Activity.objects.bulk_update(moved, ["starts_at", "ends_at", "room", "updated_at"])
        if moved:
            audit_record(
                actor=actor, action="timetable.applied", obj=run.edition, changes=changes, related=moved
            )
    return moved


def _where(activity: Activity, run: TimetableRun) -> str | None:
    if activity.starts_at is None:
        return None
    local = activity.starts_at.astimezone(run.facts.tz)
    room = activity.room.name if activity.room else "—"
    return f"{local:%Y-%m-%d %H:%M} · {room}"


def describe_requirement(facts: EditionFacts, rule: str, subject: str) -> str:
    """A requirement of an impossible timetable, in the reader's language."""
    tz = facts.tz
    rule = solver.Rule(rule)
    if rule in (solver.Rule.PLACE, solver.Rule.PIN, solver.Rule.FIT):
        activity = next((a for a in facts.activities if a.pk == int(subject)), None)
        title = str(activity.title) if activity else subject
        if rule == solver.Rule.PLACE:
            return _("“%(activity)s” is in the timetable.") % {"activity": title}
        if rule == solver.Rule.PIN:
            where = activity.starts_at.astimezone(tz) if activity and activity.starts_at else None
            return _("“%(activity)s” stays where it is (%(when)s).") % {
                "activity": title,
                "when": f"{date_format(where, 'D j')} {time_format(where, 'H:i')}" if where else "—",
            }
        needs = [_("%(count)s places") % {"count": facts.needed_places(activity)}] if activity else []
        if activity and activity.equipment_items:
            needs.append(", ".join(activity.equipment_items))
        return _("“%(activity)s” gets a room that fits it (%(needs)s).") % {
            "activity": title,
            "needs": "; ".join(needs),
        }
    if rule in (solver.Rule.PRESENCE, solver.Rule.BUSY, solver.Rule.OVERLAP):
        person = facts.people.get(int(subject))
        name = person.name if person else subject
        if rule == solver.Rule.PRESENCE:
            stays = facts.stays.get(int(subject), [])
            if not stays:
                return _("%(person)s takes part only while there, and is not coming.") % {"person": name}
            first = min(start for start, _end in stays).astimezone(tz)
            last = (max(end for _start, end in stays) - datetime.timedelta(hours=1)).astimezone(tz)
            return _("%(person)s takes part only while there, from %(arrives)s to %(departs)s.") % {
                "person": name,
                "arrives": date_format(first, "DATE_FORMAT"),
                "departs": date_format(last, "DATE_FORMAT"),
            }
        if rule == solver.Rule.BUSY:
            return _("%(person)s keeps their commitments elsewhere.") % {"person": name}
        return _("%(person)s is never in two places at once.") % {"person": name}
    room = next((r for r in facts.rooms if r.pk == int(subject)), None)
    if rule == solver.Rule.HOURS and room is not None:
        return _("%(room)s is used only from %(opens)s to %(closes)s.") % {
            "room": room,
            "opens": time_format(room.opens_at, "H:i"),
            "closes": time_format(room.closes_at, "H:i"),
        }
    return _("%(room)s holds one activity at a time, with its changeover.") % {"room": room or subject}
