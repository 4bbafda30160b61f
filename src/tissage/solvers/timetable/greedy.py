"""A fast first timetable: the hardest activities first, each at its cheapest free place (counting
its wishes, the rest its people get, and its group's rooms); an activity that finds no free place
takes one where one or two others stand, if those can then go elsewhere (an ejection chain).

It obeys every hard rule but may still leave activities out; CP-SAT starts from it (as a hint)
and finishes the work.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from .options import Options
from .problem import Activity, Placement, Problem

# An activity left without a place may push aside at most this many others.
MAX_EJECTED = 2
# Ejection attempts per activity left out, so that a hopeless one does not take forever.
MAX_ATTEMPTS = 400


class _Agenda:
    """Disjoint busy intervals, sorted, each with its owner (an activity id, or None)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.owners: list[str | None] = []

    def owners_within(self, start: int, end: int) -> list[str | None]:
        found = []
        n = bisect.bisect_left(self.starts, end) - 1
        while n >= 0 and self.ends[n] > start:
            found.append(self.owners[n])
            n -= 1
        return found

    def is_free(self, start: int, end: int) -> bool:
        n = bisect.bisect_left(self.starts, end)
        return n == 0 or self.ends[n - 1] <= start

    def book(self, start: int, end: int, owner: str | None) -> None:
        n = bisect.bisect_left(self.starts, start)
        self.starts.insert(n, start)
        self.ends.insert(n, end)
        self.owners.insert(n, owner)

    def free(self, owner: str) -> None:
        n = self.owners.index(owner)
        del self.starts[n], self.ends[n], self.owners[n]


class _Greedy:
    def __init__(self, problem: Problem, options: dict[str, Options]):
        self.problem = problem
        self.options = options
        self.rooms: dict[str, _Agenda] = defaultdict(_Agenda)
        self.people: dict[str, _Agenda] = defaultdict(_Agenda)
        self.group_rooms: dict[str, Counter] = defaultdict(Counter)
        self.placed: dict[str, Placement] = {}
        self.choices = {a.id: options[a.id].room_indices for a in problem.activities if not a.fixed}

    def book(self, activity: Activity, start: int, room: str | None) -> None:
        end = start + activity.duration
        if room is not None:
            self.rooms[room].book(start, end + self.problem.room_by_id[room].changeover, activity.id)
            if activity.group:
                self.group_rooms[activity.group][room] += 1
        for person in activity.people:
            self.people[person].book(start, end, activity.id)
        self.placed[activity.id] = Placement(activity.id, start, room)

    def unbook(self, activity: Activity) -> Placement:
        placement = self.placed.pop(activity.id)
        if placement.room is not None:
            self.rooms[placement.room].free(activity.id)
            if activity.group:
                self.group_rooms[activity.group][placement.room] -= 1
                if not self.group_rooms[activity.group][placement.room]:
                    del self.group_rooms[activity.group][placement.room]
        for person in activity.people:
            self.people[person].free(activity.id)
        return placement

    def candidates(self, activity: Activity) -> list[tuple[int, int, str]]:
        """``(cost, start, room)`` for every place the hard rules about time and rooms allow."""
        problem, opts, current = self.problem, self.options[activity.id], activity.current
        choices = self.choices[activity.id]
        rest_cost = {}
        for i in set().union(*choices.values()):
            lo = opts.starts[i] - problem.rest
            hi = opts.starts[i] + activity.duration + problem.rest
            crowded = sum(1 for p in activity.people if not self.people[p].is_free(lo, hi))
            rest_cost[i] = problem.weights.rest * crowded
        found = []
        group = self.group_rooms[activity.group] if activity.group else None
        for room, indices in choices.items():
            room_cost = problem.weights.room_changes if group and room not in group else 0
            if current is not None and room != current.room:
                room_cost += problem.weights.moves
            found.extend((opts.cost[i] + rest_cost[i] + room_cost, opts.starts[i], room) for i in indices)
        found.sort()
        return found

    def blockers(self, activity: Activity, start: int, room: str) -> set[str | None]:
        end = start + activity.duration
        found = set(self.rooms[room].owners_within(start, end + self.problem.room_by_id[room].changeover))
        for person in activity.people:
            found.update(self.people[person].owners_within(start, end))
        return found

    def place(self, activity: Activity) -> bool:
        for _cost, start, room in self.candidates(activity):
            if not self.blockers(activity, start, room):
                self.book(activity, start, room)
                return True
        return False

    def eject(self, activity: Activity) -> bool:
        """Place ``activity`` where one or two movable others stand, and find them new places."""
        by_id = self.problem.activity_by_id
        attempts = 0
        for _cost, start, room in self.candidates(activity):
            blockers = self.blockers(activity, start, room)
            if None in blockers or len(blockers) > MAX_EJECTED:
                continue
            ejected = [by_id[b] for b in sorted(blockers)]
            if any(a.fixed for a in ejected):
                continue
            attempts += 1
            if attempts > MAX_ATTEMPTS:
                return False
            before = {a.id: self.unbook(a) for a in ejected}
            self.book(activity, start, room)
            moved = []
            for other in ejected:
                if not self.place(other):
                    break
                moved.append(other)
            else:
                return True
            for other in moved:
                self.unbook(other)
            self.unbook(activity)
            for other in ejected:
                self.book(other, before[other.id].start, before[other.id].room)
        return False


def construct(problem: Problem, options: dict[str, Options]) -> dict[str, Placement]:
    """Placements for the fixed activities and as many others as fit, by activity id."""
    greedy = _Greedy(problem, options)
    for person in problem.people:
        for window in _merged(person.busy):
            greedy.people[person.id].book(window[0], window[1], None)
    for activity in problem.activities:
        if activity.fixed:
            greedy.book(activity, activity.current.start, activity.current.room)
    free = [a for a in problem.activities if not a.fixed]
    free.sort(key=lambda a: (sum(map(len, greedy.choices[a.id].values())), -len(a.people), -a.duration, a.id))
    left = [activity for activity in free if not greedy.place(activity)]
    for activity in left:
        greedy.eject(activity)
    return greedy.placed


def _merged(windows) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for window in sorted(windows, key=lambda w: w.start):
        if merged and window.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], window.end)
        else:
            merged.append([window.start, window.end])
    return [(start, end) for start, end in merged]
