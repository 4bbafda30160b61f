from django.db import models
from django.utils.translation import pgettext_lazy


class MessageStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("message status", "queued")
    SENDING = "sending", pgettext_lazy("message status", "sending")
    SENT = "sent", pgettext_lazy("message status", "sent")
    FAILED = "failed", pgettext_lazy("message status", "failed")
