"""``solve_golfers``: constructions first, then searches that share one deadline.

Order of play, cheapest and most reliable first:

1. the best construction (affine planes, transversal designs, Kirkman systems, the orbit catalogue);
   any schedule with more rounds than asked is truncated, which keeps it repeat-free;
2. a short tabu burst, which settles the many loose instances (far below the bound) in milliseconds;
3. for tiny instances, the exact CP-SAT model, which also settles them when no schedule exists;
4. symmetric (orbit) searches with generic groups;
5. tabu search for whatever time is left.

Each phase is seeded from ``seed`` alone and starts from the same state whatever happened before it,
so a run that succeeds before its deadline returns the same schedule on every machine state; only a
run that succeeds *because* it had more time can differ.
"""

from __future__ import annotations

import time

from .bounds import check_request
from .checker import check_schedule
from .constructions import best_construction
from .cpsat import solve_exact
from .local_search import tabu_search
from .model import Budget, GolferSchedule, InfeasibleGolfers, Progress, Rounds, StopCheck
from .orbits import develop, generic_templates, search_base_classes

QUICK_TABU_SECONDS = 2.0
EXACT_MAX_PLAYERS = 16  # the exact model has O(players^2 * rounds) meeting flags
ORBIT_SHARE = 0.4  # of the time left after the quick phases
TABU_MAX_CELLS = 30_000_000  # rounds * players^2: past this the tabu matrices do not fit comfortably
METHODS = ("auto", "construction", "tabu", "cp-sat", "orbit")


def solve_golfers(
    groups: int,
    size: int,
    rounds: int,
    *,
    seed: int = 0,
    time_limit: float = 30.0,
    progress: Progress | None = None,
    should_stop: StopCheck | None = None,
    method: str = "auto",
) -> GolferSchedule | None:
    """A schedule of ``groups`` groups of ``size`` players for ``rounds`` rounds with no pair meeting twice.

    Raises InfeasibleGolfers (before any search) when the request is impossible; returns None when
    nothing is found within ``time_limit`` seconds or ``should_stop()`` turns true. ``progress``
    receives (fraction of the time limit used, message). ``method`` restricts the pipeline to one
    engine (one of METHODS), for benchmarks and diagnosis; "auto" runs them all.

    The same arguments and seed give the same schedule whenever the run ends before its deadline;
    a run that only succeeds thanks to a faster machine (more search steps in time) may differ.
    """
    check_request(groups, size, rounds)
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a non-negative whole number, got {seed!r}")
    if not time_limit >= 0:
        raise ValueError(f"time_limit must be a non-negative number of seconds, got {time_limit!r}")
    use = {method} if method != "auto" else set(METHODS)
    started = time.monotonic()
    budget = Budget.starting_now(time_limit, should_stop)

    def report(message: str) -> None:
        if progress is not None:
            used = (time.monotonic() - started) / time_limit if time_limit > 0 else 1.0
            progress(min(1.0, used), message)

    def done(found: Rounds, engine: str) -> GolferSchedule:
        # Cheap insurance: an engine bug must surface here, never as a wrong schedule downstream.
        faults = check_schedule(found[:rounds], groups, size, rounds)
        if faults:
            raise AssertionError(f"{engine} produced an invalid schedule: {faults[0]}")
        if progress is not None:
            progress(1.0, f"found by {engine}")
        return GolferSchedule(found[:rounds], engine, seed, time.monotonic() - started)

    constructed, construction = best_construction(groups, size)
    if "construction" in use and len(constructed) >= rounds:
        return done(constructed, construction)
    report(f"best construction ({construction}) gives {len(constructed)} rounds; searching")
    players = groups * size
    can_tabu = "tabu" in use and rounds * players * players <= TABU_MAX_CELLS

    def tabu(phase_budget: Budget, phase_seed: int) -> Rounds | None:
        result = tabu_search(
            groups,
            size,
            rounds,
            seed=phase_seed,
            budget=phase_budget,
            report=report,
        )
        return result.rounds if result.repeats == 0 else None

    if can_tabu and method == "auto":
        found = tabu(budget.slice(min(QUICK_TABU_SECONDS, 0.1 * time_limit)), seed)
        if found is not None:
            return done(found, "tabu")
    if "cp-sat" in use and (players <= EXACT_MAX_PLAYERS or method == "cp-sat") and not budget.expired():
        report("exact CP-SAT model")
        share = budget if method == "cp-sat" else budget.slice(0.5 * budget.remaining())
        found = solve_exact(groups, size, rounds, seed=seed, budget=share)
        if found is not None:
            return done(found, "cp-sat")
    templates = generic_templates(groups, size, rounds) if "orbit" in use else []
    orbit_budget = budget.slice(ORBIT_SHARE * budget.remaining() if can_tabu else budget.remaining())
    for i, template in enumerate(templates):
        if orbit_budget.expired():
            break
        report(f"orbit search over Z{template.moduli[0]} ({i + 1}/{len(templates)})")
        share = orbit_budget.slice(orbit_budget.remaining() / (len(templates) - i))
        base = search_base_classes(template, seed=seed, budget=share)
        if base is not None:
            return done(develop(template, base), "cyclic-orbit")
    if can_tabu and not budget.expired():
        found = tabu(budget, seed + 1)
        if found is not None:
            return done(found, "tabu")
    report("no schedule found in time")
    return None


def solve_golfers_min_repeats(
    groups: int,
    size: int,
    rounds: int,
    *,
    seed: int = 0,
    time_limit: float = 30.0,
    forbidden_pairs: frozenset[tuple[int, int]] = frozenset(),
    should_stop: StopCheck | None = None,
) -> tuple[GolferSchedule, int]:
    """The schedule with the fewest repeated meetings found in time, and that number.

    Unlike ``solve_golfers`` any number of rounds is accepted (past the bound repeats are simply
    unavoidable), and ``forbidden_pairs`` (players who already met, e.g. at an earlier festival)
    count as a repeat whenever they share a group. Always returns a schedule.
    """
    check_request(groups, size, 1)
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 1:
        raise InfeasibleGolfers(f"rounds must be a whole number of at least 1, got {rounds!r}")
    started = time.monotonic()
    players = groups * size
    for a, b in forbidden_pairs:
        if not (0 <= a < players and 0 <= b < players and a != b):
            raise ValueError(f"forbidden pair {(a, b)!r} is not a pair of distinct players 0..{players - 1}")
    constructed, construction = best_construction(groups, size)
    if not forbidden_pairs and len(constructed) >= rounds:
        return GolferSchedule(constructed[:rounds], construction, seed, time.monotonic() - started), 0
    result = tabu_search(
        groups,
        size,
        rounds,
        seed=seed,
        budget=Budget.starting_now(time_limit, should_stop),
        forbidden_pairs=frozenset(forbidden_pairs),
    )
    return GolferSchedule(result.rounds, "tabu", seed, time.monotonic() - started), result.repeats
