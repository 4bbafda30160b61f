from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "tissage.calls"
    verbose_name = _("Calls")

    def ready(self):
        # Registers the app's exporters and its part of a person's data copy, the way a plugin would.
        from .interfaces import data_export, exporters  # noqa: F401
