import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY, is_network_staff

from ..enums import ApplicationState, Outcome
from ..rules import STAFF_OR_REVIEWER, is_call_reviewer, is_own_review
from .calls import Call, Question


class ApplicationQuerySet(models.QuerySet):
    def of_person(self, person) -> "ApplicationQuerySet":
        """A person's applications: linked to them once decided, found by their email before."""
        mine = models.Q(person=person)
        if person.email:
            mine |= models.Q(email__iexact=person.email)
        return self.filter(mine)


class Application(TimeStampedModel):
    """Someone's answer to a call: who they are, the languages they speak, their skills, links to
    their work, the answers to the call's questions and their files. Accepting it makes (or finds)
    the person and their participation."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="applications"
    )
    state = models.CharField(
        _("state"), max_length=14, choices=ApplicationState.choices, default=ApplicationState.SUBMITTED
    )
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    native_name = models.CharField(_("name in own script"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    nationality = CountryField(_("nationality"), blank=True)
    home_hub = models.ForeignKey(
        "network.Hub",
        verbose_name=_("nearest hub"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("language for messages"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    languages = models.JSONField(
        _("languages spoken"), default=list, blank=True, help_text=_("[language, level] pairs.")
    )
    skills = models.ManyToManyField(
        "people.Skill", verbose_name=_("skills and instruments"), blank=True, related_name="+"
    )
    links = models.JSONField(_("links to recordings"), default=list, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent = models.BooleanField(_("agrees to the processing of their data"), default=False)
    # Shown on the confirmation page and in the email, so that an applicant can name their application.
    reference = models.CharField(_("reference"), max_length=12, unique=True)
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    participation = models.ForeignKey(
        "activities.Participation",
        verbose_name=_("participation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "call",
                Lower("email"),
                name="application_once_per_email",
                violation_error_message=_(
                    "An application with this email has already been sent to this call."
                ),
            )
        ]
        rules_permissions = {
            **STAFF_ONLY,
            "view": STAFF_OR_REVIEWER,
            # Deciding belongs to staff; reviewers score.
            "decide": is_network_staff,
            "review": is_call_reviewer,
        }

    def __str__(self) -> str:
        return f"{self.full_name} — {self.call}"

    def get_absolute_url(self) -> str:
        return reverse("orga:application-detail", kwargs={"pk": self.pk})

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def anonymous_name(self) -> str:
        return _("Application %(reference)s") % {"reference": self.reference}

    @staticmethod
    def new_reference() -> str:
        """Eight letters and digits that cannot be mistaken for one another when read aloud."""
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return "".join(secrets.choice(alphabet) for _n in range(8))


def application_file_path(instance: "ApplicationFile", filename: str) -> str:
    """Files of a call together, each under a random name: the original name is kept in the row."""
    extension = filename.rpartition(".")[2].lower()[:8]
    return f"calls/{instance.application.call_id}/{secrets.token_hex(16)}.{extension}"


class ApplicationFile(models.Model):
    """A file sent with an application, in answer to one of the call's file questions."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    question = models.ForeignKey(Question, null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(_("file"), upload_to=application_file_path)
    name = models.CharField(_("name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=100)

    class Meta:
        verbose_name = _("application file")
        verbose_name_plural = _("application files")
        ordering = ["application", "pk"]

    def __str__(self) -> str:
        return self.name


class Review(TimeStampedModel):
    """One reviewer's scores of one application, or their declaration that they cannot judge it."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="call_reviews",
    )
    scores = models.JSONField(_("scores"), default=dict, blank=True, help_text=_("{criterion id: score}"))
    comment = models.TextField(_("comment"), blank=True)
    conflict_of_interest = models.BooleanField(
        _("conflict of interest"),
        default=False,
        help_text=_("I know this applicant too well (family, partner, employee …) to judge fairly."),
    )

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["application", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="review_once_per_reviewer")
        ]
        rules_permissions = {**STAFF_ONLY, "view": is_network_staff | is_own_review, "change": is_own_review}

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.application_id}"

    def get_absolute_url(self) -> str:
        return self.application.get_absolute_url()


class Decision(TimeStampedModel):
    """A selection decision on an application, and the message that told the applicant."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="decisions"
    )
    outcome = models.CharField(_("decision"), max_length=14, choices=Outcome.choices)
    note = models.TextField(
        _("personal note"),
        blank=True,
        help_text=_("Added to the message, as written (in the applicant's language)."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.ForeignKey(
        "outbox.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["application", "created_at", "pk"]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} · {self.application_id}"
