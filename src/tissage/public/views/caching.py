"""Conditional responses for an edition's pages, so that a phone on a poor connection (Narian-Mar,
Kinshasa) that already holds the programme gets a bodiless 304 instead of the whole page again."""

import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import OuterRef, Q, Subquery
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition

from tissage import __version__
from tissage.activities.models import Activity
from tissage.core.models import AuditEntry
from tissage.network.models import Edition, Room, Venue
from tissage.people.models import Person

# Browsers may reuse a page this long without asking; after that they revalidate (a 304 is cheap).
# Without it they would guess a freshness from Last-Modified, and could show a stale programme for days.
REUSE_SECONDS = 60


@dataclass(frozen=True)
class Freshness:
    last_modified: datetime.datetime
    etag: str


def _latest(queryset) -> Subquery:
    return Subquery(queryset.order_by("-updated_at").values("updated_at")[:1])


def _edition_freshness(festival: str, edition: str) -> Freshness | None:
    """When anything shown on the edition's pages last changed.

    ``Last-Modified`` is the latest ``updated_at`` of the edition and of what its pages show (festival,
    hub, activities, rooms, venues, people). The ETag adds the network's latest audit entry: coarse (any
    change anywhere renews it), but it also moves when rows without a timestamp change (who leads an
    activity, the edition's venues) or are deleted, which no ``updated_at`` can tell.
    """
    edition_ref = OuterRef("pk")
    row = (
        Edition.objects.published()
        .filter(festival__slug=festival, slug=edition)
        .annotate(
            activities_at=_latest(Activity.objects.filter(edition=edition_ref)),
            rooms_at=_latest(Room.objects.filter(activities__edition=edition_ref)),
            venues_at=_latest(
                Venue.objects.filter(Q(editions=edition_ref) | Q(rooms__activities__edition=edition_ref))
            ),
            people_at=_latest(Person.objects.filter(activity_memberships__activity__edition=edition_ref)),
            audit_pk=Subquery(AuditEntry.objects.order_by("-pk").values("pk")[:1]),
        )
        .values_list(
            "updated_at",
            "festival__updated_at",
            "festival__hub__updated_at",
            "activities_at",
            "rooms_at",
            "venues_at",
            "people_at",
            "audit_pk",
        )
        .first()
    )
    if row is None:
        return None
    *stamps, audit_pk = row
    last_modified = max(stamp for stamp in stamps if stamp is not None)
    fingerprint = f"{__version__}|{get_language()}|{last_modified.isoformat()}|{audit_pk}"
    return Freshness(last_modified=last_modified, etag=hashlib.sha256(fingerprint.encode()).hexdigest()[:32])


def _freshness(request, *, festival: str, edition: str, **kwargs) -> Freshness | None:
    """Computed once per request: ``condition`` asks for the ETag and the date separately."""
    if not hasattr(request, "_tissage_edition_freshness"):
        request._tissage_edition_freshness = _edition_freshness(festival, edition)
    return request._tissage_edition_freshness


def _etag(request, **kwargs) -> str | None:
    freshness = _freshness(request, **kwargs)
    return freshness.etag if freshness else None


def _last_modified(request, **kwargs) -> datetime.datetime | None:
    freshness = _freshness(request, **kwargs)
    return freshness.last_modified if freshness else None


# Class decorator: ETag, Last-Modified and 304s for the pages of a published edition.
edition_conditional = method_decorator(
    [cache_control(max_age=REUSE_SECONDS), condition(etag_func=_etag, last_modified_func=_last_modified)],
    name="dispatch",
)
