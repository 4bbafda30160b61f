"""Pieces shared by the staff pages of the network and its activities."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tissage.activities.models import Activity


@dataclass
class Day:
    date: datetime.date
    activities: list[Activity] = field(default_factory=list)


def activities_by_day(activities: QuerySet, tz: datetime.tzinfo) -> tuple[list[Day], list[Activity]]:
    """Scheduled activities grouped by their day in the hub's time zone, and those without a time yet,
    with what ``orga/includes/activity_item.html`` shows of them (one query)."""
    days: dict[datetime.date, Day] = {}
    unscheduled = []
    activities = (
        activities.select_related("room__venue")
        .annotate(member_count=Count("members"))
        .order_by("starts_at", "pk")
    )
    for activity in activities:
        if activity.starts_at is None:
            unscheduled.append(activity)
        else:
            day = timezone.localtime(activity.starts_at, tz).date()
            days.setdefault(day, Day(date=day)).activities.append(activity)
    return list(days.values()), unscheduled


class ConfirmDeleteMixin:
    """The texts of the confirmation page of a deletion or a removal; goes with ``ParentPageMixin``."""

    template_name = "orga/confirm_delete.html"
    confirm_title = _("Delete %(object)s?")
    confirm_label = _("Delete")
    consequence = ""

    def confirm_subject(self):
        """What the question names: the object itself, or e.g. the person of a membership."""
        return self.object

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.confirm_title % {"object": self.confirm_subject()},
            confirm_label=self.confirm_label,
            consequence=self.consequence,
            cancel_url=self.get_cancel_url(),
            **kwargs,
        )
