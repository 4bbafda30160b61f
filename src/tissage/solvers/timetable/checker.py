"""An independent judge of a timetable: which hard rules it breaks, and what its soft costs are.

It reads the problem directly (not the search's model), so a bug in the model cannot hide here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from .problem import Activity, Costs, Placement, Problem, Rule, meets


@dataclass(frozen=True)
class Violation:
    rule: Rule
    subject: str  # the person, room or activity the rule is about
    activities: tuple[str, ...]


def _clashes(intervals: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """Pairs of overlapping ``(start, end, activity)`` intervals."""
    intervals = sorted(intervals)
    found = []
    for n, (_start, end, first) in enumerate(intervals):
        for other_start, _other_end, second in intervals[n + 1 :]:
            if other_start >= end:
                break
            found.append((first, second))
    return found


def placement_violations(problem: Problem, activity: Activity, placement: Placement) -> list[Violation]:
    """The rules one placed activity breaks on its own: its pin, its room's fit and hours, its
    people's stays and commitments elsewhere."""
    found = []
    start, end = placement.start, placement.start + activity.duration
    if activity.fixed and placement != activity.current:
        found.append(Violation(Rule.PIN, activity.id, (activity.id,)))
    if placement.room is None:
        if not activity.fixed:
            found.append(Violation(Rule.FIT, activity.id, (activity.id,)))
    else:
        room = problem.room_by_id[placement.room]
        if not problem.fits(activity, room):
            found.append(Violation(Rule.FIT, activity.id, (activity.id,)))
        if not room.is_open(start, end):
            found.append(Violation(Rule.HOURS, room.id, (activity.id,)))
    for person_id in activity.people:
        person = problem.person_by_id[person_id]
        if not person.can_be_there(start, end):
            found.append(Violation(Rule.PRESENCE, person_id, (activity.id,)))
        if meets(person.busy, start, end):
            found.append(Violation(Rule.BUSY, person_id, (activity.id,)))
    return found


def check(problem: Problem, placements: Iterable[Placement]) -> list[Violation]:
    placed = {p.activity: p for p in placements}
    violations: list[Violation] = []
    by_room: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    by_person: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for activity in problem.activities:
        placement = placed.get(activity.id)
        if placement is None:
            violations.append(Violation(Rule.PLACE, activity.id, (activity.id,)))
            continue
        violations.extend(placement_violations(problem, activity, placement))
        start, end = placement.start, placement.start + activity.duration
        if placement.room is not None:
            changeover = problem.room_by_id[placement.room].changeover
            by_room[placement.room].append((start, end + changeover, activity.id))
        for person_id in activity.people:
            by_person[person_id].append((start, end, activity.id))
    for room_id, intervals in sorted(by_room.items()):
        violations.extend(Violation(Rule.ROOM, room_id, pair) for pair in _clashes(intervals))
    for person_id, intervals in sorted(by_person.items()):
        violations.extend(Violation(Rule.OVERLAP, person_id, pair) for pair in _clashes(intervals))
    return violations


def costs(problem: Problem, placements: Iterable[Placement]) -> Costs:
    """The soft shortfalls of a timetable (activities left out cost nothing here)."""
    placed = {p.activity: p for p in placements}
    preferred = travel = moves = rest = room_changes = 0
    group_rooms: dict[str, set[str]] = defaultdict(set)
    for activity in problem.activities:
        placement = placed.get(activity.id)
        if placement is None:
            continue
        start, end = placement.start, placement.start + activity.duration
        if activity.preferred and not any(w.start <= start < w.end for w in activity.preferred):
            preferred += 1
        travel += sum(1 for p in activity.people if meets(problem.person_by_id[p].travel, start, end))
        if activity.current is not None and not activity.fixed:
            moves += (start != activity.current.start) + (placement.room != activity.current.room)
        if activity.group and placement.room is not None:
            group_rooms[activity.group].add(placement.room)
    room_changes = sum(len(rooms) - 1 for rooms in group_rooms.values())
    for first, second in shared_pairs(problem):
        a, b = placed.get(first.id), placed.get(second.id)
        if a is None or b is None:
            continue
        gap = max(b.start - (a.start + first.duration), a.start - (b.start + second.duration))
        if gap < problem.rest:
            rest += len(set(first.people) & set(second.people))
    return Costs(preferred=preferred, room_changes=room_changes, rest=rest, travel=travel, moves=moves)


def shared_pairs(problem: Problem, *, skip_fixed_pairs: bool = False):
    """Pairs of activities with someone in common, each once, in a stable order (without the pairs
    of two fixed activities, on request)."""
    by_person: dict[str, list] = defaultdict(list)
    for activity in problem.activities:
        for person in activity.people:
            by_person[person].append(activity)
    seen = set()
    for activities in by_person.values():
        for first, second in combinations(activities, 2):
            if skip_fixed_pairs and first.fixed and second.fixed:
                continue
            if (first.id, second.id) not in seen:
                seen.add((first.id, second.id))
                yield first, second
