"""Conflict detection over a whole edition, in one pass over its facts (no query per pair).

Each :class:`Conflict` names its rule, the activities and the people (or the room) involved, and
says what is wrong in the reader's language. Two activities with several people in common make one
conflict naming them all.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tissage.activities.models import Activity
from tissage.network.models import Edition, Room

from ..enums import ConflictRule
from .facts import EditionFacts, PersonRef, edition_facts, within_hours


@dataclass
class Conflict:
    rule: ConflictRule
    activities: tuple[Activity, ...]
    people: list[PersonRef] = field(default_factory=list)
    room: Room | None = None
    # What the message needs besides names: missing items, places, minutes, a title elsewhere …
    details: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.rule.label

    @property
    def message(self) -> str:
        """One sentence in the current language, naming who and what."""
        people = ", ".join(p.name for p in self.people)
        titles = [str(a.title) for a in self.activities]
        rule, details = self.rule, self.details
        if rule == ConflictRule.PERSON:
            return _("%(people)s cannot be at “%(first)s” and “%(second)s” at once.") % {
                "people": people,
                "first": titles[0],
                "second": titles[1],
            }
        if rule == ConflictRule.MANDATORY:
            return _("Trainees %(people)s must attend both “%(first)s” and “%(second)s”, which overlap.") % {
                "people": people,
                "first": titles[0],
                "second": titles[1],
            }
        if rule == ConflictRule.ELSEWHERE:
            return _("%(people)s is expected at “%(other)s” elsewhere during “%(activity)s”.") % {
                "people": people,
                "other": details["elsewhere"],
                "activity": titles[0],
            }
        if rule == ConflictRule.PRESENCE:
            return _("%(people)s is not there yet or has already left during “%(activity)s”.") % {
                "people": people,
                "activity": titles[0],
            }
        if rule == ConflictRule.ROOM:
            return _("%(room)s holds “%(first)s” and “%(second)s” at once.") % {
                "room": self.room,
                "first": titles[0],
                "second": titles[1],
            }
        if rule == ConflictRule.CHANGEOVER:
            return ngettext(
                "%(room)s needs %(minutes)s minute between “%(first)s” and “%(second)s”.",
                "%(room)s needs %(minutes)s minutes between “%(first)s” and “%(second)s”.",
                details["minutes"],
            ) % {"room": self.room, "minutes": details["minutes"], "first": titles[0], "second": titles[1]}
        if rule == ConflictRule.CAPACITY:
            return _("%(room)s holds %(capacity)s people; “%(activity)s” needs %(needed)s.") % {
                "room": self.room,
                "capacity": details["capacity"],
                "activity": titles[0],
                "needed": details["needed"],
            }
        if rule == ConflictRule.EQUIPMENT:
            return _("%(room)s has no %(items)s for “%(activity)s”.") % {
                "room": self.room,
                "items": ", ".join(details["missing"]),
                "activity": titles[0],
            }
        return _("“%(activity)s” is outside the opening hours of %(room)s (%(opens)s–%(closes)s).") % {
            "activity": titles[0],
            "room": self.room,
            "opens": time_format(details["opens"], "H:i"),
            "closes": time_format(details["closes"], "H:i"),
        }


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def detect_conflicts(facts: EditionFacts) -> list[Conflict]:
    """Every breach of the hard rules in ``facts``' timetable, rule by rule, in time order."""
    scheduled = [a for a in facts.activities if a.starts_at is not None]
    found: list[Conflict] = []
    found.extend(_people_conflicts(facts, scheduled))
    found.extend(_room_conflicts(facts, scheduled))
    order = list(ConflictRule)
    found.sort(key=lambda c: (order.index(c.rule), c.activities[0].starts_at, [a.pk for a in c.activities]))
    return found


def _people_conflicts(facts: EditionFacts, scheduled: list[Activity]) -> list[Conflict]:
    pairs: dict[tuple[int, int, ConflictRule], Conflict] = {}
    absent: dict[int, Conflict] = {}
    elsewhere: dict[tuple[int, str], Conflict] = {}
    agenda: dict[int, list[tuple[datetime.datetime, datetime.datetime, Activity, bool]]] = defaultdict(list)
    for activity in scheduled:
        span = (activity.starts_at, activity.ends_at)
        members = {person for person, _role in facts.members.get(activity.pk, ())}
        for person in sorted(facts.attendees(activity)):
            ref = facts.people[person]
            agenda[person].append((*span, activity, person not in members))
            if not facts.is_present(person, *span):
                absent.setdefault(activity.pk, Conflict(ConflictRule.PRESENCE, (activity,))).people.append(
                    ref
                )
            for other_span, title in facts.elsewhere.get(person, ()):
                if _overlap(span, other_span):
                    key = (activity.pk, title)
                    conflict = elsewhere.setdefault(
                        key, Conflict(ConflictRule.ELSEWHERE, (activity,), details={"elsewhere": title})
                    )
                    conflict.people.append(ref)
    for person, items in agenda.items():
        items.sort(key=lambda item: (item[0], item[2].pk))
        for n, (_start, end, first, first_implied) in enumerate(items):
            for other_start, _other_end, second, second_implied in items[n + 1 :]:
                if other_start >= end:
                    break
                rule = ConflictRule.MANDATORY if first_implied or second_implied else ConflictRule.PERSON
                key = (first.pk, second.pk, rule)
                pairs.setdefault(key, Conflict(rule, (first, second))).people.append(facts.people[person])
    return [*pairs.values(), *absent.values(), *elsewhere.values()]


def _room_conflicts(facts: EditionFacts, scheduled: list[Activity]) -> list[Conflict]:
    found = []
    by_room: dict[int, list[Activity]] = defaultdict(list)
    for activity in scheduled:
        room = activity.room
        if room is None:
            continue
        by_room[room.pk].append(activity)
        needed = facts.needed_places(activity)
        if room.capacity is not None and needed > room.capacity:
            details = {"capacity": room.capacity, "needed": needed}
            found.append(Conflict(ConflictRule.CAPACITY, (activity,), room=room, details=details))
        if missing := facts.missing_equipment(activity, room):
            found.append(
                Conflict(ConflictRule.EQUIPMENT, (activity,), room=room, details={"missing": missing})
            )
        if not within_hours(room, activity.starts_at, activity.ends_at, facts.tz):
            details = {"opens": room.opens_at, "closes": room.closes_at}
            found.append(Conflict(ConflictRule.HOURS, (activity,), room=room, details=details))
    for activities in by_room.values():
        room = activities[0].room
        changeover = datetime.timedelta(minutes=room.changeover_minutes)
        activities.sort(key=lambda a: (a.starts_at, a.pk))
        for n, first in enumerate(activities):
            for second in activities[n + 1 :]:
                if second.starts_at >= first.ends_at + changeover:
                    break
                if second.starts_at < first.ends_at:
                    found.append(Conflict(ConflictRule.ROOM, (first, second), room=room))
                else:
                    details = {"minutes": room.changeover_minutes}
                    found.append(
                        Conflict(ConflictRule.CHANGEOVER, (first, second), room=room, details=details)
                    )
    return found


def edition_conflicts(edition: Edition) -> list[Conflict]:
    return detect_conflicts(edition_facts(edition))


def conflicts_by_activity(conflicts: list[Conflict]) -> dict[int, list[Conflict]]:
    found: dict[int, list[Conflict]] = defaultdict(list)
    for conflict in conflicts:
        for activity in conflict.activities:
            found[activity.pk].append(conflict)
    return dict(found)
