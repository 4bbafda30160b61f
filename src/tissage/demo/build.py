"""Writes the demo network through the domain functions, in one transaction.

Every object is made the way staff would make it (``actor=None``, recorded as "system"), so
the demo fills the audit trails too.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from tissage.activities.domain.activities import activity_create, activity_members_set
from tissage.activities.domain.participations import participation_create, participation_set_status
from tissage.activities.models import Activity, ActivityMember, Participation
from tissage.calls.models import Call
from tissage.core.domain.audit import audit_record
from tissage.core.models import AuditEntry
from tissage.impact.domain.ledger import ledger_paused
from tissage.impact.models import Collaboration, Enterprise
from tissage.logistics.models import ExchangeRate, VisaRule
from tissage.network.domain.festivals import edition_create, edition_publish, festival_create
from tissage.network.domain.hubs import hub_create, hub_update, room_create, venue_create
from tissage.network.domain.programmes import (
    cohort_member_add,
    programme_create,
    session_create,
    session_update,
)
from tissage.network.models import CohortMember, Edition, Festival, Hub, Programme, Room, Session, Venue
from tissage.outbox.models import Message
from tissage.people.domain.organisations import organisation_create, skill_create
from tissage.people.domain.persons import person_create, person_role_add
from tissage.people.models import Organisation, Person, PersonRole, Skill
from tissage.schedule.domain.releases import release_publish

from .calls import build_calls
from .impact import build_impact
from .logistics import build_logistics
from .network import EDITIONS, FESTIVALS, FESTIVALS_BY_SLUG, HUBS, HUBS_BY_SLUG, ORGANISATIONS, VENUES
from .people import SKILLS
from .plan import DemoPlan, plan_demo
from .programmes import PROGRAMMES

# ``progress(done, total)`` is called as objects are written.
Progress = Callable[[int, int], None]

# The network's data, in an order in which it can be deleted (what refers to others first).
NETWORK_MODELS = (
    Collaboration,
    Enterprise,
    Message,
    Call,
    Activity,
    Participation,
    Programme,
    Edition,
    Festival,
    Venue,
    Person,
    Skill,
    Organisation,
    Hub,
    ExchangeRate,
    VisaRule,
)


@dataclass(frozen=True)
class DemoSummary:
    hubs: int
    organisations: int
    venues: int
    rooms: int
    festivals: int
    editions: int
    skills: int
    people: int
    roles: int
    programmes: int
    sessions: int
    cohort_members: int
    participations: int
    activities: int
    activity_members: int
    audit_entries: int
    seconds: float

    @classmethod
    def count(cls, *, seconds: float) -> "DemoSummary":
        return cls(
            hubs=Hub.objects.count(),
            organisations=Organisation.objects.count(),
            venues=Venue.objects.count(),
            rooms=Room.objects.count(),
            festivals=Festival.objects.count(),
            editions=Edition.objects.count(),
            skills=Skill.objects.count(),
            people=Person.objects.count(),
            roles=PersonRole.objects.count(),
            programmes=Programme.objects.count(),
            sessions=Session.objects.count(),
            cohort_members=CohortMember.objects.count(),
            participations=Participation.objects.count(),
            activities=Activity.objects.count(),
            activity_members=ActivityMember.objects.count(),
            audit_entries=AuditEntry.objects.count(),
            seconds=seconds,
        )

    def rows(self) -> list[tuple[str, int]]:
        """``(label, count)`` for printing, without the time taken."""
        return [(name.replace("_", " "), value) for name, value in self.__dict__.items() if name != "seconds"]


def network_is_empty() -> bool:
    return not any(model.objects.exists() for model in NETWORK_MODELS)


def wipe_network() -> dict[str, int]:
    """Delete the whole network (not the user accounts, nor the audit log, which records the wipe)."""
    counts = {}
    with transaction.atomic(), ledger_paused():
        for model in NETWORK_MODELS:
            _total, per_model = model.objects.all().delete()
            for label, count in per_model.items():
                counts[label] = counts.get(label, 0) + count
        audit_record(actor=None, action="demo.wiped", changes={label: [n, 0] for label, n in counts.items()})
    return counts


class _Builder:
    def __init__(self, plan: DemoPlan, progress: Progress | None):
        self.plan = plan
        self.progress = progress
        self.done = 0
        self.total = (
            len(HUBS)
            + len(ORGANISATIONS)
            + sum(1 + len(v.rooms) for v in VENUES)
            + len(FESTIVALS)
            + len(EDITIONS)
            + len(SKILLS)
            + len(plan.people)
            + len(PROGRAMMES)
            + len(plan.sessions)
            + len(plan.cohorts)
            + len(plan.participations)
            + len(plan.activities)
        )
        self.hubs: dict[str, Hub] = {}
        self.organisations: dict[str, Organisation] = {}
        self.venues: dict[str, Venue] = {}
        self.rooms: dict[tuple[str, str], Room] = {}
        self.editions: dict[str, Edition] = {}
        self.skills: dict[str, Skill] = {}
        self.people: dict[str, Person] = {}
        self.sessions: dict[str, Session] = {}

    def step(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)

    def build(self) -> None:
        self.network()
        self.skills_and_people()
        self.programmes()
        self.participations()
        self.activities()
        for spec in EDITIONS:
            if spec.published:
                edition_publish(actor=None, edition=self.editions[spec.key])
                # The public programme shows releases only: each published edition gets its first.
                release_publish(actor=None, edition=self.editions[spec.key])

    def network(self) -> None:
        for spec in HUBS:
            self.hubs[spec.slug] = hub_create(
                actor=None,
                data={
                    "slug": spec.slug,
                    "name": spec.name,
                    "country": spec.country,
                    "timezone": spec.timezone,
                    "languages": list(spec.languages),
                    "currency": spec.currency,
                    "season": spec.season,
                    "is_home": spec.is_home,
                    "description": spec.description,
                },
            )
            self.step()
        for spec in ORGANISATIONS:
            hub = HUBS_BY_SLUG[spec.hub]
            self.organisations[spec.slug] = organisation_create(
                actor=None,
                data={
                    "slug": spec.slug,
                    "name": spec.name,
                    "kind": spec.kind,
                    "hub": self.hubs[spec.hub],
                    "country": hub.country,
                    "city": spec.city,
                    "email": f"contact.{spec.slug}@{hub.email_domain}",
                    "description": spec.description,
                },
            )
            self.step()
        for spec in HUBS:
            partners = [self.organisations[slug] for slug in spec.partners]
            hub_update(actor=None, hub=self.hubs[spec.slug], data={"partners": partners})
        for spec in VENUES:
            venue = venue_create(
                actor=None,
                data={
                    "hub": self.hubs[spec.hub],
                    "slug": spec.slug,
                    "name": spec.name,
                    "address": spec.address,
                    "owner": self.organisations.get(spec.owner),
                    "description": spec.description,
                },
            )
            self.venues[spec.slug] = venue
            self.step()
            for room in spec.rooms:
                self.rooms[spec.slug, room.name] = room_create(
                    actor=None,
                    data={
                        "venue": venue,
                        "name": room.name,
                        "kind": room.kind,
                        "capacity": room.capacity,
                        "equipment": "\n".join(room.equipment),
                    },
                )
                self.step()
        festivals = {}
        for spec in FESTIVALS:
            festivals[spec.slug] = festival_create(
                actor=None,
                data={
                    "slug": spec.slug,
                    "name": spec.name,
                    "hub": self.hubs[spec.hub],
                    "season": spec.season,
                    "founded_year": spec.founded_year,
                    "tagline": spec.tagline,
                    "description": spec.description,
                },
            )
            self.step()
        for spec in EDITIONS:
            name = FESTIVALS_BY_SLUG[spec.festival].name
            year, n = spec.start.year, spec.number
            self.editions[spec.key] = edition_create(
                actor=None,
                data={
                    "festival": festivals[spec.festival],
                    "number": n,
                    "slug": str(year),
                    "title": {
                        "fr": f"{name['fr']} {year} — {n}{'re' if n == 1 else 'e'} édition",
                        "en": f"{name['en']} {year} — {_ordinal(n)} edition",
                        "ru": f"{name['ru']} {year} — {n}-й фестиваль",
                    },
                    "start_date": spec.start,
                    "end_date": spec.end,
                    "venues": [self.venues[slug] for slug in spec.venues],
                    "description": spec.texts(),
                },
            )
            self.step()

    def skills_and_people(self) -> None:
        for spec in SKILLS:
            self.skills[spec.slug] = skill_create(
                actor=None, data={"slug": spec.slug, "name": spec.name, "category": spec.category}
            )
            self.step()
        for spec in self.plan.people:
            person = person_create(
                actor=None,
                data={
                    "slug": spec.slug,
                    "given_name": spec.given_name,
                    "family_name": spec.family_name,
                    "native_name": spec.native_name,
                    "email": spec.email,
                    "phone": spec.phone,
                    "home_hub": self.hubs[spec.hub],
                    "city": spec.city,
                    "country": HUBS_BY_SLUG[spec.hub].country,
                    "nationality": spec.nationality,
                    "skills": [self.skills[slug] for slug in spec.skills],
                    "bio": spec.bio,
                    "is_public": spec.is_public,
                },
                languages=spec.languages,
            )
            for role in spec.roles:
                person_role_add(
                    actor=None,
                    person=person,
                    data={"role": role.role, "since": role.since, "until": role.until, "note": role.note},
                )
            self.people[spec.slug] = person
            self.step()

    def programmes(self) -> None:
        for spec in PROGRAMMES:
            programme = programme_create(
                actor=None,
                data={
                    "slug": spec.slug,
                    "name": spec.name,
                    "description": spec.description,
                    "home_hub": self.hubs[spec.home_hub],
                    "partner_hubs": [self.hubs[slug] for slug in spec.partner_hubs],
                    "start_year": spec.start_year,
                    "years": spec.years,
                    "sessions_per_year": spec.sessions_per_year,
                    "status": spec.status,
                    "funders": [self.organisations[slug] for slug in spec.funders],
                },
            )
            self.step()
            # The proposed rhythm, moved to the real dates; sessions beyond it are added.
            proposed = list(programme.sessions.order_by("number"))
            for plan in (s for s in self.plan.sessions if s.programme == spec.slug):
                data = {
                    "hub": self.hubs[plan.hub],
                    "edition": self.editions.get(plan.edition),
                    "start_date": plan.start,
                    "end_date": plan.end,
                    "status": plan.status,
                    "title": plan.title,
                    "description": plan.description,
                }
                if proposed:
                    session = proposed.pop(0)
                    session_update(actor=None, session=session, data=data)
                else:
                    session = session_create(actor=None, data={**data, "programme": programme})
                self.sessions[plan.key] = session
                self.step()
            for plan in (c for c in self.plan.cohorts if c.programme == spec.slug):
                cohort_member_add(
                    actor=None,
                    programme=programme,
                    data={
                        "person": self.people[plan.person],
                        "role": plan.role,
                        "joined_on": plan.joined_on,
                        "left_on": plan.left_on,
                    },
                )
                self.step()

    def participations(self) -> None:
        for plan in self.plan.participations:
            participation = participation_create(
                actor=None,
                data={
                    "person": self.people[plan.person],
                    "session": self.sessions[plan.session],
                    "role": plan.role,
                    "status": plan.statuses[0],
                    "arrives_on": plan.arrives_on,
                    "departs_on": plan.departs_on,
                    "note": plan.note,
                },
            )
            for status in plan.statuses[1:]:
                participation_set_status(actor=None, participation=participation, status=status)
            self.step()

    def activities(self) -> None:
        for plan in self.plan.activities:
            activity = activity_create(
                actor=None,
                data={
                    "edition": self.editions.get(plan.edition),
                    "session": self.sessions.get(plan.session),
                    "slug": plan.slug,
                    "title": plan.title,
                    "description": plan.description,
                    "kind": plan.kind,
                    "mode": plan.mode,
                    "languages": list(plan.languages),
                    "interpreting": list(plan.interpreting),
                    "room": self.rooms.get(plan.room),
                    "starts_at": plan.starts_at,
                    "ends_at": plan.ends_at,
                    "is_public": plan.is_public,
                    "audience": plan.audience,
                },
            )
            activity_members_set(
                actor=None,
                activity=activity,
                members=[(self.people[person], role) for person, role in plan.members],
            )
            self.step()


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def build_demo(*, seed: int = 2002, progress: Progress | None = None) -> DemoSummary:
    """Build the demo network into the database, in one transaction; the same every time."""
    started = time.monotonic()
    plan = plan_demo(seed)
    with transaction.atomic():
        # The tie ledger is computed once, at the end, rather than after every activity.
        with ledger_paused():
            _Builder(plan, progress).build()
        build_impact()
        build_logistics()
        build_calls()
    return DemoSummary.count(seconds=time.monotonic() - started)
