from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.core.fields import TranslatedCharField, TranslatedTextField
from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY
from tissage.network.models.hubs import text_lines, validate_spoken_languages

from ..enums import ActivityKind, ActivityMode, MemberRole


class ActivityQuerySet(models.QuerySet):
    def public(self) -> "ActivityQuerySet":
        return self.filter(is_public=True)

    def of_edition(self, edition) -> "ActivityQuerySet":
        return self.filter(edition=edition)

    def scheduled(self) -> "ActivityQuerySet":
        return self.filter(starts_at__isnull=False)


class Activity(TimeStampedModel):
    """What happens in a session or at an edition: a workshop, a concert, a training …

    ``edition`` is always set when the activity belongs to an edition's public programme;
    ``session`` when it belongs to a programme's stay. Times are stored in UTC and shown in
    the hub's time zone.
    """

    edition = models.ForeignKey(
        "network.Edition",
        verbose_name=_("edition"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="activities",
    )
    session = models.ForeignKey(
        "network.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="activities",
    )
    slug = models.SlugField(_("short name"))
    title = TranslatedCharField(_("title"), max_length=200)
    description = TranslatedTextField(_("description"), blank=True, null=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    mode = models.CharField(_("mode"), max_length=12, choices=ActivityMode.choices, blank=True)
    languages = models.JSONField(
        _("working languages"), default=list, blank=True, validators=[validate_spoken_languages]
    )
    interpreting = models.JSONField(
        _("interpreting into"),
        default=list,
        blank=True,
        validators=[validate_spoken_languages],
        help_text=_("Languages an interpreter must cover."),
    )
    room = models.ForeignKey(
        "network.Room",
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    is_public = models.BooleanField(_("on the public programme"), default=True)
    audience = models.PositiveIntegerField(_("audience"), null=True, blank=True)
    # What the festival timetable needs to know of an activity.
    duration_minutes = models.PositiveSmallIntegerField(
        _("length (minutes)"),
        default=90,
        help_text=_("How long it lasts when the timetable places it."),
    )
    expected_attendance = models.PositiveIntegerField(
        _("expected attendance"),
        null=True,
        blank=True,
        help_text=_("Audience and participants its room must hold; empty: its members."),
    )
    required_equipment = models.TextField(
        _("equipment needed"), blank=True, help_text=_("One item per line; its room must have each.")
    )
    mandatory_for_trainees = models.BooleanField(
        _("mandatory for trainees"),
        default=False,
        help_text=_("Every trainee of its session (or of the edition's sessions) attends it."),
    )
    is_pinned = models.BooleanField(
        _("pinned"), default=False, help_text=_("The automatic timetabling leaves it where it is.")
    )
    people = models.ManyToManyField(
        "people.Person",
        through="activities.ActivityMember",
        verbose_name=_("people"),
        related_name="activities",
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(edition__isnull=False) | models.Q(session__isnull=False),
                name="activity_has_edition_or_session",
                violation_error_message=_("An activity belongs to an edition or a session."),
            ),
            models.CheckConstraint(
                condition=models.Q(starts_at__isnull=True, ends_at__isnull=True)
                | models.Q(starts_at__isnull=False, ends_at__isnull=False, ends_at__gt=models.F("starts_at")),
                name="activity_times_in_order",
                violation_error_message=_("An activity ends after it starts; give both times or neither."),
            ),
            models.UniqueConstraint(fields=["edition", "slug"], name="activity_unique_slug_per_edition"),
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=5),
                name="activity_duration_at_least_5_minutes",
                violation_error_message=_("An activity lasts at least 5 minutes."),
            ),
        ]
        indexes = [models.Index(fields=["edition", "starts_at"])]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("orga:activity-detail", kwargs={"pk": self.pk})

    def get_public_url(self) -> str:
        edition = self.edition
        return reverse(
            "public:activity",
            kwargs={"festival": edition.festival.slug, "edition": edition.slug, "activity": self.slug},
        )

    @property
    def equipment_items(self) -> list[str]:
        return text_lines(self.required_equipment)

    @property
    def hub(self):
        if self.session_id:
            return self.session.hub
        return self.edition.festival.hub

    def clean(self) -> None:
        if self.session_id and self.edition_id and self.session.edition_id not in (None, self.edition_id):
            raise ValidationError({"edition": _("This session belongs to another edition.")})


class ActivityMember(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="activity_memberships")
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices, default=MemberRole.MEMBER)

    class Meta:
        verbose_name = _("activity member")
        verbose_name_plural = _("activity members")
        ordering = ["activity", "role", "person"]
        constraints = [models.UniqueConstraint(fields=["activity", "person"], name="activity_member_once")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"
