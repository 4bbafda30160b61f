from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import CollaborationKind

# Evidence files: documents and pictures people keep (a poster, a contract, a record sleeve).
EVIDENCE_EXTENSIONS = ("pdf", "jpg", "jpeg", "png", "webp")
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024


def validate_evidence_size(file) -> None:
    if file.size > EVIDENCE_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(size)s.") % {"size": filesizeformat(EVIDENCE_MAX_BYTES)},
            code="file_too_large",
        )


class Collaboration(TimeStampedModel):
    """Something people did together outside the programme — a tour, a record, a company, an
    invitation to another festival — with the evidence that it happened."""

    kind = models.CharField(_("kind"), max_length=16, choices=CollaborationKind.choices)
    title = models.CharField(_("title"), max_length=200, help_text=_("e.g. “Tour of the Nenets villages”."))
    date = models.DateField(_("date"), help_text=_("When it happened, or began."))
    people = models.ManyToManyField("people.Person", verbose_name=_("people"), related_name="collaborations")
    description = models.TextField(_("description"), blank=True)
    evidence_url = models.URLField(_("evidence (link)"), blank=True)
    evidence_file = models.FileField(
        _("evidence (file)"),
        upload_to="impact/evidence/%Y/",
        blank=True,
        validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS), validate_evidence_size],
        help_text=_("PDF or picture (JPEG, PNG, WebP), at most 10 MB."),
    )

    class Meta:
        verbose_name = _("declared collaboration")
        verbose_name_plural = _("declared collaborations")
        ordering = ["-date", "pk"]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("orga:collaboration-detail", kwargs={"pk": self.pk})
