"""``solve``: counting checks, greedy start, hard rules first, then the soft goals.

1. ``feasibility.precheck`` refuses inputs that cannot work, with precise reasons.
2. The greedy construction places everyone; when everyone attends every session in equal groups,
   a repeat-free design from the pure-form engine, relabelled to fit the rules, may start instead.
3. The tabu search first makes every session obey the hard rules; a session it cannot fix goes to
   CP-SAT, which regroups it at the least repeat cost or, failing that, decides whether any
   grouping exists and names the clashing rules (``rules_conflict``).
4. The tabu search then improves the weighted soft goals (it may cross plans breaking a hard
   rule, but only keeps plans obeying them all) until nothing can improve, it stagnates, its
   effort or time is spent or the caller stops it.
5. On small instances where repeats remain above the counting bound, CP-SAT solves the whole
   plan for the fewest repeats: its proven bound replaces the counting one, and its plan is
   taken (and polished) when it has fewer repeats.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from . import cpsat
from .bounds import counting_bound
from .construct import construct
from .design import design_start
from .explain import build_plan
from .feasibility import precheck
from .model import Model
from .plan import Plan
from .problem import Problem
from .reasons import Infeasible, Reason
from .search import Budget, Search
from .state import State

# The pure-form engine may look for a design this long (instances close to the pure form only).
DESIGN_SECONDS = 5.0
# Whole-plan CP-SAT models up to this many pair-group clauses are solved for an exact bound, for
# at most this many seconds.
EXACT_LIMIT = 3000
EXACT_SECONDS = 5.0
# The hard-rules phase of the search hands over to CP-SAT after this share of the effort (or of the
# time limit, on a slow machine), or this many steps without progress: CP-SAT settles one session's
# hard rules in about a second, and may take this share of the time limit for all the sessions.
FEASIBILITY_SHARE = 0.3
FEASIBILITY_STALL = 50
CPSAT_SHARE = 0.6

# A CP-SAT fallback for a session the search could not make feasible, called as
# ``fallback(model, s, hint=groups, seed=seed, seconds=seconds, deadline=deadline)``; returns groups
# or None.
Fallback = Callable[..., list[list[int]] | None]


def reoptimiser(state: State) -> Fallback:
    """The CP-SAT fallback that regroups one session at the least repeat (and move) cost."""

    def reoptimise(model: Model, s: int, **kwargs: Any) -> list[list[int]] | None:
        return cpsat.reoptimise_session(model, s, pair_costs=state.pair_costs(s), **kwargs)

    return reoptimise


def stall_limit(model: Model) -> int:
    """Steps without a new best before the search stops: more units, longer patience."""
    units = sum(len(sd.units) for sd in model.sessions)
    return 300 + 3 * units


def solve(
    problem: Problem,
    *,
    seed: int,
    time_limit: float,
    progress: Callable[[float, str], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Plan:
    """Group everyone for every session; raise `Infeasible` when the hard rules cannot be met."""
    budget = Budget(time.monotonic(), time_limit, should_stop, progress)
    model = Model(problem)
    reasons = precheck(model)
    if reasons:
        raise Infeasible(reasons)
    rng = random.Random(seed)
    state = State(model)
    construct(state, rng)
    start = design_start(model, rng=rng, seed=seed, seconds=min(DESIGN_SECONDS, 0.2 * time_limit))
    if start is not None:
        designed = State(model)
        designed.load(start)
        if designed.total < state.total:
            state = designed
    bound, method = counting_bound(model), "counting"
    search = Search(state, rng, budget, lower_bound=bound)
    stall = stall_limit(model)
    small = cpsat.exact_size(model) <= EXACT_LIMIT
    # On small instances, keep time for CP-SAT in case the search stays above the counting bound.
    exact_seconds = min(EXACT_SECONDS, 0.25 * time_limit) if small else 0.0
    effort = budget.effort * (1 - exact_seconds / time_limit)
    stopped_by = improve(model, search, seed=seed, stall=stall, effort=effort, fallback=reoptimiser(state))
    if small and state.repeats > bound and stopped_by != "cancelled":
        proven, assignment = cpsat.exact_repeats(
            model, hint=state.assignment(), seed=seed, seconds=exact_seconds, deadline=budget.deadline
        )
        if proven > bound:
            bound, method = proven, "cp-sat"
            search.lower_bound = bound
        if assignment is not None and _repeats_of(model, assignment) < state.repeats:
            state.load(assignment)
            stopped_by = search.run(stall=stall)
    return build_plan(
        model, state.assignment(), seed=seed, stopped_by=stopped_by, lower_bound=bound, bound_method=method
    )


def _repeats_of(model: Model, assignment: list[list[list[int]]]) -> int:
    state = State(model)
    state.load(assignment)
    return state.repeats


def improve(
    model: Model,
    search: Search,
    *,
    seed: int,
    stall: int,
    effort: float | None = None,
    fallback: Fallback | None = None,
) -> str:
    """Make the search's state obey the hard rules, then improve its soft goals; say how it ended.

    ``stall`` is the search's patience (steps without a new best), ``effort`` a smaller cap than
    the budget's; ``fallback`` (see ``reoptimiser``) regroups a session the search cannot fix, and
    when it finds nothing, CP-SAT's feasibility model decides and names the clashing rules. Raises
    `Infeasible` when no plan meets the hard rules.
    """
    state = search.state
    budget = search.budget
    if state.hard:
        cap = FEASIBILITY_SHARE * budget.effort
        deadline = budget.start + FEASIBILITY_SHARE * budget.time_limit
        if (
            search.run(stall=FEASIBILITY_STALL, until_feasible=True, effort=cap, deadline=deadline)
            == "cancelled"
        ):
            raise Infeasible([Reason.make("search_stopped")])
        _settle_with_cpsat(model, state, seed=seed, budget=budget, fallback=fallback)
    return search.run(stall=stall, effort=effort)


def _settle_with_cpsat(
    model: Model, state: State, *, seed: int, budget: Budget, fallback: Fallback | None
) -> None:
    """Hand each session still breaking a hard rule to CP-SAT; raise `Infeasible` if it fails.

    The feasibility model decides first (it is the quickest to find a grouping, and names the
    clashing rules when there is none); ``fallback`` then briefly regroups the session from that
    grouping at a lower soft cost. CP-SAT's deterministic budget is ``CPSAT_SHARE`` of the time
    limit, so that the search keeps time for the soft goals.
    """
    broken = [s for s in range(state.S) if state.session_hard(s)]
    # A share of the time limit, not of the time left, so that the run stays reproducible.
    share = CPSAT_SHARE * budget.time_limit / max(1, len(broken))
    for i, s in enumerate(broken):
        sd = model.sessions[s]
        # Deciding comes first: it may take the time left (at least a second, so that on a loaded
        # machine a small session is still decided), though it rarely needs more than its share.
        wall = max(1.0, budget.left() / (len(broken) - i))
        verdict = cpsat.session_conflict(
            model,
            s,
            hint=state.assignment()[s],
            seed=seed,
            seconds=max(1.0, share),
            deadline=time.monotonic() + wall,
        )
        if verdict.conflict:
            raise Infeasible([Reason.make("rules_conflict", session=sd.id, rules=list(verdict.conflict))])
        if verdict.groups is None:
            rules = state.violations(s)
            raise Infeasible(
                [
                    Reason.make(
                        "no_plan_found", session=sd.id, rules=rules, seconds=round(budget.time_limit, 1)
                    )
                ]
            )
        state.load_session(s, verdict.groups)
        if fallback is not None and budget.left() > share:
            deadline = time.monotonic() + share / 4
            better = fallback(model, s, hint=verdict.groups, seed=seed, seconds=share / 4, deadline=deadline)
            if better is not None:
                state.load_session(s, better)
