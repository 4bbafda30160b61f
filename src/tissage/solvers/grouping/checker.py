"""An independent checker: does a plan obey every hard rule of its problem?

It reads only the `Problem` and the `Plan` — none of the engine's compiled model, counters or
helpers — and recomputes each rule and the repeated-pair metrics the plain way, so that a bug in
the engine's incremental bookkeeping cannot hide itself. Tests and the benchmark run it on every
plan; an empty list means the plan is valid.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

from .plan import Plan
from .problem import PairKind, Person, Problem, Role


@dataclass(frozen=True)
class Violation:
    code: str
    session: str | None
    group: int | None
    detail: str


Report = Callable[[str, str | None, int | None, str], None]


def check_plan(
    problem: Problem,
    plan: Plan,
    *,
    previous: Plan | None = None,
    locked_groups: Iterable[tuple[str, int]] = (),
    locked_sessions: Iterable[str] = (),
) -> list[Violation]:
    """Every broken rule of ``plan``; with ``previous``, also checks that locked groups were kept."""
    found: list[Violation] = []

    def bad(code: str, session: str | None, group: int | None, detail: str) -> None:
        found.append(Violation(code, session, group, detail))

    people = {p.id: p for p in problem.people}
    if [sp.session for sp in plan.sessions] != [s.id for s in problem.sessions]:
        bad("sessions", None, None, "the plan's sessions differ from the problem's")
        return found
    rules = problem.rules
    share = Fraction(rules.max_hub_share).limit_denominator(1000)
    for session, sp in zip(problem.sessions, plan.sessions, strict=True):
        sid = session.id
        if [g.number for g in sp.groups] != list(range(1, session.groups + 1)):
            bad("group_count", sid, None, f"expected groups 1..{session.groups}")
        where: dict[str, int] = {}
        used_interpreters: Counter[str] = Counter()
        for group in sp.groups:
            number = group.number
            for pid in group.members:
                person = people.get(pid)
                if person is None or person.role is Role.INTERPRETER:
                    bad("not_a_member", sid, number, f"{pid} cannot be a group member")
                    continue
                if not person.attends(sid):
                    bad("absent_placed", sid, number, f"{pid} does not attend {sid}")
                if pid in where:
                    bad("placed_twice", sid, number, f"{pid} is also in group {where[pid]}")
                where[pid] = number
            members = [people[pid] for pid in group.members if pid in people]
            size = len(members)
            if not session.min_size <= size <= session.max_size:
                bad("size", sid, number, f"{size} members, allowed {session.min_size}-{session.max_size}")
            hubs = Counter(m.hub for m in members)
            if len(hubs) < rules.min_hubs:
                bad("hub_mix", sid, number, f"{len(hubs)} hubs, at least {rules.min_hubs} needed")
            for hub, count in hubs.items():
                if count * share.denominator > share.numerator * size:
                    bad("hub_share", sid, number, f"{count} of {size} from {hub}")
            if sum(m.role.can_lead for m in members) < rules.leaders_per_group:
                bad("leader", sid, number, "not enough leaders")
            if group.interpreter is not None:
                used_interpreters[group.interpreter] += 1
            _check_language(problem, sid, group.language, group.interpreter, members, number, bad)
        for interpreter, count in used_interpreters.items():
            if count > 1:
                bad("interpreter_twice", sid, None, f"{interpreter} serves {count} groups")
        for person in problem.members:
            if person.attends(sid) and person.id not in where:
                bad("not_placed", sid, None, f"{person.id} attends but has no group")
        for rule in problem.pair_rules:
            if not rule.applies(sid) or rule.a not in where or rule.b not in where:
                continue
            together = where[rule.a] == where[rule.b]
            if together != (rule.kind is PairKind.TOGETHER):
                bad(f"{rule.kind.value}_broken", sid, None, f"{rule.a} and {rule.b}")
        for lock in problem.locks:
            if lock.session == sid and where.get(lock.person) != lock.group:
                bad("lock_broken", sid, lock.group, f"{lock.person} left locked group {lock.group}")
    if previous is not None:
        _check_kept(problem, plan, previous, set(locked_groups), set(locked_sessions), bad)
    _check_metrics(problem, plan, bad)
    return found


def _check_language(
    problem: Problem,
    sid: str,
    language: str,
    interpreter: str | None,
    members: list[Person],
    number: int,
    bad: Report,
) -> None:
    """All members work in the group's language, or its interpreter bridges those who do not."""
    usable = {m.id: {lang for lang, level in m.languages if level.usable} for m in members}
    lacking = [m.id for m in members if language not in usable[m.id]]
    if not lacking:
        return
    if interpreter is None:
        bad("language", sid, number, f"{', '.join(lacking)} do not work in {language!r}")
        return
    helper = next((p for p in problem.interpreters if p.id == interpreter), None)
    if helper is None or not helper.attends(sid):
        bad("interpreter_invalid", sid, number, f"{interpreter} is not an interpreter attending {sid}")
        return
    speaks = {lang for lang, level in helper.languages if level.usable}
    if language not in speaks:
        bad("interpreter_invalid", sid, number, f"{interpreter} does not speak {language!r}")
    for pid in lacking:
        if not speaks & usable[pid]:
            bad("language", sid, number, f"{interpreter} shares no language with {pid}")


def _check_kept(
    problem: Problem,
    plan: Plan,
    previous: Plan,
    locked_groups: set[tuple[str, int]],
    locked_sessions: set[str],
    bad: Report,
) -> None:
    """Locked groups hold exactly their previous members who still attend; held sessions all of them."""
    people = {p.id: p for p in problem.people}
    before = {(sp.session, g.number): g.members for sp in previous.sessions for g in sp.groups}
    for sp in plan.sessions:
        for group in sp.groups:
            key = (sp.session, group.number)
            if sp.session in locked_sessions:
                kept = set(before.get(key, ()))
            elif key in locked_groups:
                kept = {m for m in before.get(key, ()) if m in people and people[m].attends(sp.session)}
            else:
                continue
            if set(group.members) != kept:
                bad("locked_group_changed", sp.session, group.number, "members differ from the locked group")


def _check_metrics(problem: Problem, plan: Plan, bad: Report) -> None:
    """Repeats recounted: a pair from the history repeats at every meeting, another pair at every
    meeting after its first, and a pair with a continuity wish never."""
    history = {frozenset((h.a, h.b)) for h in problem.history}
    wished = {frozenset((w.a, w.b)) for w in problem.wishes}
    meetings: Counter[frozenset[str]] = Counter()
    for sp in plan.sessions:
        for group in sp.groups:
            meetings.update(frozenset(pair) for pair in combinations(group.members, 2))
    counted = {pair: count for pair, count in meetings.items() if pair not in wished}
    within = sum(count - 1 for pair, count in counted.items() if pair not in history)
    against = sum(count for pair, count in counted.items() if pair in history)
    m = plan.metrics
    if (m.repeated_within_plan, m.repeated_against_history) != (within, against):
        bad("metrics", None, None, f"repeats are {within} within plan and {against} against history")
    if m.repeated_pairs != within + against or m.gap != m.repeated_pairs - m.lower_bound:
        bad("metrics", None, None, "repeated pairs or gap inconsistent")
    if m.hard_violations != 0:
        bad("metrics", None, None, f"the plan reports {m.hard_violations} hard violations")
