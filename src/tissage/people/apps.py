from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "tissage.people"
    verbose_name = _("People")

    def ready(self):
        # Registers the app's exporters, the way a plugin would.
        from .interfaces import exporters  # noqa: F401
