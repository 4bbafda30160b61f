"""What happens at each edition and session: texts by kind, and the timetable of an event.

An *event* is an edition with the programme sessions it hosts, or a session held outside any
edition. Its timetable follows the rhythm of a workshop-festival, in the hub's local time:
arrival and welcome on the first evening; on each working day (Sundays off) crossed workshops
in the morning and training courses all day; residencies in the afternoons of the second half,
rehearsals before each group's concert, concerts in the evenings of the last days; a
professional meeting midway; each programme's review on the last morning.

Nobody is put in two activities at once, nor two activities in one room at once: the planner
keeps every person's and every room's busy times.
"""

import datetime
import random
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field, replace

from tissage.activities.enums import ActivityKind, ActivityMode, MemberRole
from tissage.network.enums import RoomKind
from tissage.people.enums import LanguageLevel, Role

from .network import HUBS, HUBS_BY_SLUG, VENUES, FestivalSpec, RoomSpec, Text
from .people import PersonSpec

UTC = datetime.UTC
T = datetime.time
LANGUAGES = ("fr", "en", "ru")

WELCOME = (T(18, 0), T(19, 30))
MORNING = (T(10, 0), T(13, 0))
TRAINING_DAY = (T(10, 0), T(17, 0))
AFTERNOON = (T(15, 0), T(18, 0))
SOUNDCHECK = (T(16, 0), T(18, 30))
MEETING = (T(17, 30), T(19, 0))
EVENING = (T(20, 30), T(23, 30))
REVIEW = (T(10, 0), T(12, 0))

LEVEL_WEIGHTS = {LanguageLevel.NATIVE: 3, LanguageLevel.FLUENT: 2, LanguageLevel.WORKING: 1}
HOME_HUB = next(hub.slug for hub in HUBS if hub.is_home)
ARTISTS = frozenset({Role.ARTIST, Role.TEACHING_ARTIST})
ORGANISERS = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.ENTREPRENEUR})
TRAINERS = frozenset({Role.TECHNICIAN, Role.ADMINISTRATOR, Role.ENTREPRENEUR, Role.TEACHING_ARTIST})
CREW = frozenset({Role.TECHNICIAN, Role.TRAINEE})
PUBLIC_KINDS = frozenset(
    {ActivityKind.CONCERT, ActivityKind.CROSSED_WORKSHOP, ActivityKind.TRAINING, ActivityKind.RESIDENCY}
)


def _t(fr: str, en: str, ru: str) -> Text:
    return {"fr": fr, "en": en, "ru": ru}


@dataclass(frozen=True)
class Track:
    """A training course: the skills that lead to it, the rooms it needs, its texts."""

    slug: str
    skills: tuple[str, ...]
    rooms: tuple[str, ...]
    title: Text
    description: Text


TRACKS = {
    "sound": Track(
        "sound-training",
        ("sound-engineering",),
        (RoomKind.STUDIO, RoomKind.REHEARSAL, RoomKind.CLASSROOM),
        _t("Formation son", "Sound training", "Курс звукорежиссуры"),
        _t(
            "Prise de son, façade et retours, sur le matériel du festival. Ouvert aux stagiaires.",
            "Recording, front-of-house and monitor mixing on the festival's equipment. Open to trainees.",
            "Запись, концертный и мониторный звук на оборудовании фестиваля. Открыто для стажёров.",
        ),
    ),
    "light": Track(
        "lighting-training",
        ("lighting",),
        (RoomKind.STAGE, RoomKind.REHEARSAL, RoomKind.CLASSROOM),
        _t("Formation lumière", "Lighting training", "Курс по свету"),
        _t(
            "Concevoir et conduire la lumière des concerts du festival. Ouvert aux stagiaires.",
            "Designing and running the lights of the festival's concerts. Open to trainees.",
            "Разработка и ведение света на концертах фестиваля. Открыто для стажёров.",
        ),
    ),
    "stage": Track(
        "stage-management-training",
        ("stage-management",),
        (RoomKind.STAGE, RoomKind.OUTDOOR, RoomKind.REHEARSAL, RoomKind.CLASSROOM),
        _t("Formation régie de scène", "Stage-management training", "Курс управления сценой"),
        _t(
            "Plateau, fiches techniques, changements de plateau et sécurité. Ouvert aux stagiaires.",
            "Stage, technical riders, changeovers and safety. Open to trainees.",
            "Сцена, технические райдеры, смена составов и безопасность. Открыто для стажёров.",
        ),
    ),
    "admin": Track(
        "administration-training",
        ("administration", "production"),
        (RoomKind.OFFICE, RoomKind.CLASSROOM),
        _t(
            "Formation administration et production",
            "Administration and production training",
            "Курс администрирования и продюсирования",
        ),
        _t(
            "Budgets, contrats, tournées, demandes de subvention et visas. Ouvert aux stagiaires.",
            "Budgets, contracts, touring, grant applications and visas. Open to trainees.",
            "Бюджеты, договоры, гастроли, заявки на гранты и визы. Открыто для стажёров.",
        ),
    ),
    # The two workshops of Mimi-Nor's first edition (2–7 September 2002).
    "sound-workshop": Track(
        "sound-workshop",
        ("sound-engineering",),
        (RoomKind.STUDIO, RoomKind.STAGE, RoomKind.REHEARSAL),
        _t("Atelier son", "Sound workshop", "Мастерская звука"),
        _t(
            "Prise de son, façade et retours : les stagiaires préparent le son de la nuit de concert.",
            "Recording, front-of-house and monitors: the trainees prepare the sound of the concert night.",
            "Запись, концертный и мониторный звук: стажёры готовят звук концертной ночи.",
        ),
    ),
    "stage-admin-workshop": Track(
        "stage-management-administration-workshop",
        ("stage-management", "administration", "production", "lighting"),
        (RoomKind.CLASSROOM, RoomKind.OFFICE, RoomKind.STAGE),
        _t(
            "Atelier régie et administration",
            "Stage-management and administration workshop",
            "Мастерская управления сценой и администрирования",
        ),
        _t(
            "Régie de scène et administration d'un festival : plannings, budgets, accueil des artistes.",
            "Stage management and running a festival: schedules, budgets, looking after the artists.",
            "Управление сценой и администрирование фестиваля: графики, бюджеты, приём артистов.",
        ),
    ),
}
DEFAULT_TRACKS = ("sound", "light", "stage", "admin")

THEMES = (
    _t("son et scène", "sound and stage", "звук и сцена"),
    _t("rythmes du fleuve et de la toundra", "rhythms of river and tundra", "ритмы реки и тундры"),
    _t("voix et cordes", "voices and strings", "голоса и струны"),
    _t("transes et grooves", "trances and grooves", "трансы и грувы"),
    _t("chants de travail, chants de fête", "work songs, feast songs", "песни труда и праздника"),
    _t("cordes croisées", "crossed strings", "перекрёстные струны"),
    _t("percussions du monde", "percussion summit", "встреча ударных"),
    _t("improvisation dirigée", "conducted improvisation", "управляемая импровизация"),
    _t("répertoires en partage", "shared repertoires", "общий репертуар"),
    _t("arranger ensemble", "arranging together", "аранжировка вместе"),
    _t("berceuses et complaintes", "lullabies and laments", "колыбельные и плачи"),
    _t("danses de partout", "dances from everywhere", "танцы отовсюду"),
)

DAY_SUFFIX = _t(" — jour {n}", " — day {n}", " — день {n}")
TEXTS = {
    "crossed": (
        _t(
            "Atelier croisé {letter} : {theme}",
            "Crossed workshop {letter}: {theme}",
            "Перекрёстная мастерская {letter}: {theme}",
        ),
        _t(
            "Des musiciens de {hubs} travaillent ensemble : écoute, échange de répertoires, arrangements "
            "communs. Aucune œuvre finie n'est exigée.",
            "Musicians from {hubs} work together: listening, swapping repertoires, arranging in common. No "
            "finished work is required.",
            "Музыканты ({hubs}) работают вместе: слушают друг друга, обмениваются репертуаром, делают "
            "общие аранжировки. Готовое произведение не требуется.",
        ),
    ),
    "residency": (
        _t(
            "Résidence de création — groupe {letter}",
            "Creative residency — group {letter}",
            "Творческая резиденция — группа {letter}",
        ),
        _t(
            "Le groupe {letter} compose, enregistre des maquettes et prépare son concert.",
            "Group {letter} composes, records demos and prepares its concert.",
            "Группа {letter} сочиняет, записывает демо и готовит концерт.",
        ),
    ),
    "rehearsal": (
        _t("Répétition — groupe {letter}", "Rehearsal — group {letter}", "Репетиция — группа {letter}"),
        _t(
            "Répétition et balance avant le concert du soir.",
            "Rehearsal and soundcheck before the evening concert.",
            "Репетиция и саундчек перед вечерним концертом.",
        ),
    ),
    "concert": (
        _t("Soirée {n} : {hubs}", "Evening {n}: {hubs}", "Вечер {n}: {hubs}"),
        _t(
            "Concert public : les groupes des ateliers et des musiciens de la ville.",
            "Public concert: the workshop groups and musicians of the city.",
            "Открытый концерт: группы мастерских и музыканты города.",
        ),
    ),
    "concert-night": (
        _t("Nuit de concert {festival}", "{festival} concert night", "Концертная ночь {festival}"),
        _t(
            "La nuit de concert du festival : musiciens invités et musiciens de la ville, son et régie tenus "
            "par les stagiaires des ateliers.",
            "The festival's concert night: guest and local musicians, with sound and stage run by the "
            "workshops' trainees.",
            "Концертная ночь фестиваля: приглашённые и местные музыканты, звук и сцену ведут стажёры "
            "мастерских.",
        ),
    ),
    "closing-concert": (
        _t("Concert de clôture : {hubs}", "Closing concert: {hubs}", "Заключительный концерт: {hubs}"),
        _t(
            "Les groupes de la session jouent ce qu'ils ont créé ensemble.",
            "The session's groups play what they have created together.",
            "Группы сессии играют то, что создали вместе.",
        ),
    ),
    "welcome": (
        _t("Accueil et présentations", "Welcome and introductions", "Встреча и знакомство"),
        _t(
            "Accueil des participants ({hubs}), présentation du programme et des groupes.",
            "Welcoming the participants ({hubs}); the programme and the groups are introduced.",
            "Встреча участников ({hubs}), представление программы и групп.",
        ),
    ),
    "all-programmes": (
        _t("Grande rencontre de tous les programmes", "All the programmes meet", "Встреча всех программ"),
        _t(
            "Les participants de tous les programmes se retrouvent à Marseille : {hubs}.",
            "The participants of every programme meet in Marseille: {hubs}.",
            "Участники всех программ собираются в Марселе: {hubs}.",
        ),
    ),
    "meeting": (
        _t(
            "Rencontre professionnelle : micro-entreprises de la musique",
            "Professional meeting: music micro-enterprises",
            "Профессиональная встреча: музыкальные микропредприятия",
        ),
        _t(
            "Labels, studios, location de son, diffusion : ce qui naît dans chaque ville, et comment "
            "travailler ensemble.",
            "Labels, studios, sound hire, promotion: what is growing in each city, and how to work together.",
            "Лейблы, студии, прокат звука, продвижение: что рождается в каждом городе и как работать вместе.",
        ),
    ),
    "review": (
        _t("Bilan : {programme}", "Review: {programme}", "Итоги: {programme}"),
        _t(
            "Bilan de la session avec les participants, et préparation de la suivante.",
            "Looking back on the session with the participants, and preparing the next one.",
            "Подведение итогов сессии с участниками и подготовка следующей.",
        ),
    ),
}


def _text(template: Text, **values) -> Text:
    """Fill a template in each language; a value may itself be a ``{language: text}`` dict."""
    return {
        lang: template[lang].format(**{k: v[lang] if isinstance(v, dict) else v for k, v in values.items()})
        for lang in LANGUAGES
    }


def _hub_names(hubs) -> Text:
    names = [HUBS_BY_SLUG[hub].name for hub in hubs]
    return {lang: " × ".join(name[lang] for name in names) for lang in LANGUAGES}


def _hub_list(hubs) -> Text:
    names = [HUBS_BY_SLUG[hub].name for hub in hubs]
    return {lang: ", ".join(name[lang] for name in names) for lang in LANGUAGES}


@dataclass(frozen=True)
class Attendee:
    person: PersonSpec
    role: str
    session: str | None
    arrives: datetime.date
    departs: datetime.date

    def present_on(self, day: datetime.date) -> bool:
        return self.arrives <= day <= self.departs


@dataclass(frozen=True)
class EventSession:
    key: str
    programme_slug: str
    programme_name: Text


@dataclass(frozen=True)
class Event:
    hub: str
    start: datetime.date
    end: datetime.date
    venues: tuple[str, ...]
    sessions: tuple[EventSession, ...]
    edition: str | None = None
    festival: FestivalSpec | None = None
    concert_evenings: int = 1
    tracks: tuple[str, ...] = DEFAULT_TRACKS
    crossed_workshops: bool = True
    residencies: bool = True
    programming: str = "full"
    past: bool = True

    @property
    def days(self) -> list[datetime.date]:
        return [self.start + datetime.timedelta(days=n) for n in range((self.end - self.start).days + 1)]


@dataclass(frozen=True)
class ActivitySpec:
    slug: str
    edition: str | None
    session: str | None
    kind: str
    mode: str
    title: Text
    description: Text
    languages: tuple[str, ...] = ()
    interpreting: tuple[str, ...] = ()
    room: tuple[str, str] | None = None
    starts_at: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None
    is_public: bool = True
    audience: int | None = None
    members: tuple[tuple[str, str], ...] = ()
    # The working day it belongs to (None for the welcome, the review and the concerts).
    day_index: int | None = None


@dataclass
class Group:
    letter: str
    theme: Text
    leader: Attendee
    members: list[Attendee]
    session: str | None

    @property
    def everyone(self) -> list[Attendee]:
        return [self.leader, *self.members]

    @property
    def hubs(self) -> list[str]:
        return list(dict.fromkeys(a.person.hub for a in self.everyone))


def _interleaved_by_hub(attendees: list[Attendee]) -> list[Attendee]:
    """Attendees ordered so that consecutive ones come from different hubs when possible."""
    by_hub: dict[str, list[Attendee]] = defaultdict(list)
    for attendee in attendees:
        by_hub[attendee.person.hub].append(attendee)
    queues = sorted(by_hub.values(), key=len, reverse=True)
    ordered = []
    while any(queues):
        for queue in queues:
            if queue:
                ordered.append(queue.pop(0))
    return ordered


def _seniority(attendee: Attendee):
    return (attendee.role != Role.TEACHING_ARTIST, attendee.person.roles[0].since, attendee.person.slug)


def working_languages(people: list[PersonSpec], leader: PersonSpec | None) -> tuple[tuple, tuple]:
    """The fewest languages that reach everyone (the most shared first, native speakers counting
    most), and those the leader does not speak, into which an interpreter must work."""
    uncovered = [p for p in people if p.usable_languages()]
    chosen: list[str] = []
    while uncovered and len(chosen) < 3:
        counts: dict[str, int] = defaultdict(int)
        for person in uncovered:
            for code, level in person.languages:
                counts[code] += LEVEL_WEIGHTS.get(level, 0)
        best = max(sorted(counts), key=lambda code: counts[code])
        chosen.append(best)
        uncovered = [p for p in uncovered if best not in p.usable_languages()]
    if leader is not None:
        interpreting = [code for code in chosen if code not in leader.usable_languages()]
    else:
        interpreting = chosen[1:]
    return tuple(chosen), tuple(interpreting)


@dataclass
class Calendar:
    """Busy times of people and rooms, across all events."""

    people: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    rooms: dict[tuple[str, str], list] = field(default_factory=lambda: defaultdict(list))

    @staticmethod
    def _free(intervals, start, end) -> bool:
        return all(end <= other_start or other_end <= start for other_start, other_end in intervals)

    def person_free(self, slug: str, start, end) -> bool:
        return self._free(self.people[slug], start, end)

    def book_person(self, slug: str, start, end) -> None:
        self.people[slug].append((start, end))

    def room_free(self, key: tuple[str, str], start, end) -> bool:
        return self._free(self.rooms[key], start, end)

    def book_room(self, key: tuple[str, str], start, end) -> None:
        self.rooms[key].append((start, end))


class EventPlanner:
    """Plans the activities of one event; see the module's docstring for the rhythm."""

    def __init__(
        self,
        *,
        event: Event,
        attendees: list[Attendee],
        local_scene: list[Attendee],
        calendar: Calendar,
        rng: random.Random,
    ):
        self.event = event
        self.attendees = attendees
        self.local_scene = local_scene
        self.calendar = calendar
        self.rng = rng
        self.tz = zoneinfo.ZoneInfo(HUBS_BY_SLUG[event.hub].timezone)
        self.rooms = self._rooms()
        self.activities: list[ActivitySpec] = []

    def _rooms(self) -> list[tuple[tuple[str, str], RoomSpec, int]]:
        """The hub's rooms with the rank of their venue: the event's own venues first."""
        rooms = []
        for venue in VENUES:
            if venue.hub != self.event.hub:
                continue
            rank = self.event.venues.index(venue.slug) if venue.slug in self.event.venues else 99
            rooms.extend(((venue.slug, room.name), room, rank) for room in venue.rooms)
        return rooms

    def _when(self, day: datetime.date, slot) -> tuple[datetime.datetime, datetime.datetime]:
        start, end = (datetime.datetime.combine(day, t, tzinfo=self.tz).astimezone(UTC) for t in slot)
        return start, end

    def _room(self, kinds, size: int, start, end, *, biggest: bool = False):
        candidates = [
            (
                kinds.index(room.kind) if room.kind in kinds else len(kinds),
                rank,
                -room.capacity if biggest else 0,
                key,
                room,
            )
            for key, room, rank in self.rooms
            if self.calendar.room_free(key, start, end)
        ]
        fitting = [c for c in candidates if c[4].capacity >= size] or candidates
        if not fitting:
            raise RuntimeError(f"No free room at {self.event.hub} on {start:%Y-%m-%d %H:%M}.")
        *_rank, key, room = min(fitting, key=lambda c: c[:4])
        self.calendar.book_room(key, start, end)
        return key, room

    def _free(self, attendees, start, end) -> list[Attendee]:
        return [a for a in attendees if self.calendar.person_free(a.person.slug, start, end)]

    def _present(self, day: datetime.date, attendees=None) -> list[Attendee]:
        return [a for a in (self.attendees if attendees is None else attendees) if a.present_on(day)]

    def _interpreter(self, languages: tuple[str, ...], day: datetime.date, start, end) -> Attendee | None:
        for attendee in self._present(day):
            usable = attendee.person.usable_languages()
            if (
                attendee.role == Role.INTERPRETER
                and len(usable & set(languages)) >= 2
                and self.calendar.person_free(attendee.person.slug, start, end)
            ):
                return attendee
        return None

    def add(
        self,
        *,
        slug: str,
        kind: str,
        texts: tuple[Text, Text],
        day: datetime.date,
        slot,
        room_kinds,
        leader: Attendee | None = None,
        members: list[Attendee] = (),
        technicians: list[Attendee] = (),
        mode: str = "",
        session: str | None = None,
        day_index: int | None = None,
        biggest_room: bool = False,
    ) -> None:
        """Book the people (dropping anyone already busy) and a room; record the activity."""
        if self.event.edition is None:
            session = self.event.sessions[0].key
        start, end = self._when(day, slot)
        leader = (
            leader
            if leader is not None and self.calendar.person_free(leader.person.slug, start, end)
            else None
        )
        members = [m for m in self._free(members, start, end) if m is not leader]
        technicians = [t for t in self._free(technicians, start, end) if t is not leader and t not in members]
        everyone = [a for a in (leader, *members, *technicians) if a is not None]
        if not everyone and kind != ActivityKind.CONCERT:
            return
        languages, interpreting = (), ()
        roles = {a.person.slug: (a, MemberRole.MEMBER) for a in members}
        roles.update({a.person.slug: (a, MemberRole.TECHNICIAN) for a in technicians})
        if leader is not None:
            roles = {leader.person.slug: (leader, MemberRole.LEADER), **roles}
        roles = list(roles.values())
        if kind != ActivityKind.CONCERT:
            languages, interpreting = working_languages(
                [a.person for a in everyone], leader.person if leader else None
            )
            if interpreting and (interpreter := self._interpreter(languages, day, start, end)):
                roles.append((interpreter, MemberRole.INTERPRETER))
        for attendee, _role in roles:
            self.calendar.book_person(attendee.person.slug, start, end)
        key, room = self._room(room_kinds, len(roles), start, end, biggest=biggest_room)
        audience = None
        if kind == ActivityKind.CONCERT and self.event.past:
            audience = int(room.capacity * self.rng.uniform(0.55, 0.98)) // 10 * 10
        activity = ActivitySpec(
            slug=slug,
            edition=self.event.edition,
            session=session,
            kind=kind,
            mode=mode,
            title=texts[0],
            description=texts[1],
            languages=languages,
            interpreting=interpreting,
            room=key,
            starts_at=start,
            ends_at=end,
            is_public=kind in PUBLIC_KINDS,
            audience=audience,
            members=tuple((a.person.slug, role) for a, role in roles),
            day_index=day_index,
        )
        self.activities.append(activity)

    @staticmethod
    def _session_of(attendees: list[Attendee]) -> str | None:
        sessions = {a.session for a in attendees}
        return sessions.pop() if len(sessions) == 1 else None

    # The parts of the rhythm.

    def groups(self) -> list[Group]:
        """Per session, its artists in groups of four to six, each led by a teaching artist (or
        the most senior artist), mixing hubs; sessions with too few artists join the others."""
        seen: set[str] = set()
        groups: list[Group] = []
        stray: list[Attendee] = []
        themes = self.rng.sample(THEMES, len(THEMES))
        sessions = [s.key for s in self.event.sessions] or [None]
        for session in sessions:
            artists = []
            for a in self.attendees:
                if a.session == session and a.role in ARTISTS and a.person.slug not in seen:
                    seen.add(a.person.slug)
                    artists.append(a)
            if len(artists) < 3:
                stray.extend(artists)
                continue
            count = max(1, round(len(artists) / 5))
            artists.sort(key=_seniority)
            leaders, others = artists[:count], _interleaved_by_hub(artists[count:])
            session_groups = [
                Group(
                    letter="",
                    theme=themes[(len(groups) + i) % len(themes)],
                    leader=leader,
                    members=[],
                    session=session,
                )
                for i, leader in enumerate(leaders)
            ]
            for i, attendee in enumerate(others):
                session_groups[i % count].members.append(attendee)
            groups.extend(session_groups)
        for attendee in stray:
            if groups:
                smallest = min(groups, key=lambda g: len(g.everyone))
                smallest.members.append(attendee)
                smallest.session = self._session_of(smallest.everyone)
            else:
                groups.append(Group("", themes[0], attendee, [], attendee.session))
        for i, group in enumerate(groups):
            group.letter = chr(ord("A") + i)
        return groups

    def plan(self) -> list[ActivitySpec]:
        event = self.event
        days = event.days
        departure = days[-1] if len(days) >= 3 else None
        work_days = [d for d in days[1:-1] if d.weekday() != 6] or days
        concert_days = work_days[-event.concert_evenings :] if event.concert_evenings else []
        groups = self.groups()
        hubs = list(dict.fromkeys(a.person.hub for a in self.attendees)) or [event.hub]

        self.welcome(days[0], hubs)
        for index, day in enumerate(work_days, start=1):
            performing = [
                g for i, g in enumerate(groups) if concert_days and concert_days[i % len(concert_days)] == day
            ]
            for group in groups:
                present = self._present(day, group.everyone)
                # When the leader is not there yet (or any more), the most senior present leads.
                leader = (
                    group.leader if group.leader in present else min(present, key=_seniority, default=None)
                )
                others = [a for a in present if a is not leader]
                values = {"letter": group.letter, "theme": group.theme, "hubs": _hub_list(group.hubs)}
                if event.crossed_workshops and len(group.hubs) > 1:
                    self.add(
                        slug=f"crossed-workshop-{group.letter.lower()}-day-{index}",
                        kind=ActivityKind.CROSSED_WORKSHOP,
                        texts=self._series(TEXTS["crossed"], index, len(work_days), values),
                        day=day,
                        slot=MORNING,
                        room_kinds=(
                            RoomKind.REHEARSAL,
                            RoomKind.CLASSROOM,
                            RoomKind.STUDIO,
                            RoomKind.OUTDOOR,
                        ),
                        leader=leader,
                        members=others,
                        mode=ActivityMode.OPEN if ord(group.letter) % 2 else ActivityMode.PRODUCTION,
                        session=group.session,
                        day_index=index,
                    )
                if group in performing:
                    self.add(
                        slug=f"rehearsal-{group.letter.lower()}-day-{index}",
                        kind=ActivityKind.REHEARSAL,
                        texts=(_text(TEXTS["rehearsal"][0], **values), TEXTS["rehearsal"][1]),
                        day=day,
                        slot=SOUNDCHECK,
                        room_kinds=(
                            RoomKind.REHEARSAL,
                            RoomKind.STUDIO,
                            RoomKind.CLASSROOM,
                            RoomKind.OUTDOOR,
                        ),
                        leader=leader,
                        members=others,
                        session=group.session,
                        day_index=index,
                    )
                elif event.residencies and index > len(work_days) // 2:
                    self.add(
                        slug=f"residency-{group.letter.lower()}-day-{index}",
                        kind=ActivityKind.RESIDENCY,
                        texts=self._series(TEXTS["residency"], index, len(work_days), values),
                        day=day,
                        slot=AFTERNOON,
                        room_kinds=(
                            RoomKind.STUDIO,
                            RoomKind.REHEARSAL,
                            RoomKind.CLASSROOM,
                            RoomKind.OUTDOOR,
                        ),
                        leader=leader,
                        members=others,
                        mode=ActivityMode.PRODUCTION,
                        session=group.session,
                        day_index=index,
                    )
            self.trainings(day, index, len(work_days))
            if index == (len(work_days) + 1) // 2:
                self.meeting(day, index)
            if day in concert_days:
                self.concert(day, concert_days.index(day) + 1, performing)
        if departure is not None:
            self.reviews(departure)
        return self._programmed(self.activities, len(work_days))

    @staticmethod
    def _series(texts, index: int, length: int, values) -> tuple[Text, Text]:
        title = _text(texts[0], **values)
        if length > 1:
            title = {lang: title[lang] + DAY_SUFFIX[lang].format(n=index) for lang in LANGUAGES}
        return title, _text(texts[1], **values)

    def welcome(self, day: datetime.date, hubs: list[str]) -> None:
        present = self._present(day)
        if not present:
            return
        coordinators = [a for a in present if a.role == Role.COORDINATOR]
        texts = TEXTS["all-programmes" if len(self.event.sessions) >= 3 else "welcome"]
        self.add(
            slug="welcome",
            kind=ActivityKind.MEETING,
            texts=(texts[0], _text(texts[1], hubs=_hub_list(hubs))),
            day=day,
            slot=WELCOME,
            room_kinds=(RoomKind.OUTDOOR, RoomKind.STAGE, RoomKind.CLASSROOM),
            leader=coordinators[0] if coordinators else None,
            members=[a for a in present if a.role != Role.INTERPRETER],
            session=self._session_of(present),
            biggest_room=True,
        )

    def trainings(self, day: datetime.date, index: int, length: int) -> None:
        """One course per track that has trainees, led by a free trainer with the track's skills.
        Trainees of a track nobody can lead join a course that has a leader, or else any free
        trainer leads them; there is no course without a leader."""
        present = self._present(day)
        trainees = [a for a in present if a.role == Role.TRAINEE]
        if not trainees:
            return
        tracks = [TRACKS[slug] for slug in self.event.tracks]
        pupils: dict[str, list[Attendee]] = defaultdict(list)
        for trainee in trainees:
            track = next((t for t in tracks if set(t.skills) & set(trainee.person.skills)), tracks[0])
            pupils[track.slug].append(trainee)
        start, end = self._when(day, TRAINING_DAY)
        # The home hub's experts lead (they came to train), then the most senior.
        trainers = self._free(
            sorted(
                (a for a in present if a.role in TRAINERS - {Role.TEACHING_ARTIST}),
                key=lambda a: (a.person.hub != HOME_HUB, _seniority(a)),
            ),
            start,
            end,
        )
        staff: dict[str, list[Attendee]] = {}
        for track in tracks:
            if pupils[track.slug]:
                skilled = [a for a in trainers if set(track.skills) & set(a.person.skills)]
                staff[track.slug] = skilled[:2]
                trainers = [a for a in trainers if a not in staff[track.slug]]
        for track in tracks:
            if pupils[track.slug] and not staff[track.slug]:
                led = [t for t in tracks if staff.get(t.slug)]
                if led:
                    pupils[led[0].slug].extend(pupils.pop(track.slug))
                elif trainers:
                    staff[track.slug] = [trainers.pop(0)]
        for track in tracks:
            if not pupils.get(track.slug) or not staff.get(track.slug):
                continue
            assistants = staff[track.slug][1:]
            self.add(
                slug=f"{track.slug}-day-{index}",
                kind=ActivityKind.TRAINING,
                texts=self._series((track.title, track.description), index, length, {}),
                day=day,
                slot=TRAINING_DAY,
                room_kinds=track.rooms,
                leader=staff[track.slug][0],
                members=pupils[track.slug] + [a for a in assistants if a.role != Role.TECHNICIAN],
                technicians=[a for a in assistants if a.role == Role.TECHNICIAN],
                mode=ActivityMode.OPEN,
                session=self._session_of(pupils[track.slug]),
                day_index=index,
            )

    def meeting(self, day: datetime.date, index: int) -> None:
        organisers = [a for a in self._present(day) if a.role in ORGANISERS]
        if len(organisers) < 2:
            return
        organisers.sort(key=lambda a: (a.role != Role.COORDINATOR, a.person.slug))
        self.add(
            slug="professional-meeting",
            kind=ActivityKind.MEETING,
            texts=TEXTS["meeting"],
            day=day,
            slot=MEETING,
            room_kinds=(RoomKind.OFFICE, RoomKind.CLASSROOM, RoomKind.OUTDOOR),
            leader=organisers[0],
            members=organisers[1:],
            session=self._session_of(organisers),
            day_index=index,
        )

    def concert(self, day: datetime.date, number: int, groups: list[Group]) -> None:
        start, end = self._when(day, EVENING)
        performers = [a for g in groups for a in self._present(day, g.everyone)]
        local = self._free(self._present(day, self.local_scene), start, end)
        local_artists = [a for a in local if a.role in ARTISTS]
        performers += self.rng.sample(local_artists, min(len(local_artists), 3))
        crew = [a for a in self._present(day) if a.role in CREW][:5]
        crew += [a for a in local if a.role == Role.TECHNICIAN][:1]
        hubs = list(dict.fromkeys(a.person.hub for a in performers)) or [self.event.hub]
        if self.event.festival is not None and self.event.concert_evenings == 1:
            texts = TEXTS["concert-night"]
            title = _text(texts[0], festival=self.event.festival.name)
            slug = "concert-night"
        else:
            texts = TEXTS["closing-concert" if self.event.concert_evenings == 1 else "concert"]
            title = _text(texts[0], n=number, hubs=_hub_names(hubs))
            slug = f"concert-evening-{number}"
        self.add(
            slug=slug,
            kind=ActivityKind.CONCERT,
            texts=(title, texts[1]),
            day=day,
            slot=EVENING,
            room_kinds=(RoomKind.STAGE, RoomKind.OUTDOOR),
            members=performers,
            technicians=crew,
            session=self._session_of(performers + crew),
            biggest_room=True,
        )

    def reviews(self, day: datetime.date) -> None:
        sessions = self.event.sessions or (None,)
        for session in sessions:
            key = session.key if session else None
            present = [a for a in self._present(day) if a.session == key]
            if not present:
                continue
            coordinators = [a for a in present if a.role == Role.COORDINATOR]
            name = session.programme_name if session else self.event.festival.name
            self.add(
                slug=f"review-{session.programme_slug}" if session else "review",
                kind=ActivityKind.MEETING,
                texts=(_text(TEXTS["review"][0], programme=name), TEXTS["review"][1]),
                day=day,
                slot=REVIEW,
                room_kinds=(RoomKind.CLASSROOM, RoomKind.OUTDOOR, RoomKind.OFFICE, RoomKind.REHEARSAL),
                leader=coordinators[0] if coordinators else None,
                members=[a for a in present if a.role != Role.INTERPRETER],
                session=key,
            )

    def _programmed(self, activities: list[ActivitySpec], length: int) -> list[ActivitySpec]:
        """What is decided so far: everything ("full"), the first two days ("partial"), or only
        the concerts, yet without time, room or performers ("draft")."""
        if self.event.programming == "full":
            return activities
        unscheduled = [
            replace(a, room=None, starts_at=None, ends_at=None, members=(), audience=None)
            for a in activities
            if a.kind == ActivityKind.CONCERT
        ]
        if self.event.programming == "draft":
            return unscheduled
        early = [
            a
            for a in activities
            if (a.kind != ActivityKind.CONCERT and a.day_index is not None and a.day_index <= 2)
            or a.slug == "welcome"
        ]
        return early + unscheduled
