"""The pure-form Social Golfer engine: g groups of p players for w rounds, no pair meeting twice.

Public API (other engines depend on exactly these names)::

    solve_golfers(groups, size, rounds, *, seed=0, time_limit=30.0, progress=None, should_stop=None)
        -> GolferSchedule | None          # raises InfeasibleGolfers(reason) before searching
    check_schedule(schedule_or_rounds, groups, size, rounds) -> list[str]   # [] means valid
    max_rounds_upper_bound(groups, size) -> int
    solve_golfers_min_repeats(groups, size, rounds, *, seed=0, time_limit=30.0,
                              forbidden_pairs=frozenset(), should_stop=None) -> (GolferSchedule, repeats)

Modules: ``constructions`` (affine planes, transversal designs, 8-4-10 from PG(3,2) spreads),
``orbits`` (designs with a prescribed automorphism group, solved by CP-SAT, and their catalogue),
``local_search`` (greedy start and tabu search), ``cpsat`` (exact and baseline models),
``bounds``, ``checker``, ``pipeline`` and ``cli``. Pure Python plus OR-Tools and numpy (which
OR-Tools already requires): no Django, no other Tissage module.
"""

from .bounds import max_rounds_upper_bound
from .checker import check_schedule
from .model import GolferSchedule, InfeasibleGolfers
from .pipeline import solve_golfers, solve_golfers_min_repeats

__all__ = [
    "GolferSchedule",
    "InfeasibleGolfers",
    "check_schedule",
    "max_rounds_upper_bound",
    "solve_golfers",
    "solve_golfers_min_repeats",
]
