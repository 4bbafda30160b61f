"""What the public may see, in as few queries as possible: published editions, the latest release
of their timetable (drafts stay with the staff), public activities and the people who chose a
public profile. Everything else is a 404, never a 403 that reveals it."""

import datetime
import itertools
from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.utils import timezone

from tissage.activities.models import Activity
from tissage.network.models import Edition, Hub
from tissage.schedule.domain.programme import Programme
from tissage.schedule.domain.releases import release_programme
from tissage.schedule.models import Release


def published_editions():
    return Edition.objects.published().select_related("festival__hub")


def published_edition_or_404(festival: str, edition: str) -> Edition:
    return get_object_or_404(
        published_editions().prefetch_related("venues"), festival__slug=festival, slug=edition
    )


def hub_today(hub: Hub) -> datetime.date:
    """Today in the hub's own calendar: an edition is over when its last day is over there."""
    return timezone.localdate(timezone=hub.tzinfo)


def split_upcoming(editions) -> tuple[list[Edition], list[Edition]]:
    """Editions not yet over (soonest first) and past ones (latest first)."""
    upcoming, past = [], []
    for edition in editions:
        over = edition.end_date < hub_today(edition.festival.hub)
        (past if over else upcoming).append(edition)
    upcoming.sort(key=lambda e: (e.start_date, e.pk))
    past.sort(key=lambda e: (e.start_date, e.pk), reverse=True)
    return upcoming, past


@dataclass(frozen=True)
class ProgrammeDay:
    """A day of the programme in the hub's calendar; no ``date`` for the activities without a time yet."""

    date: datetime.date | None
    activities: list[Activity]

    @property
    def anchor(self) -> str:
        return f"day-{self.date.isoformat()}" if self.date else "day-unscheduled"


def programme_days(activities, hub: Hub) -> list[ProgrammeDay]:
    """Activities grouped by the day they start on in the hub's calendar (00:30 there belongs to the
    new day, whatever the date in UTC), then those without a time."""
    scheduled = sorted((a for a in activities if a.starts_at), key=lambda a: (a.starts_at, a.pk))
    days = [
        ProgrammeDay(date=day, activities=list(group))
        for day, group in itertools.groupby(
            scheduled, key=lambda a: a.starts_at.astimezone(hub.tzinfo).date()
        )
    ]
    if unscheduled := [a for a in activities if not a.starts_at]:
        days.append(ProgrammeDay(date=None, activities=unscheduled))
    return days


def edition_programme(edition: Edition, release_pk: int | None) -> Programme:
    """The public programme of a published edition: the public activities of its latest release
    (``release_pk``, as the page's freshness found it), or nothing before the first release."""
    release = Release.objects.filter(pk=release_pk).first() if release_pk else None
    if release is None:
        return Programme(edition=edition, activities=[])
    return release_programme(release, edition=edition).public()
