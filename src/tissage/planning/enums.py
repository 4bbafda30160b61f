"""The planner's vocabulary: what a plan covers, where it stands, who takes part."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PlanScope(models.TextChoices):
    SESSION = "session", _("one session")
    PROGRAMME = "programme", _("the programme's remaining sessions")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("plan status", "draft")
    PUBLISHED = "published", pgettext_lazy("plan status", "published")
    SUPERSEDED = "superseded", pgettext_lazy("plan status", "superseded")


class Taker(models.TextChoices):
    """Who the planner places in groups (interpreters present always form the interpreters' pool)."""

    COHORT = "cohort", _("the programme's cohort (unless they declined)")
    CONFIRMED = "confirmed", _("confirmed participants")
    INVITED = "invited", _("invited participants who have not answered yet")
    TRAINEES = "trainees", _("trainees")
    COORDINATORS = "coordinators", _("coordinators")


DEFAULT_TAKERS = (Taker.COHORT, Taker.CONFIRMED, Taker.TRAINEES)

# Group sizes the planner proposes when nobody has chosen yet.
DEFAULT_MIN_SIZE = 5
DEFAULT_MAX_SIZE = 7
# Seconds the engine may search, by default and at most (a run is a background job).
DEFAULT_SECONDS = 20
MAX_SECONDS = 300
