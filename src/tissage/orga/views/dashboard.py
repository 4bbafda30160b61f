"""The staff's first page: what comes next, and what needs attention before it comes."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from tissage.activities.domain.participations import with_head_counts
from tissage.activities.enums import ParticipationStatus
from tissage.activities.models import Activity, Participation
from tissage.network.enums import ProgrammeStatus, SessionStatus
from tissage.network.models import Edition, Programme, Session
from tissage.people.models import Person

from .festivals import editions_with_counts
from .generic import StaffMixin

# A session still in draft this close to its start needs deciding.
DRAFT_WARNING_DAYS = 60
# People who have not answered this close to their session will hardly get a visa or a ticket.
INVITATION_WARNING_DAYS = 30
UPCOMING_LENGTH = 8
CONCERN_LENGTH = 10
NOT_COMING = (ParticipationStatus.DECLINED, ParticipationStatus.CANCELLED)


@dataclass(frozen=True)
class Concern:
    """One kind of thing that needs attention: how many, the first ones, and where to see them all."""

    key: str
    title: str
    total: int
    items: list
    more_url: str = ""


def _list_url(name: str, **params) -> str:
    return f"{reverse(name)}?{urlencode(params)}"


def _concern(key: str, title: str, queryset, more_url: str = "", total: int | None = None) -> Concern:
    return Concern(
        key=key,
        title=title,
        total=queryset.count() if total is None else total,
        items=list(queryset[:CONCERN_LENGTH]),
        more_url=more_url,
    )


def concerns(today: datetime.date) -> list[Concern]:
    """What needs attention, in the order it should be dealt with; kinds with nothing to do are left out."""
    sessions = Session.objects.select_related("programme", "hub").exclude(status=SessionStatus.CANCELLED)
    draft_soon = sessions.filter(
        status=SessionStatus.DRAFT,
        start_date__gte=today,
        start_date__lte=today + datetime.timedelta(days=DRAFT_WARNING_DAYS),
    ).order_by("start_date", "pk")
    answer_soon = today + datetime.timedelta(days=INVITATION_WARNING_DAYS)
    unanswered = (
        with_head_counts(sessions.filter(start_date__gte=today, start_date__lte=answer_soon))
        .filter(invited_count__gt=0)
        .order_by("start_date", "pk")
    )
    unanswered_total = Participation.objects.filter(
        status=ParticipationStatus.INVITED,
        session__start_date__gte=today,
        session__start_date__lte=answer_soon,
    ).count()
    unpublished = (
        Edition.objects.select_related("festival__hub")
        .filter(end_date__gte=today, is_published=False)
        .order_by("start_date", "pk")
    )
    empty = (
        sessions.filter(end_date__gte=today)
        .annotate(coming=Count("participations", filter=~Q(participations__status__in=NOT_COMING)))
        .filter(coming=0)
        .order_by("start_date", "pk")
    )
    unplaced = (
        Activity.objects.select_related("edition__festival", "session__programme", "session__hub")
        .filter(Q(edition__end_date__gte=today) | Q(session__end_date__gte=today))
        .filter(Q(room__isnull=True) | Q(starts_at__isnull=True))
        .order_by(F("starts_at").asc(nulls_first=True), "pk")
    )
    found = [
        _concern(
            "draft_soon",
            _("Sessions starting within %(days)d days still in draft") % {"days": DRAFT_WARNING_DAYS},
            draft_soon,
            _list_url("orga:session-list", status=SessionStatus.DRAFT),
        ),
        _concern(
            "unanswered",
            _("People still invited less than %(days)d days before their session")
            % {"days": INVITATION_WARNING_DAYS},
            unanswered,
            total=unanswered_total,
        ),
        _concern(
            "unpublished",
            _("Upcoming editions not yet published"),
            unpublished,
            _list_url("orga:edition-list", published="false"),
        ),
        _concern("empty", _("Upcoming sessions with nobody coming"), empty),
        _concern(
            "unplaced",
            _("Upcoming activities without a room or a time"),
            unplaced,
            _list_url("orga:activity-list", scheduled="no"),
        ),
    ]
    return [concern for concern in found if concern.total]


class DashboardView(StaffMixin, TemplateView):
    permission_required = "network.view_session"
    template_name = "orga/dashboard.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        year = today.year
        sessions = Session.objects.upcoming(today).select_related("programme", "hub", "edition__festival")
        editions = Edition.objects.filter(end_date__gte=today).order_by("start_date", "pk")
        counts = {
            "people": Person.objects.count(),
            "programmes": Programme.objects.filter(start_year__lte=year, start_year__gt=year - F("years"))
            .exclude(status=ProgrammeStatus.CANCELLED)
            .count(),
            "editions": Edition.objects.filter(start_date__year=year).count(),
            "sessions": Session.objects.filter(start_date__year=year)
            .exclude(status=SessionStatus.CANCELLED)
            .count(),
        }
        return super().get_context_data(
            today=today,
            year=year,
            counts=counts,
            upcoming_sessions=with_head_counts(sessions)[:UPCOMING_LENGTH],
            upcoming_editions=editions_with_counts(editions)[:UPCOMING_LENGTH],
            concerns=concerns(today),
            **kwargs,
        )
