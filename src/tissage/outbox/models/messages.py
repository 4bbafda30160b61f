from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import MessageStatus


class MessageQuerySet(models.QuerySet):
    def about(self, obj: models.Model) -> "MessageQuerySet":
        """The messages sent about ``obj`` (an application, a participation …)."""
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        return self.filter(content_type=content_type, object_id=str(obj.pk))


class Message(TimeStampedModel):
    """One email, rendered once in its recipient's language and kept as sent, with its delivery status.

    It names the object it is about (an application, a participation …) by content type and primary
    key, like the audit log, so that the record outlives the object.
    """

    recipient_email = models.EmailField(_("to"))
    recipient_name = models.CharField(_("recipient"), max_length=200, blank=True)
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    template_key = models.CharField(_("template"), max_length=80)
    context = models.JSONField(_("context"), default=dict, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["content_type", "object_id"]),
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipient_email}"

    def get_absolute_url(self) -> str:
        return reverse("orga:message-detail", kwargs={"pk": self.pk})

    @property
    def recipient(self) -> str:
        return (
            f"{self.recipient_name} <{self.recipient_email}>" if self.recipient_name else self.recipient_email
        )
