import zoneinfo

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tissage.core.models import TimeStampedModel
from tissage.core.money import MoneyAttribute, amount_field, currency_field, money_constraint
from tissage.network.models.hubs import TIMEZONE_CHOICES

from ..enums import BookedBy, Direction, LegStatus, TravelMode
from ..rules import STAFF_OR_OWN


class TravelLegQuerySet(models.QuerySet):
    def active(self) -> "TravelLegQuerySet":
        return self.exclude(status=LegStatus.CANCELLED)


class TravelLeg(TimeStampedModel):
    """One journey of a participant: a flight, a train … Times are stored in UTC and shown in the
    time zone of the place they happen at (departure at the origin, arrival at the destination)."""

    participation = models.ForeignKey(
        "activities.Participation",
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="travel_legs",
    )
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    mode = models.CharField(_("mode"), max_length=10, choices=TravelMode.choices, default=TravelMode.PLANE)
    carrier = models.CharField(_("carrier"), max_length=100, blank=True)
    number = models.CharField(_("number"), max_length=20, blank=True, help_text=_("e.g. AF 887."))
    from_place = models.CharField(_("from"), max_length=120)
    from_timezone = models.CharField(_("time zone of departure"), max_length=64, choices=TIMEZONE_CHOICES)
    to_place = models.CharField(_("to"), max_length=120)
    to_timezone = models.CharField(_("time zone of arrival"), max_length=64, choices=TIMEZONE_CHOICES)
    departs_at = models.DateTimeField(_("departs"))
    arrives_at = models.DateTimeField(_("arrives"))
    cost_amount = amount_field(_("cost"), null=True, blank=True)
    cost_currency = currency_field(blank=True)
    cost = MoneyAttribute("cost_amount", "cost_currency")
    booked_by = models.CharField(
        _("booked by"), max_length=12, choices=BookedBy.choices, default=BookedBy.NETWORK
    )
    booking_reference = models.CharField(_("booking reference"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=LegStatus.choices, default=LegStatus.TO_BOOK
    )
    note = models.TextField(_("note"), blank=True)

    objects = TravelLegQuerySet.as_manager()

    class Meta:
        verbose_name = _("travel leg")
        verbose_name_plural = _("travel legs")
        ordering = ["departs_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(arrives_at__gt=models.F("departs_at")),
                name="travel_leg_arrives_after_departing",
                violation_error_message=_("A journey arrives after it departs."),
            ),
            money_constraint("cost_amount", "cost_currency", "travel_leg_cost_pair"),
        ]
        rules_permissions = STAFF_OR_OWN

    def __str__(self) -> str:
        return f"{self.from_place} → {self.to_place} ({self.departs_local:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("orga:logistics-participation", kwargs={"pk": self.participation_id}) + "#travel"

    @property
    def departs_local(self):
        return timezone.localtime(self.departs_at, zoneinfo.ZoneInfo(self.from_timezone))

    @property
    def arrives_local(self):
        return timezone.localtime(self.arrives_at, zoneinfo.ZoneInfo(self.to_timezone))

    @property
    def duration(self):
        """The real time the journey takes, whatever the zones it crosses."""
        return self.arrives_at - self.departs_at
