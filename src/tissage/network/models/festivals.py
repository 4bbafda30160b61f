from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.core.fields import TranslatedCharField, TranslatedTextField
from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import Season


class Festival(TimeStampedModel):
    """A recurring workshop-festival at a hub (Mimi, Mimi-Nor, Mimi-Sud)."""

    slug = models.SlugField(_("short name"), unique=True)
    name = TranslatedCharField(_("name"), max_length=120)
    hub = models.ForeignKey(
        "network.Hub", verbose_name=_("hub"), on_delete=models.PROTECT, related_name="festivals"
    )
    season = models.CharField(_("season"), max_length=10, choices=Season.choices)
    founded_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    tagline = TranslatedCharField(_("tagline"), max_length=200, blank=True, null=True)
    description = TranslatedTextField(_("description"), blank=True, null=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")
        ordering = ["founded_year", "slug"]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("orga:festival-detail", kwargs={"slug": self.slug})


class EditionQuerySet(models.QuerySet):
    def published(self) -> "EditionQuerySet":
        return self.filter(is_published=True)


class Edition(TimeStampedModel):
    """One year's instance of a festival, with dates, venues and a public programme."""

    festival = models.ForeignKey(
        Festival, verbose_name=_("festival"), on_delete=models.PROTECT, related_name="editions"
    )
    number = models.PositiveSmallIntegerField(_("edition number"))
    slug = models.SlugField(_("short name"), help_text=_("Used in the public address, e.g. 2004."))
    title = TranslatedCharField(_("title"), max_length=200, blank=True, null=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    venues = models.ManyToManyField(
        "network.Venue", verbose_name=_("venues"), blank=True, related_name="editions"
    )
    description = TranslatedTextField(_("description"), blank=True, null=True)
    is_published = models.BooleanField(_("published"), default=False)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="edition_dates_in_order",
                violation_error_message=_("The last day cannot come before the first day."),
            ),
            models.UniqueConstraint(fields=["festival", "number"], name="edition_unique_number"),
            models.UniqueConstraint(fields=["festival", "slug"], name="edition_unique_slug"),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        if self.title:
            return str(self.title)
        return f"{self.festival} {self.start_date.year}"

    def get_absolute_url(self) -> str:
        return reverse("orga:edition-detail", kwargs={"pk": self.pk})

    def get_public_url(self) -> str:
        return reverse("public:edition", kwargs={"festival": self.festival.slug, "edition": self.slug})

    @property
    def year(self) -> int:
        return self.start_date.year
