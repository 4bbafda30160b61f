"""Counting lower bounds on the number of repeated meetings.

A *repeated meeting* is a meeting of two people who already met (in the history or earlier in the
plan); with ``m`` meetings in the plan a pair contributes ``m − 1``, or ``m`` if it is in the
history. So ``repeats = meetings − fresh pairs met``, and any plan obeys three bounds:

* **global**: session ``s`` holds at least ``T_s`` meetings (its head count split as evenly as the
  group count allows, since ``Σ C(size, 2)`` is convex), while at most ``F`` fresh pairs exist
  (pairs not in the history who attend a session together and are not kept apart there):
  ``repeats ≥ Σ T_s − F``;
* **per person**: person ``p`` meets at least ``D_p`` partners over the sessions they attend (the
  smallest group a session can have, minus one) but has only ``F_p`` fresh partners:
  ``repeats ≥ ½ Σ_p max(0, D_p − F_p)``;
* **must-together**: a pair kept together in ``k`` sessions repeats ``k − 1`` times (``k`` if it is
  in the history);
* **pigeonhole**: counting each repeat in the session where it happens, session ``t`` repeats at
  least the pairs it must take from one group of any earlier session ``s``: its ``N`` people who
  also attended ``s``, spread as evenly as possible over its groups, then each group's share spread
  as evenly as possible over the groups of ``s`` (five groups of six after five groups of five
  force a repeat in each group).

Pairs with a continuity wish want to meet again: their meetings are never repeats, so each session
they attend together adds one meeting that costs nothing.

The reported bound is the largest; on small instances CP-SAT may prove a better one.
"""

from __future__ import annotations

import math

from .model import Model


def _min_group(groups: int, low: int, high: int, people: int) -> int:
    return max(low, people - (groups - 1) * high)


def _min_meetings(groups: int, people: int) -> int:
    q, r = divmod(people, groups)
    return r * (q + 1) * q // 2 + (groups - r) * q * (q - 1) // 2


def counting_bound(model: Model) -> int:
    n = model.n
    hist = model.hist
    tracked = model.tracked
    # fresh[p]: people p could meet for the first time; wanted[p]: meetings p may have with the
    # partners of a continuity wish, which are never repeats.
    fresh: list[set[int]] = [set() for _ in range(n)]
    wanted = [0] * n
    forced: dict[tuple[int, int], int] = {}
    meetings = 0
    need = [0] * n
    for sd in model.sessions:
        people = len(sd.present)
        meetings += _min_meetings(sd.groups, people)
        smallest = _min_group(sd.groups, sd.min_size, sd.max_size, people)
        for p in sd.present:
            need[p] += smallest - 1
            apart = sd.apart.get(p, ())
            for q in sd.present:
                if q == p or q in apart:
                    continue
                if not tracked[p][q]:
                    wanted[p] += 1
                elif hist[p][q] == 0:
                    fresh[p].add(q)
        for unit in sd.units:
            for i, p in enumerate(unit):
                for q in unit[i + 1 :]:
                    if tracked[p][q]:
                        key = (min(p, q), max(p, q))
                        forced[key] = forced.get(key, 0) + 1
    global_bound = meetings - (sum(len(f) for f in fresh) + sum(wanted)) // 2
    person_bound = math.ceil(sum(max(0, need[p] - len(fresh[p]) - wanted[p]) for p in range(n)) / 2)
    together_bound = sum(k - 1 + (hist[p][q] > 0) for (p, q), k in forced.items())
    return max(0, global_bound, person_bound, together_bound, _pigeonhole_bound(model))


def _pigeonhole_bound(model: Model) -> int:
    """Σ over sessions t of the most pairs some earlier session forces t to bring together again.

    Pairs with a continuity wish may be among the forced ones, so they are subtracted.
    """
    tracked = model.tracked
    total = 0
    for t, later in enumerate(model.sessions):
        attending = set(later.present)
        best = 0
        for earlier in model.sessions[:t]:
            both = [p for p in earlier.present if p in attending]
            q, r = divmod(len(both), later.groups)
            forced = r * _min_meetings(earlier.groups, q + 1) + (later.groups - r) * _min_meetings(
                earlier.groups, q
            )
            wanted = sum(1 for i, p in enumerate(both) for x in both[i + 1 :] if not tracked[p][x])
            best = max(best, forced - wanted)
        total += best
    return total
