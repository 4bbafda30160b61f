from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "tissage.schedule"
    verbose_name = _("Festival timetable")

    def ready(self):
        # Registers the timetable's exporters (iCal, Frab XML, schedule JSON …), the way a plugin would.
        from .interfaces import exporters  # noqa: F401
