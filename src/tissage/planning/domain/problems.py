"""The bridge to the grouping engine: the network's memory becomes the engine's `Problem`.

Who takes part in each session (the cohort, confirmed participants, trainees … as chosen), their
hubs, languages with levels, skills by category and roles come from the database, and so does the
*history*: every pair of them who already shared an activity anywhere in the network (any programme,
any year) before the first session planned, or who were grouped together in the draft plan of an
earlier session of the programme, counts as already met. Everything is read in a few bulk queries,
whatever the number of people or pairs.

Ids in the problem are primary keys as strings: people ``"12"``, sessions ``"7"``; hubs are slugs.
"""

import dataclasses
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q

from tissage.activities.enums import ParticipationStatus
from tissage.activities.models import ActivityMember, Participation
from tissage.network.enums import SessionStatus
from tissage.network.models import CohortMember, Hub, Programme, Session
from tissage.people.enums import Role
from tissage.people.models import Person, PersonLanguage
from tissage.solvers import grouping as engine
from tissage.solvers.grouping.feasibility import precheck
from tissage.solvers.grouping.model import Model

from ..enums import DEFAULT_MAX_SIZE, DEFAULT_MIN_SIZE, DEFAULT_SECONDS, DEFAULT_TAKERS, PlanStatus, Taker
from ..models import Plan, PlanMember
from .reasons import Names, describe, reason_fields

# A person without a home hub still needs one for the hub rules: they count as a hub of their own.
NO_HUB = "-"
PRESENT = frozenset({ParticipationStatus.CONFIRMED, ParticipationStatus.ATTENDED})
# The soft goals staff may weigh; the others keep the engine's defaults.
WEIGHTS = ("repeat", "skill", "hub", "cohort")


@dataclass(frozen=True)
class PlanSettings:
    """What staff chose; stored as JSON on each plan (``as_json``)."""

    takers: tuple[str, ...] = tuple(DEFAULT_TAKERS)
    # Groups of a session's plan; ``None`` for a programme's: enough groups of at most ``max_size``.
    groups: int | None = None
    min_size: int = DEFAULT_MIN_SIZE
    max_size: int = DEFAULT_MAX_SIZE
    min_hubs: int = 2
    max_hub_share: float = 0.5
    leaders_per_group: int = 1
    # Hard pair rules: (person pk, person pk, "together" | "apart").
    pairs: tuple[tuple[int, int, str], ...] = ()
    weights: Mapping[str, float] = dataclasses.field(default_factory=dict)
    seconds: int = DEFAULT_SECONDS

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> "PlanSettings":
        known = {f.name for f in dataclasses.fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        if "takers" in values:
            values["takers"] = tuple(values["takers"])
        if "pairs" in values:
            values["pairs"] = tuple((int(a), int(b), str(kind)) for a, b, kind in values["pairs"])
        return cls(**values)

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["takers"] = list(self.takers)
        data["pairs"] = [list(pair) for pair in self.pairs]
        data["weights"] = dict(self.weights)
        return data


@dataclass(frozen=True)
class Attendee:
    person: int
    role: str
    cohort: bool


@dataclass
class Built:
    """A problem built from the database, with what is needed to read it back."""

    problem: engine.Problem
    sessions: list[Session]
    names: Names
    # Pairs of people (placed in groups) who already met.
    history_pairs: int

    @property
    def members(self) -> tuple[engine.Person, ...]:
        return self.problem.members


def _present_in(session: Session, arrives_on, departs_on) -> bool:
    """Whether a stay from ``arrives_on`` to ``departs_on`` (either unknown) overlaps the session."""
    return not (
        (arrives_on is not None and arrives_on > session.end_date)
        or (departs_on is not None and departs_on < session.start_date)
    )


def _cohort_active(joined_on, left_on, session: Session) -> bool:
    return (joined_on is None or joined_on <= session.start_date) and (
        left_on is None or left_on >= session.start_date
    )


def attendance(
    programme: Programme, sessions: list[Session], takers: Iterable[str]
) -> dict[int, list[Attendee]]:
    """Who takes part in each session (by session pk), as ``takers`` chose; two queries.

    A cohort member takes part unless they declined or cancelled; a participant when their answer is
    among the chosen ones (confirmed or attended; invited). Either way their stay must overlap the
    session's dates. Trainees and coordinators only when chosen; interpreters who take part always,
    as the interpreters' pool.
    """
    takers = set(takers)
    stays = {
        (person, session): (role, status, arrives, departs)
        for person, session, role, status, arrives, departs in Participation.objects.filter(
            session__in=sessions
        ).values_list("person_id", "session_id", "role", "status", "arrives_on", "departs_on")
    }
    cohort = {
        person: (role, joined, left)
        for person, role, joined, left in CohortMember.objects.filter(programme=programme).values_list(
            "person_id", "role", "joined_on", "left_on"
        )
    }
    result: dict[int, list[Attendee]] = {}
    for session in sessions:
        people = {person for person, sid in stays if sid == session.pk} | set(cohort)
        found = []
        for person in sorted(people):
            stay = stays.get((person, session.pk))
            committed = person in cohort and _cohort_active(*cohort[person][1:], session)
            role = stay[0] if stay else cohort[person][0]
            if stay is None:
                comes = committed and Taker.COHORT in takers
            else:
                status = stay[1]
                accepted = set(PRESENT) if Taker.CONFIRMED in takers or role == Role.INTERPRETER else set()
                if Taker.INVITED in takers:
                    accepted.add(ParticipationStatus.INVITED)
                if committed and Taker.COHORT in takers:
                    accepted |= {ParticipationStatus.INVITED, *PRESENT}
                comes = status in accepted and _present_in(session, *stay[2:])
            if role == Role.TRAINEE and Taker.TRAINEES not in takers:
                comes = False
            if role == Role.COORDINATOR and Taker.COORDINATORS not in takers:
                comes = False
            if comes:
                found.append(Attendee(person=person, role=role, cohort=committed))
        result[session.pk] = found
    return result


def _history(member_ids: set[int], sessions: list[Session], programme: Programme) -> set[tuple[int, int]]:
    """Pairs of ``member_ids`` who already met: in any activity of the network that took place before
    the first of ``sessions`` (other than the sessions themselves), and in the latest draft plan of an
    earlier session of the programme that has no published plan (two or three queries)."""
    first = min(session.start_date for session in sessions)
    planned = [session.pk for session in sessions]
    # An activity's day: its start, else its session's first day, else its edition's.
    earlier = Q(activity__starts_at__date__lt=first) | (
        Q(activity__starts_at__isnull=True)
        & (
            Q(activity__session__start_date__lt=first)
            | Q(activity__session__isnull=True, activity__edition__start_date__lt=first)
        )
    )
    together: dict[tuple[str, int], set[int]] = defaultdict(set)
    rows = (
        ActivityMember.objects.filter(earlier, person_id__in=member_ids)
        .exclude(activity__session__in=planned)
        .values_list("activity_id", "person_id")
    )
    for activity, person in rows:
        together[("activity", activity)].add(person)
    earlier_sessions = Session.objects.filter(programme=programme, start_date__lt=first).exclude(
        status=SessionStatus.CANCELLED
    )
    drafts = {}
    published = set()
    for pk, session, status in (
        Plan.objects.filter(session__in=earlier_sessions, status__in=[PlanStatus.DRAFT, PlanStatus.PUBLISHED])
        .order_by("created_at", "pk")
        .values_list("pk", "session_id", "status")
    ):
        if status == PlanStatus.PUBLISHED:
            published.add(session)
        else:
            drafts[session] = pk
    latest = [pk for session, pk in drafts.items() if session not in published]
    if latest:
        for group, person in PlanMember.objects.filter(
            plan_id__in=latest, person_id__in=member_ids
        ).values_list("group_id", "person_id"):
            together[("group", group)].add(person)
    pairs = set()
    for people in together.values():
        pairs.update(combinations(sorted(people), 2))
    return pairs


def auto_groups(people: int, max_size: int) -> int:
    """Enough groups of at most ``max_size`` for ``people`` (at least one)."""
    return max(1, math.ceil(people / max_size))


def build_problem(
    *,
    programme: Programme,
    sessions: list[Session],
    settings: PlanSettings,
    groups: Mapping[int, int] | None = None,
    locks: Iterable[tuple[int, int, int]] = (),
) -> Built:
    """The engine's problem for ``sessions`` (in chronological order) with ``settings``.

    ``groups`` gives the number of groups of some sessions (by pk), else ``settings.groups``, else
    enough groups of at most ``settings.max_size``; ``locks`` are (person pk, session pk, group) of
    people who must stay in a group (kept only where the person takes part).
    """
    sessions = sorted(sessions, key=lambda s: (s.start_date, s.pk))
    present = attendance(programme, sessions, settings.takers)
    roles: dict[int, str] = {}
    cohort: set[int] = set()
    attends: dict[int, list[str]] = defaultdict(list)
    for session in sessions:
        for attendee in present[session.pk]:
            roles.setdefault(attendee.person, attendee.role)
            if attendee.cohort:
                cohort.add(attendee.person)
            attends[attendee.person].append(str(session.pk))
    ids = sorted(roles)
    people = {
        pk: (f"{given} {family}".strip(), hub or NO_HUB)
        for pk, given, family, hub in Person.objects.filter(pk__in=ids).values_list(
            "pk", "given_name", "family_name", "home_hub__slug"
        )
    }
    languages: dict[int, dict[str, str]] = defaultdict(dict)
    for person, language, level in PersonLanguage.objects.filter(person_id__in=ids).values_list(
        "person_id", "language", "level"
    ):
        languages[person][language] = level
    skills: dict[int, list[engine.Skill]] = defaultdict(list)
    for person, slug, category in Person.skills.through.objects.filter(person_id__in=ids).values_list(
        "person_id", "skill__slug", "skill__category"
    ):
        skills[person].append(engine.Skill(slug, category))
    everyone = len(sessions)
    members = [
        engine.Person(
            id=str(pk),
            hub=people[pk][1],
            role=roles[pk],
            languages=languages[pk],
            skills=tuple(skills[pk]),
            sessions=None if len(attends[pk]) == everyone else tuple(attends[pk]),
            cohort=programme.slug if pk in cohort else None,
            name=people[pk][0],
        )
        for pk in ids
    ]
    placed = {pk for pk in ids if roles[pk] != Role.INTERPRETER}
    history = _history(placed, sessions, programme)
    head_counts = {s.pk: sum(1 for a in present[s.pk] if a.role != Role.INTERPRETER) for s in sessions}
    problem = engine.Problem(
        sessions=tuple(
            engine.Session(
                id=str(s.pk),
                groups=(groups or {}).get(s.pk)
                or settings.groups
                or auto_groups(head_counts[s.pk], settings.max_size),
                min_size=settings.min_size,
                max_size=settings.max_size,
                name=str(s),
            )
            for s in sessions
        ),
        people=tuple(members),
        rules=engine.Rules(
            min_hubs=settings.min_hubs,
            max_hub_share=settings.max_hub_share,
            leaders_per_group=settings.leaders_per_group,
        ),
        weights=engine.Weights(**{k: v for k, v in settings.weights.items() if k in WEIGHTS}),
        history=tuple(engine.HistoryPair(str(a), str(b)) for a, b in sorted(history)),
        pair_rules=tuple(
            engine.PairRule(str(a), str(b), kind)
            for a, b, kind in settings.pairs
            if a in placed and b in placed and a != b
        ),
        locks=tuple(
            engine.Lock(str(person), str(session), group)
            for person, session, group in locks
            if str(session) in attends.get(person, ()) and person in placed
        ),
    )
    hubs = {slug: str(name) for slug, name in _hub_names(people.values())}
    return Built(
        problem=problem,
        sessions=sessions,
        names=Names(
            people={str(pk): name for pk, (name, _hub) in people.items()},
            sessions={str(s.pk): str(s) for s in sessions},
            hubs=hubs,
        ),
        history_pairs=len(history),
    )


def _hub_names(people: Iterable[tuple[str, str]]):
    slugs = {hub for _name, hub in people}
    return [(hub.slug, hub.name) for hub in Hub.objects.filter(slug__in=slugs)]


def problem_reasons(built: Built) -> list[engine.Reason]:
    """What the engine's counting checks already find impossible, before any search."""
    return precheck(Model(built.problem))


def reasons_error(reasons: Iterable[engine.Reason], names: Names, fields: Collection[str]) -> ValidationError:
    """The engine's reasons as a refusal, each on the setting to change: the first of its
    ``reason_fields`` among ``fields`` (a form's), else on the settings as a whole."""
    errors: dict[str, list[str]] = defaultdict(list)
    for reason in reasons:
        text = describe(reason.code, reason.params, names)
        targets = [
            next((f for f in candidates if f in fields), NON_FIELD_ERRORS)
            for candidates in reason_fields(reason.code, reason.params)
        ]
        for name in dict.fromkeys(targets or [NON_FIELD_ERRORS]):
            errors[name].append(text)
    return ValidationError(dict(errors))
