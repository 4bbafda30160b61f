"""The tie ledger: ties derived from shared activities and declared collaborations.

Every pair of people who count in an activity (or a collaboration) receives one *contribution*:
the hours they spent together shared out by the size of the group,
``weight = hours / (group size − 1)``, dated by the activity. A tie is the sum of its
contributions; its years (``TieYear``) say whether it is durable. docs/impact.md has the rules.

:func:`ties_recompute` replaces one activity's contributions and refreshes the ties they touch
(the ledger follows every change of members, times and attendance through the activities' signals);
:func:`ledger_rebuild` recomputes the whole ledger from scratch, and gives the same rows.
"""

import contextlib
import contextvars
import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from tissage.activities.enums import PRESENT_STATUSES
from tissage.activities.models import Activity, ActivityMember, Participation
from tissage.core.domain.audit import audit_record

from ..enums import COLLABORATION_HOURS, ContributionSource
from ..models import Collaboration, Tie, TieContribution, TieYear

# Set while the ledger does not follow changes (a bulk load that rebuilds it at its end).
_paused = contextvars.ContextVar("ledger_paused", default=False)

# An activity without times counts as a half-day's work.
UNTIMED_ACTIVITY_HOURS = 3.0
# Rows per query when a list of primary keys is sent to the database.
CHUNK = 900


@dataclass(frozen=True)
class Occasion:
    """When people worked together and for how long: an activity or a declared collaboration."""

    date: datetime.date
    hours: float


@contextlib.contextmanager
def ledger_paused():
    """Within this block the ledger does not follow changes of activities and participations: for
    a bulk load (the demo network), which ends with :func:`ledger_rebuild`."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def ledger_is_paused() -> bool:
    return _paused.get()


def occasion_hours(starts_at: datetime.datetime | None, ends_at: datetime.datetime | None) -> float:
    """An activity's length in hours; one without times counts as a half-day."""
    if starts_at is None:
        return UNTIMED_ACTIVITY_HOURS
    return (ends_at - starts_at).total_seconds() / 3600


def activity_occasion(activity: Activity) -> Occasion:
    """The activity's day (its start, else its session's or edition's first day) and its length."""
    hours = occasion_hours(activity.starts_at, activity.ends_at)
    if activity.starts_at is not None:
        return Occasion(date=activity.starts_at.date(), hours=hours)
    first_day = activity.session.start_date if activity.session_id else activity.edition.start_date
    return Occasion(date=first_day, hours=hours)


def collaboration_occasion(collaboration: Collaboration) -> Occasion:
    return Occasion(date=collaboration.date, hours=COLLABORATION_HOURS[collaboration.kind])


def counting_members(activity: Activity) -> list[int]:
    """The people who count in an activity: its members, except those whose participation in the
    activity's session says they are not there (invited without an answer, declined, cancelled)."""
    members = ActivityMember.objects.filter(activity=activity)
    if activity.session_id:
        absent = Participation.objects.filter(person=OuterRef("person"), session=activity.session_id).exclude(
            status__in=PRESENT_STATUSES
        )
        members = members.exclude(Exists(absent))
    return sorted(members.values_list("person_id", flat=True))


def pair_contributions(people: Iterable[int], occasion: Occasion) -> Iterator[tuple[int, int, float]]:
    """``(lower pk, higher pk, weight)`` for every pair of ``people`` (sorted, without repeats)."""
    people = sorted(set(people))
    if len(people) < 2:
        return
    weight = occasion.hours / (len(people) - 1)
    for a, b in combinations(people, 2):
        yield a, b, weight


def ties_recompute(*, activity: Activity, removed: bool = False) -> None:
    """Replace the activity's contributions with those of its members who count now, and refresh
    the ties they touch (all of them: ``removed`` when the activity is about to be deleted)."""
    people = [] if removed else counting_members(activity)
    _contributions_replace(
        source=ContributionSource.ACTIVITY,
        field="activity",
        obj=activity,
        people=people,
        occasion=None if removed else activity_occasion(activity),
    )


def ties_recompute_collaboration(*, collaboration: Collaboration, removed: bool = False) -> None:
    people = [] if removed else list(collaboration.people.values_list("pk", flat=True))
    _contributions_replace(
        source=ContributionSource.COLLABORATION,
        field="collaboration",
        obj=collaboration,
        people=people,
        occasion=None if removed else collaboration_occasion(collaboration),
    )


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert(model, fields: list[str], rows: Iterable[tuple]) -> None:
    """Insert plain rows in one ``executemany``: the ledger writes thousands of rows for a big
    activity, and ``bulk_create`` spends most of its time building model instances."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = list(rows)
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})", rows
            )


CONTRIBUTION_FIELDS = [
    "tie",
    "source",
    "activity",
    "collaboration",
    "date",
    "year",
    "hours",
    "group_size",
    "weight",
]
YEAR_FIELDS = ["tie", "year", "weight", "hours", "activity_count", "collaboration_count"]
TOTAL_FIELDS = [
    "weight",
    "hours",
    "activity_count",
    "collaboration_count",
    "first_date",
    "last_date",
    "year_count",
]


def _contribution_row(tie_id, source, field, obj_id, occasion, size, weight) -> tuple:
    return (
        tie_id,
        source,
        obj_id if field == "activity" else None,
        obj_id if field == "collaboration" else None,
        occasion.date,
        occasion.date.year,
        occasion.hours,
        size,
        weight,
    )


def _contributions_replace(*, source: str, field: str, obj, people: list[int], occasion) -> None:
    with transaction.atomic():
        previous = TieContribution.objects.filter(**{field: obj})
        touched, years = set(), set()
        for tie_id, year in previous.values_list("tie_id", "year"):
            touched.add(tie_id)
            years.add(year)
        previous.delete()
        pairs = list(pair_contributions(people, occasion)) if occasion is not None else []
        if pairs:
            tie_ids = _ties_for_pairs(sorted(set(people)), occasion.date)
            size = len(set(people))
            _insert(
                TieContribution,
                CONTRIBUTION_FIELDS,
                (
                    _contribution_row(tie_ids[a, b], source, field, obj.pk, occasion, size, w)
                    for a, b, w in pairs
                ),
            )
            touched.update(tie_ids.values())
            years.add(occasion.date.year)
        ties_refresh(touched, years=years)


def _existing_ties(people: list[int]) -> dict[tuple[int, int], int]:
    found = {}
    for chunk in _chunks(people):
        rows = Tie.objects.filter(person_a__in=chunk, person_b__in=people).values_list(
            "person_a_id", "person_b_id", "pk"
        )
        found.update({(a, b): pk for a, b, pk in rows})
    return found


def _ties_for_pairs(people: list[int], day: datetime.date) -> dict[tuple[int, int], int]:
    """The ties between every two of ``people``, creating those that do not exist yet (their
    figures are set by :func:`ties_refresh`)."""
    found = _existing_ties(people)
    now = timezone.now()
    missing = [pair for pair in combinations(people, 2) if pair not in found]
    if missing:
        _insert(
            Tie,
            [
                "person_a",
                "person_b",
                "first_date",
                "last_date",
                *TOTAL_FIELDS[:4],
                "year_count",
                "created_at",
                "updated_at",
            ],
            ((a, b, day, day, 0.0, 0.0, 0, 0, 0, now, now) for a, b in missing),
        )
        found = _existing_ties(people)
    return found


def ties_refresh(tie_ids: Iterable[int], *, years: Iterable[int] | None = None) -> None:
    """Recompute the figures of these ties, and their rows of ``years`` (all years when not given),
    from their contributions; a tie left without any contribution is deleted. The database adds
    up: no row goes through Python."""
    years = None if years is None else sorted(years)
    for chunk in _chunks(sorted(tie_ids)):
        _ties_refresh(chunk, years)


def _ties_refresh(tie_ids: list[int], years: list[int] | None) -> None:
    # Plain SQL with the keys written in: this runs on every change of an activity's members, and
    # the ORM spends longer preparing hundreds of parameters than the database spends adding up.
    q = connection.ops.quote_name
    tie, year, contribution = (q(model._meta.db_table) for model in (Tie, TieYear, TieContribution))
    ids = ", ".join(str(int(pk)) for pk in tie_ids)
    in_years = f" AND {q('year')} IN ({', '.join(str(int(y)) for y in years)})" if years is not None else ""
    year_columns = ", ".join(q(TieYear._meta.get_field(name).column) for name in YEAR_FIELDS)
    tie_id, pk = q("tie_id"), q(Tie._meta.pk.column)

    def per_tie(table: str, value: str) -> str:
        return f"(SELECT {value} FROM {table} WHERE {table}.{tie_id} = {tie}.{pk})"

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {year} WHERE {tie_id} IN ({ids}){in_years}")
        cursor.execute(
            f"INSERT INTO {year} ({year_columns}) "
            f"SELECT {tie_id}, {q('year')}, SUM({q('weight')}), SUM({q('hours')}), "
            f"COUNT({q('activity_id')}), COUNT({q('collaboration_id')}) "
            f"FROM {contribution} WHERE {tie_id} IN ({ids}){in_years} "
            f"GROUP BY {tie_id}, {q('year')}"
        )
        empty = f"{pk} IN ({ids}) AND NOT EXISTS {per_tie(contribution, '1')}"
        cursor.execute(f"DELETE FROM {year} WHERE {tie_id} IN (SELECT {pk} FROM {tie} WHERE {empty})")
        cursor.execute(f"DELETE FROM {tie} WHERE {empty}")
        cursor.execute(
            f"UPDATE {tie} SET "
            f"{q('weight')} = {per_tie(year, 'SUM(' + q('weight') + ')')}, "
            f"{q('hours')} = {per_tie(year, 'SUM(' + q('hours') + ')')}, "
            f"{q('activity_count')} = {per_tie(year, 'SUM(' + q('activity_count') + ')')}, "
            f"{q('collaboration_count')} = {per_tie(year, 'SUM(' + q('collaboration_count') + ')')}, "
            f"{q('year_count')} = {per_tie(year, 'COUNT(*)')}, "
            f"{q('first_date')} = {per_tie(contribution, 'MIN(' + q('date') + ')')}, "
            f"{q('last_date')} = {per_tie(contribution, 'MAX(' + q('date') + ')')}, "
            f"{q('updated_at')} = %s WHERE {pk} IN ({ids})",
            [timezone.now()],
        )


def ledger_rebuild(*, actor=None) -> dict[str, int]:
    """Recompute the whole ledger from the activities and collaborations, in one transaction;
    returns the counts written, and records them in the audit log."""
    contributions: dict[tuple[int, int], list[tuple]] = defaultdict(list)
    for source, field, obj_id, people, occasion in _all_occasions():
        for a, b, weight in pair_contributions(people, occasion):
            contributions[a, b].append((source, field, obj_id, occasion, len(set(people)), weight))
    pairs = sorted(contributions)
    now = timezone.now()
    with transaction.atomic():
        for model in (TieContribution, TieYear, Tie):
            model.objects.all().delete()
        _insert(
            Tie,
            ["person_a", "person_b", *TOTAL_FIELDS, "created_at", "updated_at"],
            ((a, b, *_rebuilt_totals(contributions[a, b]), now, now) for a, b in pairs),
        )
        ids = {(a, b): pk for a, b, pk in Tie.objects.values_list("person_a_id", "person_b_id", "pk")}
        _insert(
            TieContribution,
            CONTRIBUTION_FIELDS,
            (_contribution_row(ids[pair], *row) for pair in pairs for row in contributions[pair]),
        )
        _insert(
            TieYear,
            YEAR_FIELDS,
            (
                (ids[pair], year, *figures.values())
                for pair in pairs
                for year, figures in _years_of(contributions[pair]).items()
            ),
        )
        counts = {
            "ties": len(pairs),
            "contributions": sum(len(rows) for rows in contributions.values()),
            "tie_years": TieYear.objects.count(),
        }
        audit_record(actor=actor, action="ledger.rebuilt", changes={k: [None, v] for k, v in counts.items()})
    return counts


def _all_occasions() -> Iterator[tuple[str, str, int, list[int], Occasion]]:
    """Every activity and collaboration with the people who count in it, in a few queries."""
    absent = set(
        Participation.objects.exclude(status__in=PRESENT_STATUSES).values_list("person_id", "session_id")
    )
    members: dict[int, list[int]] = defaultdict(list)
    for activity_id, person_id, session_id in ActivityMember.objects.values_list(
        "activity_id", "person_id", "activity__session_id"
    ):
        if (person_id, session_id) not in absent:
            members[activity_id].append(person_id)
    activities = Activity.objects.filter(pk__in=[pk for pk, people in members.items() if len(people) > 1])
    for activity in activities.select_related("session", "edition").only(
        "starts_at", "ends_at", "session__start_date", "edition__start_date"
    ):
        yield (
            ContributionSource.ACTIVITY,
            "activity",
            activity.pk,
            members[activity.pk],
            activity_occasion(activity),
        )
    people: dict[int, list[int]] = defaultdict(list)
    for collaboration_id, person_id in Collaboration.people.through.objects.values_list(
        "collaboration_id", "person_id"
    ):
        people[collaboration_id].append(person_id)
    for collaboration in Collaboration.objects.only("kind", "date"):
        yield (
            ContributionSource.COLLABORATION,
            "collaboration",
            collaboration.pk,
            people[collaboration.pk],
            collaboration_occasion(collaboration),
        )


def _years_of(rows: list[tuple]) -> dict[int, dict]:
    years: dict[int, dict] = {}
    for source, _field, _obj, occasion, _size, weight in sorted(rows, key=lambda row: row[3].date):
        figures = years.setdefault(
            occasion.date.year, {"weight": 0.0, "hours": 0.0, "activity_count": 0, "collaboration_count": 0}
        )
        figures["weight"] += weight
        figures["hours"] += occasion.hours
        figures["activity_count" if source == ContributionSource.ACTIVITY else "collaboration_count"] += 1
    return dict(sorted(years.items()))


def _rebuilt_totals(rows: list[tuple]) -> tuple:
    """A tie's figures (in the order of ``TOTAL_FIELDS``) from its contributions."""
    years = _years_of(rows)
    dates = [row[3].date for row in rows]
    return (
        sum(y["weight"] for y in years.values()),
        sum(y["hours"] for y in years.values()),
        sum(y["activity_count"] for y in years.values()),
        sum(y["collaboration_count"] for y in years.values()),
        min(dates),
        max(dates),
        len(years),
    )
