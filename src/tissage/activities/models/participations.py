from django.db import models
from django.utils.translation import gettext_lazy as _

from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY
from tissage.people.enums import Role

from ..enums import PRESENT_STATUSES, ParticipationStatus


class ParticipationQuerySet(models.QuerySet):
    def present(self) -> "ParticipationQuerySet":
        return self.filter(status__in=PRESENT_STATUSES)


class Participation(TimeStampedModel):
    """A person in a session: their role there, whether they come, and when they are present."""

    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="participations"
    )
    session = models.ForeignKey(
        "network.Session", verbose_name=_("session"), on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=ParticipationStatus.choices, default=ParticipationStatus.INVITED
    )
    arrives_on = models.DateField(_("arrives"), null=True, blank=True)
    departs_on = models.DateField(_("departs"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["session__start_date", "person__family_name", "person__given_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "session"],
                name="participation_once_per_session",
                violation_error_message=_("This person already takes part in this session."),
            ),
            models.CheckConstraint(
                condition=models.Q(arrives_on__isnull=True)
                | models.Q(departs_on__isnull=True)
                | models.Q(departs_on__gte=models.F("arrives_on")),
                name="participation_dates_in_order",
                violation_error_message=_("One cannot leave before arriving."),
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.person} — {self.session}"
