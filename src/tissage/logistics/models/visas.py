import datetime
import os
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import DocumentKind, LetterLanguage, VisaOutcome, VisaStatus, VisaStep
from ..rules import STAFF_OR_OWN

# Days before the arrival each step is due, by rule field; the lead time comes first.
STEP_FIELDS = {
    VisaStep.INVITATION: "invitation_days",
    VisaStep.DOCUMENTS: "documents_days",
    VisaStep.APPOINTMENT: "appointment_days",
    VisaStep.DECISION: "decision_days",
}
# When each step was done, by case field.
DONE_FIELDS = {
    VisaStep.INVITATION: "invitation_sent_on",
    VisaStep.DOCUMENTS: "documents_complete_on",
    VisaStep.APPOINTMENT: "appointment_on",
    VisaStep.DECISION: "decided_on",
}
DOCUMENT_EXTENSIONS = ("pdf", "jpg", "jpeg", "png")
# The first bytes of each accepted kind of file: the extension alone can lie.
DOCUMENT_SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
DOCUMENT_MAX_BYTES = 5 * 1024 * 1024


class VisaRule(TimeStampedModel):
    """What a national of one country needs to enter another: how long before, which steps when,
    and in which language the consulate reads an invitation letter."""

    nationality = CountryField(_("nationality"))
    destination = CountryField(_("destination"))
    visa_required = models.BooleanField(_("visa required"), default=True)
    lead_days = models.PositiveSmallIntegerField(
        _("lead time (days)"),
        default=90,
        help_text=_("Start the case at least this many days before arrival."),
    )
    invitation_days = models.PositiveSmallIntegerField(_("invitation letter sent (days before)"), default=75)
    documents_days = models.PositiveSmallIntegerField(_("documents complete (days before)"), default=60)
    appointment_days = models.PositiveSmallIntegerField(_("consulate appointment (days before)"), default=45)
    decision_days = models.PositiveSmallIntegerField(_("decision expected (days before)"), default=14)
    consulate_language = models.CharField(
        _("consulate's language"), max_length=2, choices=LetterLanguage.choices, default=LetterLanguage.FR
    )
    notes = models.TextField(_("notes"), blank=True, help_text=_("Where to apply, fees, pitfalls."))

    class Meta:
        verbose_name = _("visa rule")
        verbose_name_plural = _("visa rules")
        ordering = ["destination", "nationality"]
        constraints = [
            models.UniqueConstraint(
                fields=["nationality", "destination"],
                name="visa_rule_once_per_pair",
                violation_error_message=_("There is already a rule for this nationality and destination."),
            ),
            models.CheckConstraint(
                condition=models.Q(lead_days__gte=models.F("invitation_days"))
                & models.Q(invitation_days__gte=models.F("documents_days"))
                & models.Q(documents_days__gte=models.F("appointment_days"))
                & models.Q(appointment_days__gte=models.F("decision_days")),
                name="visa_rule_steps_in_order",
                violation_error_message=_(
                    "Steps come in order: lead time ≥ invitation ≥ documents ≥ appointment ≥ decision."
                ),
            ),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.nationality.name} → {self.destination.name}"

    def get_absolute_url(self) -> str:
        return reverse("orga:visa-rule-update", kwargs={"pk": self.pk})


@dataclass(frozen=True)
class StepDue:
    """One step of a case: when it is due, when it was done, and whether it is late on a day."""

    step: str
    label: str
    due_on: datetime.date
    done_on: datetime.date | None

    def late_on(self, today: datetime.date) -> bool:
        return self.done_on is None and self.due_on < today


class VisaCase(TimeStampedModel):
    """Someone's visa for one session: its steps, due some days before the arrival as the rule says,
    and the consulate's decision."""

    # Kept out of the audit log (which records that they changed, not their values) and exports.
    SENSITIVE_FIELDS = ("passport_number",)

    participation = models.OneToOneField(
        "activities.Participation",
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="visa_case",
    )
    rule = models.ForeignKey(VisaRule, verbose_name=_("rule"), on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(
        _("status"), max_length=12, choices=VisaStatus.choices, default=VisaStatus.TO_START
    )
    outcome = models.CharField(_("outcome"), max_length=8, choices=VisaOutcome.choices, blank=True)
    invitation_sent_on = models.DateField(_("invitation letter sent"), null=True, blank=True)
    documents_complete_on = models.DateField(_("documents complete"), null=True, blank=True)
    appointment_on = models.DateField(_("consulate appointment"), null=True, blank=True)
    decided_on = models.DateField(_("decision"), null=True, blank=True)
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    passport_expires_on = models.DateField(_("passport expires"), null=True, blank=True)
    consulate = models.CharField(_("consulate"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("visa case")
        verbose_name_plural = _("visa cases")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(status=VisaStatus.DECIDED)
                    & ~models.Q(outcome="")
                    & models.Q(decided_on__isnull=False)
                )
                | (~models.Q(status=VisaStatus.DECIDED) & models.Q(outcome="")),
                name="visa_case_outcome_when_decided",
                violation_error_message=_(
                    "A decided case has an outcome and a date; an open one has neither."
                ),
            )
        ]
        rules_permissions = STAFF_OR_OWN

    def __str__(self) -> str:
        return _("Visa of %(person)s for %(session)s") % {
            "person": self.participation.person,
            "session": self.participation.session,
        }

    def get_absolute_url(self) -> str:
        return reverse("orga:visa-case-detail", kwargs={"pk": self.pk})

    @property
    def arrival_date(self) -> datetime.date:
        participation = self.participation
        return participation.arrives_on or participation.session.start_date

    @property
    def is_open(self) -> bool:
        return self.status != VisaStatus.DECIDED

    @property
    def is_granted(self) -> bool:
        return self.outcome == VisaOutcome.GRANTED

    def steps(self) -> list[StepDue]:
        """Each step with its due date, counted back from the arrival date."""
        arrival = self.arrival_date
        return [
            StepDue(
                step=step,
                label=step.label,
                due_on=arrival - datetime.timedelta(days=getattr(self.rule, field)),
                done_on=getattr(self, DONE_FIELDS[step]),
            )
            for step, field in STEP_FIELDS.items()
        ]

    def next_step(self) -> StepDue | None:
        return next((step for step in self.steps() if step.done_on is None), None)

    def start_by(self) -> datetime.date:
        """The last day the case can start and still fit the rule's lead time."""
        return self.arrival_date - datetime.timedelta(days=self.rule.lead_days)


def validate_document(upload) -> None:
    """A visa document is a PDF, JPEG or PNG (by its content, not only its name) of 5 MB at most."""
    if upload.size > DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(DOCUMENT_MAX_BYTES)},
            code="too_large",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8)
    upload.seek(position)
    if not head.startswith(DOCUMENT_SIGNATURES):
        raise ValidationError(_("This file is not a PDF, JPEG or PNG."), code="bad_type")


def document_path(instance: "VisaDocument", filename: str) -> str:
    extension = os.path.splitext(filename)[1].lower()
    return f"visas/{instance.case_id}/{instance.kind}-{datetime.date.today():%Y%m%d}{extension}"


class VisaDocument(TimeStampedModel):
    case = models.ForeignKey(
        VisaCase, verbose_name=_("visa case"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=DocumentKind.choices)
    file = models.FileField(
        _("file"),
        upload_to=document_path,
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS), validate_document],
        help_text=_("PDF, JPEG or PNG, 5 MB at most."),
    )
    language = models.CharField(_("language"), max_length=2, choices=LetterLanguage.choices, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("visa document")
        verbose_name_plural = _("visa documents")
        ordering = ["case", "-created_at", "-pk"]
        rules_permissions = STAFF_OR_OWN

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {os.path.basename(self.file.name)}"

    def get_absolute_url(self) -> str:
        return reverse("orga:visa-document", kwargs={"pk": self.pk})


class LetterTemplate(TimeStampedModel):
    """A hub's invitation letter in one language: letterhead, signatory and the text, with
    placeholders ($name, $passport, $session, $arrival …)."""

    hub = models.ForeignKey(
        "network.Hub", verbose_name=_("hub"), on_delete=models.CASCADE, related_name="letter_templates"
    )
    language = models.CharField(_("language"), max_length=2, choices=LetterLanguage.choices)
    letterhead = models.TextField(
        _("letterhead"), help_text=_("The inviting organisation's name and address, one line each.")
    )
    place = models.CharField(_("place of signature"), max_length=100)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Paragraphs separated by an empty line. Placeholders: $name, $passport, $nationality, "
            "$session, $city, $country, $arrival, $departure, $role."
        ),
    )
    signatory = models.CharField(_("signatory"), max_length=150)
    signatory_title = models.CharField(_("signatory's title"), max_length=150)

    class Meta:
        verbose_name = _("invitation letter template")
        verbose_name_plural = _("invitation letter templates")
        ordering = ["hub__slug", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "language"],
                name="letter_template_once_per_language",
                violation_error_message=_("This hub already has a letter in this language."),
            )
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.hub} · {self.get_language_display()}"

    def get_absolute_url(self) -> str:
        return reverse("orga:letter-template-update", kwargs={"pk": self.pk})
