"""Releases of the timetable: publishing freezes the programme under the next number, with what
changed since the previous release and whom the changes concern."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _
from i18nfield.strings import LazyI18nString

from tissage.activities.models import Activity
from tissage.core.domain.audit import audit_record
from tissage.network.models import Edition
from tissage.people.models import Person

from ..enums import ChangeKind
from ..models import Release
from .programme import Programme, programme_snapshot

# What makes an activity "moved" (its place in the timetable) and "changed" (what the public reads).
PLACE_FIELDS = ("starts_at", "ends_at", "room")
CONTENT_FIELDS = ("title", "description", "kind", "mode", "languages", "interpreting", "public", "members")


def _place(activity: dict | None, snapshot: dict | None) -> dict | None:
    if activity is None:
        return None
    room = (snapshot or {}).get("rooms", {}).get(activity["room"] or "", {})
    return {**{name: activity[name] for name in PLACE_FIELDS}, "room_name": room.get("name", "")}


def _entry(activity: dict, before: dict | None, after: dict | None, snapshots, fields=()) -> dict:
    people = {p for source in (before, after) if source for p, _role in source["members"]}
    return {
        "activity": activity["id"],
        "slug": activity["slug"],
        "title": activity["title"],
        "public": bool((after or before)["public"]),
        "before": _place(before, snapshots[0]),
        "after": _place(after, snapshots[1]),
        "fields": list(fields),
        "people": sorted(people),
    }


def programme_changes(before: dict | None, after: dict) -> dict:
    """What was added, moved, cancelled or changed between two snapshots, and whom each concerns:
    a list of entries per kind of change, and ``"people"``: ``{person pk: [activity ids]}``."""
    old = {a["id"]: a for a in (before or {}).get("activities", [])}
    new = {a["id"]: a for a in after.get("activities", [])}
    snapshots = (before, after)
    found = {kind: [] for kind in ChangeKind.values}
    for pk, activity in new.items():
        if pk not in old:
            found[ChangeKind.ADDED].append(_entry(activity, None, activity, snapshots))
            continue
        previous = old[pk]
        if any(previous[name] != activity[name] for name in PLACE_FIELDS):
            found[ChangeKind.MOVED].append(_entry(activity, previous, activity, snapshots))
        elif fields := [name for name in CONTENT_FIELDS if previous[name] != activity[name]]:
            found[ChangeKind.CHANGED].append(_entry(activity, previous, activity, snapshots, fields))
    for pk, activity in old.items():
        if pk not in new:
            found[ChangeKind.CANCELLED].append(_entry(activity, activity, None, snapshots))
    people: dict[str, list[int]] = {}
    for entries in found.values():
        for entry in entries:
            for person in entry["people"]:
                people.setdefault(str(person), []).append(entry["activity"])
    return {**found, "people": people}


@dataclass(frozen=True)
class Place:
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    room: str

    @classmethod
    def read(cls, stored: dict | None) -> "Place | None":
        if stored is None:
            return None
        moment = datetime.datetime.fromisoformat
        return cls(
            starts_at=moment(stored["starts_at"]) if stored["starts_at"] else None,
            ends_at=moment(stored["ends_at"]) if stored["ends_at"] else None,
            room=stored.get("room_name", ""),
        )


@dataclass(frozen=True)
class Change:
    """One entry of a release's changes, read back for a page."""

    kind: ChangeKind
    activity: int
    slug: str
    title: LazyI18nString
    public: bool
    before: Place | None
    after: Place | None
    fields: list[str]
    people: list[int]

    @property
    def field_labels(self) -> list[str]:
        labels = {"public": Activity._meta.get_field("is_public").verbose_name, "members": _("people")}
        return [str(labels.get(name) or Activity._meta.get_field(name).verbose_name) for name in self.fields]


def release_changes(release: Release) -> dict[ChangeKind, list[Change]]:
    return {
        kind: [
            Change(
                kind=kind,
                activity=entry["activity"],
                slug=entry["slug"],
                title=LazyI18nString(entry["title"]),
                public=entry["public"],
                before=Place.read(entry["before"]),
                after=Place.read(entry["after"]),
                fields=entry["fields"],
                people=entry["people"],
            )
            for entry in release.changes.get(kind, [])
        ]
        for kind in ChangeKind
    }


def has_changes(changes: dict) -> bool:
    return any(changes.get(kind) for kind in ChangeKind.values)


def release_publish(*, actor, edition: Edition, comment: str = "") -> Release:
    """Publish the edition's timetable as its next release; refused when nothing changed since the
    last one."""
    with transaction.atomic():
        # One release at a time per edition: the row lock keeps the numbers in sequence.
        Edition.objects.select_for_update().filter(pk=edition.pk).first()
        previous = Release.objects.latest_of(edition)
        snapshot = programme_snapshot(edition)
        changes = programme_changes(previous.snapshot if previous else None, snapshot)
        if previous is not None and not has_changes(changes):
            raise ValidationError(
                _("Nothing changed since release %(number)s: there is nothing to publish.")
                % {"number": previous.number}
            )
        release = Release(
            edition=edition,
            number=previous.number + 1 if previous else 1,
            author=actor if getattr(actor, "is_authenticated", False) else None,
            comment=comment,
            snapshot=snapshot,
            changes=changes,
        )
        release.full_clean()
        release.save()
        summary = {kind: [0, len(changes[kind])] for kind in ChangeKind.values if changes[kind]}
        audit_record(
            actor=actor,
            action="release.published",
            obj=release,
            changes={"number": [previous.number if previous else None, release.number], **summary},
            related=[edition],
        )
    return release


def latest_releases():
    """The latest release of each edition, for pages that read several editions at once."""
    newest = Release.objects.filter(edition=OuterRef("edition")).order_by("-number").values("pk")[:1]
    return Release.objects.filter(pk=Subquery(newest))


def release_programme(release: Release, *, edition: Edition | None = None) -> Programme:
    """The programme ``release`` published, naming only the people whose profile is still public
    (one query)."""
    listed = [int(pk) for pk in release.snapshot.get("people", {})]
    public = set(Person.objects.filter(pk__in=listed, is_public=True).values_list("pk", flat=True))
    return Programme.from_snapshot(
        edition or release.edition, release.snapshot, release=release, public_people=public
    )


def affected_people(release: Release) -> list[tuple[Person | None, int, list[Change]]]:
    """Who the release's changes concern, with the changes concerning each (one query): ``(person,
    or None when they have left the network; their primary key; the changes)``."""
    by_activity: dict[int, list[Change]] = {}
    for changes in release_changes(release).values():
        for change in changes:
            by_activity.setdefault(change.activity, []).append(change)
    wanted = {int(pk): ids for pk, ids in release.changes.get("people", {}).items()}
    people = Person.objects.in_bulk(wanted)
    found = [
        (people.get(pk), pk, [change for activity in ids for change in by_activity.get(activity, [])])
        for pk, ids in wanted.items()
    ]
    found.sort(key=lambda row: (row[0] is None, row[0].family_name if row[0] else "", row[1]))
    return found
