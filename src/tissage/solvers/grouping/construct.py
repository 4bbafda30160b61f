"""Greedy start: place the unplaced units of each session, hardest first, where they cost least.

Sessions are filled in order, so a later session already sees who met in the earlier ones (through
the state's pair pressure) and the greedy avoids most repeats by itself. Within a session, leaders
go first (one per group before any group gets a second), then the people whose languages are
rarest, then the members of the biggest hubs; each unit goes to the open group where it adds the
least cost, never beyond the group's target size. The local search repairs whatever is left.
"""

from __future__ import annotations

import random
from collections import Counter

from .state import HARD_WEIGHT, State


def construct(state: State, rng: random.Random) -> None:
    for s in range(state.S):
        construct_session(state, s, rng)


def target_sizes(state: State, s: int, loads: list[int]) -> list[int]:
    """Group sizes as even as possible, no smaller than what is already there (or locked)."""
    sd = state.model.sessions[s]
    people = len(sd.present)
    targets = [load if sd.closed[g] else max(load, sd.min_size) for g, load in enumerate(loads)]
    open_groups = [g for g in range(sd.groups) if not sd.closed[g]]
    remaining = people - sum(targets)
    while remaining > 0 and open_groups:
        g = min(open_groups, key=lambda g: (targets[g], g))
        targets[g] += 1
        remaining -= 1
    while remaining < 0:
        shrinkable = [g for g in open_groups if targets[g] > max(loads[g], sd.min_size)]
        if not shrinkable:
            break
        g = max(shrinkable, key=lambda g: (targets[g], -g))
        targets[g] -= 1
        remaining += 1
    return targets


def construct_session(state: State, s: int, rng: random.Random) -> None:
    model = state.model
    sd = model.sessions[s]
    grp = state.grp[s]
    todo = [unit for unit in sd.units if grp[unit[0]] < 0]
    if not todo:
        return
    loads = list(state.size[s])
    for unit in todo:
        g = model.unit_locked(s, unit)
        if g >= 0:
            loads[g] += len(unit)
    targets = target_sizes(state, s, loads)
    free = []
    for unit in todo:
        g = model.unit_locked(s, unit)
        if g >= 0:
            for p in unit:
                state.place(s, p, g)
        else:
            free.append(unit)

    speakers = Counter(lang for p in sd.present for lang in model.langs[p])
    hub_sizes = Counter(model.hub_of[p] for p in sd.present)

    def difficulty(unit: tuple[int, ...]) -> tuple[int, int, int]:
        leads = any(model.leader[p] for p in unit)
        ease = min(max((speakers[lang] for lang in model.langs[p]), default=0) for p in unit)
        return (not leads, ease, -max(hub_sizes[model.hub_of[p]] for p in unit))

    rng.shuffle(free)
    free.sort(key=difficulty)
    open_groups = [g for g in range(sd.groups) if not sd.closed[g]]
    for unit in free:
        room = [g for g in open_groups if state.size[s][g] + len(unit) <= targets[g]]
        if not room:
            room = [g for g in open_groups if state.size[s][g] + len(unit) <= sd.max_size] or open_groups
        if any(model.leader[p] for p in unit):
            fewest = min(state.lead[s][g] for g in room)
            room = [g for g in room if state.lead[s][g] == fewest]
        costs = [
            (_placement_cost(state, s, unit, g, max(targets[g], state.size[s][g] + len(unit))), g)
            for g in room
        ]
        best = min(cost for cost, _ in costs)
        g = rng.choice([g for cost, g in costs if cost == best])
        for p in unit:
            state.place(s, p, g)


def _placement_cost(state: State, s: int, unit: tuple[int, ...], g: int, target: int) -> float:
    """What adding ``unit`` to group ``g`` (to be filled up to ``target``) is expected to cost."""
    model = state.model
    sd = model.sessions[s]
    A = state.A[s]
    feat = state.feat[s][g]
    weight = model.feature_weight
    cost = 0.0
    for p in unit:
        cost += state.w_repeat * A[p][g]
        for f in model.features[p]:
            cost += weight[f] * (2 * feat[f] + 1)
    size = state.size[s][g] + len(unit)
    hubs = Counter(model.hub_of[p] for p in unit)
    cap = model.caps[target]
    hard = sum(max(0, feat[h] + c - cap) for h, c in hubs.items())
    distinct = sum(1 for h in range(state.H) if feat[h] or h in hubs)
    missing = model.rules.min_hubs - distinct
    if missing > target - size:
        hard += missing - (target - size)
    # Interpreters are scarce: aim for a common language, whoever could interpret.
    _, need, gap = state.language_after(s, g, size, (), unit)
    hard += gap
    cost += state.w_interpreter * (need >= 0)
    grp = state.grp[s]
    for p in unit:
        hard += sum(grp[t] == g for t in sd.apart.get(p, ()))
        cost -= state.w_continuity * sum(w for t, w in sd.wishes.get(p, ()) if grp[t] == g)
        anchor = sd.anchor.get(p)
        if anchor is not None and anchor != g:
            cost += state.w_move
    return HARD_WEIGHT * hard + cost
