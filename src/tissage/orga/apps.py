from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgaConfig(AppConfig):
    name = "tissage.orga"
    verbose_name = _("Staff interface")
