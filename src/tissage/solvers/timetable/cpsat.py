"""The CP-SAT model of a timetable, and the search for an explanation when there is none.

Each activity to place has a start variable whose domain is its candidate starts, a Boolean per
fitting room (which narrows the start to the room's opening hours), and interval
variables: one optional interval per room (its length plus the room's changeover) in that room's
``NoOverlap``, and one interval in the ``NoOverlap`` of each of its people. Stays and
commitments elsewhere narrow the start's domain. Each soft rule is a weighted term: the cost of the
start (preferred windows, travel days, moving in time) as one Boolean per cost level, a Boolean per
pair of activities that
share someone and come closer than the rest wanted, one per room a group uses, and the room left.

When CP-SAT proves that no timetable exists, a second model guards every requirement (each
activity placed, each pin, each person's stay, commitments and single place, each room's hours and
single use, each activity's fit) with an assumption literal. CP-SAT's sufficient assumptions for
infeasibility, shrunk by a deletion filter (drop one requirement, keep the smaller core when the
rest is still impossible), name a minimal set of requirements that cannot all hold.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable

from ortools.sat.python import cp_model
from ortools.util.python.sorted_interval_list import Domain

from .checker import placement_violations, shared_pairs
from .options import Options
from .problem import Placement, Problem, Requirement, Rule

Progress = Callable[[float, str], None]
StopCheck = Callable[[], bool]

# How often a running search reports its progress and looks whether it should stop.
POLL_SECONDS = 0.25


def new_solver(*, seed: int, seconds: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    # Several subsolvers (LNS among them) interleaved deterministically in one thread: seeded runs
    # give the same timetable; the wall-clock limit keeps the caller's budget on a loaded machine.
    solver.parameters.num_workers = 8
    solver.parameters.interleave_search = True
    solver.parameters.random_seed = seed
    solver.parameters.max_deterministic_time = max(seconds, 0.01)
    solver.parameters.max_time_in_seconds = max(seconds, 0.05)
    return solver


class _FirstSolution(cp_model.CpSolverSolutionCallback):
    def __init__(self, started: float):
        super().__init__()
        self.started = started
        self.first: float | None = None
        self.best: float | None = None

    def on_solution_callback(self) -> None:
        if self.first is None:
            self.first = time.monotonic() - self.started
        self.best = self.objective_value


def run(
    cp: cp_model.CpModel,
    solver: cp_model.CpSolver,
    *,
    seconds: float,
    progress: Progress | None,
    should_stop: StopCheck | None,
    started: float,
    target: int | None = None,
) -> tuple[int, _FirstSolution, bool]:
    """Solve in a thread while this one reports progress and relays a request to stop; stop too when
    a solution reaches ``target`` (a known lower bound: nothing better exists).

    If ``progress`` raises (the job was cancelled), the search is stopped before the error goes on.
    """
    callback = _FirstSolution(started)
    outcome: dict[str, int] = {}
    stopped = False
    thread = threading.Thread(target=lambda: outcome.setdefault("status", solver.solve(cp, callback)))
    thread.start()
    began = time.monotonic()
    try:
        while thread.is_alive():
            thread.join(POLL_SECONDS)
            if should_stop is not None and should_stop():
                stopped = True
                solver.stop_search()
            if target is not None and callback.best is not None and callback.best <= target:
                solver.stop_search()
            if progress is not None and thread.is_alive():
                fraction = min((time.monotonic() - began) / max(seconds, 0.01), 0.99)
                progress(fraction, _progress_message(callback))
    finally:
        if thread.is_alive():
            solver.stop_search()
            thread.join()
    return outcome["status"], callback, stopped


def _progress_message(callback: _FirstSolution) -> str:
    if callback.best is None:
        return "searching for a first timetable"
    return f"best cost so far {round(callback.best)}"


class TimetableModel:
    """The CP-SAT model of ``problem`` with every hard rule, and its objective (``options``: those of
    the activities to place; the fixed ones need none).

    A ``piece`` of a bigger timetable (see :mod:`.lns`) trusts its fixed activities to obey the rules
    and leaves out the costs they have between themselves, which no move in the piece can change.
    """

    def __init__(self, problem: Problem, options: dict[str, Options], *, piece: bool = False):
        self.problem = problem
        self.options = options
        self.whole = not piece
        self.cp = cp_model.CpModel()
        self.levels: dict[str, dict[int, cp_model.IntVar]] = {}
        self.start: dict[str, cp_model.LinearExprT] = {}
        self.room: dict[str, dict[str, cp_model.IntVar]] = {}
        self.constant = 0
        self.terms: list[cp_model.LinearExprT] = []
        room_intervals: dict[str, list] = defaultdict(list)
        person_intervals: dict[str, list] = defaultdict(list)
        for activity in problem.activities:
            if activity.fixed:
                self._fixed(activity, room_intervals, person_intervals)
            else:
                self._free(activity, room_intervals, person_intervals)
        for person in problem.people:
            for window in person.busy:
                interval = self.cp.new_fixed_size_interval_var(window.start, window.end - window.start, "")
                person_intervals[person.id].append(interval)
        for intervals in (*room_intervals.values(), *person_intervals.values()):
            if len(intervals) > 1:
                self.cp.add_no_overlap(intervals)
        self._rest()
        self._groups()
        self.cp.minimize(sum(self.terms) + self.constant)

    def _fixed(self, activity, room_intervals, person_intervals) -> None:
        current = activity.current
        self.start[activity.id] = current.start
        if self.whole and placement_violations(self.problem, activity, current):
            # What stays where it is must obey the rules too; the explanation will say which it breaks.
            self.cp.add_bool_or([])
        if current.room is not None:
            changeover = self.problem.room_by_id[current.room].changeover
            room_intervals[current.room].append(
                self.cp.new_fixed_size_interval_var(current.start, activity.duration + changeover, "")
            )
        interval = self.cp.new_fixed_size_interval_var(current.start, activity.duration, "")
        for person in activity.people:
            person_intervals[person].append(interval)

    def _free(self, activity, room_intervals, person_intervals) -> None:
        opts = self.options[activity.id]
        by_room = {room: [opts.starts[i] for i in indices] for room, indices in opts.room_indices.items()}
        every = sorted(set().union(*by_room.values())) if by_room else []
        name = activity.id
        start = self.cp.new_int_var_from_domain(Domain.from_values(every or [0]), f"start[{name}]")
        self.start[activity.id] = start
        # The cost of a start, as one literal per cost level (there are few): lighter than an element.
        levels: dict[int, list[int]] = defaultdict(list)
        for value in every:
            levels[opts.cost[opts.starts.index(value)]].append(value)
        if len(levels) > 1:
            literals = {}
            for cost, values in sorted(levels.items()):
                literals[cost] = self.cp.new_bool_var(f"cost[{name},{cost}]")
                self.cp.add_linear_expression_in_domain(start, Domain.from_values(values)).only_enforce_if(
                    literals[cost]
                )
            self.cp.add_exactly_one(literals.values())
            self.terms.extend(cost * literal for cost, literal in literals.items() if cost)
            self.levels[activity.id] = literals
        else:
            self.constant += next(iter(levels), 0)
        rooms = {room: self.cp.new_bool_var(f"in[{name},{room}]") for room in by_room}
        self.room[activity.id] = rooms
        self.cp.add_exactly_one(rooms.values())
        for room, literal in rooms.items():
            if len(by_room[room]) < len(every):
                self.cp.add_linear_expression_in_domain(
                    start, Domain.from_values(by_room[room])
                ).only_enforce_if(literal)
            changeover = self.problem.room_by_id[room].changeover
            room_intervals[room].append(
                self.cp.new_optional_fixed_size_interval_var(
                    start, activity.duration + changeover, literal, ""
                )
            )
        interval = self.cp.new_fixed_size_interval_var(start, activity.duration, f"at[{name}]")
        for person in activity.people:
            person_intervals[person].append(interval)
        current = activity.current
        if current is not None:
            moves = self.problem.weights.moves
            if current.room in rooms:
                self.constant += moves
                self.terms.append(-moves * rooms[current.room])
            else:
                self.constant += moves

    def _span(self, activity) -> tuple[int, int]:
        if activity.fixed:
            return activity.current.start, activity.current.start + activity.duration
        return self.options[activity.id].span

    def _rest(self) -> None:
        rest, weight = self.problem.rest, self.problem.weights.rest
        if rest <= 0 or weight == 0:
            return
        for first, second in shared_pairs(self.problem, skip_fixed_pairs=not self.whole):
            shared = len(set(first.people) & set(second.people))
            (first_from, first_to), (second_from, second_to) = self._span(first), self._span(second)
            if first_to + rest <= second_from or second_to + rest <= first_from:
                continue  # never closer than the rest wanted
            if first.fixed and second.fixed:
                self.constant += weight * shared
                continue
            near = self.cp.new_bool_var(f"near[{first.id},{second.id}]")
            before = self.cp.new_bool_var(f"before[{first.id},{second.id}]")
            a, b = self.start[first.id], self.start[second.id]
            self.cp.add(a + first.duration + rest <= b).only_enforce_if([before, near.Not()])
            self.cp.add(b + second.duration + rest <= a).only_enforce_if([before.Not(), near.Not()])
            # And ``near`` only when they are: the objective then counts exactly what the checker counts.
            self.cp.add(a + first.duration + rest > b).only_enforce_if(near)
            self.cp.add(b + second.duration + rest > a).only_enforce_if(near)
            self.terms.append(weight * shared * near)

    def _groups(self) -> None:
        weight = self.problem.weights.room_changes
        if not weight:
            return
        groups: dict[str, list] = defaultdict(list)
        for activity in self.problem.activities:
            if activity.group:
                groups[activity.group].append(activity)
        for group, activities in sorted(groups.items()):
            # The literals of the free activities that could be in each room, and the rooms the
            # fixed ones are in already.
            users: dict[str, list] = defaultdict(list)
            taken: set[str] = set()
            for activity in activities:
                if not activity.fixed:
                    for room, literal in self.room[activity.id].items():
                        users[room].append(literal)
                elif activity.current.room is not None:
                    taken.add(activity.current.room)
            used = []
            for room, literals in sorted(users.items()):
                if room not in taken:
                    in_use = self.cp.new_bool_var(f"uses[{group},{room}]")
                    self.cp.add_max_equality(in_use, literals)
                    used.append(in_use)
            self.constant += weight * len(taken)
            if users or taken:
                self.terms.append(weight * sum(used))
                self.constant -= weight

    def hint(self, placements: dict[str, Placement]) -> None:
        for activity_id, rooms in self.room.items():
            activity = self.problem.activity_by_id[activity_id]
            placement = placements.get(activity_id) or activity.current
            if placement is None or placement.start not in self.options[activity_id].starts:
                continue
            self.cp.add_hint(self.start[activity_id], placement.start)
            opts = self.options[activity_id]
            cost = opts.cost[opts.starts.index(placement.start)]
            for level, literal in self.levels.get(activity_id, {}).items():
                self.cp.add_hint(literal, level == cost)
            for room, literal in rooms.items():
                self.cp.add_hint(literal, room == placement.room)

    def placements(self, solver: cp_model.CpSolver) -> list[Placement]:
        found = []
        for activity in self.problem.activities:
            if activity.fixed:
                found.append(activity.current)
                continue
            room = next(r for r, literal in self.room[activity.id].items() if solver.boolean_value(literal))
            found.append(Placement(activity.id, solver.value(self.start[activity.id]), room))
        return found


def _values(opts: Options, indices: set[int]) -> Domain:
    """The starts at ``indices``, as a domain (an impossible value stands for none)."""
    return Domain.from_values(sorted(opts.starts[i] for i in indices) or [-1])


class ExplanationModel:
    """Every hard rule guarded by an assumption literal, to find which requirements clash."""

    def __init__(self, problem: Problem, options: dict[str, Options]):
        self.problem = problem
        self.options = options
        self.cp = cp = cp_model.CpModel()
        self.requirements: dict[int, Requirement] = {}
        self._literals: dict[Requirement, cp_model.IntVar] = {}
        room_intervals: dict[str, list] = defaultdict(list)
        person_intervals: dict[str, list] = defaultdict(list)
        for activity in problem.activities:
            opts = options[activity.id]
            name = activity.id
            days = sorted(opts.starts[i] for i in opts.in_days)
            start = cp.new_int_var_from_domain(Domain.from_values(days or [0]), f"start[{name}]")
            placed = cp.new_bool_var(f"placed[{name}]")
            current = activity.current
            rooms = {}
            if not (activity.fixed and current.room is None):
                rooms = {room.id: cp.new_bool_var(f"in[{name},{room.id}]") for room in problem.rooms}
                cp.add(sum(rooms.values()) == placed)
            if activity.fixed:
                pin = self.literal(Rule.PIN, activity.id)
                cp.add(placed == 1).only_enforce_if(pin)
                cp.add(start == current.start).only_enforce_if(pin)
                if current.room is not None:
                    cp.add(rooms[current.room] == 1).only_enforce_if(pin)
            else:
                cp.add(placed == 1).only_enforce_if(self.literal(Rule.PLACE, activity.id))
            unfit = [room for room in problem.rooms if not problem.fits(activity, room)]
            if unfit and rooms:
                fit = self.literal(Rule.FIT, activity.id)
                for room in unfit:
                    cp.add(rooms[room.id] == 0).only_enforce_if(fit)
            for room_id, literal in rooms.items():
                room = problem.room_by_id[room_id]
                allowed = opts.hours[room_id]
                if len(allowed) < len(opts.starts):
                    cp.add_linear_expression_in_domain(start, _values(opts, allowed)).only_enforce_if(
                        [literal, self.literal(Rule.HOURS, room_id)]
                    )
                present = self.both(literal, self.literal(Rule.ROOM, room_id))
                room_intervals[room_id].append(
                    cp.new_optional_fixed_size_interval_var(
                        start, activity.duration + room.changeover, present, ""
                    )
                )
            for person_id in activity.people:
                for rule, allowed in ((Rule.PRESENCE, opts.present), (Rule.BUSY, opts.clear)):
                    if len(allowed[person_id]) < len(opts.starts):
                        cp.add_linear_expression_in_domain(
                            start, _values(opts, allowed[person_id])
                        ).only_enforce_if([placed, self.literal(rule, person_id)])
                present = self.both(placed, self.literal(Rule.OVERLAP, person_id))
                person_intervals[person_id].append(
                    cp.new_optional_fixed_size_interval_var(start, activity.duration, present, "")
                )
        for intervals in (*room_intervals.values(), *person_intervals.values()):
            if len(intervals) > 1:
                cp.add_no_overlap(intervals)

    def literal(self, rule: Rule, subject: str) -> cp_model.IntVar:
        requirement = Requirement(rule, subject)
        if requirement not in self._literals:
            literal = self.cp.new_bool_var(f"{rule}[{subject}]")
            self._literals[requirement] = literal
            self.requirements[literal.index] = requirement
        return self._literals[requirement]

    def both(self, first: cp_model.IntVar, second: cp_model.IntVar) -> cp_model.IntVar:
        both = self.cp.new_bool_var("")
        self.cp.add_bool_and([first, second]).only_enforce_if(both)
        self.cp.add_bool_or([first.Not(), second.Not(), both])
        return both

    def _attempt(self, requirements: list[Requirement], *, seed: int, seconds: float):
        self.cp.clear_assumptions()
        self.cp.add_assumptions([self._literals[r] for r in requirements])
        solver = new_solver(seed=seed, seconds=seconds)
        status = solver.solve(self.cp)
        if status == cp_model.INFEASIBLE:
            core = set(solver.sufficient_assumptions_for_infeasibility())
            return status, [r for r in requirements if self._literals[r].index in core] or requirements
        return status, []

    def _alone(self, activity) -> set[Requirement]:
        """The requirements about ``activity`` alone: its place, its room and its people's time."""
        found = {Requirement(Rule.PIN if activity.fixed else Rule.PLACE, activity.id)}
        found.add(Requirement(Rule.FIT, activity.id))
        found.update(Requirement(Rule.HOURS, room.id) for room in self.problem.rooms)
        found.update(Requirement(rule, p) for p in activity.people for rule in (Rule.PRESENCE, Rule.BUSY))
        return {r for r in found if r in self._literals}

    def _stuck(self, activity, keep: set[Requirement]) -> bool:
        """Whether ``activity`` has no place under the requirements ``keep`` even with the timetable
        to itself: what the model would prove, decided in Python."""
        problem = self.problem
        if activity.fixed:
            broken = placement_violations(problem, activity, activity.current)
            return Requirement(Rule.PIN, activity.id) in keep and any(
                Requirement(v.rule, v.subject) in keep for v in broken
            )
        if Requirement(Rule.PLACE, activity.id) not in keep:
            return False
        opts = self.options[activity.id]
        allowed = set(opts.in_days)
        for person in activity.people:
            if Requirement(Rule.PRESENCE, person) in keep:
                allowed &= opts.present[person]
            if Requirement(Rule.BUSY, person) in keep:
                allowed &= opts.clear[person]
        if not allowed:
            return True
        fit = Requirement(Rule.FIT, activity.id) in keep
        rooms = [room for room in problem.rooms if not fit or problem.fits(activity, room)]
        return not any(
            Requirement(Rule.HOURS, room.id) not in keep or allowed & opts.hours[room.id] for room in rooms
        )

    def _shrink(self, core: list[Requirement], *, seed: int, deadline: float) -> tuple[Requirement, ...]:
        """The deletion filter: leave out each requirement in turn, and keep the smaller core while
        the rest is still impossible."""
        for requirement in list(core):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            if requirement not in core or len(core) == 1:
                continue
            trial = [r for r in core if r != requirement]
            status, smaller = self._attempt(trial, seed=seed, seconds=remaining / 2)
            if status == cp_model.INFEASIBLE:
                core = smaller
        return _ordered(core)

    def minimal_conflict(self, *, seed: int, seconds: float) -> tuple[Requirement, ...]:
        """A set of requirements that cannot all hold, none of which can be left out (when the time
        allows to prove it); empty if the requirements turn out to be compatible.

        An activity that has no place even alone (someone never there, no room big enough) is the
        usual cause in a big edition: its few requirements are shrunk first, in Python, in an
        instant, where shrinking a core drawn from the whole timetable could run out of time.
        """
        for activity in self.problem.activities:
            core = self._alone(activity)
            if self._stuck(activity, core):
                for requirement in _ordered(core):
                    if self._stuck(activity, core - {requirement}):
                        core.discard(requirement)
                return _ordered(core)
        deadline = time.monotonic() + seconds
        status, core = self._attempt(list(self._literals), seed=seed, seconds=seconds / 2)
        if status != cp_model.INFEASIBLE:
            return ()
        return self._shrink(core, seed=seed, deadline=deadline)


def _ordered(requirements) -> tuple[Requirement, ...]:
    return tuple(sorted(requirements, key=lambda r: (list(Rule).index(r.rule), r.subject)))
