"""CP-SAT models: an exact model with symmetry breaking, and the textbook baseline.

CP-SAT is weak on large golfer instances (the symmetry is enormous) but exact: it is the right tool
for tiny instances, for proving that a tiny instance has no solution, and as the yardstick the
benchmark compares the pipeline against.
"""

from __future__ import annotations

import threading
from itertools import combinations, pairwise

from ortools.sat.python import cp_model

from .model import Budget, Rounds, normalise

WORKERS = 2  # the reference machine has two cores


def run_solver(
    model: cp_model.CpModel, *, seed: int, budget: Budget, deterministic: bool = True
) -> cp_model.CpSolver | None:
    """Solve with the budget's deadline and cancel flag; the solver if a solution exists, else None.

    CP-SAT cannot poll a Python callable, so a watcher thread turns ``should_stop`` into
    ``stop_search``. ``interleave_search`` keeps a two-worker run deterministic for a given seed.
    """
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, budget.remaining())
    solver.parameters.num_workers = WORKERS
    solver.parameters.interleave_search = deterministic
    solver.parameters.random_seed = seed
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.05):
            if budget.should_stop is not None and budget.should_stop():
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        status = solver.solve(model)
    finally:
        done.set()
        watcher.join()
    return solver if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None


def _assignment_model(groups: int, size: int, rounds: int) -> tuple[cp_model.CpModel, dict]:
    """x[player, round, group] booleans with exact sizes; meet[a, b, round] flags, at most one per pair."""
    players = groups * size
    model = cp_model.CpModel()
    x = {
        (p, r, k): model.new_bool_var(f"x{p}_{r}_{k}")
        for p in range(players)
        for r in range(rounds)
        for k in range(groups)
    }
    for r in range(rounds):
        for p in range(players):
            model.add_exactly_one(x[p, r, k] for k in range(groups))
        for k in range(groups):
            model.add(sum(x[p, r, k] for p in range(players)) == size)
    for a, b in combinations(range(players), 2):
        meet = []
        for r in range(rounds):
            m = model.new_bool_var(f"m{a}_{b}_{r}")
            for k in range(groups):
                # Together in group k forces the meeting flag; the flag is otherwise free to be 0.
                model.add_bool_or([x[a, r, k].Not(), x[b, r, k].Not(), m])
            meet.append(m)
        model.add(sum(meet) <= 1)
    return model, x


def _extract(solver: cp_model.CpSolver, x: dict, groups: int, size: int, rounds: int) -> Rounds:
    players = groups * size
    return normalise(
        [
            [[p for p in range(players) if solver.boolean_value(x[p, r, k])] for k in range(groups)]
            for r in range(rounds)
        ]
    )


def baseline_model(groups: int, size: int, rounds: int) -> tuple[cp_model.CpModel, dict]:
    """The textbook model the benchmark measures against: only round 1 is fixed."""
    model, x = _assignment_model(groups, size, rounds)
    for p in range(groups * size):
        model.add(x[p, 0, p // size] == 1)
    return model, x


def solve_baseline(groups: int, size: int, rounds: int, *, seed: int, budget: Budget) -> Rounds | None:
    """Baseline CP-SAT with CP-SAT's default (non-deterministic) portfolio, as a user would run it."""
    model, x = baseline_model(groups, size, rounds)
    solver = run_solver(model, seed=seed, budget=budget, deterministic=False)
    return None if solver is None else _extract(solver, x, groups, size, rounds)


def solve_exact(groups: int, size: int, rounds: int, *, seed: int, budget: Budget) -> Rounds | None:
    """The baseline plus the classic symmetry breaking, for small instances and infeasibility proofs.

    Players, rounds and groups can be relabelled freely, so without loss of generality: round 1 is
    the identity; rounds 2.. are sorted by the smallest partner of player 0; player 0 sits in group 0
    of every round; and in round 2 the players 0..p-1 of the first group (who must be split) sit in
    groups 0..p-1.
    """
    model, x = _assignment_model(groups, size, rounds)
    players = groups * size
    for p in range(players):
        model.add(x[p, 0, p // size] == 1)
    for r in range(1, rounds):
        model.add(x[0, r, 0] == 1)
    if rounds > 1 and groups >= size:
        for p in range(size):
            model.add(x[p, 1, p] == 1)
    smallest_partner = []
    for r in range(1, rounds):
        m = model.new_int_var(1, players, f"smallest_partner{r}")
        model.add_min_equality(m, [players - (players - p) * x[p, r, 0] for p in range(1, players)])
        smallest_partner.append(m)
    for earlier, later in pairwise(smallest_partner):
        model.add(earlier < later)
    solver = run_solver(model, seed=seed, budget=budget)
    return None if solver is None else _extract(solver, x, groups, size, rounds)


def resolve_design(
    points: int, blocks: list[tuple[int, ...]], *, seed: int, budget: Budget
) -> list[int] | None:
    """Split the blocks of a design into parallel classes (each a partition of the points).

    Returns the class of each block, or None. For the lines of PG(3,q) this finds a *packing* (a
    partition of the lines into spreads), i.e. (q^2+1) groups of q+1 for q^2+q+1 rounds: 10-4-13
    for q = 3. The line through point 0 is pinned in each class, which removes the relabelling of
    classes.
    """
    per_class = points // len(blocks[0])
    classes = len(blocks) // per_class
    model = cp_model.CpModel()
    y = {(b, c): model.new_bool_var("") for b in range(len(blocks)) for c in range(classes)}
    for b in range(len(blocks)):
        model.add_exactly_one(y[b, c] for c in range(classes))
    through = [[b for b, block in enumerate(blocks) if p in block] for p in range(points)]
    for c in range(classes):
        for p in range(points):
            model.add_exactly_one(y[b, c] for b in through[p])
    for c, b in enumerate(through[0][:classes]):
        model.add(y[b, c] == 1)
    solver = run_solver(model, seed=seed, budget=budget)
    if solver is None:
        return None
    return [next(c for c in range(classes) if solver.boolean_value(y[b, c])) for b in range(len(blocks))]
