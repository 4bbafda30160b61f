from django.db import models
from django.utils.translation import gettext_lazy as _
from rules.contrib.models import RulesModelBase, RulesModelMixin


class TimeStampedModel(RulesModelMixin, models.Model, metaclass=RulesModelBase):
    """Base of every domain model: creation and update times, and rules permissions on Meta."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
