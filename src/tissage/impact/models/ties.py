"""The tie ledger: who worked with whom, how much, and in which years.

Its rows are derived: :mod:`tissage.impact.domain.ledger` writes them from shared activities and
declared collaborations, and nothing else does. docs/impact.md gives the formulas.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import ContributionSource

# A tie active in this many different years or more is durable.
DURABLE_YEARS = 2


class TieQuerySet(models.QuerySet):
    def durable(self) -> "TieQuerySet":
        return self.filter(year_count__gte=DURABLE_YEARS)

    def crossing(self) -> "TieQuerySet":
        """Ties between people whose home hubs are both known and different."""
        return self.filter(person_a__home_hub__isnull=False, person_b__home_hub__isnull=False).exclude(
            person_a__home_hub=models.F("person_b__home_hub")
        )

    def of_person(self, person) -> "TieQuerySet":
        return self.filter(models.Q(person_a=person) | models.Q(person_b=person))


class Tie(TimeStampedModel):
    """Two people who worked together: the sum of what each shared activity and declared
    collaboration contributed. The person with the lower primary key is ``person_a``."""

    # The unique pair (person_a, person_b) is also the index of person_a: no second one to keep up
    # on every insert (the ledger inserts hundreds of ties at a time).
    person_a = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="ties_as_a",
        db_index=False,
    )
    person_b = models.ForeignKey(
        "people.Person", verbose_name=_("other person"), on_delete=models.CASCADE, related_name="ties_as_b"
    )
    weight = models.FloatField(_("weight"), default=0.0)
    hours = models.FloatField(_("hours together"), default=0.0)
    activity_count = models.PositiveIntegerField(_("shared activities"), default=0)
    collaboration_count = models.PositiveIntegerField(_("declared collaborations"), default=0)
    first_date = models.DateField(_("first together"))
    last_date = models.DateField(_("last together"))
    year_count = models.PositiveSmallIntegerField(_("years active"), default=0)

    objects = TieQuerySet.as_manager()

    class Meta:
        verbose_name = _("tie")
        verbose_name_plural = _("ties")
        ordering = ["-weight", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="tie_once_per_pair"),
            models.CheckConstraint(
                condition=models.Q(person_a__lt=models.F("person_b")), name="tie_ordered_pair"
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.person_a} — {self.person_b}"

    def get_absolute_url(self) -> str:
        return reverse("orga:impact-tie", kwargs={"pk": self.pk})

    @property
    def is_durable(self) -> bool:
        return self.year_count >= DURABLE_YEARS

    @property
    def is_crossing(self) -> bool:
        hubs = (self.person_a.home_hub_id, self.person_b.home_hub_id)
        return None not in hubs and hubs[0] != hubs[1]

    def other(self, person):
        return self.person_b if person.pk == self.person_a_id else self.person_a


class TieYear(models.Model):
    """What a tie was in one year: the years it is active in make it durable or not."""

    # Indexed by the unique (tie, year).
    tie = models.ForeignKey(Tie, on_delete=models.CASCADE, related_name="years", db_index=False)
    year = models.PositiveSmallIntegerField(_("year"))
    weight = models.FloatField(_("weight"))
    hours = models.FloatField(_("hours together"))
    activity_count = models.PositiveIntegerField(_("shared activities"))
    collaboration_count = models.PositiveIntegerField(_("declared collaborations"))

    class Meta:
        verbose_name = _("year of a tie")
        verbose_name_plural = _("years of ties")
        ordering = ["tie", "year"]
        constraints = [models.UniqueConstraint(fields=["tie", "year"], name="tie_year_once")]
        indexes = [models.Index(fields=["year"])]

    def __str__(self) -> str:
        return f"{self.tie} {self.year}"


class TieContribution(models.Model):
    """What one shared activity or one declared collaboration adds to a tie, and when."""

    tie = models.ForeignKey(Tie, on_delete=models.CASCADE, related_name="contributions")
    source = models.CharField(_("source"), max_length=16, choices=ContributionSource.choices)
    # Both are indexed by the partial unique constraints below, which leave out the rows of the other
    # source: fewer index entries to write when an activity's hundreds of pairs change.
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tie_contributions",
        db_index=False,
    )
    collaboration = models.ForeignKey(
        "impact.Collaboration",
        verbose_name=_("collaboration"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tie_contributions",
        db_index=False,
    )
    date = models.DateField(_("date"))
    year = models.PositiveSmallIntegerField(_("year"))
    hours = models.FloatField(_("hours together"))
    group_size = models.PositiveIntegerField(_("group size"))
    weight = models.FloatField(_("weight"))

    class Meta:
        verbose_name = _("contribution to a tie")
        verbose_name_plural = _("contributions to ties")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    source=ContributionSource.ACTIVITY, activity__isnull=False, collaboration=None
                )
                | models.Q(
                    source=ContributionSource.COLLABORATION, collaboration__isnull=False, activity=None
                ),
                name="tie_contribution_one_source",
            ),
            models.UniqueConstraint(
                fields=["activity", "tie"],
                condition=models.Q(activity__isnull=False),
                name="tie_contribution_once_per_activity",
            ),
            models.UniqueConstraint(
                fields=["collaboration", "tie"],
                condition=models.Q(collaboration__isnull=False),
                name="tie_contribution_once_per_collaboration",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tie} · {self.date} · {self.weight:.2f}"
