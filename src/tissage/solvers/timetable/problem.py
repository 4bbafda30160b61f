"""What the timetabler is asked, and what it answers: frozen dataclasses, checked for structure.

Time is counted in whole minutes from an origin the caller chooses (the bridge takes midnight of the
edition's first day, in its hub's zone); a :class:`Window` is a half-open interval of such minutes.

The hard rules a timetable obeys:

* every activity is placed: at one of the problem's ``slots`` (or where it already is), in a room
  that fits it (capacity, equipment, the rooms it may use), within one of the problem's ``days``;
* an activity ``fixed`` where it is (pinned, or kept while only the others are placed) stays there;
* nobody is in two places at once, nor busy elsewhere (``Person.busy``), nor there outside their
  presence (``Person.present``: their stay, from their arrival day to their departure day);
* a room holds one activity at a time, with its ``changeover`` minutes after each use, and only
  during its opening hours (``Room.hours``, which end at its curfew).

The soft ones, each weighted by :class:`Weights`: an activity starts within its ``preferred``
windows (concerts in the evening, trainings in the morning); a group's activities stay in as few
rooms as possible; a person's commitments keep ``rest`` minutes between them; nobody works on their
travel days; an activity already placed moves as little as possible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class ProblemError(ValueError):
    """A structurally invalid input; ``field`` names the offending part, e.g. ``activities[3].people``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Window:
    """Minutes ``start`` (included) to ``end`` (excluded)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ProblemError("window", f"ends ({self.end}) before it starts ({self.start})")

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end

    def meets(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def inside(windows: Iterable[Window], start: int, end: int) -> bool:
    return any(w.contains(start, end) for w in windows)


def meets(windows: Iterable[Window], start: int, end: int) -> bool:
    return any(w.meets(start, end) for w in windows)


@dataclass(frozen=True)
class Room:
    id: str
    capacity: int | None = None
    equipment: frozenset[str] = frozenset()
    changeover: int = 0
    # Opening hours, ending at the curfew; ``None``: open whenever the days allow.
    hours: tuple[Window, ...] | None = None

    def __post_init__(self) -> None:
        if self.changeover < 0:
            raise ProblemError("changeover", "is negative")
        if self.capacity is not None and self.capacity < 0:
            raise ProblemError("capacity", "is negative")

    def is_open(self, start: int, end: int) -> bool:
        return self.hours is None or inside(self.hours, start, end)


@dataclass(frozen=True)
class Person:
    id: str
    # When they are there; ``None``: not known, so not limited; ``()``: not there at all.
    present: tuple[Window, ...] | None = None
    busy: tuple[Window, ...] = ()
    travel: tuple[Window, ...] = ()

    def can_be_there(self, start: int, end: int) -> bool:
        return self.present is None or inside(self.present, start, end)


@dataclass(frozen=True)
class Placement:
    activity: str
    start: int
    room: str | None


@dataclass(frozen=True)
class Activity:
    id: str
    duration: int
    people: tuple[str, ...] = ()
    attendance: int = 0
    equipment: frozenset[str] = frozenset()
    # The rooms it may use; ``None``: any room that fits.
    rooms: tuple[str, ...] | None = None
    preferred: tuple[Window, ...] = ()
    current: Placement | None = None
    fixed: bool = False
    # Activities of one group (the same people, day after day) prefer to stay in one room.
    group: str | None = None

    def __post_init__(self) -> None:
        if self.duration <= 0:
            raise ProblemError("duration", "must be positive")
        if len(set(self.people)) != len(self.people):
            raise ProblemError("people", "lists someone twice")
        if self.fixed and self.current is None:
            raise ProblemError("fixed", "a fixed activity needs its current placement")
        if self.current is not None and self.current.activity != self.id:
            raise ProblemError("current", "is the placement of another activity")


@dataclass(frozen=True)
class Weights:
    """The price of each unmet wish, in objective points."""

    preferred: int = 10
    room_changes: int = 6
    rest: int = 3
    travel: int = 4
    moves: int = 2


@dataclass(frozen=True)
class Problem:
    slots: tuple[int, ...]
    days: tuple[Window, ...]
    rooms: tuple[Room, ...]
    activities: tuple[Activity, ...]
    people: tuple[Person, ...] = ()
    rest: int = 60
    weights: Weights = field(default_factory=Weights)

    def __post_init__(self) -> None:
        if list(self.slots) != sorted(set(self.slots)):
            raise ProblemError("slots", "must be increasing")
        for name, items in (("rooms", self.rooms), ("people", self.people), ("activities", self.activities)):
            seen = set()
            for n, item in enumerate(items):
                if item.id in seen:
                    raise ProblemError(f"{name}[{n}].id", f"{item.id!r} is used twice")
                seen.add(item.id)
        rooms, people = set(self.room_by_id), set(self.person_by_id)
        for n, activity in enumerate(self.activities):
            if unknown := [p for p in activity.people if p not in people]:
                raise ProblemError(f"activities[{n}].people", f"unknown people {unknown}")
            if activity.rooms is not None and (unknown := [r for r in activity.rooms if r not in rooms]):
                raise ProblemError(f"activities[{n}].rooms", f"unknown rooms {unknown}")
            current = activity.current
            if current is not None and current.room is not None and current.room not in rooms:
                raise ProblemError(f"activities[{n}].current.room", f"unknown room {current.room!r}")

    @cached_property
    def room_by_id(self) -> dict[str, Room]:
        return {room.id: room for room in self.rooms}

    @cached_property
    def person_by_id(self) -> dict[str, Person]:
        return {person.id: person for person in self.people}

    @cached_property
    def activity_by_id(self) -> dict[str, Activity]:
        return {activity.id: activity for activity in self.activities}

    def fits(self, activity: Activity, room: Room) -> bool:
        """Whether ``room`` may take ``activity``: allowed, big enough, equipped."""
        if activity.rooms is not None and room.id not in activity.rooms:
            return False
        if room.capacity is not None and activity.attendance > room.capacity:
            return False
        return activity.equipment <= room.equipment


class Rule(StrEnum):
    """The hard rules, each a requirement the explanation of an impossible timetable may name."""

    PLACE = "place"  # the activity is in the timetable
    PIN = "pin"  # the fixed activity stays where it is
    FIT = "fit"  # the activity's room fits it
    PRESENCE = "presence"  # the person is only in activities during their stay
    BUSY = "busy"  # the person's commitments elsewhere are kept
    OVERLAP = "overlap"  # the person is never in two activities at once
    ROOM = "room"  # the room holds one activity at a time, with its changeover
    HOURS = "hours"  # the room is used during its opening hours only


@dataclass(frozen=True)
class Requirement:
    rule: Rule
    subject: str  # an activity's, a person's or a room's id


class Status(StrEnum):
    OPTIMAL = "optimal"  # the best timetable there is
    FEASIBLE = "feasible"  # a timetable obeying every hard rule, perhaps not the best
    INFEASIBLE = "infeasible"  # none exists: ``conflict`` names why
    UNKNOWN = "unknown"  # none found in the time given
    STOPPED = "stopped"  # asked to stop before any was found


@dataclass(frozen=True)
class Costs:
    """The soft rules' shortfalls, counted as the objective counts them."""

    preferred: int = 0
    room_changes: int = 0
    rest: int = 0
    travel: int = 0
    moves: int = 0

    def total(self, weights: Weights) -> int:
        return sum(getattr(self, name) * getattr(weights, name) for name in self.__dataclass_fields__)


@dataclass(frozen=True)
class Solution:
    status: Status
    placements: tuple[Placement, ...] = ()
    objective: int | None = None
    bound: int | None = None
    costs: Costs | None = None
    # For an impossible timetable: a smallest set of requirements that cannot all hold.
    conflict: tuple[Requirement, ...] = ()
    seconds: float = 0.0
    first_solution_seconds: float | None = None

    @property
    def is_timetable(self) -> bool:
        return self.status in (Status.OPTIMAL, Status.FEASIBLE)
