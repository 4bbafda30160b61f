"""Re-planning after someone drops out or joins: keep the plan, move as few people as possible.

The current plan becomes the *anchor*: every person keeps their group unless moving pays, since
each moved assignment costs ``weights.move`` in the objective (by default 20, the price of two
repeated meetings). Sessions already held
(``locked_sessions``) and whole groups (``locked_groups``) are frozen: nobody enters or leaves
them, and a dropout there is just absent. Person locks of the problem still hold. The search
restores the hard rules (CP-SAT takes over a session it cannot mend), then CP-SAT redoes each
session where people moved, weighing moves against repeats exactly, and the search polishes.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .bounds import counting_bound
from .construct import construct
from .engine import Fallback, improve, reoptimiser
from .explain import build_plan
from .feasibility import precheck
from .model import Model
from .plan import Move, Plan
from .problem import Person, Problem, ProblemError, Role
from .reasons import Infeasible
from .search import Budget, Search
from .state import NOISE, State

# The search may spend this share of the effort; CP-SAT then redoes the sessions where it moved
# people, within this share of the time limit. A repair starts from a good plan where every move
# costs: the search needs little patience.
SEARCH_SHARE = 0.3
CPSAT_SHARE = 0.5
REPAIR_STALL = 100


@dataclass(frozen=True)
class Dropout:
    """``person`` no longer attends ``sessions`` (``None``: every session not locked)."""

    person: str
    sessions: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Join:
    """``person`` joins (a newcomer, or new availability for someone already known)."""

    person: Person


Change = Dropout | Join


def apply_changes(
    problem: Problem,
    changes: Iterable[Change],
    *,
    current: Plan | None = None,
    locked_sessions: Iterable[str] = (),
) -> Problem:
    """The problem a repair solves: ``problem`` after ``changes``.

    A dropout without sessions leaves every session not locked, and their locks there go with
    them. In a locked (already held) session, exactly the people ``current`` placed there attend.
    """
    people = {p.id: p for p in problem.people}
    locks = list(problem.locks)
    held = set(locked_sessions)
    for i, change in enumerate(changes):
        if isinstance(change, Join):
            people[change.person.id] = change.person
            continue
        if change.person not in people:
            raise ProblemError(f"changes[{i}].person", f"unknown person {change.person!r}")
        person = people[change.person]
        leaving = set(change.sessions or (s.id for s in problem.sessions if s.id not in held))
        attends = tuple(s.id for s in problem.sessions if person.attends(s.id) and s.id not in leaving)
        people[person.id] = dataclasses.replace(person, sessions=attends)
        locks = [lock for lock in locks if not (lock.person == person.id and lock.session in leaving)]
    if current is not None and held:
        placed = {sp.session: {m for g in sp.groups for m in g.members} for sp in current.sessions}
        for pid, person in people.items():
            if person.role is not Role.INTERPRETER:
                attends = tuple(
                    s.id
                    for s in problem.sessions
                    if (pid in placed.get(s.id, ()) if s.id in held else person.attends(s.id))
                )
                people[pid] = dataclasses.replace(person, sessions=attends)
    return dataclasses.replace(problem, people=tuple(people.values()), locks=tuple(locks))


def repair(
    problem: Problem,
    current: Plan,
    *,
    changes: Sequence[Change] = (),
    locked_groups: Iterable[tuple[str, int]] = (),
    locked_sessions: Iterable[str] = (),
    seed: int,
    time_limit: float,
    progress: Callable[[float, str], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Plan:
    """Repair ``current`` for ``problem`` after ``changes``; the plan's ``moves`` lists the diff.

    ``locked_groups`` are ``(session id, group number)`` pairs; ``locked_sessions`` freeze every
    group of the sessions already held. Raises `Infeasible` when the hard rules cannot be met
    around the locks.
    """
    budget = Budget(time.monotonic(), time_limit, should_stop, progress)
    held = set(locked_sessions)
    updated = apply_changes(problem, changes, current=current, locked_sessions=held)
    model = _anchored_model(updated, current, set(locked_groups), held)
    reasons = precheck(model)
    if reasons:
        raise Infeasible(reasons)
    rng = random.Random(seed)
    state = State(model)
    for s, sd in enumerate(model.sessions):
        for unit in sd.units:
            placed = [sd.anchor[p] for p in unit if p in sd.anchor]
            locked = model.unit_locked(s, unit)
            if locked >= 0 or placed:
                for p in unit:
                    state.place(s, p, locked if locked >= 0 else placed[0])
    construct(state, rng)
    search = Search(state, rng, budget, lower_bound=counting_bound(model))
    reoptimise = reoptimiser(state)

    effort = SEARCH_SHARE * budget.effort
    stopped_by = improve(model, search, seed=seed, stall=REPAIR_STALL, effort=effort, fallback=reoptimise)
    if stopped_by != "cancelled":
        _reoptimise_moved_sessions(model, state, reoptimise, seed=seed, budget=budget)
        stopped_by = search.run(stall=REPAIR_STALL)
    return build_plan(
        model,
        state.assignment(),
        seed=seed,
        stopped_by=stopped_by,
        lower_bound=search.lower_bound,
        bound_method="counting",
        moves=diff(current, model, state),
    )


def _anchored_model(
    problem: Problem, current: Plan, locked_groups: set[tuple[str, int]], held: set[str]
) -> Model:
    """The model of ``problem`` with everyone anchored to their group in ``current``.

    Locked groups, and every group of a held session, are closed: their present members are
    locked in and nobody else may enter.
    """
    session_index = {s.id: i for i, s in enumerate(problem.sessions)}
    members = {p.id: i for i, p in enumerate(problem.members)}
    anchors = {}
    closed: dict[int, frozenset[int]] = {}
    for sp in current.sessions:
        s = session_index.get(sp.session)
        if s is None:
            continue
        for group in sp.groups:
            for person in group.members:
                if person in members:
                    anchors[(s, members[person])] = group.number - 1
            if sp.session in held or (sp.session, group.number) in locked_groups:
                closed[s] = closed.get(s, frozenset()) | {group.number - 1}
    return Model(problem, anchors=anchors, closed=closed)


def _reoptimise_moved_sessions(
    model: Model,
    state: State,
    reoptimise: Fallback,
    *,
    seed: int,
    budget: Budget,
) -> None:
    """Let CP-SAT redo each session where the search moved someone, the other sessions fixed.

    Mending a rule means moving people, and each move may bring people together again; the
    search takes the first mend it finds, CP-SAT (starting from it) weighs moves against repeats
    exactly. Its answer is kept only if the whole objective, balance included, improves.
    """
    moved = [s for s, sd in enumerate(model.sessions) if not all(sd.closed) and _worth_redoing(state, s)]
    for i, s in enumerate(moved):
        if budget.left() < 0.5:
            break
        before, total = state.assignment()[s], state.total
        seconds = CPSAT_SHARE * budget.time_limit / len(moved)
        deadline = time.monotonic() + budget.left() / (len(moved) - i)
        groups = reoptimise(model, s, hint=before, seed=seed, seconds=seconds, deadline=deadline)
        if groups is not None:
            state.load_session(s, groups)
            if state.total > total:
                state.load_session(s, before)


def _worth_redoing(state: State, s: int) -> bool:
    """Whether the search left session ``s`` with repeats, or with more than one exchange's moves."""
    sd = state.model.sessions[s]
    grp = state.grp[s]
    moved = sum(1 for p in sd.present if grp[p] != sd.anchor.get(p))
    repeats = any(state.A[s][p][grp[p]] > NOISE for p in sd.present)
    return moved > 2 or (moved > 0 and repeats)


def diff(current: Plan, model: Model, state: State) -> tuple[Move, ...]:
    """Every (person, session) whose group changed, including dropouts and newcomers."""
    moves = []
    ids = [p.id for p in model.people]
    for s, sd in enumerate(model.sessions):
        before = {
            m: g.number
            for sp in current.sessions
            if sp.session == sd.id
            for g in sp.groups
            for m in g.members
        }
        after = {ids[p]: g + 1 for g, group in enumerate(state.members[s]) for p in group}
        order = list(before) + [p for p in after if p not in before]
        moves += [
            Move(person, sd.id, before.get(person), after.get(person))
            for person in order
            if before.get(person) != after.get(person)
        ]
    return tuple(moves)
