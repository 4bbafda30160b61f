"""The whole demo network drawn up in memory, before anything is written.

:func:`plan_demo` is deterministic: one ``random.Random(seed)`` drawn in a fixed order. It
chooses the cohorts, who comes to each session and with what answer, and each event's
timetable; :mod:`tissage.demo.build` then writes it through the domain functions.
"""

import datetime
import random
from dataclasses import dataclass

from tissage.activities.enums import PRESENT_STATUSES, ParticipationStatus
from tissage.network.enums import SessionStatus
from tissage.people.enums import Role

from .activities import (
    DEFAULT_TRACKS,
    ORGANISERS,
    ActivitySpec,
    Attendee,
    Calendar,
    Event,
    EventPlanner,
    EventSession,
)
from .network import EDITIONS, FESTIVALS_BY_SLUG, HUBS_BY_SLUG, MONTHS, TODAY, VENUES, Text
from .people import STORY_PEOPLE, PeopleGenerator, PersonSpec
from .programmes import HUB_STAFF, LOCAL_SCENE, PROGRAMMES, ProgrammeSpec, SessionSpec

DAY = datetime.timedelta(days=1)
INVITED, CONFIRMED, DECLINED, ATTENDED, CANCELLED = (
    ParticipationStatus.INVITED,
    ParticipationStatus.CONFIRMED,
    ParticipationStatus.DECLINED,
    ParticipationStatus.ATTENDED,
    ParticipationStatus.CANCELLED,
)
STORY = frozenset(person.slug for person in STORY_PEOPLE)
TECHNICAL = frozenset({Role.TECHNICIAN, Role.TRAINEE, Role.ADMINISTRATOR, Role.COORDINATOR})


@dataclass(frozen=True)
class SessionPlan:
    key: str
    programme: str
    number: int
    hub: str
    start: datetime.date
    end: datetime.date
    edition: str | None
    status: str
    title: Text
    description: Text | None
    venues: tuple[str, ...]


@dataclass(frozen=True)
class CohortPlan:
    programme: str
    person: str
    role: str
    joined_on: datetime.date
    left_on: datetime.date | None


@dataclass(frozen=True)
class ParticipationPlan:
    session: str
    person: str
    role: str
    # The answers in order: created as the first, then each next one set in turn.
    statuses: tuple[str, ...]
    arrives_on: datetime.date | None
    departs_on: datetime.date | None
    note: str = ""

    @property
    def status(self) -> str:
        return self.statuses[-1]


@dataclass(frozen=True)
class DemoPlan:
    people: tuple[PersonSpec, ...]
    sessions: tuple[SessionPlan, ...]
    cohorts: tuple[CohortPlan, ...]
    participations: tuple[ParticipationPlan, ...]
    activities: tuple[ActivitySpec, ...]


def session_status(start: datetime.date, end: datetime.date) -> str:
    """Done when over; confirmed within a month; planned within a year; a draft further on."""
    if end < TODAY:
        return SessionStatus.DONE
    if (start - TODAY).days <= 31:
        return SessionStatus.CONFIRMED
    if (start - TODAY).days <= 365:
        return SessionStatus.PLANNED
    return SessionStatus.DRAFT


def _session_title(spec: SessionSpec) -> Text:
    hub = HUBS_BY_SLUG[spec.hub]
    return {
        lang: f"{hub.name[lang]}, {MONTHS[lang][spec.start.month - 1]} {spec.start.year}"
        for lang in ("fr", "en", "ru")
    }


class DemoPlanner:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.generator = PeopleGenerator(self.rng)
        self.cohorts: list[CohortPlan] = []
        self.sessions: list[SessionPlan] = []
        self.participations: list[ParticipationPlan] = []

    @property
    def people(self) -> dict[str, PersonSpec]:
        return self.generator.people

    def plan(self) -> DemoPlan:
        for programme in PROGRAMMES:
            self.cohort(programme)
        for hub, role, count in LOCAL_SCENE:
            for _n in range(count):
                if self.rng.random() < 0.6:
                    joined = datetime.date(self.rng.randint(1990, 2001), self.rng.randint(1, 12), 1)
                else:
                    joined = datetime.date(self.rng.randint(2012, 2024), self.rng.randint(1, 12), 1)
                self.generator.newcomer(hub=hub, role=role, joined=joined, local=True)
        for programme in PROGRAMMES:
            for number, spec in enumerate(programme.sessions, start=1):
                self.session(programme, number, spec)
        self._check_nobody_in_two_places()
        activities = self.activities()
        return DemoPlan(
            people=tuple(self.people.values()),
            sessions=tuple(self.sessions),
            cohorts=tuple(self.cohorts),
            participations=tuple(self.participations),
            activities=tuple(activities),
        )

    def cohort(self, programme: ProgrammeSpec) -> None:
        joined = programme.sessions[0].start
        members = list(programme.named_members)
        earlier = [c.person for c in self.cohorts]
        for hub, count in programme.alumni:
            candidates = sorted(
                {
                    slug
                    for slug in earlier
                    if self.people[slug].hub == hub
                    and slug not in members
                    and self.people[slug].role_on(joined)
                }
            )
            members += self.rng.sample(candidates, min(count, len(candidates)))
        for hub, role, count in programme.newcomers:
            members += [
                self.generator.newcomer(hub=hub, role=role, joined=joined).slug for _n in range(count)
            ]
        # A few leave before the end: after one of the middle sessions, if it is over.
        middle = [s.end for s in programme.sessions[1:-1] if s.end < TODAY]
        for slug in members:
            person = self.people[slug]
            left_on = None
            if slug not in STORY and middle and self.rng.random() < 0.08:
                left_on = self.rng.choice(middle)
            self.cohorts.append(
                CohortPlan(
                    programme=programme.slug,
                    person=slug,
                    role=person.role_on(joined) or person.roles[0].role,
                    joined_on=joined,
                    left_on=left_on,
                )
            )

    def _comes(self, programme: ProgrammeSpec, spec: SessionSpec, person: PersonSpec, role: str) -> bool:
        if spec.who == "delegation":
            return person.hub == programme.home_hub or role in ORGANISERS
        if spec.who == "technical":
            return person.hub == programme.home_hub or role in TECHNICAL
        return True

    def _answers(self, status: str, certain: bool) -> tuple[str, ...]:
        """The answers of someone invited to a session of ``status``; ``certain`` people (staff,
        named people) always come."""
        draw = 1.0 if certain else self.rng.random()
        if status == SessionStatus.DONE:
            # Past stays are recorded from the confirmation on.
            if draw < 0.07:
                return (INVITED, DECLINED)
            return (CONFIRMED, CANCELLED) if draw < 0.11 else (CONFIRMED, ATTENDED)
        if status == SessionStatus.CONFIRMED:
            if draw < 0.06:
                return (INVITED, DECLINED)
            return (INVITED,) if draw < 0.18 else (INVITED, CONFIRMED)
        if status == SessionStatus.PLANNED:
            if draw < 0.04:
                return (INVITED, DECLINED)
            return (INVITED, CONFIRMED) if draw < 0.45 or certain else (INVITED,)
        return (INVITED,)

    def session(self, programme: ProgrammeSpec, number: int, spec: SessionSpec) -> None:
        key = f"{programme.slug}-{number}"
        status = session_status(spec.start, spec.end)
        self.sessions.append(
            SessionPlan(
                key=key,
                programme=programme.slug,
                number=number,
                hub=spec.hub,
                start=spec.start,
                end=spec.end,
                edition=spec.edition,
                status=status,
                title=_session_title(spec),
                description=spec.description,
                venues=spec.venues or tuple(v.slug for v in VENUES if v.hub == spec.hub),
            )
        )
        invited: dict[str, tuple[str, bool, str]] = {}
        for member in self.cohorts:
            if member.programme != programme.slug or (member.left_on and member.left_on < spec.start):
                continue
            person = self.people[member.person]
            role = person.role_on(spec.start)
            if role and self._comes(programme, spec, person, role):
                invited[person.slug] = (role, person.slug in STORY, "")
        hub_staff = [slug for slug in HUB_STAFF if self.people[slug].hub == spec.hub]
        for slug in (*programme.staff, *hub_staff):
            role = self.people[slug].role_on(spec.start)
            if role and slug not in invited:
                invited[slug] = (role, True, "")
        for slug in spec.guests:
            invited[slug] = (
                self.people[slug].role_on(spec.start),
                True,
                "Invited with the regional delegation.",
            )
        long_enough = (spec.end - spec.start).days >= 3
        for slug, (role, certain, note) in invited.items():
            answers = self._answers(status, certain)
            arrives, departs = spec.start, spec.end
            if long_enough and not certain:
                draw = self.rng.random()
                arrives += DAY if draw < 0.1 else datetime.timedelta(0)
                departs -= DAY if draw >= 0.9 else datetime.timedelta(0)
            coming = answers[-1] in (INVITED, *PRESENT_STATUSES)
            self.participations.append(
                ParticipationPlan(
                    session=key,
                    person=slug,
                    role=role,
                    statuses=answers,
                    arrives_on=arrives if coming else None,
                    departs_on=departs if coming else None,
                    note=note,
                )
            )

    def _present_stays(self) -> dict[str, list[tuple[SessionPlan, ParticipationPlan]]]:
        sessions = {s.key: s for s in self.sessions}
        stays: dict[str, list] = {}
        for participation in self.participations:
            if participation.status in PRESENT_STATUSES:
                stays.setdefault(participation.person, []).append(
                    (sessions[participation.session], participation)
                )
        return stays

    def _check_nobody_in_two_places(self) -> None:
        for person, stays in self._present_stays().items():
            for first, _p in stays:
                for second, _q in stays:
                    if first.hub != second.hub and first.start <= second.end and second.start <= first.end:
                        raise RuntimeError(f"{person} is in {first.key} and {second.key} at once.")

    def events(self) -> list[Event]:
        names = {p.slug: p.name for p in PROGRAMMES}
        events = []
        for edition in EDITIONS:
            festival = FESTIVALS_BY_SLUG[edition.festival]
            events.append(
                Event(
                    hub=festival.hub,
                    start=edition.start,
                    end=edition.end,
                    venues=edition.venues,
                    sessions=tuple(
                        EventSession(s.key, s.programme, names[s.programme])
                        for s in self.sessions
                        if s.edition == edition.key
                    ),
                    edition=edition.key,
                    festival=festival,
                    concert_evenings=edition.concert_evenings,
                    tracks=edition.tracks or DEFAULT_TRACKS,
                    crossed_workshops=edition.crossed_workshops,
                    residencies=edition.crossed_workshops,
                    programming=edition.programming,
                    past=edition.end < TODAY,
                )
            )
        for session in self.sessions:
            if session.edition is None and session.status in (SessionStatus.DONE, SessionStatus.CONFIRMED):
                events.append(
                    Event(
                        hub=session.hub,
                        start=session.start,
                        end=session.end,
                        venues=session.venues,
                        sessions=(EventSession(session.key, session.programme, names[session.programme]),),
                        past=session.end < TODAY,
                    )
                )
        return sorted(events, key=lambda e: e.start)

    def activities(self) -> list[ActivitySpec]:
        calendar = Calendar()
        stays = self._present_stays()
        activities = []
        for event in self.events():
            keys = {s.key for s in event.sessions}
            sessions = {s.key: s for s in self.sessions if s.key in keys}
            attendees: dict[str, Attendee] = {}
            for participation in self.participations:
                if participation.session in keys and participation.status in PRESENT_STATUSES:
                    attendees.setdefault(
                        participation.person,
                        Attendee(
                            person=self.people[participation.person],
                            role=participation.role,
                            session=participation.session,
                            arrives=participation.arrives_on,
                            departs=participation.departs_on,
                        ),
                    )
            # The local scene plays at the festivals; a session's own activities are its participants'.
            local = []
            for person in self.people.values() if event.edition else ():
                role = person.role_on(event.start)
                away = any(
                    s.start <= event.end and event.start <= s.end for s, _p in stays.get(person.slug, ())
                )
                if person.hub == event.hub and role and person.slug not in attendees and not away:
                    local.append(Attendee(person, role, None, event.start, event.end))
            if not sessions:
                attendees, local = {a.person.slug: a for a in local}, []
            planner = EventPlanner(
                event=event,
                attendees=list(attendees.values()),
                local_scene=local,
                calendar=calendar,
                rng=self.rng,
            )
            activities.extend(planner.plan())
        return activities


def plan_demo(seed: int = 2002) -> DemoPlan:
    return DemoPlanner(seed).plan()
