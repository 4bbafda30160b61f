from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Season(models.TextChoices):
    SPRING = "spring", _("spring")
    SUMMER = "summer", _("summer")
    AUTUMN = "autumn", _("autumn")
    WINTER = "winter", _("winter")


# The month a season's session starts in by default, for proposing a programme's sessions.
SEASON_START_MONTH = {Season.SPRING: 4, Season.SUMMER: 7, Season.AUTUMN: 10, Season.WINTER: 11}


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("programme status", "draft")
    ACTIVE = "active", pgettext_lazy("programme status", "active")
    COMPLETED = "completed", pgettext_lazy("programme status", "completed")
    CANCELLED = "cancelled", pgettext_lazy("programme status", "cancelled")


class SessionStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("session status", "draft")
    PLANNED = "planned", pgettext_lazy("session status", "planned")
    CONFIRMED = "confirmed", pgettext_lazy("session status", "confirmed")
    DONE = "done", pgettext_lazy("session status", "done")
    CANCELLED = "cancelled", pgettext_lazy("session status", "cancelled")


class RoomKind(models.TextChoices):
    STAGE = "stage", _("stage")
    STUDIO = "studio", _("recording studio")
    REHEARSAL = "rehearsal", _("rehearsal room")
    CLASSROOM = "classroom", _("classroom")
    OFFICE = "office", _("office")
    OUTDOOR = "outdoor", _("outdoor space")
    OTHER = "other", _("other")
