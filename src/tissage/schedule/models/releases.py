from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY


class ReleaseQuerySet(models.QuerySet):
    def latest_of(self, edition) -> "Release | None":
        return self.filter(edition=edition).order_by("-number").first()


class Release(TimeStampedModel):
    """A numbered, published state of an edition's timetable: what the public sees until the next one.

    ``snapshot`` freezes the programme as published (see ``schedule.domain.programme``); ``changes``
    is what moved, was added, cancelled or changed since the previous release, and who it concerns.
    """

    edition = models.ForeignKey(
        "network.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="releases"
    )
    number = models.PositiveIntegerField(_("number"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.CharField(
        _("comment"), max_length=300, blank=True, help_text=_("What changed, in a sentence, for the public.")
    )
    snapshot = models.JSONField(_("programme"), default=dict)
    changes = models.JSONField(_("changes"), default=dict)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("timetable release")
        verbose_name_plural = _("timetable releases")
        ordering = ["edition", "-number"]
        constraints = [models.UniqueConstraint(fields=["edition", "number"], name="release_unique_number")]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return _("Release %(number)s of %(edition)s") % {"number": self.number, "edition": self.edition}

    def get_absolute_url(self) -> str:
        return reverse("orga:release-detail", kwargs={"pk": self.pk})
