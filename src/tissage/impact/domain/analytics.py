"""The impact indicators of a scope (programmes, a hub, a role, a period), each with the people,
ties, activities or enterprises behind it, so that every figure can be opened as a list.

docs/impact.md defines each figure for funders; the definitions in short:

- the scope's *activities* are those of its programmes, held at its hub, in its years; its
  *contributions* are theirs, plus the declared collaborations of its years when no programme or
  hub is chosen; its *ties* are those with at least one contribution in the scope;
- a tie is *new* when its very first contribution is in the scope; *durable* when active in two or
  more different years up to the end of the period; *crossing* when its two people's home hubs differ;
- the scope's *people* are those of its ties, and everyone present in its programmes' sessions;
- with a role, only people who held it during the period count, and ties with one of them.

:func:`figures` caches its result until the ledger, the people or the enterprises change.
"""

import datetime
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Min, Q, Sum
from django.utils import timezone

from tissage.activities.enums import PRESENT_STATUSES, ActivityKind, MemberRole
from tissage.activities.models import Activity, ActivityMember, Participation
from tissage.network.models import CohortMember, Programme, Session
from tissage.people.enums import Role
from tissage.people.models import Person, PersonRole

from ..enums import LATER_ROLES, TRAINING_KINDS, ContributionSource
from ..models import Enterprise, Tie, TieContribution, TieYear
from ..models.ties import DURABLE_YEARS
from . import graph
from .ledger import activity_occasion, occasion_hours

SEED = 2002
BRIDGING_LENGTH = 10
COMMUNITY_MEMBERS_SHOWN = 5
CACHE_SECONDS = 6 * 3600


@dataclass(frozen=True)
class Scope:
    """What the figures are about; empty parts mean "all"."""

    programmes: tuple[int, ...] = ()
    hub: int | None = None
    role: str = ""
    first_year: int | None = None
    last_year: int | None = None

    @property
    def end_year(self) -> int:
        return self.last_year or timezone.localdate().year

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.first_year or datetime.MINYEAR, 1, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.end_year, 12, 31)

    @property
    def includes_collaborations(self) -> bool:
        return not self.programmes and self.hub is None

    def key(self) -> str:
        return f"{sorted(self.programmes)}|{self.hub}|{self.role}|{self.first_year}|{self.end_year}"


@dataclass
class Community:
    size: int
    hubs: int
    members: list[int]  # most connected first

    @property
    def most_connected(self) -> list[int]:
        return self.members[:COMMUNITY_MEMBERS_SHOWN]


@dataclass
class Retention:
    programme: int
    cohort: list[int]
    by_year: list[tuple[int, list[int]]]

    @property
    def retained(self) -> list[int]:
        """The cohort members present in the programme's last year of the period."""
        return self.by_year[-1][1] if self.by_year else []

    @property
    def share(self) -> float:
        return len(self.retained) / len(self.cohort) if self.cohort else 0.0


@dataclass
class Figures:
    """The figures of a scope. Lists hold primary keys (of ties, people, activities, enterprises)."""

    scope: Scope
    people: list[int] = field(default_factory=list)
    ties: list[int] = field(default_factory=list)
    new_ties: list[int] = field(default_factory=list)
    durable_ties: list[int] = field(default_factory=list)
    crossing_ties: list[int] = field(default_factory=list)
    durable_crossing_ties: list[int] = field(default_factory=list)
    people_with_durable_crossing_tie: list[int] = field(default_factory=list)
    bridging: list[tuple[int, float]] = field(default_factory=list)
    communities: list[Community] = field(default_factory=list)
    modularity: float = 0.0
    retention: list[Retention] = field(default_factory=list)
    training_activities: list[int] = field(default_factory=list)
    training_hours: float = 0.0
    training_person_hours: float = 0.0
    trainees: list[int] = field(default_factory=list)
    trainees_later: list[int] = field(default_factory=list)
    enterprises: list[int] = field(default_factory=list)
    enterprises_trained_founders: list[int] = field(default_factory=list)
    activities: list[int] = field(default_factory=list)
    activities_by_kind: dict[str, tuple[int, float]] = field(default_factory=dict)
    concerts: list[int] = field(default_factory=list)
    audience: int = 0
    years: dict[int, dict[str, int]] = field(default_factory=dict)
    new_ties_by_year: dict[int, list[int]] = field(default_factory=dict)
    enterprises_by_year: dict[int, int] = field(default_factory=dict)
    hub_flows: dict[tuple[int | None, int | None], int] = field(default_factory=dict)
    # The ties behind each cell of ``hub_flows``.
    ties_by_hub_pair: dict[tuple[int | None, int | None], list[int]] = field(default_factory=dict)
    people_by_role_and_hub: dict[tuple[str, int | None], int] = field(default_factory=dict)

    @property
    def durable_crossing_share(self) -> float:
        return len(self.people_with_durable_crossing_tie) / len(self.people) if self.people else 0.0

    @property
    def trainees_later_share(self) -> float:
        return len(self.trainees_later) / len(self.trainees) if self.trainees else 0.0

    @property
    def retention_share(self) -> float:
        cohort = sum(len(r.cohort) for r in self.retention)
        return sum(len(r.retained) for r in self.retention) / cohort if cohort else 0.0


VERSIONED_MODELS = (Tie, Person, PersonRole, Enterprise, Participation, CohortMember, Activity)


def data_version() -> str:
    """Changes whenever something the figures are made of changes: the count and the latest change
    of each table they read, in one query."""
    q = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT COUNT(*), MAX({q('updated_at')}) FROM {q(model._meta.db_table)}"
        for model in VERSIONED_MODELS
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        stamps = cursor.fetchall()
    return hashlib.sha1(repr(stamps).encode()).hexdigest()[:16]


def figures(scope: Scope) -> Figures:
    """The scope's figures, from the cache when nothing changed since they were computed."""
    key = f"impact:figures:{data_version()}:{hashlib.sha1(scope.key().encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = compute_figures(scope)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _activity_day_between(first: datetime.date, last: datetime.date) -> Q:
    """Activities whose day (their start, else their session's or edition's first day) falls between
    two days: date ranges the database answers from its indexes."""
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=datetime.UTC)
    end = datetime.datetime.combine(last, datetime.time.max, tzinfo=datetime.UTC)
    return (
        Q(starts_at__range=(start, end))
        | Q(starts_at__isnull=True, session__isnull=False, session__start_date__range=(first, last))
        | Q(starts_at__isnull=True, session__isnull=True, edition__start_date__range=(first, last))
    )


def scope_activities(scope: Scope):
    activities = Activity.objects.filter(_activity_day_between(scope.first_day, scope.last_day))
    if scope.programmes:
        activities = activities.filter(session__programme__in=scope.programmes)
    if scope.hub is not None:
        activities = activities.filter(
            Q(session__hub=scope.hub) | Q(session__isnull=True, edition__festival__hub=scope.hub)
        )
    return activities


def scope_contributions(scope: Scope):
    contributions = TieContribution.objects.filter(year__lte=scope.end_year)
    if scope.first_year:
        contributions = contributions.filter(year__gte=scope.first_year)
    if not scope.includes_collaborations:
        contributions = contributions.filter(source=ContributionSource.ACTIVITY)
    if scope.programmes:
        contributions = contributions.filter(activity__session__programme__in=scope.programmes)
    if scope.hub is not None:
        contributions = contributions.filter(
            Q(activity__session__hub=scope.hub)
            | Q(activity__session__isnull=True, activity__edition__festival__hub=scope.hub)
        )
    return contributions


def role_holders(scope: Scope) -> set[int] | None:
    if not scope.role:
        return None
    held = PersonRole.objects.filter(role=scope.role, since__lte=scope.last_day).filter(
        Q(until__isnull=True) | Q(until__gte=scope.first_day)
    )
    return set(held.values_list("person_id", flat=True))


class TieRow(NamedTuple):
    """A tie of a scope: its people, the weight of its contributions in the scope, whether it began
    in the scope, the year it began, and the years it was active in up to the end of the period."""

    tie: int
    a: int
    b: int
    weight: float
    is_new: bool
    first_year: int
    years: int

    def is_crossing(self, home: dict) -> bool:
        return home.get(self.a) is not None and home.get(self.b) is not None and home[self.a] != home[self.b]


def scope_ties(scope: Scope, holders: set[int] | None) -> list[TieRow]:
    """The scope's ties (of people holding the scope's role, when it has one), in two queries.

    The rows are read straight from the cursor: a network has hundreds of thousands of them, and
    the ORM's conversions of their dates would cost more than the query."""
    query = (
        scope_contributions(scope)
        .values("tie_id")
        .annotate(
            first=Min("date"),
            scope_weight=Sum("weight"),
            a=Min("tie__person_a_id"),
            b=Min("tie__person_b_id"),
            tie_first=Min("tie__first_date"),
            years=Min("tie__year_count"),
        )
        .values_list("tie_id", "a", "b", "scope_weight", "first", "tie_first", "years")
        .order_by("tie_id")
    )
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    # Dates come as dates (PostgreSQL) or as ISO texts (SQLite): equal either way, and the year
    # is their first four characters.
    rows = [
        TieRow(tie, a, b, weight, first == tie_first, int(str(tie_first)[:4]), years)
        for tie, a, b, weight, first, tie_first, years in found
        if holders is None or a in holders or b in holders
    ]
    if TieYear.objects.filter(year__gt=scope.end_year).exists():
        years_so_far = dict(
            TieYear.objects.filter(
                year__lte=scope.end_year, tie_id__in=scope_contributions(scope).values("tie_id")
            )
            .values("tie_id")
            .annotate(n=Count("pk"))
            .values_list("tie_id", "n")
        )
        rows = [row._replace(years=years_so_far.get(row.tie, 0)) for row in rows]
    return rows


def home_hubs() -> dict[int, int | None]:
    return dict(Person.objects.values_list("pk", "home_hub_id"))


def compute_figures(scope: Scope) -> Figures:
    result = Figures(scope=scope)
    home = home_hubs()
    holders = role_holders(scope)
    rows = scope_ties(scope, holders)
    _ties(result, rows, home)
    _people(result, scope, rows, home, holders)
    _network(result, rows, home)
    _activities(result, scope)
    _careers(result, scope)
    _retention(result, scope)
    return result


def _ties(result: Figures, rows: list[TieRow], home) -> None:
    pairs: dict[tuple[int | None, int | None], list[int]] = {}
    years: dict[int, dict[str, int]] = {}
    for tie_id, a, b, _weight, is_new, first_year, count in rows:
        hub_a, hub_b = home.get(a), home.get(b)
        crossing = hub_a is not None and hub_b is not None and hub_a != hub_b
        durable = count >= DURABLE_YEARS
        result.ties.append(tie_id)
        if is_new:
            result.new_ties.append(tie_id)
            result.new_ties_by_year.setdefault(first_year, []).append(tie_id)
            year = years.get(first_year)
            if year is None:
                year = years[first_year] = {"new": 0, "durable": 0, "crossing": 0}
            year["new"] += 1
            year["durable"] += durable
            year["crossing"] += crossing
        if durable:
            result.durable_ties.append(tie_id)
            if crossing:
                result.durable_crossing_ties.append(tie_id)
        if crossing:
            result.crossing_ties.append(tie_id)
        pairs.setdefault(hub_pair(hub_a, hub_b), []).append(tie_id)
    result.years = dict(sorted(years.items()))
    result.ties_by_hub_pair = pairs
    result.hub_flows = {pair: len(ties) for pair, ties in pairs.items()}


def hub_pair(hub_a: int | None, hub_b: int | None) -> tuple[int | None, int | None]:
    """Two home hubs in the order ``hub_flows`` keys them (no hub first)."""
    return (hub_a, hub_b) if (hub_a or 0) <= (hub_b or 0) else (hub_b, hub_a)


def _people(result: Figures, scope: Scope, rows, home, holders) -> None:
    people = {person for row in rows for person in row[1:3]}
    if scope.programmes:
        present = Participation.objects.present().filter(
            session__programme__in=scope.programmes,
            session__start_date__lte=scope.last_day,
            session__start_date__gte=scope.first_day,
        )
        if scope.hub is not None:
            present = present.filter(session__hub=scope.hub)
        people.update(present.values_list("person_id", flat=True))
    if holders is not None:
        people &= holders
    result.people = sorted(people)
    durable_crossing = set(result.durable_crossing_ties)
    with_tie = {person for row in rows if row[0] in durable_crossing for person in row[1:3]}
    result.people_with_durable_crossing_tie = sorted(with_tie & people)
    roles = PersonRole.objects.filter(since__lte=scope.last_day).filter(
        Q(until__isnull=True) | Q(until__gte=scope.first_day)
    )
    counted = Counter(
        (role, home.get(person))
        for person, role in set(roles.values_list("person_id", "role"))
        if person in people
    )
    result.people_by_role_and_hub = dict(counted)


def _network(result: Figures, rows, home) -> None:
    """Bridging people and communities, on the graph of the scope's ties."""
    if not rows:
        return
    ends = np.array([(row[1], row[2]) for row in rows], dtype=np.int64)
    weights = np.array([row[3] for row in rows], dtype=float)
    people, index = np.unique(ends, return_inverse=True)
    index = index.reshape(ends.shape)
    scores = graph.betweenness(len(people), index[:, 0], index[:, 1], seed=SEED)
    top = np.argsort(-scores, kind="stable")[:BRIDGING_LENGTH]
    result.bridging = [(int(people[i]), float(scores[i])) for i in top if scores[i] > 0]
    found = graph.louvain(len(people), index[:, 0], index[:, 1], weights, seed=SEED)
    result.modularity = found.modularity
    strength = np.bincount(index.ravel(), weights=np.repeat(weights, 2), minlength=len(people))
    for label in range(found.count):
        members = np.flatnonzero(found.labels == label)
        if len(members) < 2:
            continue
        members = members[np.argsort(-strength[members], kind="stable")]
        result.communities.append(
            Community(
                size=len(members),
                hubs=len({home.get(int(people[m])) for m in members} - {None}),
                members=[int(people[m]) for m in members],
            )
        )


def _activities(result: Figures, scope: Scope) -> None:
    by_kind: dict[str, list] = defaultdict(lambda: [0, 0.0])
    training = []
    rows = (
        scope_activities(scope).order_by("pk").values_list("pk", "kind", "starts_at", "ends_at", "audience")
    )
    for pk, kind, starts_at, ends_at, audience in rows:
        hours = occasion_hours(starts_at, ends_at)
        result.activities.append(pk)
        by_kind[kind][0] += 1
        by_kind[kind][1] += hours
        if kind == ActivityKind.CONCERT:
            result.concerts.append(pk)
            result.audience += audience or 0
        if kind in TRAINING_KINDS:
            training.append((pk, hours))
    result.activities_by_kind = {kind: (n, hours) for kind, (n, hours) in by_kind.items()}
    result.training_activities = [pk for pk, _hours in training]
    result.training_hours = sum(hours for _pk, hours in training)
    hours_of = dict(training)
    # Subqueries rather than lists of keys: a network's activities outnumber what a query may carry.
    trainings = scope_activities(scope).filter(kind__in=TRAINING_KINDS).values("pk")
    absent = set(
        Participation.objects.filter(session__activities__in=trainings)
        .exclude(status__in=PRESENT_STATUSES)
        .values_list("person_id", "session_id")
    )
    learners = ActivityMember.objects.filter(activity__in=trainings).exclude(role=MemberRole.LEADER)
    result.training_person_hours = sum(
        hours_of[activity]
        for activity, person, session in learners.values_list(
            "activity_id", "person_id", "activity__session_id"
        )
        if (person, session) not in absent
    )


def _careers(result: Figures, scope: Scope) -> None:
    """Trainees who went on to staff or entrepreneur roles, and the enterprises people founded."""
    people = set(result.people)
    roles = defaultdict(list)
    trainees = PersonRole.objects.filter(role=Role.TRAINEE).values("person")
    for person, role, since in PersonRole.objects.filter(person__in=trainees).values_list(
        "person_id", "role", "since"
    ):
        if person in people:
            roles[person].append((role, since))
    founders = defaultdict(list)
    for enterprise, person, day in Enterprise.founders.through.objects.filter(
        enterprise__founded_on__lte=scope.last_day, enterprise__founded_on__gte=scope.first_day
    ).values_list("enterprise_id", "person_id", "enterprise__founded_on"):
        founders[enterprise, day].append(person)
    if scope.programmes or scope.hub is not None or scope.role:
        # The enterprises of the scope's people.
        founders = {key: founding for key, founding in founders.items() if people.intersection(founding)}
    for enterprise, day in sorted(founders, key=lambda key: (key[1], key[0])):
        result.enterprises.append(enterprise)
        result.enterprises_by_year[day.year] = result.enterprises_by_year.get(day.year, 0) + 1
    founded = defaultdict(list)
    for (_enterprise, day), people in founders.items():
        for person in people:
            founded[person].append(day)
    for person in result.people:
        trainee_since = [since for role, since in roles[person] if role == Role.TRAINEE]
        if not trainee_since:
            continue
        result.trainees.append(person)
        start = min(trainee_since)
        if any(role in LATER_ROLES and since > start for role, since in roles[person]) or any(
            day > start for day in founded[person]
        ):
            result.trainees_later.append(person)
    trained = _first_trainings(list(founded))
    result.enterprises_trained_founders = [
        enterprise
        for enterprise in result.enterprises
        if any(
            trained.get(person, datetime.date.max) < day
            for (pk, day), people in founders.items()
            if pk == enterprise
            for person in people
        )
    ]


def _first_trainings(people: list[int]) -> dict[int, datetime.date]:
    """The day of each person's first training activity in the network."""
    first = {}
    memberships = ActivityMember.objects.filter(person__in=people, activity__kind__in=TRAINING_KINDS)
    for member in memberships.select_related("activity__session", "activity__edition").only(
        "person_id",
        "activity__starts_at",
        "activity__ends_at",
        "activity__session__start_date",
        "activity__edition__start_date",
    ):
        day = activity_occasion(member.activity).date
        first[member.person_id] = min(day, first.get(member.person_id, day))
    return first


def _retention(result: Figures, scope: Scope) -> None:
    """For each programme in the scope: its cohort, and who of it was present in each year."""
    programmes = Programme.objects.filter(start_year__lte=scope.end_year).order_by("start_year", "slug")
    if scope.programmes:
        programmes = programmes.filter(pk__in=scope.programmes)
    elif scope.hub is not None or scope.first_year:
        programmes = programmes.filter(
            pk__in=Session.objects.filter(pk__in=scope_activities(scope).values("session")).values(
                "programme"
            )
        )
    else:
        programmes = programmes.filter(sessions__activities__isnull=False).distinct()
    programme_ids = list(programmes.values_list("pk", flat=True))
    cohorts = defaultdict(list)
    for programme, person in CohortMember.objects.filter(programme__in=programme_ids).values_list(
        "programme_id", "person_id"
    ):
        cohorts[programme].append(person)
    present = defaultdict(lambda: defaultdict(set))
    for programme, year, person in Participation.objects.filter(
        session__programme__in=programme_ids,
        status__in=PRESENT_STATUSES,
        session__start_date__lte=scope.last_day,
    ).values_list("session__programme_id", "session__start_date__year", "person_id"):
        present[programme][year].add(person)
    for programme in programme_ids:
        cohort = sorted(cohorts[programme])
        if not cohort:
            continue
        members = set(cohort)
        by_year = [(year, sorted(people & members)) for year, people in sorted(present[programme].items())]
        result.retention.append(Retention(programme=programme, cohort=cohort, by_year=by_year))
