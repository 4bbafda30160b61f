from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LogisticsConfig(AppConfig):
    name = "tissage.logistics"
    verbose_name = _("Logistics")

    def ready(self):
        # Registers the app's exporters and its part of an erasure, the way a plugin would.
        from .interfaces import exporters, privacy  # noqa: F401
