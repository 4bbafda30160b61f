from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "tissage.planning"
    verbose_name = _("Crossed-workshop planning")

    def ready(self):
        # Marks the plans a withdrawal concerns as needing repair, and registers the app's
        # exporters (the groups of a plan as a spreadsheet and a printable sheet), the way a plugin would.
        from . import receivers  # noqa: F401
        from .interfaces import exporters  # noqa: F401
