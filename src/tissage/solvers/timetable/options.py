"""Where each activity could go: its candidate starts, and which of them each hard rule allows.

The search (greedy, CP-SAT, the piece-by-piece improvement) and the checker share these rules, so
that they judge alike. What depends only on a length (which slots fit in the days, which starts a
room's hours or a person's stay allow) is computed once per length and shared by every activity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from .problem import Activity, Problem, inside, meets


@dataclass
class Options:
    """One activity's candidate starts (by index) and what each rule allows among them."""

    activity: Activity
    starts: list[int]
    # Indices of starts within the problem's days (the current start is always allowed).
    in_days: set[int]
    # The rooms that fit it, and for each, the indices its opening hours allow.
    rooms: list[str]
    hours: dict[str, set[int]]
    # Per member: indices within their stay, and indices clear of their commitments elsewhere.
    present: dict[str, set[int]]
    clear: dict[str, set[int]]
    # The soft cost of each start (preferred windows, travel days, moving from where it is).
    cost: list[int] = field(default_factory=list)

    def allowed(self) -> set[int]:
        """Indices every hard rule about time allows (in some fitting room)."""
        indices = set(self.in_days)
        for person_indices in (*self.present.values(), *self.clear.values()):
            indices &= person_indices
        return indices

    @cached_property
    def room_indices(self) -> dict[str, list[int]]:
        """For each fitting room, the indices allowed there, for the search: empty rooms dropped."""
        allowed = self.allowed()
        found = {room: sorted(allowed & self.hours[room]) for room in self.rooms}
        return {room: indices for room, indices in found.items() if indices}

    @cached_property
    def span(self) -> tuple[int, int]:
        """The earliest start and the latest end the search may give the activity."""
        starts = [self.starts[i] for indices in self.room_indices.values() for i in indices] or [0]
        return min(starts), max(starts) + self.activity.duration

    def within(self, windows) -> Options:
        """The same options limited to the starts that keep the activity within ``windows``."""
        duration = self.activity.duration
        keep = [i for i, s in enumerate(self.starts) if inside(windows, s, s + duration)]
        renumber = {old: new for new, old in enumerate(keep)}

        def kept(indices: set[int]) -> set[int]:
            return {renumber[i] for i in indices if i in renumber}

        return Options(
            activity=self.activity,
            starts=[self.starts[i] for i in keep],
            in_days=kept(self.in_days),
            rooms=self.rooms,
            hours={room: kept(indices) for room, indices in self.hours.items()},
            present={person: kept(indices) for person, indices in self.present.items()},
            clear={person: kept(indices) for person, indices in self.clear.items()},
            cost=[self.cost[i] for i in keep],
        )


class Candidates:
    """Builds :class:`Options`, sharing what depends only on a length between activities."""

    def __init__(self, problem: Problem):
        self.problem = problem

    @cache  # noqa: B019 — one instance per problem, dropped with it
    def fitting(self, duration: int) -> tuple[int, ...]:
        return tuple(s for s in self.problem.slots if inside(self.problem.days, s, s + duration))

    @cache  # noqa: B019
    def open_starts(self, room_id: str, duration: int) -> frozenset[int]:
        room = self.problem.room_by_id[room_id]
        return frozenset(s for s in self.fitting(duration) if room.is_open(s, s + duration))

    @cache  # noqa: B019
    def present_starts(self, person_id: str, duration: int) -> frozenset[int]:
        person = self.problem.person_by_id[person_id]
        return frozenset(s for s in self.fitting(duration) if person.can_be_there(s, s + duration))

    @cache  # noqa: B019
    def clear_starts(self, person_id: str, duration: int) -> frozenset[int]:
        person = self.problem.person_by_id[person_id]
        return frozenset(s for s in self.fitting(duration) if not meets(person.busy, s, s + duration))

    @cache  # noqa: B019
    def travel_starts(self, person_id: str, duration: int) -> frozenset[int]:
        person = self.problem.person_by_id[person_id]
        return frozenset(s for s in self.fitting(duration) if meets(person.travel, s, s + duration))

    def options(self, activity: Activity, *, all_rooms: bool = False) -> Options:
        """``all_rooms``: consider every room, not only those that fit (for explanations)."""
        problem, duration = self.problem, activity.duration
        starts = list(self.fitting(duration))
        current = activity.current
        extra = current is not None and current.start not in starts
        if extra:
            starts.append(current.start)
            starts.sort()
        in_days = set(range(len(starts)))
        if extra:
            in_days = {i for i, s in enumerate(starts) if inside(problem.days, s, s + duration)}
            in_days.add(starts.index(current.start))

        def indices(values: frozenset[int], test) -> set[int]:
            found = {i for i, s in enumerate(starts) if s in values}
            if extra and test(current.start):
                # The current start, off the slots, is judged on its own.
                found.add(starts.index(current.start))
            return found

        rooms = [r for r in problem.rooms if all_rooms or problem.fits(activity, r)]
        hours = {
            r.id: indices(self.open_starts(r.id, duration), lambda s, r=r: r.is_open(s, s + duration))
            for r in rooms
        }
        present, clear = {}, {}
        for person_id in activity.people:
            person = problem.person_by_id[person_id]
            present[person_id] = indices(
                self.present_starts(person_id, duration), lambda s, p=person: p.can_be_there(s, s + duration)
            )
            clear[person_id] = indices(
                self.clear_starts(person_id, duration), lambda s, p=person: not meets(p.busy, s, s + duration)
            )
        options = Options(
            activity=activity,
            starts=starts,
            in_days=in_days,
            rooms=[r.id for r in rooms],
            hours=hours,
            present=present,
            clear=clear,
        )
        options.cost = [self.start_cost(activity, s) for s in starts]
        return options

    def start_cost(self, activity: Activity, start: int) -> int:
        """The soft cost of starting ``activity`` at ``start``, whatever its room."""
        weights, duration = self.problem.weights, activity.duration
        cost = 0
        if activity.preferred and not any(w.start <= start < w.end for w in activity.preferred):
            cost += weights.preferred
        if start in self.fitting(duration):
            travellers = sum(1 for p in activity.people if start in self.travel_starts(p, duration))
        else:
            travellers = sum(
                1
                for p in activity.people
                if meets(self.problem.person_by_id[p].travel, start, start + duration)
            )
        cost += weights.travel * travellers
        if activity.current is not None and not activity.fixed and start != activity.current.start:
            cost += weights.moves
        return cost


def all_options(problem: Problem, *, all_rooms: bool = False, free_only: bool = False) -> dict[str, Options]:
    candidates = Candidates(problem)
    return {
        a.id: candidates.options(a, all_rooms=all_rooms)
        for a in problem.activities
        if not (free_only and a.fixed)
    }
