"""What a person agreed to, and the sign-in links of the participant portal already used.

Kept small on purpose: the privacy work (erasure, retention) builds on these later.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import ConsentKind, ConsentSource
from .persons import Person


class ConsentRecordQuerySet(models.QuerySet):
    def current(self) -> dict[str, "ConsentRecord"]:
        """The latest answer for each kind of consent (of the records in this queryset)."""
        latest: dict[str, ConsentRecord] = {}
        for record in self.order_by("kind", "-created_at", "-pk"):
            latest.setdefault(record.kind, record)
        return latest


class ConsentRecord(TimeStampedModel):
    """One answer (yes or no) to one kind of consent, when and how it was given. Never changed:
    a new answer is a new record, so the history of what someone agreed to stays readable."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="consents"
    )
    kind = models.CharField(_("consent"), max_length=12, choices=ConsentKind.choices)
    given = models.BooleanField(_("given"))
    source = models.CharField(_("recorded through"), max_length=12, choices=ConsentSource.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["person", "kind", "-created_at"])]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.person} · {self.get_kind_display()}: {'yes' if self.given else 'no'}"


class UsedPortalLink(models.Model):
    """A portal sign-in link that has been used: a link works once (its signature says who and until when)."""

    nonce = models.CharField(max_length=64, unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    used_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("used sign-in link")
        verbose_name_plural = _("used sign-in links")

    def __str__(self) -> str:
        return f"{self.person_id} {self.used_at:%Y-%m-%d %H:%M}"
