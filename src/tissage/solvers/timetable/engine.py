"""``solve``: a greedy first timetable, improved by CP-SAT, or the reason there is none.

Small problems go to CP-SAT whole, which often proves its answer optimal. Big ones start from the
greedy timetable (found in a second or two) and are improved piece by piece (:mod:`.lns`); CP-SAT
takes them whole only when the greedy construction cannot place everything, to find a timetable or
prove that none exists.
"""

from __future__ import annotations

import math
import time

from ortools.sat.python import cp_model

from .checker import check, costs
from .cpsat import ExplanationModel, Progress, StopCheck, TimetableModel, new_solver, run
from .greedy import construct
from .lns import improve, lower_bound
from .options import all_options
from .problem import Placement, Problem, Rule, Solution, Status

# Up to this many activities to place, CP-SAT takes the whole problem.
WHOLE_MODEL_SIZE = 40
# The explanation of an impossible timetable gets this share of the time limit, and at least this long.
EXPLAIN_SHARE = 0.5
EXPLAIN_MIN_SECONDS = 5.0


class _Clock:
    """Reports progress and relays a request to stop, for the piece-by-piece search."""

    def __init__(self, time_limit: float, progress: Progress | None, should_stop: StopCheck | None):
        self.started = time.monotonic()
        self.deadline = self.started + time_limit
        self.time_limit = time_limit
        self.progress = progress
        self.should_stop = should_stop
        self.stopped = False
        self.best: int | None = None

    @property
    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def improved(self, cost: int) -> None:
        self.best = cost

    def go_on(self) -> bool:
        if self.progress is not None:
            done = (time.monotonic() - self.started) / max(self.time_limit, 0.01)
            message = "improving the timetable" if self.best is None else f"best cost so far {self.best}"
            self.progress(min(done, 0.99), message)
        if self.should_stop is not None and self.should_stop():
            self.stopped = True
        return not self.stopped and self.remaining > 0


def solve(
    problem: Problem,
    *,
    seed: int = 0,
    time_limit: float = 10.0,
    progress: Progress | None = None,
    should_stop: StopCheck | None = None,
) -> Solution:
    """The best timetable found within ``time_limit`` seconds (proved optimal when CP-SAT can).

    ``progress(fraction, message)`` is called a few times a second; when ``should_stop()`` turns
    true the search stops and returns the best timetable so far. An impossible problem comes back
    with status ``infeasible`` and, in ``conflict``, a minimal set of requirements that clash.
    """
    clock = _Clock(time_limit, progress, should_stop)
    if _fixed_break_rules(problem):
        # No search can mend what must stay where it is: say which rules it breaks.
        return _explain(problem, seed=seed, time_limit=time_limit, started=clock.started)
    options = all_options(problem, free_only=True)
    greedy = construct(problem, options)
    complete = len(greedy) == len(problem.activities)
    first = time.monotonic() - clock.started if complete else None
    incumbent: dict[str, Placement] | None = greedy if complete else None
    bound = lower_bound(problem, options)

    free = sum(1 for a in problem.activities if not a.fixed)
    go_on = clock.go_on()  # the first report, and a first look at whether to stop
    if not complete or (go_on and free <= WHOLE_MODEL_SIZE):
        model = TimetableModel(problem, options)
        model.hint(greedy)
        seconds = max(clock.remaining, 0.05)
        solver = new_solver(seed=seed, seconds=seconds)
        solver.parameters.keep_all_feasible_solutions_in_presolve = complete
        status, callback, clock.stopped = run(
            model.cp,
            solver,
            seconds=seconds,
            progress=progress,
            should_stop=should_stop,
            started=clock.started,
            target=bound,
        )
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            incumbent = {p.activity: p for p in model.placements(solver)}
            bound = max(bound, math.ceil(solver.best_objective_bound - 1e-6))
            first = first if first is not None else callback.first
        elif status == cp_model.INFEASIBLE:
            return _explain(problem, seed=seed, time_limit=time_limit, started=clock.started)
        if incumbent is None:
            status = Status.STOPPED if clock.stopped else Status.UNKNOWN
            return Solution(status=status, seconds=time.monotonic() - clock.started)
    elif go_on:
        incumbent = improve(
            problem,
            options,
            incumbent,
            seed=seed,
            deadline=clock.deadline,
            on_improvement=clock.improved,
            should_go_on=clock.go_on,
        )
    placements = tuple(incumbent[a.id] for a in problem.activities)
    found = costs(problem, placements)
    objective = found.total(problem.weights)
    return Solution(
        status=Status.OPTIMAL if objective <= bound else Status.FEASIBLE,
        placements=placements,
        objective=objective,
        bound=min(bound, objective),
        costs=found,
        seconds=time.monotonic() - clock.started,
        first_solution_seconds=first,
    )


def _fixed_break_rules(problem: Problem) -> bool:
    """Whether the activities that stay where they are already break a hard rule between them."""
    fixed = [a.current for a in problem.activities if a.fixed]
    return any(violation.rule != Rule.PLACE for violation in check(problem, fixed))


def _explain(problem: Problem, *, seed: int, time_limit: float, started: float) -> Solution:
    explain = all_options(problem, all_rooms=True)
    conflict = ExplanationModel(problem, explain).minimal_conflict(
        seed=seed, seconds=max(time_limit * EXPLAIN_SHARE, EXPLAIN_MIN_SECONDS)
    )
    return Solution(status=Status.INFEASIBLE, conflict=conflict, seconds=time.monotonic() - started)
