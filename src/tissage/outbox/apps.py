from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "tissage.outbox"
    verbose_name = _("Outbox")

    def ready(self):
        # Adds the messages to the copy of a person's data, the way a plugin would.
        from .interfaces import data_export  # noqa: F401
