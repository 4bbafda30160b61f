"""Conditional responses for the public pages, so that a phone on a poor connection (Narian-Mar,
Kinshasa) that already holds a page gets a bodiless 304 instead of the whole page again; and a
server-side copy of each page and file of an edition, so that the next reader does not wait for it
either.

What an edition's pages show comes from the edition, its festival, hub and venues, the latest
release of its timetable, and the people it names: their times say when the pages last changed,
and the ETag is made of them, so that a draft moved by the staff changes nothing here until it is
published. The network's pages (home, festivals) and a person's page are judged the same way, each
by what it shows.
"""

import datetime
import hashlib
import os
from dataclasses import dataclass
from functools import wraps

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db.models import Count, F, Max, OuterRef, Subquery, Sum, Value
from django.http import HttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition

from tissage import __version__
from tissage.network.models import Edition, Festival, Hub, Venue
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
# Each web process also keeps the copies it served in its own memory (their keys change with what
# they show, so they are never stale either): the shared cache, a database table that sends the
# whole page over the connection, then serves only each process's first reader.
PROCESS_COPIES = LocMemCache(
    "tissage-pages", {"TIMEOUT": PAGE_CACHE_SECONDS, "OPTIONS": {"MAX_ENTRIES": 100}}
)


@dataclass(frozen=True)
class Freshness:
    last_modified: datetime.datetime
    etag: str
    release_pk: int | None


def _latest(queryset, field: str = "updated_at") -> Subquery:
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1])


def _count(queryset) -> Subquery:
    """How many rows ``queryset`` has, as a subquery: a deletion changes what a page shows too."""
    counted = queryset.order_by().annotate(whole=Value(1)).values("whole").annotate(n=Count("pk"))
    return Subquery(counted.values("n")[:1])


def _fresh(stamps, *keys, release_pk: int | None = None) -> Freshness:
    """The freshness of a page from the times of what it shows and the keys that tell deletions."""
    last_modified = max(stamp for stamp in stamps if stamp is not None)
    fingerprint = "|".join(
        str(part) for part in (__version__, get_language(), last_modified.isoformat(), *keys)
    )
    return Freshness(
        last_modified=last_modified,
        etag=hashlib.sha256(fingerprint.encode()).hexdigest()[:32],
        release_pk=release_pk,
    )


def _edition_freshness(*, festival: str, edition: str, **kwargs) -> Freshness | None:
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
    return _fresh(stamps, release_pk, venue_count, venue_key, release_pk=release_pk)


def _this_hour() -> datetime.datetime:
    # Whether an edition is upcoming or past turns at midnight in its hub: on some hour in UTC.
    return timezone.now().replace(minute=0, second=0, microsecond=0)


def _network_freshness(**kwargs) -> Freshness:
    """When the festivals, their hubs and editions last changed (one query), for the home page and
    the festivals' pages."""
    row = Festival.objects.aggregate(
        festivals_at=Max("updated_at"),
        hubs_at=Max("hub__updated_at"),
        editions_at=Max("editions__updated_at"),
        festivals=Count("pk", distinct=True),
        editions=Count("editions", distinct=True),
    )
    stamps = (row["festivals_at"], row["hubs_at"], row["editions_at"], _this_hour())
    return _fresh(stamps, row["festivals"], row["editions"])


def _person_freshness(*, person: str, **kwargs) -> Freshness | None:
    """When a public person's page last changed (one query): their profile and home hub, and the
    network's editions and their releases, which say what they did where."""
    row = (
        Person.objects.filter(slug=person, is_public=True)
        .annotate(
            releases_at=_latest(Release.objects.all(), "published_at"),
            releases=_count(Release.objects.all()),
            editions_at=_latest(Edition.objects.all()),
            editions=_count(Edition.objects.all()),
            festivals_at=_latest(Festival.objects.all()),
            hubs_at=_latest(Hub.objects.all()),
            hub_at=F("home_hub__updated_at"),
        )
        .values_list(
            "updated_at",
            "releases_at",
            "editions_at",
            "festivals_at",
            "hubs_at",
            "hub_at",
            "releases",
            "editions",
        )
        .first()
    )
    if row is None:
        return None
    *stamps, releases, editions = row
    return _fresh(stamps, releases, editions)


def _freshness(find):
    """``find``'s freshness of the requested page, computed once per request: ``condition`` asks for
    the ETag and the date separately, and the views read the release it found."""

    def freshness(request, **kwargs) -> Freshness | None:
        if not hasattr(request, "_tissage_freshness"):
            request._tissage_freshness = find(**kwargs)
        return request._tissage_freshness

    def etag(request, **kwargs) -> str | None:
        found = freshness(request, **kwargs)
        return found.etag if found else None

    def last_modified(request, **kwargs) -> datetime.datetime | None:
        found = freshness(request, **kwargs)
        return found.last_modified if found else None

    return condition(etag_func=etag, last_modified_func=last_modified)


def kept_copy(view):
    """Serve a rendered page or file from the server's cache, keyed by its ETag and address."""

    @wraps(view)
    def serve(request, *args, **kwargs):
        freshness = getattr(request, "_tissage_freshness", None)
        if request.method != "GET" or freshness is None or not PAGE_CACHE_SECONDS:
            return view(request, *args, **kwargs)
        key = (
            "tissage:page:"
            + hashlib.sha256(f"{freshness.etag}|{request.get_full_path()}".encode()).hexdigest()
        )
        if (kept := PROCESS_COPIES.get(key)) is None and (kept := cache.get(key)) is not None:
            PROCESS_COPIES.set(key, kept)
        if kept is not None:
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
            kept = (response.content, response["Content-Type"], headers)
            cache.set(key, kept, PAGE_CACHE_SECONDS)
            PROCESS_COPIES.set(key, kept)
        return response

    return serve


def conditional(find, *, keep: bool = False):
    """Class decorator: ETag, Last-Modified, 304s and a short reuse by browsers for a public page,
    from ``find(**url arguments)``; ``keep``: and the server's kept copies of it."""
    decorators = [cache_control(max_age=REUSE_SECONDS), _freshness(find)]
    return method_decorator([*decorators, kept_copy] if keep else decorators, name="dispatch")


# The pages and files of a published edition, kept by the server; the network's pages; a person's.
edition_conditional = conditional(_edition_freshness, keep=True)
network_conditional = conditional(_network_freshness)
person_conditional = conditional(_person_freshness)
