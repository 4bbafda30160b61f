from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "tissage.activities"
    verbose_name = _("Activities")

    def ready(self):
        # Registers the app's exporters, the way a plugin would.
        from .interfaces import exporters  # noqa: F401
