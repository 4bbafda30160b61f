import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from tissage.core.fields import TranslatedCharField, TranslatedTextField
from tissage.core.languages import SPOKEN_LANGUAGES
from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import RoomKind, Season

TIMEZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


def text_lines(text: str) -> list[str]:
    """The non-empty lines of a "one item per line" field, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def validate_spoken_languages(value) -> None:
    if not isinstance(value, list) or any(code not in SPOKEN_LANGUAGES for code in value):
        raise ValidationError(_("Choose languages from the list."), code="invalid_language")


class Hub(TimeStampedModel):
    """A city that hosts a workshop-festival."""

    slug = models.SlugField(_("short name"), unique=True)
    name = TranslatedCharField(_("name"), max_length=120)
    country = CountryField(_("country"))
    timezone = models.CharField(_("time zone"), max_length=64, choices=TIMEZONE_CHOICES)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[validate_spoken_languages]
    )
    currency = models.CharField(_("currency"), max_length=3, help_text=_("ISO 4217 code, e.g. EUR."))
    season = models.CharField(_("festival season"), max_length=10, choices=Season.choices)
    is_home = models.BooleanField(
        _("home hub"), default=False, help_text=_("The network's home city, where every programme returns.")
    )
    description = TranslatedTextField(_("description"), blank=True, null=True)
    partners = models.ManyToManyField(
        "people.Organisation", verbose_name=_("local partners"), blank=True, related_name="partner_of_hubs"
    )

    class Meta:
        verbose_name = _("hub")
        verbose_name_plural = _("hubs")
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_home"],
                condition=models.Q(is_home=True),
                name="hub_single_home",
                violation_error_message=_("Only one hub can be the network's home."),
            ),
            models.CheckConstraint(
                condition=models.Q(currency__regex=r"^[A-Z]{3}$"),
                name="hub_currency_iso",
                violation_error_message=_("A currency is three capital letters, e.g. EUR."),
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("orga:hub-detail", kwargs={"slug": self.slug})

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class Venue(TimeStampedModel):
    hub = models.ForeignKey(Hub, verbose_name=_("hub"), on_delete=models.PROTECT, related_name="venues")
    slug = models.SlugField(_("short name"))
    name = TranslatedCharField(_("name"), max_length=150)
    address = models.CharField(_("address"), max_length=300, blank=True)
    owner = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="venues_owned",
    )
    description = TranslatedTextField(_("description"), blank=True, null=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["hub__slug", "slug"]
        constraints = [models.UniqueConstraint(fields=["hub", "slug"], name="venue_unique_slug_per_hub")]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("orga:venue-detail", kwargs={"pk": self.pk})


class Room(TimeStampedModel):
    venue = models.ForeignKey(Venue, verbose_name=_("venue"), on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=RoomKind.choices, default=RoomKind.OTHER)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    equipment = models.TextField(_("equipment"), blank=True, help_text=_("One item per line."))
    # What the festival timetable needs to know of a room.
    changeover_minutes = models.PositiveSmallIntegerField(
        _("changeover (minutes)"),
        default=0,
        help_text=_("Time needed between two uses: setting up, sound check, clearing the stage."),
    )
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(
        _("closes at (curfew)"),
        null=True,
        blank=True,
        help_text=_("A time before the opening time is on the next day, e.g. 01:00."),
    )

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["venue__slug", "name"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "name"], name="room_unique_name_per_venue"),
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True, closes_at__isnull=True)
                | (
                    models.Q(opens_at__isnull=False, closes_at__isnull=False)
                    & ~models.Q(opens_at=models.F("closes_at"))
                ),
                name="room_opening_hours",
                violation_error_message=_(
                    "Give both the opening time and the curfew, or neither; they cannot be equal."
                ),
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.venue} — {self.name}"

    @property
    def equipment_items(self) -> list[str]:
        return text_lines(self.equipment)
