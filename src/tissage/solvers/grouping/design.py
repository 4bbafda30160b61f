"""A start from a combinatorial design, when the instance is close to the pure Social Golfer form.

When everyone attends every session and every session has the same number of groups of the same
size, the pure-form engine (``tissage.solvers.golfers``) may give a schedule in which no pair
meets twice. Any relabelling of its players keeps that property, so the people are assigned to
players by a short hill climb over relabellings — swapping two people's places in *every*
session — that minimises the hard-rule penalty first (hub mix and share, leaders, languages,
must-apart), then the soft goals (history, balance). The local search then takes over from the
result, which is only a start: the engine works without it.
"""

from __future__ import annotations

import random

from tissage.solvers.golfers import InfeasibleGolfers, max_rounds_upper_bound, solve_golfers

from .model import Model
from .state import Assignment, State

# The climb stops after this many relabellings per person without improvement, or this many in all.
PATIENCE = 10
MOST_TRIES = 3000


def close_to_pure(model: Model) -> tuple[int, int] | None:
    """(groups, size) if every session groups everyone into the same number of equal groups."""
    first = model.sessions[0]
    groups, size = first.groups, model.n // first.groups
    if model.n % groups or model.problem.locks:
        return None
    for sd in model.sessions:
        if (
            sd.groups != groups
            or len(sd.present) != model.n
            or not sd.min_size <= size <= sd.max_size
            or any(sd.closed)
            or len(sd.units) != model.n
        ):
            return None
    if len(model.sessions) > max_rounds_upper_bound(groups, size):
        return None
    return groups, size


def design_start(model: Model, *, rng: random.Random, seed: int, seconds: float) -> Assignment | None:
    """An assignment from a repeat-free design, relabelled to fit the rules; ``None`` if none."""
    shape = close_to_pure(model)
    if shape is None:
        return None
    groups, size = shape
    try:
        schedule = solve_golfers(groups, size, len(model.sessions), seed=seed, time_limit=seconds)
    except InfeasibleGolfers:
        return None
    if schedule is None:
        return None
    people = list(range(model.n))
    rng.shuffle(people)
    state = State(model)
    state.load([[[people[player] for player in group] for group in rounds] for rounds in schedule.rounds])
    _relabel(state, rng)
    return state.assignment()


def _relabel(state: State, rng: random.Random) -> None:
    """Hill climb: swap two people in every session while it lowers (hard, soft)."""
    n = state.model.n
    failures = 0
    for _ in range(MOST_TRIES):
        if failures >= PATIENCE * n:
            break
        broken = [
            p
            for s in range(state.S)
            if state.session_hard(s)
            for g, group in enumerate(state.members[s])
            if state.gpen[s][g]
            for p in group
        ]
        p = rng.choice(broken) if broken else rng.randrange(n)
        q = rng.randrange(n)
        before = state.total
        _swap_everywhere(state, p, q)
        if state.total < before:
            failures = 0
        else:
            _swap_everywhere(state, p, q)
            failures += 1


def _swap_everywhere(state: State, p: int, q: int) -> None:
    for s in range(state.S):
        g, h = state.grp[s][p], state.grp[s][q]
        if g != h:
            state.apply(s, (p,), g, (q,), h)
