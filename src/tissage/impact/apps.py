from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "tissage.impact"
    verbose_name = _("Network and impact")

    def ready(self):
        # Keeps the tie ledger up to date as activities and participations change, and registers
        # the app's exporters (GEXF, the report spreadsheet) and its sections of a person's copy of
        # their data, the way a plugin would.
        from . import receivers  # noqa: F401
        from .interfaces import data_export, exporters  # noqa: F401
