import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.core.models import TimeStampedModel
from tissage.core.money import MoneyAttribute, amount_field, currency_field, money_constraint
from tissage.core.rules import STAFF_ONLY

from ..enums import PlaceKind
from ..rules import STAFF_OR_OWN


class AccommodationPlace(TimeStampedModel):
    """Where participants sleep at a hub: a hotel, a residence, a host family …"""

    hub = models.ForeignKey(
        "network.Hub", verbose_name=_("hub"), on_delete=models.CASCADE, related_name="accommodation_places"
    )
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=12, choices=PlaceKind.choices, default=PlaceKind.HOTEL)
    address = models.CharField(_("address"), max_length=300, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True, help_text=_("Who to call, and how."))
    nightly_amount = amount_field(_("price per bed and night"), null=True, blank=True)
    nightly_currency = currency_field(blank=True)
    nightly_price = MoneyAttribute("nightly_amount", "nightly_currency")

    class Meta:
        verbose_name = _("accommodation place")
        verbose_name_plural = _("accommodation places")
        ordering = ["hub__slug", "name"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "name"], name="accommodation_place_unique_name"),
            money_constraint("nightly_amount", "nightly_currency", "accommodation_place_price_pair"),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orga:place-detail", kwargs={"pk": self.pk})


class AccommodationRoom(TimeStampedModel):
    place = models.ForeignKey(
        AccommodationPlace, verbose_name=_("place"), on_delete=models.CASCADE, related_name="rooms"
    )
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        verbose_name = _("bedroom")
        verbose_name_plural = _("bedrooms")
        ordering = ["place", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "name"], name="accommodation_room_unique_name")
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.place} · {self.name}"

    def get_absolute_url(self) -> str:
        return self.place.get_absolute_url()


class Bed(TimeStampedModel):
    room = models.ForeignKey(
        AccommodationRoom, verbose_name=_("bedroom"), on_delete=models.CASCADE, related_name="beds"
    )
    label = models.CharField(_("bed"), max_length=40)

    class Meta:
        verbose_name = _("bed")
        verbose_name_plural = _("beds")
        ordering = ["room", "label"]
        constraints = [models.UniqueConstraint(fields=["room", "label"], name="bed_unique_label")]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.room} · {self.label}"


class StayQuerySet(models.QuerySet):
    def overlapping(self, first_night: datetime.date, last_morning: datetime.date) -> "StayQuerySet":
        """Stays with at least one night between ``first_night`` and the morning of ``last_morning``."""
        return self.filter(check_in__lt=last_morning, check_out__gt=first_night)


class Stay(TimeStampedModel):
    """A participant in a bed from the night of ``check_in`` to the morning of ``check_out``.

    Two stays never share a bed on the same night: the domain refuses it with the name of who
    holds the bed, and the database refuses it too (an exclusion constraint on PostgreSQL, see
    the app's migrations; a unique first night everywhere).
    """

    participation = models.ForeignKey(
        "activities.Participation",
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="stays",
    )
    bed = models.ForeignKey(Bed, verbose_name=_("bed"), on_delete=models.PROTECT, related_name="stays")
    check_in = models.DateField(_("first night"))
    check_out = models.DateField(_("leaves on"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = StayQuerySet.as_manager()

    class Meta:
        verbose_name = _("stay")
        verbose_name_plural = _("stays")
        ordering = ["check_in", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(check_out__gt=models.F("check_in")),
                name="stay_at_least_one_night",
                violation_error_message=_(
                    "A stay lasts at least one night: one leaves after the first night."
                ),
            ),
            models.UniqueConstraint(
                fields=["bed", "check_in"],
                name="stay_one_arrival_per_bed_and_night",
                violation_error_message=_("Someone else already arrives in this bed that night."),
            ),
        ]
        rules_permissions = STAFF_OR_OWN

    def __str__(self) -> str:
        return f"{self.participation.person} · {self.bed} · {self.check_in:%d/%m}–{self.check_out:%d/%m}"

    def get_absolute_url(self) -> str:
        return reverse("orga:logistics-participation", kwargs={"pk": self.participation_id}) + "#stays"

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days

    def night_dates(self) -> list[datetime.date]:
        return [self.check_in + datetime.timedelta(days=n) for n in range(self.nights)]
