"""Greedy start plus tabu search, after Triska & Musliu (2012) and Dotú & Van Hentenryck (2005).

The state is a full schedule that may repeat pairs; the cost is the number of surplus meetings
(sum over pairs of max(0, meetings - 1)). A move swaps two players of different groups in the same
round, where at least one of them is in conflict. The cost change of every move comes from a
handful of matrix products over the whole neighbourhood at once (numpy, already installed with
ortools): the neighbourhood of 8-4-10 has about 5,000 moves, which a Python loop prices in
milliseconds and the matrices in a fraction of one. Tight instances (designs where nearly every
pair meets) stay hard for any local search; those come from constructions instead.

All randomness comes from one seeded generator, so a run that stops before its deadline is
reproducible; the deadline only decides when to give up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .model import Budget, Rounds, normalise

STALL_LIMIT = 150  # steps without a new best before the search restarts from a perturbed best
TENURE = (2, 10)  # a swapped pair stays tabu in its round for a random number of steps in this range
PROGRESS_EVERY = 500


@dataclass(frozen=True, slots=True)
class LocalSearchResult:
    """The best schedule met and its surplus meetings (0 means repeat-free)."""

    rounds: Rounds
    repeats: int
    steps: int


class _State:
    """A schedule with its meeting counts, kept in step under swaps."""

    def __init__(self, groups: int, size: int, rounds: int, prior: np.ndarray) -> None:
        self.g, self.w = groups, rounds
        self.v = groups * size
        self.prior = prior
        self.group_of = np.zeros((rounds, self.v), dtype=np.int64)
        self.meetings = prior.copy()

    def load(self, group_of: np.ndarray) -> None:
        self.group_of = group_of.copy()
        onehot = self.onehot()
        self.meetings = np.einsum("rag,rbg->ab", onehot, onehot).astype(np.int64) + self.prior
        np.fill_diagonal(self.meetings, 0)

    def onehot(self) -> np.ndarray:
        return (self.group_of[:, :, None] == np.arange(self.g)[None, None, :]).astype(np.float32)

    def repeats(self) -> int:
        return int(np.maximum(self.meetings - 1, 0).sum()) // 2

    def swap(self, r: int, a: int, b: int) -> None:
        ga, gb = self.group_of[r, a], self.group_of[r, b]
        mates_a = np.flatnonzero(self.group_of[r] == ga)
        mates_a = mates_a[mates_a != a]
        mates_b = np.flatnonzero(self.group_of[r] == gb)
        mates_b = mates_b[mates_b != b]
        for player, old, new in ((a, mates_a, mates_b), (b, mates_b, mates_a)):
            self.meetings[player, old] -= 1
            self.meetings[old, player] -= 1
            self.meetings[player, new] += 1
            self.meetings[new, player] += 1
        self.group_of[r, a], self.group_of[r, b] = gb, ga

    def deltas(self) -> np.ndarray:
        """Cost change of every swap (round, a, b); +inf where a and b share a group or neither conflicts.

        Moving a out of its group frees each partner it already met twice or more (-1 each); moving
        it into b's group costs one for each member it already met, b excepted since b leaves.
        """
        met = (self.meetings >= 1).astype(np.float32)
        repeated = (self.meetings >= 2).astype(np.float32)
        onehot = self.onehot()
        same = onehot @ onehot.transpose(0, 2, 1)  # (w, v, v): 1 where a and b share a group
        # joining[r, a, b] = partners a already met in the group b sits in during round r
        joining = (met @ onehot) @ onehot.transpose(0, 2, 1)
        leaving = (repeated[None] * same).sum(axis=2)
        delta = (
            joining + joining.transpose(0, 2, 1) - leaving[:, :, None] - leaving[:, None, :] - 2 * met[None]
        )
        conflicted = leaving > 0
        useless = (same > 0) | ~(conflicted[:, :, None] | conflicted[:, None, :])
        delta[useless] = np.inf
        return delta


def greedy_start(
    groups: int, size: int, rounds: int, rng: np.random.Generator, prior: np.ndarray
) -> np.ndarray:
    """Triska & Musliu's freedom heuristic: fill each group with the player that adds no repeat and
    leaves the most players still able to join ("freedom"), round after round.

    Round 0 is the identity when nobody has met before, which loses nothing since players can be
    renamed; pairs in ``prior`` count as already met.
    """
    v = groups * size
    group_of = np.zeros((rounds, v), dtype=np.int64)
    met = prior > 0
    for r in range(rounds):
        if r == 0 and not met.any():
            group_of[r] = np.arange(v) // size
        else:
            free = np.ones(v, dtype=bool)
            for k in range(groups):
                first = rng.choice(np.flatnonzero(free))
                members = [first]
                free[first] = False
                open_to_all = free & ~met[first]
                while len(members) < size:
                    candidates = np.flatnonzero(free)
                    clashes = met[np.ix_(candidates, members)].sum(axis=1)
                    freedom = (~met[np.ix_(candidates, candidates)] & open_to_all[candidates][None, :]).sum(
                        axis=1
                    )
                    score = clashes * (v + 1) - freedom + rng.random(len(candidates)) * 0.5
                    chosen = candidates[int(np.argmin(score))]
                    members.append(chosen)
                    free[chosen] = False
                    open_to_all &= ~met[chosen]
                group_of[r, members] = k
        for k in range(groups):
            members = np.flatnonzero(group_of[r] == k)
            met[np.ix_(members, members)] = True
        np.fill_diagonal(met, False)
    return group_of


def tabu_search(
    groups: int,
    size: int,
    rounds: int,
    *,
    seed: int,
    budget: Budget,
    report: Callable[[str], None] | None = None,
    forbidden_pairs: frozenset[tuple[int, int]] = frozenset(),
) -> LocalSearchResult:
    """Search until a repeat-free schedule is found or the budget runs out; return the best met.

    A forbidden pair counts as having met already, so putting it together costs one repeat. Round 0
    never moves when there are no forbidden pairs (renaming players makes it the identity for free).
    """
    rng = np.random.default_rng(seed)
    v = groups * size
    prior = np.zeros((v, v), dtype=np.int64)
    for a, b in forbidden_pairs:
        prior[a, b] = prior[b, a] = 1
    state = _State(groups, size, rounds, prior)
    state.load(greedy_start(groups, size, rounds, rng, prior))
    frozen = np.zeros(rounds, dtype=bool)
    frozen[0] = not forbidden_pairs
    cost = state.repeats()
    best_cost, best = cost, state.group_of.copy()
    tabu_until = np.zeros((rounds, state.v, state.v), dtype=np.int64)
    step = last_gain = 0
    while best_cost > 0 and not budget.expired() and not frozen.all():
        step += 1
        delta = state.deltas()
        delta[frozen] = np.inf
        allowed = (tabu_until <= step) | (cost + delta < best_cost)
        delta = np.where(allowed, delta, np.inf) + rng.random(delta.shape) * 0.5
        r, a, b = np.unravel_index(int(np.argmin(delta)), delta.shape)
        if not np.isfinite(delta[r, a, b]):
            last_gain = -STALL_LIMIT  # every move is tabu or useless: force a perturbation now
        else:
            state.swap(int(r), int(a), int(b))
            cost = state.repeats()
            tabu_until[r, a, b] = tabu_until[r, b, a] = step + rng.integers(*TENURE)
            if cost < best_cost:
                best_cost, best, last_gain = cost, state.group_of.copy(), step
        if step - last_gain > STALL_LIMIT:
            state.load(best)
            for _ in range(max(2, state.v // 4)):
                r = int(rng.choice(np.flatnonzero(~frozen)))
                a, b = rng.choice(state.v, size=2, replace=False)
                if state.group_of[r, a] != state.group_of[r, b]:
                    state.swap(r, int(a), int(b))
            cost, last_gain = state.repeats(), step
            tabu_until[:] = 0
        if report is not None and step % PROGRESS_EVERY == 0:
            report(f"tabu step {step}: {best_cost} repeated pair(s) left")
    return LocalSearchResult(_as_rounds(best, groups), best_cost, step)


def _as_rounds(group_of: np.ndarray, groups: int) -> Rounds:
    return normalise([[np.flatnonzero(row == k).tolist() for k in range(groups)] for row in group_of])
