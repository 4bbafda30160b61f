from django.conf import settings as conf
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import PlanScope, PlanStatus
from ..rules import PLAN_RULES


class Plan(TimeStampedModel):
    """Crossed-workshop groups proposed for one session, or for a programme's remaining sessions.

    ``problem`` keeps what the engine was asked (its JSON format, ``docs/plan-groups-format.md``),
    so that a plan adjusted by hand is checked against the very rules it was made for. ``version``
    grows with every change: a form carries the version it was shown, and a change based on an older
    one is refused (two staff editing the same draft).
    """

    programme = models.ForeignKey(
        "network.Programme", verbose_name=_("programme"), on_delete=models.CASCADE, related_name="plans"
    )
    session = models.ForeignKey(
        "network.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="plans",
    )
    scope = models.CharField(_("scope"), max_length=12, choices=PlanScope.choices, default=PlanScope.SESSION)
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    settings = models.JSONField(_("settings"), default=dict)
    seed = models.PositiveIntegerField(_("seed"), default=1)
    problem = models.JSONField(_("problem"), default=dict)
    metrics = models.JSONField(_("metrics"), default=dict)
    lower_bound = models.PositiveIntegerField(_("lower bound on repeated pairs"), default=0)
    gap = models.PositiveIntegerField(_("gap to the lower bound"), default=0)
    stopped_by = models.CharField(_("search ended by"), max_length=20, blank=True)
    # Hard rules a change by hand broke: [{"code", "session", "group", "detail"}] from the engine's checker.
    violations = models.JSONField(_("broken rules"), default=list, blank=True)
    # What a repair or a re-solve changed from ``based_on``: the engine's moves.
    moves = models.JSONField(_("moves"), default=list, blank=True)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("made from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="derived",
    )
    needs_repair = models.BooleanField(_("needs repair"), default=False)
    repair_reason = models.CharField(_("why it needs repair"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        conf.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    job = models.ForeignKey(
        "core.Job", verbose_name=_("made by job"), null=True, blank=True, on_delete=models.SET_NULL
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope=PlanScope.PROGRAMME, session__isnull=True)
                | models.Q(scope=PlanScope.SESSION, session__isnull=False),
                name="plan_scope_session",
                violation_error_message=_("A session's plan names its session; a programme's plan none."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status=PlanStatus.PUBLISHED) | models.Q(scope=PlanScope.SESSION),
                name="plan_published_per_session",
                violation_error_message=_("Only a session's plan is published."),
            ),
            # One published plan per session: publishing another supersedes it.
            models.UniqueConstraint(
                fields=["session"],
                condition=models.Q(status=PlanStatus.PUBLISHED),
                name="plan_one_published_per_session",
            ),
        ]
        indexes = [models.Index(fields=["session", "status"])]
        rules_permissions = PLAN_RULES

    def __str__(self) -> str:
        return _("Plan %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("orga:plan-detail", kwargs={"pk": self.pk})

    @property
    def subject(self):
        """What the plan is about: its session, or its programme."""
        return self.session if self.scope == PlanScope.SESSION else self.programme

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT


class PlanGroup(TimeStampedModel):
    """One group of a plan in one session, with what the engine (or the last change) found for it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="groups")
    session = models.ForeignKey(
        "network.Session", verbose_name=_("session"), on_delete=models.CASCADE, related_name="+"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    language = models.CharField(_("working language"), max_length=8, blank=True)
    interpreter = models.ForeignKey(
        "people.Person",
        verbose_name=_("interpreter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    leader = models.ForeignKey(
        "people.Person",
        verbose_name=_("leader"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locked = models.BooleanField(_("locked"), default=False)
    # The engine's explanation: [{"code", "params"}], translated when shown.
    explanation = models.JSONField(_("explanation"), default=list, blank=True)
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("published as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["plan", "session__start_date", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "session", "number"], name="plan_group_once"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="plan_group_number_from_one"),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return _("Group %(number)s") % {"number": self.number}


class PlanMember(models.Model):
    """A person in a group; ``plan`` and ``session`` repeat the group's, so that the database itself
    keeps everyone in one group per session of a plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="members")
    session = models.ForeignKey("network.Session", on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(PlanGroup, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="plan_memberships"
    )
    locked = models.BooleanField(_("locked"), default=False)

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        ordering = ["group", "person__family_name", "person__given_name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "session", "person"], name="plan_member_once_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.group})"
