"""What every timetable exporter is given: a published programme (or the staff's draft), narrowed
to a room or a person if asked, and the site's address for the links it writes."""

import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import groupby

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tissage import __version__
from tissage.network.models import Edition

from ..domain.facts import edition_days
from ..domain.programme import Programme, ProgrammeActivity, ProgrammePerson, ProgrammeRoom, draft_programme
from ..domain.releases import release_programme
from ..models import Release

# Where the public site lives, for the absolute links of files made outside a request (the
# command line); the site's own pages pass their address.
DEFAULT_BASE_URL = os.environ.get("TISSAGE_PUBLIC_URL", "http://localhost:8000")
GENERATOR = ("Tissage", __version__)


@dataclass
class ExportSubject:
    programme: Programme
    base_url: str = DEFAULT_BASE_URL
    room: ProgrammeRoom | None = None
    person: ProgrammePerson | None = None
    # The address of the file itself, when it has one on the public site.
    url: str = ""
    activities: list[ProgrammeActivity] = field(init=False)

    def __post_init__(self):
        self.base_url = self.base_url.rstrip("/")
        programme = self.programme
        if self.room is not None:
            programme = programme.in_room(self.room.pk)
        if self.person is not None:
            programme = programme.with_person(self.person.pk)
        self.activities = programme.activities

    @property
    def edition(self) -> Edition:
        return self.programme.edition

    @property
    def scheduled(self) -> list[ProgrammeActivity]:
        return [a for a in self.activities if a.starts_at is not None]

    @property
    def tz(self):
        return self.edition.festival.hub.tzinfo

    @property
    def title(self) -> str:
        if self.room is not None:
            return f"{self.edition} · {self.room}"
        if self.person is not None:
            return f"{self.edition} · {self.person}"
        return str(self.edition)

    @property
    def published_at(self) -> datetime.datetime:
        release = self.programme.release
        return release.published_at if release is not None else self.edition.updated_at

    @property
    def version(self) -> str:
        release = self.programme.release
        return _("release %(number)s") % {"number": release.number} if release else _("draft")

    @property
    def acronym(self) -> str:
        """``mimi_nor_2004``: what the schedule formats call an acronym (letters, digits, ``_``)."""
        return f"{self.edition.festival.slug}_{self.edition.slug}".lower().replace("-", "_")

    def tracks(self) -> dict[str, str]:
        """The kinds of activity present, each with its name: the schedule formats' tracks."""
        return {a.kind: a.get_kind_display().capitalize() for a in self.activities}

    def room_name(self, room: ProgrammeRoom | None) -> str:
        """A room's name, with its venue's when another room of the programme has the same name."""
        if room is None:
            return "—"
        twins = [r for r in self.programme.rooms if r.name == room.name]
        return room.name if len(twins) < 2 else f"{room.name} ({room.venue})"

    def absolute(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def days(self) -> list[tuple[datetime.date, list[ProgrammeActivity]]]:
        """Every day of the edition (and any other day with an activity), with its activities."""
        tz = self.tz
        found = {day: [] for day in edition_days(self.edition)}
        for day, activities in groupby(self.scheduled, key=lambda a: a.starts_at.astimezone(tz).date()):
            found.setdefault(day, []).extend(activities)
        return sorted(found.items())


def select_schedule(params: Mapping[str, str]) -> ExportSubject:
    """The ``schedule`` export scope, for the staff interface and the command line: ``edition``
    (primary key, required), ``draft=1`` for the timetable as it stands rather than the latest
    release, ``room`` (primary key) or ``person`` (short name), ``base_url``."""
    errors = {}
    edition = None
    try:
        edition = Edition.objects.select_related("festival__hub").get(pk=int(params.get("edition", "")))
    except (ValueError, Edition.DoesNotExist):
        errors["edition"] = [_("Choose an edition by its number.")]
    if errors:
        raise ValidationError(errors)
    if params.get("draft") == "1":
        programme = draft_programme(edition)
    else:
        release = Release.objects.latest_of(edition)
        if release is None:
            raise ValidationError(
                {"edition": [_("This edition has no published release yet; ask for draft=1.")]}
            )
        programme = release_programme(release, edition=edition)
    room = person = None
    if room_key := params.get("room"):
        room = next((r for r in programme.rooms if str(r.pk) == room_key), None)
        if room is None:
            errors["room"] = [_("This room has no activity in this programme.")]
    if person_key := params.get("person"):
        person = next((p for p in programme.people if p.slug == person_key), None)
        if person is None:
            errors["person"] = [_("Nobody with a public profile has this short name in this programme.")]
    if errors:
        raise ValidationError(errors)
    return ExportSubject(
        programme=programme, base_url=params.get("base_url") or DEFAULT_BASE_URL, room=room, person=person
    )
