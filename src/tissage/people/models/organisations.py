from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from tissage.core.fields import TranslatedTextField
from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import OrganisationKind


class Organisation(TimeStampedModel):
    """A partner, funder or venue owner. Its roles come from its links (programme funders, hub partners …)."""

    slug = models.SlugField(_("short name"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    hub = models.ForeignKey(
        "network.Hub",
        verbose_name=_("hub"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    description = TranslatedTextField(_("description"), blank=True, null=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orga:organisation-detail", kwargs={"slug": self.slug})
