"""What the timetable's rules need to know of an edition, read in a handful of queries.

The conflict detection (``conflicts``) and the bridge to the automatic timetabler (``timetabling``)
both read these facts, so that the editor and the solver judge by the same rules:

* who attends an activity: its members, and for a training mandatory for trainees, every trainee
  taking part in its session (or, without a session, in the edition's sessions);
* when someone is there: from the arrival day to the departure day of their participations in the
  edition's sessions (the session's dates when those are not known); nobody is limited who has no
  participation there, and nobody is there whose participations were all declined or cancelled;
* what else they do meanwhile: their scheduled activities outside the edition;
* what a room offers: its capacity, equipment, changeover and opening hours (up to its curfew).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q

from tissage.activities.enums import ParticipationStatus
from tissage.activities.models import Activity, ActivityMember, Participation
from tissage.network.models import Edition, Room
from tissage.network.models.hubs import text_lines
from tissage.people.enums import Role
from tissage.people.models import Person

ABSENT_STATUSES = frozenset({ParticipationStatus.DECLINED, ParticipationStatus.CANCELLED})

Interval = tuple[datetime.datetime, datetime.datetime]


def local_moment(day: datetime.date, hours: float, tz: datetime.tzinfo) -> datetime.datetime:
    """``hours`` after the start of ``day`` on the hub's clock (26 is 02:00 the next day)."""
    whole = int(hours)
    minutes = round((hours - whole) * 60)
    return datetime.datetime.combine(
        day + datetime.timedelta(days=whole // 24), datetime.time(whole % 24, minutes), tzinfo=tz
    )


def edition_days(edition: Edition) -> list[datetime.date]:
    return [
        edition.start_date + datetime.timedelta(days=n)
        for n in range((edition.end_date - edition.start_date).days + 1)
    ]


def activity_length(activity: Activity) -> datetime.timedelta:
    """How long it lasts: as placed, or as planned when it has no time yet."""
    if activity.starts_at is not None:
        return activity.ends_at - activity.starts_at
    return datetime.timedelta(minutes=activity.duration_minutes)


def room_hours(room: Room, day: datetime.date, tz: datetime.tzinfo) -> Interval | None:
    """When ``room`` is open on ``day`` (up to its curfew, perhaps after midnight); None: always."""
    if room.opens_at is None:
        return None
    opens = datetime.datetime.combine(day, room.opens_at, tzinfo=tz)
    closes_day = day + datetime.timedelta(days=1) if room.closes_at <= room.opens_at else day
    return opens, datetime.datetime.combine(closes_day, room.closes_at, tzinfo=tz)


def within_hours(room: Room, start: datetime.datetime, end: datetime.datetime, tz) -> bool:
    if room.opens_at is None:
        return True
    local = start.astimezone(tz).date()
    # An activity at 00:30 may belong to the evening before, when the room closes after midnight.
    for day in (local - datetime.timedelta(days=1), local):
        opens, closes = room_hours(room, day, tz)
        if opens <= start and end <= closes:
            return True
    return False


@dataclass(frozen=True)
class PersonRef:
    """Who a conflict or a change concerns: enough to name them and link to their page."""

    pk: int
    slug: str
    name: str
    email: str = ""

    def __str__(self) -> str:
        return self.name


@dataclass
class EditionFacts:
    edition: Edition
    activities: list[Activity]
    rooms: list[Room]
    members: dict[int, list[tuple[int, str]]]
    trainees: dict[int, set[int]]
    stays: dict[int, list[Interval]]
    people: dict[int, PersonRef]
    elsewhere: dict[int, list[tuple[Interval, str]]] = field(default_factory=dict)

    @cached_property
    def tz(self) -> datetime.tzinfo:
        return self.edition.festival.hub.tzinfo

    def attendees(self, activity: Activity) -> set[int]:
        return {person for person, _role in self.members.get(activity.pk, ())} | self.trainees.get(
            activity.pk, set()
        )

    def needed_places(self, activity: Activity) -> int:
        if activity.expected_attendance is not None:
            return activity.expected_attendance
        return len(self.attendees(activity))

    def missing_equipment(self, activity: Activity, room: Room) -> list[str]:
        available = {item.casefold() for item in room.equipment_items}
        return [item for item in activity.equipment_items if item.casefold() not in available]

    def is_present(self, person: int, start: datetime.datetime, end: datetime.datetime) -> bool:
        if person not in self.stays:
            return True
        return any(arrives <= start and end <= departs for arrives, departs in self.stays[person])

    @property
    def span(self) -> Interval:
        days = edition_days(self.edition)
        return local_moment(days[0], 0, self.tz), local_moment(days[-1], 24 + 6, self.tz)


def edition_facts(edition: Edition) -> EditionFacts:
    """The facts of ``edition``'s timetable (six queries, whatever its size)."""
    tz = edition.festival.hub.tzinfo
    activities = list(
        Activity.objects.filter(edition=edition)
        .select_related("room__venue", "session")
        .order_by("starts_at", "pk")
    )
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for activity_id, person_id, role in ActivityMember.objects.filter(activity__edition=edition).values_list(
        "activity_id", "person_id", "role"
    ):
        members[activity_id].append((person_id, role))

    stays: dict[int, list[Interval]] = defaultdict(list)
    declined: set[int] = set()
    trainees_of_session: dict[int, set[int]] = defaultdict(set)
    participations = Participation.objects.filter(session__edition=edition).values_list(
        "person_id",
        "session_id",
        "role",
        "status",
        "arrives_on",
        "departs_on",
        "session__start_date",
        "session__end_date",
    )
    for person, session, role, status, arrives, departs, starts, ends in participations:
        if status in ABSENT_STATUSES:
            declined.add(person)
            continue
        first, last = arrives or starts, departs or ends
        stays[person].append((local_moment(first, 0, tz), local_moment(last, 24, tz)))
        if role == Role.TRAINEE:
            trainees_of_session[session].add(person)
    for person in declined - set(stays):
        stays[person] = []

    trainees: dict[int, set[int]] = {}
    everyone = set().union(*trainees_of_session.values())
    for activity in activities:
        if activity.mandatory_for_trainees:
            trainees[activity.pk] = (
                trainees_of_session.get(activity.session_id, set()) if activity.session_id else set(everyone)
            )

    involved = {p for rows in members.values() for p, _role in rows}.union(*trainees.values())
    people = {
        pk: PersonRef(pk=pk, slug=slug, name=f"{given} {family}".strip(), email=email or "")
        for pk, slug, given, family, email in Person.objects.filter(pk__in=involved).values_list(
            "pk", "slug", "given_name", "family_name", "email"
        )
    }
    rooms = list(
        Room.objects.filter(Q(venue__editions=edition) | Q(activities__edition=edition))
        .select_related("venue")
        .distinct()
        .order_by("venue__slug", "name")
    )
    facts = EditionFacts(
        edition=edition,
        activities=activities,
        rooms=rooms,
        members=dict(members),
        trainees=trainees,
        stays=dict(stays),
        people=people,
    )
    span_start, span_end = facts.span
    elsewhere: dict[int, list[tuple[Interval, str]]] = defaultdict(list)
    for person, start, end, title in (
        ActivityMember.objects.filter(
            person_id__in=involved, activity__starts_at__lt=span_end, activity__ends_at__gt=span_start
        )
        .exclude(activity__edition=edition)
        .values_list("person_id", "activity__starts_at", "activity__ends_at", "activity__title")
    ):
        elsewhere[person].append(((start, end), str(title)))
    facts.elsewhere = dict(elsewhere)
    return facts


def equipment_of(text: str) -> frozenset[str]:
    return frozenset(item.casefold() for item in text_lines(text))
