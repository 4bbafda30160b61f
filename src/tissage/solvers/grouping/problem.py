"""What the grouping engine is asked: frozen dataclasses, validated when they are built.

A `Problem` is checked for *structure* on construction (unique ids, references to known people and
sessions, sensible ranges) and raises `ProblemError` naming the offending field, so that a
malformed input never reaches the search. Whether the rules can be met is a different question,
answered by `feasibility` and the search, which raise `Infeasible` with a structured reason.

Interpreters are people with the role ``interpreter``. They form a *pool*: they are never group
members, so they do not count towards group size, hub mix, pairs or balance; the engine assigns at
most one of them to a group that has no common working language (and each interpreter to at most
one group per session).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from functools import cached_property
from typing import Any


class ProblemError(ValueError):
    """A structurally invalid input; ``field`` is a path such as ``people[3].languages.fr``.

    The dataclasses name their own fields (``languages.fr``); `Problem` and the JSON reader
    prefix them with the item's place (``people[3].``).
    """

    def within(self, prefix: str) -> ProblemError:
        return ProblemError(f"{prefix}.{self.field}", self.message)

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class Role(StrEnum):
    """The role a person holds in the programme (the people app's vocabulary, plus ``leader``)."""

    LEADER = "leader"
    TEACHING_ARTIST = "teaching_artist"
    ARTIST = "artist"
    TECHNICIAN = "technician"
    ADMINISTRATOR = "administrator"
    TRAINEE = "trainee"
    COORDINATOR = "coordinator"
    ENTREPRENEUR = "entrepreneur"
    INTERPRETER = "interpreter"

    @property
    def can_lead(self) -> bool:
        return self in (Role.LEADER, Role.TEACHING_ARTIST)


class Level(StrEnum):
    NATIVE = "native"
    FLUENT = "fluent"
    WORKING = "working"
    BASIC = "basic"

    @property
    def usable(self) -> bool:
        """Whether someone can work in the language without an interpreter."""
        return self is not Level.BASIC


class PairKind(StrEnum):
    TOGETHER = "together"
    APART = "apart"


class WishKind(StrEnum):
    TOGETHER = "together"
    KEEP_LEADER = "keep_leader"


def _enum(kind: type[StrEnum], value: Any, where: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ProblemError(where, f"must be one of {allowed} (got {value!r})") from None


def _sessions_tuple(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


@dataclass(frozen=True)
class Skill:
    name: str
    category: str


@dataclass(frozen=True)
class Person:
    """A participant (or, with role ``interpreter``, a member of the interpreters' pool).

    ``languages`` and ``skills`` accept mappings (``{"fr": "native"}``, ``{"accordion":
    "instrument"}``) for convenience and are stored as sorted tuples, so that two equal people
    compare equal whatever order they were given in. ``sessions`` lists the sessions the person
    attends; ``None`` means all of them.
    """

    id: str
    hub: str
    role: Role = Role.ARTIST
    languages: tuple[tuple[str, Level], ...] = ()
    skills: tuple[Skill, ...] = ()
    sessions: tuple[str, ...] | None = None
    cohort: str | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise ProblemError("id", f"must be a non-empty string (got {self.id!r})")
        if not isinstance(self.hub, str) or not self.hub:
            raise ProblemError("hub", f"must be a non-empty string (got {self.hub!r})")
        object.__setattr__(self, "role", _enum(Role, self.role, "role"))
        languages = self.languages.items() if isinstance(self.languages, Mapping) else self.languages
        normalised = {}
        for language, level in languages:
            normalised[language] = _enum(Level, level, f"languages.{language}")
        object.__setattr__(self, "languages", tuple(sorted(normalised.items())))
        if isinstance(self.skills, Mapping):
            skills = tuple(Skill(name, category) for name, category in self.skills.items())
        else:
            skills = tuple(self.skills)
        object.__setattr__(self, "skills", tuple(sorted(set(skills), key=lambda s: (s.name, s.category))))
        object.__setattr__(self, "sessions", _sessions_tuple(self.sessions))

    @property
    def display(self) -> str:
        return self.name or self.id

    @property
    def usable_languages(self) -> frozenset[str]:
        return frozenset(language for language, level in self.languages if level.usable)

    def attends(self, session: str) -> bool:
        return self.sessions is None or session in self.sessions


@dataclass(frozen=True)
class Session:
    """One stay of the programme; sessions are given in chronological order."""

    id: str
    groups: int
    min_size: int
    max_size: int
    name: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise ProblemError("id", f"must be a non-empty string (got {self.id!r})")
        if not isinstance(self.groups, int) or self.groups < 1:
            raise ProblemError("groups", f"must be a positive integer (got {self.groups!r})")
        if not isinstance(self.min_size, int) or self.min_size < 1:
            raise ProblemError("size.min", f"must be a positive integer (got {self.min_size!r})")
        if not isinstance(self.max_size, int) or self.max_size < self.min_size:
            raise ProblemError(
                "size.max", f"must be an integer ≥ size.min {self.min_size} (got {self.max_size!r})"
            )

    @property
    def display(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class Rules:
    """The hard rules' parameters. ``max_hub_share`` caps each hub at ⌊share × size⌋ members."""

    min_hubs: int = 2
    max_hub_share: float = 0.5
    leaders_per_group: int = 1

    def __post_init__(self) -> None:
        if not isinstance(self.min_hubs, int) or self.min_hubs < 1:
            raise ProblemError("min_hubs", f"must be an integer ≥ 1 (got {self.min_hubs!r})")
        if not isinstance(self.max_hub_share, int | float) or not 0 < self.max_hub_share <= 1:
            raise ProblemError("max_hub_share", f"must be a number in (0, 1] (got {self.max_hub_share!r})")
        if not isinstance(self.leaders_per_group, int) or self.leaders_per_group < 0:
            raise ProblemError(
                "leaders_per_group", f"must be an integer ≥ 0 (got {self.leaders_per_group!r})"
            )

    def hub_cap(self, size: int) -> int:
        """Most members one hub may have in a group of ``size``; exact rational arithmetic."""
        return int(Fraction(self.max_hub_share).limit_denominator(1000) * size)


@dataclass(frozen=True)
class Weights:
    """Weights of the soft goals in the objective; the defaults put novelty first.

    ``repeat`` is paid per repeated meeting (a pair from the history pays ``repeat × weight`` at
    every meeting), plus 1/16 of it per earlier meeting of the same pair, so that a triple meeting
    costs a little more than two doubles; ``skill``, ``hub`` and ``cohort`` per unit of squared
    imbalance (one person moved between two balanced groups costs about 2 per feature, so balance
    rarely outweighs one repeat); ``continuity`` per unit of wish weight per session a wish is not
    met; ``interpreter`` per group that relies on an interpreter; ``move`` per assignment a repair
    changes (more than a repeat: a repair moves people only when the rules or two repeats demand).
    """

    repeat: float = 100.0
    skill: float = 1.0
    hub: float = 1.0
    cohort: float = 0.5
    continuity: float = 10.0
    interpreter: float = 5.0
    move: float = 150.0

    def __post_init__(self) -> None:
        for name in ("repeat", "skill", "hub", "cohort", "continuity", "interpreter", "move"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or value < 0:
                raise ProblemError(name, f"must be a number ≥ 0 (got {value!r})")


@dataclass(frozen=True)
class HistoryPair:
    """Two people who already worked together (earlier sessions or programmes)."""

    a: str
    b: str
    weight: float = 1.0


@dataclass(frozen=True)
class PairRule:
    """A hard must-together / must-apart rule, for some sessions (``None``: all sessions)."""

    a: str
    b: str
    kind: PairKind
    sessions: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _enum(PairKind, self.kind, "kind"))
        object.__setattr__(self, "sessions", _sessions_tuple(self.sessions))

    def applies(self, session: str) -> bool:
        return self.sessions is None or session in self.sessions


@dataclass(frozen=True)
class Wish:
    """A soft continuity wish: ``a`` wishes to be with ``b`` (``keep_leader``: ``b`` is a leader)."""

    a: str
    b: str
    weight: float = 1.0
    kind: WishKind = WishKind.TOGETHER
    sessions: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _enum(WishKind, self.kind, "kind"))
        object.__setattr__(self, "sessions", _sessions_tuple(self.sessions))

    def applies(self, session: str) -> bool:
        return self.sessions is None or session in self.sessions


@dataclass(frozen=True)
class Lock:
    """``person`` stays in group ``group`` (numbered from 1) of ``session``."""

    person: str
    session: str
    group: int


@dataclass(frozen=True)
class Problem:
    sessions: tuple[Session, ...]
    people: tuple[Person, ...]
    rules: Rules = field(default_factory=Rules)
    weights: Weights = field(default_factory=Weights)
    history: tuple[HistoryPair, ...] = ()
    pair_rules: tuple[PairRule, ...] = ()
    wishes: tuple[Wish, ...] = ()
    locks: tuple[Lock, ...] = ()

    def __post_init__(self) -> None:
        for name in ("sessions", "people", "history", "pair_rules", "wishes", "locks"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        _validate(self)

    @property
    def members(self) -> tuple[Person, ...]:
        """The people who can be placed in groups (everyone but the interpreters)."""
        return tuple(p for p in self.people if p.role is not Role.INTERPRETER)

    @property
    def interpreters(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.role is Role.INTERPRETER)

    def person(self, person_id: str) -> Person:
        return self._people_by_id[person_id]

    def session(self, session_id: str) -> Session:
        return self._sessions_by_id[session_id]

    @cached_property
    def _people_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def _sessions_by_id(self) -> dict[str, Session]:
        return {s.id: s for s in self.sessions}


def _validate(problem: Problem) -> None:
    if not problem.sessions:
        raise ProblemError("sessions", "at least one session is needed")
    session_ids: set[str] = set()
    for i, session in enumerate(problem.sessions):
        if session.id in session_ids:
            raise ProblemError(f"sessions[{i}].id", f"duplicate session id {session.id!r}")
        session_ids.add(session.id)
    people: dict[str, Person] = {}
    for i, person in enumerate(problem.people):
        if person.id in people:
            raise ProblemError(f"people[{i}].id", f"duplicate person id {person.id!r}")
        people[person.id] = person
        for session in person.sessions or ():
            if session not in session_ids:
                raise ProblemError(f"people[{i}].sessions", f"unknown session {session!r}")

    def known(where: str, person_id: str, *, member: bool) -> None:
        if person_id not in people:
            raise ProblemError(where, f"unknown person {person_id!r}")
        if member and people[person_id].role is Role.INTERPRETER:
            raise ProblemError(
                where, f"{person_id!r} is an interpreter; interpreters are never group members"
            )

    def pair(where: str, a: str, b: str, *, member: bool = True) -> None:
        known(f"{where}.pair[0]", a, member=member)
        known(f"{where}.pair[1]", b, member=member)
        if a == b:
            raise ProblemError(where, f"a pair needs two different people (got {a!r} twice)")

    def sessions_known(where: str, sessions: tuple[str, ...] | None) -> None:
        for session in sessions or ():
            if session not in session_ids:
                raise ProblemError(f"{where}.sessions", f"unknown session {session!r}")

    for i, item in enumerate(problem.history):
        pair(f"history[{i}]", item.a, item.b, member=False)
        if not isinstance(item.weight, int | float) or item.weight <= 0:
            raise ProblemError(f"history[{i}].weight", f"must be a number > 0 (got {item.weight!r})")
    for i, rule in enumerate(problem.pair_rules):
        pair(f"pair_rules[{i}]", rule.a, rule.b)
        sessions_known(f"pair_rules[{i}]", rule.sessions)
    for i, wish in enumerate(problem.wishes):
        pair(f"wishes[{i}]", wish.a, wish.b)
        sessions_known(f"wishes[{i}]", wish.sessions)
        if not isinstance(wish.weight, int | float) or wish.weight < 0:
            raise ProblemError(f"wishes[{i}].weight", f"must be a number ≥ 0 (got {wish.weight!r})")
        if wish.kind is WishKind.KEEP_LEADER and not people[wish.b].role.can_lead:
            raise ProblemError(f"wishes[{i}].pair[1]", f"{wish.b!r} is not a leader or teaching artist")
    groups = {s.id: s.groups for s in problem.sessions}
    for i, lock in enumerate(problem.locks):
        known(f"locks[{i}].person", lock.person, member=True)
        if lock.session not in session_ids:
            raise ProblemError(f"locks[{i}].session", f"unknown session {lock.session!r}")
        if not isinstance(lock.group, int) or not 1 <= lock.group <= groups[lock.session]:
            raise ProblemError(
                f"locks[{i}].group", f"must be a group number 1..{groups[lock.session]} (got {lock.group!r})"
            )
