"""CP-SAT where it shines: exact answers on one session's hard rules, and on small whole plans.

Local search is strong at spreading pairs and weak at proving anything; CP-SAT is the reverse. So
the engine asks CP-SAT three questions, always on the hard rules of ``add_session`` (one model,
reused):

* ``session_conflict``: is there any grouping of this session that meets every hard rule? Each
  family of rules (sizes, hub mix, hub share, leaders, language, must-together, must-apart, locks)
  is switched on by an assumption literal; when the answer is no, the solver's sufficient
  assumptions, shrunk by deletion, name the smallest set of families that cannot hold together.
* ``reoptimise_session``: the grouping of one session that meets every hard rule at the least
  repeat, move and wish cost, the other sessions fixed (repair with side constraints: locks and
  anchors).
* ``exact_repeats``: on small instances, the plan with the fewest repeated meetings, whose proven
  objective bound is a lower bound better than counting.

Runs interleave CP-SAT's subsolvers deterministically, with a fixed seed and a deterministic time
budget, so they are reproducible.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from ortools.sat.python import cp_model

from .model import Model

# Objective coefficients are integers: costs are multiplied by this and rounded.
COST_SCALE = 10

FAMILIES = ("size", "hub_mix", "hub_share", "leader", "language", "together", "apart", "locks")

# Per-session groups as lists of member indices.
SessionGroups = list[list[int]]


def _within(deadline: float | None, share: float = 1.0) -> float | None:
    """A deadline ``share`` of the way from now to ``deadline``."""
    return None if deadline is None else time.monotonic() + share * max(0.0, deadline - time.monotonic())


def _solver(seed: int, seconds: float, deadline: float | None, *, hinted: bool = False) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    # Several subsolvers (LNS among them: one worker alone rarely improves a hinted solution),
    # interleaved deterministically in one thread.
    solver.parameters.num_workers = 8
    solver.parameters.interleave_search = True
    solver.parameters.random_seed = seed
    # Presolve may otherwise drop a hinted solution (dual reductions) and start from scratch.
    solver.parameters.keep_all_feasible_solutions_in_presolve = hinted
    # The deterministic limit makes runs reproducible; the wall-clock one keeps the caller's budget
    # when the machine is loaded.
    solver.parameters.max_deterministic_time = max(seconds, 0.01)
    wall = 2 * seconds if deadline is None else deadline - time.monotonic()
    solver.parameters.max_time_in_seconds = max(wall, 0.05)
    return solver


def add_session(
    cp: cp_model.CpModel, model: Model, s: int, lits: Mapping[str, cp_model.IntVar] | None = None
) -> dict[int, list[cp_model.IntVar]]:
    """Add session ``s``'s hard rules; ``x[p][g]`` is true when member ``p`` is in group ``g``.

    With ``lits``, every constraint of a rule family only holds when that family's literal is
    true, which is what lets ``session_conflict`` switch families on and off.
    """
    sd = model.sessions[s]
    rules = model.rules
    G = sd.groups

    def guard(constraint: cp_model.Constraint, family: str, *conditions: cp_model.IntVar) -> None:
        literals = [*conditions, lits[family]] if lits else list(conditions)
        if literals:
            constraint.OnlyEnforceIf(literals)

    x = {p: [cp.NewBoolVar(f"x{s}_{p}_{g}") for g in range(G)] for p in sd.present}
    for p in sd.present:
        cp.AddExactlyOne(x[p])
    sizes = [sum(x[p][g] for p in sd.present) for g in range(G)]
    share = Fraction(rules.max_hub_share).limit_denominator(1000)
    by_hub: dict[int, list[int]] = {}
    for p in sd.present:
        by_hub.setdefault(model.hub_of[p], []).append(p)
    leaders = [p for p in sd.present if model.leader[p]]
    for g in range(G):
        guard(cp.Add(sizes[g] >= sd.min_size), "size")
        guard(cp.Add(sizes[g] <= sd.max_size), "size")
        mixed = []
        for people in by_hub.values():
            count = sum(x[p][g] for p in people)
            guard(cp.Add(share.denominator * count <= share.numerator * sizes[g]), "hub_share")
            present = cp.NewBoolVar(f"h{s}_{g}_{len(mixed)}")
            cp.Add(count >= 1).OnlyEnforceIf(present)
            mixed.append(present)
        guard(cp.Add(sum(mixed) >= rules.min_hubs), "hub_mix")
        guard(cp.Add(sum(x[p][g] for p in leaders) >= rules.leaders_per_group), "leader")
        if sd.closed[g]:
            for p in sd.present:
                if sd.locked.get(p) != g:
                    guard(cp.Add(x[p][g] == 0), "locks")
    for unit in sd.units:
        for p in unit[1:]:
            for g in range(G):
                guard(cp.Add(x[p][g] == x[unit[0]][g]), "together")
    for p, partners in sd.apart.items():
        for t in partners:
            if p < t:
                for g in range(G):
                    guard(cp.AddBoolOr([x[p][g].Not(), x[t][g].Not()]), "apart")
    for p, g in sd.locked.items():
        guard(cp.Add(x[p][g] == 1), "locks")
    _add_language(cp, model, s, x, guard)
    return x


def _add_language(
    cp: cp_model.CpModel,
    model: Model,
    s: int,
    x: dict[int, list[cp_model.IntVar]],
    guard: Callable[..., None],
) -> None:
    """Each group picks a working language; members lacking it need an interpreter of the group.

    An interpreter covers a member for language L if they speak L and share a language with the
    member; a group has at most one interpreter and an interpreter serves at most one group.
    """
    sd = model.sessions[s]
    spoken = sorted({lang for p in sd.present for lang in model.langs[p]})
    K = len(sd.interpreters)
    helpers = [[cp.NewBoolVar(f"i{s}_{g}_{k}") for k in range(K)] for g in range(sd.groups)]
    for k in range(K):
        cp.AddAtMostOne(helpers[g][k] for g in range(sd.groups))
    for g in range(sd.groups):
        if K:
            cp.AddAtMostOne(helpers[g])
        choice = {lang: cp.NewBoolVar(f"l{s}_{g}_{lang}") for lang in spoken}
        guard(cp.AddExactlyOne(choice.values()), "language")
        for lang, chosen in choice.items():
            able = [k for k in range(K) if lang in sd.interpreter_langs[k]]
            stranded = []
            for p in sd.present:
                if lang in model.langs[p]:
                    continue
                cover = [helpers[g][k] for k in able if sd.shares[p] >> k & 1]
                if cover:
                    guard(cp.AddBoolOr(cover), "language", x[p][g], chosen)
                else:
                    stranded.append(x[p][g])
            if stranded:
                guard(cp.Add(sum(stranded) == 0), "language", chosen)


def _groups(
    solver: cp_model.CpSolver, model: Model, s: int, x: dict[int, list[cp_model.IntVar]]
) -> SessionGroups:
    groups: SessionGroups = [[] for _ in range(model.sessions[s].groups)]
    for p in model.sessions[s].present:
        groups[next(g for g, var in enumerate(x[p]) if solver.BooleanValue(var))].append(p)
    return groups


def _hint(
    cp: cp_model.CpModel,
    hints: list[tuple[dict[int, list[cp_model.IntVar]], SessionGroups | None]],
    deadline: float | None = None,
) -> bool:
    """Hint the groups of each (x, groups) pair; if they form a solution, every other variable too.

    A hint on the ``x`` alone leaves the languages, interpreters and pair variables for the solver
    to complete, which it often fails to do; solving a copy of the model with the ``x`` fixed
    completes the hint, so the search starts from the given grouping and can only improve. Call
    it once the model is complete. Returns whether anything was hinted.
    """
    values = []
    for x, groups in hints:
        if groups is not None:
            where = {p: g for g, group in enumerate(groups) for p in group}
            values += [(var, int(where.get(p) == g)) for p, row in x.items() for g, var in enumerate(row)]
    if not values:
        return False
    # The objective stays: auxiliary variables must take their best values, or presolve (which
    # fixes dominated ones) finds the hint infeasible and drops it.
    fixed = cp.clone()
    for var, value in values:
        fixed.Add(fixed.get_int_var_from_proto_index(var.Index()) == value)
    solver = _solver(0, 1.0, deadline)
    if solver.Solve(fixed) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for i in range(len(cp.Proto().variables)):
            cp.AddHint(
                cp.get_int_var_from_proto_index(i), solver.Value(fixed.get_int_var_from_proto_index(i))
            )
    else:
        for var, value in values:
            cp.AddHint(var, value)
    return True


@dataclass(frozen=True)
class SessionVerdict:
    """``groups`` when a grouping exists; ``conflict`` the clashing rule families when none does.

    Both empty: CP-SAT could not decide in its time budget.
    """

    groups: SessionGroups | None
    conflict: tuple[str, ...]


def _attempt(
    model: Model,
    s: int,
    families: list[str],
    *,
    hint: SessionGroups | None,
    seed: int,
    seconds: float,
    deadline: float | None,
) -> tuple[str, SessionGroups | None, list[str]]:
    cp = cp_model.CpModel()
    lits = {family: cp.NewBoolVar(family) for family in FAMILIES}
    x = add_session(cp, model, s, lits)
    # Families left out are not assumed: the solver is free to switch them off.
    cp.AddAssumptions([lits[family] for family in families])
    hinted = _hint(cp, [(x, hint)], _within(deadline, 0.25))
    solver = _solver(seed, seconds, deadline, hinted=hinted)
    status = solver.Solve(cp)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return "feasible", _groups(solver, model, s, x), []
    if status == cp_model.INFEASIBLE:
        core = set(solver.SufficientAssumptionsForInfeasibility())
        return "infeasible", None, [family for family in families if lits[family].Index() in core] or families
    return "unknown", None, []


def session_conflict(
    model: Model,
    s: int,
    *,
    hint: SessionGroups | None,
    seed: int,
    seconds: float,
    deadline: float | None = None,
) -> SessionVerdict:
    """Find a grouping of session ``s`` meeting every hard rule, or the smallest set of clashing rules.

    ``seconds`` is CP-SAT's deterministic budget; ``deadline`` (a ``time.monotonic()`` value)
    caps the wall clock (default: twice ``seconds``). Deciding takes most of both; shrinking a
    clash to its smallest set of rules, the rest.
    """
    status, groups, core = _attempt(
        model, s, list(FAMILIES), hint=hint, seed=seed, seconds=0.8 * seconds, deadline=_within(deadline, 0.8)
    )
    if status != "infeasible":
        return SessionVerdict(groups, ())
    share = 0.2 * seconds / len(FAMILIES)
    for family in list(core):
        if family not in core or len(core) == 1:
            continue
        trial = [f for f in core if f != family]
        status, _, smaller = _attempt(
            model, s, trial, hint=None, seed=seed, seconds=share, deadline=_within(deadline, 1 / len(core))
        )
        if status == "infeasible":
            core = smaller
    return SessionVerdict(None, tuple(core))


def reoptimise_session(
    model: Model,
    s: int,
    *,
    pair_costs: Mapping[tuple[int, int], float],
    hint: SessionGroups | None,
    seed: int,
    seconds: float,
    deadline: float | None = None,
) -> SessionGroups | None:
    """The grouping of session ``s`` meeting every hard rule at the least cost, other sessions fixed.

    The cost is ``pair_costs[p, q]`` for each pair put together (the repeat cost given the other
    sessions), ``weights.move`` for each person taken from their anchor group, and
    ``weights.continuity`` per unit of wish not met. Balance is left to the caller, who keeps the
    answer only if the whole objective improves. ``None`` when no grouping was found in time.
    """
    cp = cp_model.CpModel()
    x = add_session(cp, model, s)
    sd = model.sessions[s]
    weights = model.weights
    terms = []
    for (p, q), cost in pair_costs.items():
        together = cp.NewBoolVar(f"t{p}_{q}")
        for g in range(sd.groups):
            cp.AddBoolOr([x[p][g].Not(), x[q][g].Not(), together])
        terms.append(round(COST_SCALE * cost) * together)
    terms += [round(COST_SCALE * weights.move) * (1 - x[p][g]) for p, g in sd.anchor.items()]
    for p, wishes in sd.wishes.items():
        for q, weight in wishes:
            if p < q:
                met = [cp.NewBoolVar(f"w{p}_{q}_{g}") for g in range(sd.groups)]
                for g, both in enumerate(met):
                    cp.AddImplication(both, x[p][g])
                    cp.AddImplication(both, x[q][g])
                terms.append(round(COST_SCALE * weights.continuity * weight) * (1 - sum(met)))
    cp.Minimize(sum(terms))
    hinted = _hint(cp, [(x, hint)], _within(deadline, 0.25))
    solver = _solver(seed, seconds, deadline, hinted=hinted)
    if solver.Solve(cp) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _groups(solver, model, s, x)
    return None


def exact_size(model: Model) -> int:
    """How big the whole-plan model of ``exact_repeats`` would be (pair-group clauses)."""
    return sum(len(sd.present) * (len(sd.present) - 1) // 2 * sd.groups for sd in model.sessions)


def exact_repeats(
    model: Model,
    *,
    hint: list[SessionGroups] | None,
    seed: int,
    seconds: float,
    deadline: float | None = None,
) -> tuple[int, list[SessionGroups] | None]:
    """A proven lower bound on repeated meetings and the best plan found (``None`` if none).

    ``y`` marks that a pair meets in a session, ``fresh`` that a pair outside the history meets at
    least once; repeats = Σ y − Σ fresh, as in the metrics.
    """
    cp = cp_model.CpModel()
    xs = [add_session(cp, model, s) for s in range(len(model.sessions))]
    meets: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    hints = []
    for s, sd in enumerate(model.sessions):
        x = xs[s]
        groups = hint[s] if hint else None
        if sd.present and not sd.locked:
            # Groups of a session are interchangeable: put its first member in group 1.
            first = sd.present[0]
            cp.Add(x[first][0] == 1)
            if groups:
                k = next(g for g, group in enumerate(groups) if first in group)
                groups = [groups[k], *groups[:k], *groups[k + 1 :]]
        hints.append((x, groups))
        for i, p in enumerate(sd.present):
            for q in sd.present[i + 1 :]:
                # y = Σ_g x[p][g]·x[q][g], linked both ways so the search never wanders over y.
                together = []
                for g in range(sd.groups):
                    both = cp.NewBoolVar(f"z{s}_{p}_{q}_{g}")
                    cp.AddBoolAnd([x[p][g], x[q][g]]).OnlyEnforceIf(both)
                    cp.AddBoolOr([x[p][g].Not(), x[q][g].Not(), both])
                    together.append(both)
                y = cp.NewBoolVar(f"y{s}_{p}_{q}")
                cp.Add(y == sum(together))
                meets.setdefault((p, q), []).append(y)
    terms = []
    for (p, q), ys in meets.items():
        if not model.tracked[p][q]:
            continue
        terms.append(sum(ys))
        if model.hist[p][q] == 0:
            fresh = cp.NewBoolVar(f"f{p}_{q}")
            cp.Add(fresh <= sum(ys))
            terms.append(-fresh)
    cp.Minimize(sum(terms))
    hinted = _hint(cp, hints, _within(deadline, 0.25))
    solver = _solver(seed, seconds, deadline, hinted=hinted)
    status = solver.Solve(cp)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE, cp_model.UNKNOWN):
        return 0, None
    bound = solver.BestObjectiveBound()
    proven = math.ceil(bound - 1e-6) if math.isfinite(bound) else 0
    if status == cp_model.UNKNOWN:
        return max(0, proven), None
    return max(0, proven), [_groups(solver, model, s, xs[s]) for s in range(len(model.sessions))]
