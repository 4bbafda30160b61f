"""Conditional responses for an edition's pages, so that a phone on a poor connection (Narian-Mar,
Kinshasa) that already holds the programme gets a bodiless 304 instead of the whole page again; and
a server-side copy of each page and file, so that the next reader does not wait for it either.

What an edition's pages show comes from the edition, its festival, hub and venues, the latest
release of its timetable, and the people it names: their times say when the pages last changed,
and the ETag is made of them, so that a draft moved by the staff changes nothing here until it is
published.
"""

import datetime
import hashlib
import os
from dataclasses import dataclass
from functools import wraps

from django.core.cache import cache
from django.db.models import Count, OuterRef, Subquery, Sum
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition

from tissage import __version__
from tissage.network.models import Edition, Venue
from tissage.people.models import Person
from tissage.schedule.models import Release

# Browsers may reuse a page this long without asking; after that they revalidate (a 304 is cheap).
# Without it they would guess a freshness from Last-Modified, and could show a stale programme for days.
REUSE_SECONDS = 60
# How long the server keeps a rendered page or file (its key changes with what it shows, so it is
# never stale); 0 turns the copies off (the benchmark measures both).
PAGE_CACHE_SECONDS = int(os.environ.get("TISSAGE_PAGE_CACHE_SECONDS", "600"))
# Headers a kept copy must give again.
KEPT_HEADERS = ("Content-Disposition",)


@dataclass(frozen=True)
class Freshness:
    last_modified: datetime.datetime
    etag: str
    release_pk: int | None


def _latest(queryset, field: str = "updated_at") -> Subquery:
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1])


def _edition_freshness(festival: str, edition: str) -> Freshness | None:
    """When anything shown on the edition's pages last changed (one query).

    The people's time is the network's latest change of anyone: a withdrawn public profile must
    leave the pages at once, and people named by an old release may no longer be in its activities.
    """
    edition_ref = OuterRef("pk")
    releases = Release.objects.filter(edition=edition_ref)
    venues = Venue.objects.filter(editions=edition_ref)
    venue_set = venues.order_by().values("editions").annotate(n=Count("pk"), key=Sum("pk"))
    row = (
        Edition.objects.published()
        .filter(festival__slug=festival, slug=edition)
        .annotate(
            release_pk=Subquery(releases.order_by("-number").values("pk")[:1]),
            release_at=_latest(releases, "published_at"),
            venues_at=_latest(venues),
            venue_count=Subquery(venue_set.values("n")[:1]),
            venue_key=Subquery(venue_set.values("key")[:1]),
            people_at=_latest(Person.objects.all()),
        )
        .values_list(
            "updated_at",
            "festival__updated_at",
            "festival__hub__updated_at",
            "release_at",
            "venues_at",
            "people_at",
            "release_pk",
            "venue_count",
            "venue_key",
        )
        .first()
    )
    if row is None:
        return None
    *stamps, release_pk, venue_count, venue_key = row
    last_modified = max(stamp for stamp in stamps if stamp is not None)
    fingerprint = (
        f"{__version__}|{get_language()}|{last_modified.isoformat()}|{release_pk}|{venue_count}|{venue_key}"
    )
    return Freshness(
        last_modified=last_modified,
        etag=hashlib.sha256(fingerprint.encode()).hexdigest()[:32],
        release_pk=release_pk,
    )


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


def kept_copy(view):
    """Serve a rendered page or file from the server's cache, keyed by its ETag and address."""

    @wraps(view)
    def serve(request, *args, **kwargs):
        freshness = getattr(request, "_tissage_edition_freshness", None)
        if request.method != "GET" or freshness is None or not PAGE_CACHE_SECONDS:
            return view(request, *args, **kwargs)
        key = (
            "tissage:page:"
            + hashlib.sha256(f"{freshness.etag}|{request.get_full_path()}".encode()).hexdigest()
        )
        if (kept := cache.get(key)) is not None:
            content, content_type, headers = kept
            response = HttpResponse(content, content_type=content_type)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200 and not response.cookies and not response.streaming:
            headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
            cache.set(key, (response.content, response["Content-Type"], headers), PAGE_CACHE_SECONDS)
        return response

    return serve


# Class decorator: ETag, Last-Modified and 304s for the pages and files of a published edition, and
# the server's kept copies of them.
edition_conditional = method_decorator(
    [
        cache_control(max_age=REUSE_SECONDS),
        condition(etag_func=_etag, last_modified_func=_last_modified),
        kept_copy,
    ],
    name="dispatch",
)
