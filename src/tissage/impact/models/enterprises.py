from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import EnterpriseKind, EnterpriseStatus


class Enterprise(TimeStampedModel):
    """A local music micro-enterprise; its founders' paths through the network's trainings are what
    the emergence of new entrepreneurs means."""

    slug = models.SlugField(_("short name"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=EnterpriseKind.choices)
    founders = models.ManyToManyField(
        "people.Person", verbose_name=_("founders"), related_name="enterprises_founded"
    )
    hub = models.ForeignKey(
        "network.Hub",
        verbose_name=_("hub"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enterprises",
        help_text=_("The network's hub nearest to it."),
    )
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"), blank=True)
    founded_on = models.DateField(_("founded"))
    status = models.CharField(
        _("status"), max_length=10, choices=EnterpriseStatus.choices, default=EnterpriseStatus.ACTIVE
    )
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    activity = models.TextField(_("activity"), blank=True, help_text=_("What it does, for whom, with whom."))
    employees = models.PositiveSmallIntegerField(_("people employed"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["founded_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=models.F("founded_on")),
                name="enterprise_dates_in_order",
                violation_error_message=_("An enterprise cannot close before it is founded."),
            ),
            models.CheckConstraint(
                condition=models.Q(status=EnterpriseStatus.CLOSED) | models.Q(closed_on__isnull=True),
                name="enterprise_closed_date_when_closed",
                violation_error_message=_("Only a closed enterprise has a closing date."),
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orga:enterprise-detail", kwargs={"slug": self.slug})
