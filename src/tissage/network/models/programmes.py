from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.core.fields import TranslatedCharField, TranslatedTextField
from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY
from tissage.people.enums import Role

from ..enums import ProgrammeStatus, SessionStatus


class Programme(TimeStampedModel):
    """A multi-year cooperation between the home hub and one or more partner hubs."""

    slug = models.SlugField(_("short name"), unique=True)
    name = TranslatedCharField(_("name"), max_length=200)
    description = TranslatedTextField(_("description"), blank=True, null=True)
    home_hub = models.ForeignKey(
        "network.Hub", verbose_name=_("home hub"), on_delete=models.PROTECT, related_name="home_programmes"
    )
    partner_hubs = models.ManyToManyField(
        "network.Hub", verbose_name=_("partner hubs"), related_name="partner_programmes"
    )
    start_year = models.PositiveSmallIntegerField(_("first year"))
    years = models.PositiveSmallIntegerField(_("years"), default=3)
    sessions_per_year = models.PositiveSmallIntegerField(_("sessions per year"), default=2)
    status = models.CharField(
        _("status"), max_length=12, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    cohort = models.ManyToManyField(
        "people.Person",
        through="network.CohortMember",
        verbose_name=_("cohort"),
        related_name="cohort_programmes",
        blank=True,
    )
    funders = models.ManyToManyField(
        "people.Organisation", verbose_name=_("funders"), blank=True, related_name="funded_programmes"
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-start_year", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(years__gte=1, years__lte=10),
                name="programme_years_range",
                violation_error_message=_("A programme lasts from 1 to 10 years."),
            ),
            models.CheckConstraint(
                condition=models.Q(sessions_per_year__gte=1, sessions_per_year__lte=6),
                name="programme_sessions_per_year_range",
                violation_error_message=_("A programme has from 1 to 6 sessions a year."),
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("orga:programme-detail", kwargs={"slug": self.slug})

    @property
    def end_year(self) -> int:
        return self.start_year + self.years - 1


class CohortMember(TimeStampedModel):
    """A person committed to a programme for its whole span."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cohort_members")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="cohort_memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    joined_on = models.DateField(_("joined"), null=True, blank=True)
    left_on = models.DateField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("cohort member")
        verbose_name_plural = _("cohort members")
        constraints = [
            models.UniqueConstraint(fields=["programme", "person"], name="cohort_member_once"),
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True)
                | models.Q(joined_on__isnull=True)
                | models.Q(left_on__gte=models.F("joined_on")),
                name="cohort_member_dates_in_order",
                violation_error_message=_("One cannot leave a cohort before joining it."),
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.person} — {self.programme}"


class SessionQuerySet(models.QuerySet):
    def upcoming(self, today) -> "SessionQuerySet":
        return self.filter(end_date__gte=today).exclude(status=SessionStatus.CANCELLED).order_by("start_date")


class Session(TimeStampedModel):
    """One stay of a programme at one hub; usually part of an edition of that hub's festival."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="sessions"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    hub = models.ForeignKey(
        "network.Hub", verbose_name=_("hub"), on_delete=models.PROTECT, related_name="sessions"
    )
    edition = models.ForeignKey(
        "network.Edition",
        verbose_name=_("edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    title = TranslatedCharField(_("title"), max_length=200, blank=True, null=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    status = models.CharField(
        _("status"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.DRAFT
    )
    description = TranslatedTextField(_("description"), blank=True, null=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="session_dates_in_order",
                violation_error_message=_("The last day cannot come before the first day."),
            ),
            models.UniqueConstraint(fields=["programme", "number"], name="session_unique_number"),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        if self.title:
            return str(self.title)
        return f"{self.programme} · {self.hub} {self.start_date:%Y-%m}"

    def get_absolute_url(self) -> str:
        return reverse("orga:session-detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.edition_id and self.hub_id and self.edition.festival.hub_id != self.hub_id:
            raise ValidationError({"edition": _("This edition's festival is at another hub.")})
