"""The public programme: frozen in a snapshot when a release is published, read back for the public
pages and the exports.

A snapshot holds every activity of the edition (public or not: the changes between releases concern
rehearsals too), with its times, room and members (people by primary key), plus the rooms and the
names of the people who had a public profile then. Reading it back names only the people whose
profile is still public, so that a withdrawn profile leaves the public pages at once.
"""

import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from i18nfield.strings import LazyI18nString

from tissage.activities.enums import ActivityKind, ActivityMode, MemberRole
from tissage.activities.models import Activity, ActivityMember
from tissage.network.models import Edition
from tissage.people.models import Person

SNAPSHOT_FORMAT = 1

# Stable identifiers for calendars and schedule files: the same activity keeps its UID across
# releases and exports, and no two installations' UIDs collide with other systems'.
UID_NAMESPACE = uuid.UUID("6f0f1c4e-6a39-4d36-9f5c-2f1b6b9a7c21")


def _translated(value) -> dict | str | None:
    if value is None:
        return None
    return value.data if isinstance(value, LazyI18nString) else value


def programme_snapshot(edition: Edition) -> dict:
    """The edition's programme as it stands now, in a JSON-safe form (four queries)."""
    activities = list(
        Activity.objects.filter(edition=edition).select_related("room__venue").order_by("starts_at", "pk")
    )
    members: dict[int, list[list]] = defaultdict(list)
    for activity_id, person_id, role in (
        ActivityMember.objects.filter(activity__edition=edition)
        .order_by("person__family_name", "person__given_name", "person_id")
        .values_list("activity_id", "person_id", "role")
    ):
        members[activity_id].append([person_id, role])
    involved = {person for rows in members.values() for person, _role in rows}
    people = {
        str(pk): {"slug": slug, "name": f"{given} {family}".strip(), "sort": f"{family} {given}".casefold()}
        for pk, slug, given, family in Person.objects.filter(pk__in=involved, is_public=True).values_list(
            "pk", "slug", "given_name", "family_name"
        )
    }
    rooms = {}
    for activity in activities:
        if (room := activity.room) is not None and str(room.pk) not in rooms:
            rooms[str(room.pk)] = {
                "name": room.name,
                "kind": room.kind,
                "capacity": room.capacity,
                "venue": _translated(room.venue.name),
                "address": room.venue.address,
            }
    return {
        "format": SNAPSHOT_FORMAT,
        "timezone": edition.festival.hub.timezone,
        "rooms": rooms,
        "people": people,
        "activities": [
            {
                "id": activity.pk,
                "slug": activity.slug,
                "kind": activity.kind,
                "mode": activity.mode,
                "title": _translated(activity.title),
                "description": _translated(activity.description),
                "languages": activity.languages,
                "interpreting": activity.interpreting,
                "room": str(activity.room_id) if activity.room_id else None,
                "starts_at": activity.starts_at.isoformat() if activity.starts_at else None,
                "ends_at": activity.ends_at.isoformat() if activity.ends_at else None,
                "public": activity.is_public,
                "members": members.get(activity.pk, []),
            }
            for activity in activities
        ],
    }


# A placeholder slug for reversing an address pattern once and filling it many times: a page of
# several hundred activities would otherwise spend a good part of its time in ``reverse``.
_SLUG = "tissage-slug-placeholder"


@lru_cache(maxsize=256)
def _pattern(name: str, language: str, key: str, **kwargs) -> str:
    return reverse(name, kwargs={**kwargs, key: _SLUG})


def address(name: str, slug: str, *, key: str = "activity", **kwargs) -> str:
    """``reverse(name)`` with ``slug`` as its last part, reversed once per pattern and language."""
    return _pattern(name, get_language(), key, **kwargs).replace(_SLUG, slug)


@dataclass(frozen=True)
class ProgrammeVenue:
    name: LazyI18nString
    address: str

    def __str__(self) -> str:
        return str(self.name)


@dataclass(frozen=True)
class ProgrammeRoom:
    pk: int
    name: str
    kind: str
    capacity: int | None
    venue: ProgrammeVenue

    def __str__(self) -> str:
        return f"{self.name}, {self.venue}"

    @property
    def uid(self) -> uuid.UUID:
        return uuid.uuid5(UID_NAMESPACE, f"room:{self.pk}")


@dataclass(frozen=True)
class ProgrammePerson:
    pk: int
    slug: str
    full_name: str
    sort_name: str = ""

    def __str__(self) -> str:
        return self.full_name

    @property
    def uid(self) -> uuid.UUID:
        return uuid.uuid5(UID_NAMESPACE, f"person:{self.pk}")

    def get_public_url(self) -> str:
        return address("public:person", self.slug, key="person")


@dataclass(frozen=True)
class ProgrammeMember:
    person: ProgrammePerson
    role: str

    def get_role_display(self) -> str:
        return MemberRole(self.role).label


@dataclass
class ProgrammeActivity:
    """An activity as a release published it; reads like an :class:`Activity` in the templates."""

    # The field labels of the templates' ``verbose_name`` filter come from the model.
    _meta = Activity._meta

    edition: Edition
    pk: int
    slug: str
    kind: str
    mode: str
    title: LazyI18nString
    description: LazyI18nString | None
    languages: list[str]
    interpreting: list[str]
    room: ProgrammeRoom | None
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    is_public: bool
    members: list[tuple[int, str]]
    public_members: list[ProgrammeMember] = field(default_factory=list)

    def __str__(self) -> str:
        return str(self.title)

    @property
    def leaders(self) -> list[ProgrammeMember]:
        return [m for m in self.public_members if m.role == MemberRole.LEADER]

    @property
    def other_participants(self) -> int:
        return len(self.members) - len(self.public_members)

    def get_kind_display(self) -> str:
        return ActivityKind(self.kind).label

    def get_mode_display(self) -> str:
        return ActivityMode(self.mode).label if self.mode else ""

    def get_public_url(self) -> str:
        return address(
            "public:activity", self.slug, festival=self.edition.festival.slug, edition=self.edition.slug
        )

    @property
    def uid(self) -> uuid.UUID:
        return uuid.uuid5(UID_NAMESPACE, f"activity:{self.pk}")

    @property
    def duration(self) -> datetime.timedelta | None:
        return self.ends_at - self.starts_at if self.starts_at else None


@dataclass
class Programme:
    """A programme read from a snapshot: its activities in time order (those without a time last)."""

    edition: Edition
    activities: list[ProgrammeActivity]
    release: object = None  # the Release it comes from; None for the draft of the staff's exports

    @classmethod
    def from_snapshot(
        cls, edition: Edition, snapshot: dict, *, release=None, public_people=None
    ) -> "Programme":
        """``public_people``: the primary keys of the people who may be named (default: those who
        had a public profile when the snapshot was taken)."""
        rooms = {
            key: ProgrammeRoom(
                pk=int(key),
                name=room["name"],
                kind=room["kind"],
                capacity=room["capacity"],
                venue=ProgrammeVenue(LazyI18nString(room["venue"]), room["address"]),
            )
            for key, room in snapshot.get("rooms", {}).items()
        }
        people = {
            int(key): ProgrammePerson(
                pk=int(key), slug=person["slug"], full_name=person["name"], sort_name=person.get("sort", "")
            )
            for key, person in snapshot.get("people", {}).items()
            if public_people is None or int(key) in public_people
        }
        activities = []
        for item in snapshot.get("activities", []):
            members = [(person, role) for person, role in item["members"]]
            named = [ProgrammeMember(people[p], role) for p, role in members if p in people]
            named.sort(key=lambda m: (m.person.sort_name, m.person.pk))
            activities.append(
                ProgrammeActivity(
                    edition=edition,
                    pk=item["id"],
                    slug=item["slug"],
                    kind=item["kind"],
                    mode=item["mode"],
                    title=LazyI18nString(item["title"]),
                    description=LazyI18nString(item["description"]) if item["description"] else None,
                    languages=item["languages"],
                    interpreting=item["interpreting"],
                    room=rooms.get(item["room"]) if item["room"] else None,
                    starts_at=_moment(item["starts_at"]),
                    ends_at=_moment(item["ends_at"]),
                    is_public=item["public"],
                    members=members,
                    public_members=named,
                )
            )
        activities.sort(key=lambda a: (a.starts_at is None, a.starts_at or datetime.datetime.min, a.pk))
        return cls(edition=edition, activities=activities, release=release)

    def public(self) -> "Programme":
        return Programme(self.edition, [a for a in self.activities if a.is_public], self.release)

    def only(self, activities) -> "Programme":
        return Programme(self.edition, list(activities), self.release)

    @cached_property
    def scheduled(self) -> list[ProgrammeActivity]:
        return [a for a in self.activities if a.starts_at is not None]

    def activity(self, slug: str) -> ProgrammeActivity | None:
        return next((a for a in self.activities if a.slug == slug), None)

    @cached_property
    def rooms(self) -> list[ProgrammeRoom]:
        found = {a.room.pk: a.room for a in self.activities if a.room is not None}
        return sorted(found.values(), key=lambda r: (str(r.venue), r.name))

    @cached_property
    def people(self) -> list[ProgrammePerson]:
        found = {m.person.pk: m.person for a in self.activities for m in a.public_members}
        return sorted(found.values(), key=lambda p: (p.sort_name, p.pk))

    @cached_property
    def kinds(self) -> list[str]:
        present = {a.kind for a in self.activities}
        return [kind for kind in ActivityKind.values if kind in present]

    def in_room(self, room_pk: int) -> "Programme":
        return self.only(a for a in self.activities if a.room is not None and a.room.pk == room_pk)

    def with_person(self, person_pk: int) -> "Programme":
        return self.only(
            a for a in self.activities if any(m.person.pk == person_pk for m in a.public_members)
        )

    def of_kinds(self, kinds) -> "Programme":
        return self.only(a for a in self.activities if a.kind in kinds)

    @property
    def title(self) -> str:
        return str(self.edition)

    @property
    def version(self) -> str:
        return str(self.release.number) if self.release is not None else str(_("draft"))


def _moment(value: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(value) if value else None


def draft_programme(edition: Edition) -> Programme:
    """The programme as it stands now, unpublished (the staff's view and exports)."""
    return Programme.from_snapshot(edition, programme_snapshot(edition))
