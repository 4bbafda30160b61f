"""Large-neighbourhood search: CP-SAT on small pieces of a big timetable.

CP-SAT on a whole festival (hundreds of activities, each with dozens of starts and rooms) spends its
budget presolving. So a big timetable is improved piece by piece: choose a day or two, free a
connected handful of the activities on them (linked by people and groups, grown from one that costs
a lot where it is), keep everything else where it is, and let CP-SAT re-place the handful within
those days. A piece whose new places cost no more (judged by the checker on the whole timetable)
is kept.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from ortools.sat.python import cp_model

from .checker import costs, shared_pairs
from .cpsat import TimetableModel, new_solver
from .options import Options
from .problem import Activity, Placement, Problem, Window

# How many activities one piece frees, and how long CP-SAT may take over it.
PIECE_SIZE = 12
PIECE_SECONDS = 0.5


def lower_bound(problem: Problem, options: dict[str, Options]) -> int:
    """A cost no timetable can go below: each free activity at its cheapest start, plus what the
    fixed activities already cost between themselves (rest between them, rooms of their groups)."""
    bound = 0
    for activity in problem.activities:
        if not activity.fixed:
            opts = options[activity.id]
            indices = set().union(*opts.room_indices.values())
            bound += min((opts.cost[i] for i in indices), default=0)
    fixed = tuple(a for a in problem.activities if a.fixed)
    if fixed:
        pinned = replace(problem, activities=fixed)
        bound += costs(pinned, [a.current for a in fixed]).total(problem.weights)
    return bound


class _Search:
    def __init__(self, problem: Problem, options: dict[str, Options], rng: random.Random):
        self.problem = problem
        self.options = options
        self.rng = rng
        self.free = [a for a in problem.activities if not a.fixed]
        self.pairs = [(a.id, b.id, len(set(a.people) & set(b.people))) for a, b in shared_pairs(problem)]
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        for first, second, _shared in self.pairs:
            self.neighbours[first].add(second)
            self.neighbours[second].add(first)
        groups: dict[str, list[str]] = defaultdict(list)
        for activity in problem.activities:
            if activity.group:
                groups[activity.group].append(activity.id)
        for members in groups.values():
            for activity_id in members:
                self.neighbours[activity_id].update(m for m in members if m != activity_id)

    def day_of(self, start: int) -> int:
        return next((n for n, day in enumerate(self.problem.days) if day.start <= start < day.end), -1)

    def blame(self, placements: dict[str, Placement]) -> dict[str, int]:
        """What each free activity costs where it is (a shortfall of rest counts for both sides)."""
        weights, found = self.problem.weights, {}
        for activity in self.free:
            opts, start = self.options[activity.id], placements[activity.id].start
            found[activity.id] = opts.cost[opts.starts.index(start)] if start in opts.starts else 0
        by_id = self.problem.activity_by_id
        for first, second, shared in self.pairs:
            a, b = placements[first], placements[second]
            gap = max(
                b.start - (a.start + by_id[first].duration), a.start - (b.start + by_id[second].duration)
            )
            if gap < self.problem.rest:
                for activity_id in (first, second):
                    if activity_id in found:
                        found[activity_id] += weights.rest * shared
        return found

    def choose(
        self, placements: dict[str, Placement], blame: dict[str, int]
    ) -> tuple[list[Window], set[str]]:
        """A day or two, and a connected handful of the free activities on them."""
        costly = [a for a, cost in blame.items() if cost]
        if costly and self.rng.random() < 0.8:
            seed = self.rng.choices(costly, weights=[blame[a] for a in costly])[0]
        else:
            seed = self.rng.choice(self.free).id
        days = {self.day_of(placements[seed].start)} - {-1}
        if not days or self.rng.random() < 0.5:
            days.add(self.rng.randrange(len(self.problem.days)))
        on_days = {a.id for a in self.free if self.day_of(placements[a.id].start) in days}
        piece: set[str] = set()
        frontier = [seed] if seed in on_days else []
        while len(piece) < PIECE_SIZE and (frontier or on_days - piece):
            if not frontier:
                frontier.append(self.rng.choice(sorted(on_days - piece)))
            current = frontier.pop(self.rng.randrange(len(frontier)))
            if current not in piece:
                piece.add(current)
                frontier.extend(n for n in self.neighbours[current] if n in on_days and n not in piece)
        return [self.problem.days[n] for n in sorted(days)], piece

    def piece(self, placements: dict[str, Placement], windows: list[Window], free: set[str]) -> Problem:
        """The freed activities, limited to ``windows``, among everything that can touch them there."""
        problem = self.problem
        lo = min(w.start for w in windows) - problem.rest
        hi = max(w.end for w in windows) + problem.rest
        groups = {problem.activity_by_id[a].group for a in free} - {None}
        activities: list[Activity] = []
        people: set[str] = set()
        for activity in problem.activities:
            placement = placements[activity.id]
            if activity.id in free:
                current = activity.current
                if current is not None and not any(w.start <= current.start < w.end for w in windows):
                    current = None  # its old place is outside the piece: moving costs the same anywhere
                activities.append(replace(activity, current=current))
            elif activity.group in groups or (
                placement.start < hi and lo < placement.start + activity.duration
            ):
                activities.append(replace(activity, current=placement, fixed=True))
            else:
                continue
            people.update(activity.people)
        return replace(
            problem,
            slots=tuple(s for s in problem.slots if any(w.start <= s < w.end for w in windows)),
            days=tuple(windows),
            people=tuple(p for p in problem.people if p.id in people),
            activities=tuple(activities),
        )


def improve(
    problem: Problem,
    options: dict[str, Options],
    placements: dict[str, Placement],
    *,
    seed: int,
    deadline: float,
    on_improvement: Callable[[int], None],
    should_go_on: Callable[[], bool],
) -> dict[str, Placement]:
    """Better placements, found piece by piece until ``deadline`` (``time.monotonic()``)."""
    search = _Search(problem, options, random.Random(seed))
    best = dict(placements)
    best_cost = costs(problem, best.values()).total(problem.weights)
    blame = search.blame(best)
    attempt = 0
    while best_cost > 0 and should_go_on():
        remaining = deadline - time.monotonic()
        if remaining < 0.1:
            break
        attempt += 1
        windows, free = search.choose(best, blame)
        if not free:
            continue
        piece = search.piece(best, windows, free)
        model = TimetableModel(piece, {a: options[a].within(windows) for a in free}, piece=True)
        model.hint(best)
        solver = new_solver(seed=seed + attempt, seconds=min(PIECE_SECONDS, remaining))
        # A piece is small: one search worker from the hint, without presolve's costly probing.
        solver.parameters.num_workers = 1
        solver.parameters.interleave_search = False
        solver.parameters.cp_model_probing_level = 0
        if solver.solve(model.cp) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            continue
        trial = {**best, **{p.activity: p for p in model.placements(solver) if p.activity in free}}
        cost = costs(problem, trial.values()).total(problem.weights)
        if cost <= best_cost:
            if cost < best_cost:
                on_improvement(cost)
                blame = search.blame(trial)
            best, best_cost = trial, cost
    return best
