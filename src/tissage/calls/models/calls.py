import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from i18nfield.strings import LazyI18nString

from tissage.core.fields import TranslatedCharField, TranslatedTextField
from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import CHOICE_KINDS, CallKind, CallPhase, QuestionKind
from ..filetypes import DEFAULT_FILE_TYPES, FILE_TYPES
from ..rules import STAFF_OR_REVIEWER


def validate_file_types(value) -> None:
    if not isinstance(value, list) or any(key not in FILE_TYPES for key in value):
        raise ValidationError(_("Choose file types from the list."), code="invalid_file_type")


def _default_file_types() -> list[str]:
    return list(DEFAULT_FILE_TYPES)


class CallQuerySet(models.QuerySet):
    def open_at(self, moment: datetime.datetime) -> "CallQuerySet":
        """Published calls taking applications at ``moment``."""
        return self.filter(is_published=True, opens_at__lte=moment, closes_at__gt=moment)

    def with_places(self) -> "CallQuerySet":
        """With what the pages show of where and when: programme, session, hubs."""
        return self.select_related(
            "programme__home_hub", "session__hub", "session__programme", "session__edition__festival"
        )


class Call(TimeStampedModel):
    """A call for applications: trainees, artists or technicians for a programme, usually for one of
    its sessions. It opens and closes at moments stored in UTC and shown in its hub's time zone."""

    slug = models.SlugField(_("short name"), unique=True, help_text=_("Used in the public address."))
    programme = models.ForeignKey(
        "network.Programme", verbose_name=_("programme"), on_delete=models.CASCADE, related_name="calls"
    )
    session = models.ForeignKey(
        "network.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
        help_text=_("The session the selected people join. Without one, they join the programme's cohort."),
    )
    kind = models.CharField(_("for"), max_length=12, choices=CallKind.choices)
    title = TranslatedCharField(_("title"), max_length=200)
    description = TranslatedTextField(_("description"), blank=True, null=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(
        _("closes"), help_text=_("The deadline: applications are refused after it.")
    )
    is_published = models.BooleanField(_("published"), default=False)
    blind_review = models.BooleanField(
        _("blind review"),
        default=False,
        help_text=_("Reviewers do not see the applicants' names and contacts."),
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewers"), blank=True, related_name="reviewed_calls"
    )
    max_upload_mb = models.PositiveSmallIntegerField(
        _("largest file (MB)"), default=10, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    accepted_types = models.JSONField(
        _("accepted file types"), default=_default_file_types, blank=True, validators=[validate_file_types]
    )
    accepted_message = TranslatedTextField(
        _("message to the accepted"),
        blank=True,
        null=True,
        help_text=_("A paragraph of the acceptance email, in each language; a standard text if empty."),
    )
    waiting_list_message = TranslatedTextField(_("message to the waiting list"), blank=True, null=True)
    declined_message = TranslatedTextField(_("message to the declined"), blank=True, null=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-closes_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_opening",
                violation_error_message=_("A call closes after it opens."),
            )
        ]
        rules_permissions = {**STAFF_ONLY, "view": STAFF_OR_REVIEWER}

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("orga:call-detail", kwargs={"slug": self.slug})

    def get_public_url(self) -> str:
        return reverse("public:call", kwargs={"call": self.slug})

    def clean(self) -> None:
        if self.session_id and self.programme_id and self.session.programme_id != self.programme_id:
            raise ValidationError({"session": _("This session belongs to another programme.")})

    @property
    def hub(self):
        """The hub whose clock the call's dates follow: its session's, else its programme's home."""
        return self.session.hub if self.session_id else self.programme.home_hub

    def phase(self, moment: datetime.datetime | None = None) -> str:
        moment = moment or timezone.now()
        if moment < self.opens_at:
            return CallPhase.UPCOMING
        return CallPhase.OPEN if moment < self.closes_at else CallPhase.CLOSED

    def is_open(self, moment: datetime.datetime | None = None) -> bool:
        return self.is_published and self.phase(moment) == CallPhase.OPEN

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    def message_for(self, outcome: str):
        """The call's own paragraph for a decision, if it wrote one."""
        return getattr(self, f"{outcome}_message", None)


class Question(TimeStampedModel):
    """A question of a call's application form, beyond the identity, languages and skills every form asks."""

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label = TranslatedCharField(_("question"), max_length=300)
    help_text = TranslatedTextField(_("help"), blank=True, null=True)
    kind = models.CharField(
        _("answer"), max_length=16, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    required = models.BooleanField(_("required"), default=True)
    choices = TranslatedTextField(
        _("choices"),
        blank=True,
        null=True,
        help_text=_("One choice per line, in the same order in every language."),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["call", "position", "pk"]
        rules_permissions = {**STAFF_ONLY, "view": STAFF_OR_REVIEWER}

    def __str__(self) -> str:
        return str(self.label)

    def get_absolute_url(self) -> str:
        return self.call.get_absolute_url()

    def _lines(self, language: str | None = None) -> list[str]:
        if not self.choices:
            return []
        text = self.choices.localize(language) if language else str(self.choices)
        return [line.strip() for line in str(text).splitlines() if line.strip()]

    def choice_list(self) -> list[tuple[str, str]]:
        """``(key, label)`` of each choice, labelled in the current language; keys are positions from 1."""
        return [(str(n), label) for n, label in enumerate(self._lines(), start=1)]

    def clean(self) -> None:
        if self.kind in CHOICE_KINDS:
            data = self.choices.data if isinstance(self.choices, LazyI18nString) else self.choices
            if not isinstance(data, dict):
                data = {settings.LANGUAGE_CODE: data or ""}
            counts = {
                len([line for line in str(text).splitlines() if line.strip()])
                for text in data.values()
                if text
            }
            if not counts or max(counts) < 2:
                raise ValidationError({"choices": _("Give at least two choices, one per line.")})
            if len(counts) > 1:
                raise ValidationError({"choices": _("Give the same number of choices in every language.")})


class Criterion(TimeStampedModel):
    """What reviewers score an application on, with its weight in the ranking and its scale (1 to scale)."""

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = TranslatedCharField(_("criterion"), max_length=200)
    description = TranslatedTextField(_("description"), blank=True, null=True)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, default=1, validators=[MinValueValidator(0.01)]
    )
    scale = models.PositiveSmallIntegerField(
        _("scale"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(10)],
        help_text=_("Scores go from 1 to this number."),
    )

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["call", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="criterion_weight_positive"),
            models.CheckConstraint(
                condition=models.Q(scale__gte=2, scale__lte=10), name="criterion_scale_range"
            ),
        ]
        rules_permissions = {**STAFF_ONLY, "view": STAFF_OR_REVIEWER}

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return self.call.get_absolute_url()
