from django.db import models
from django.utils.translation import gettext_lazy as _


class Season(models.TextChoices):
    SPRING = "spring", _("spring")
    SUMMER = "summer", _("summer")
    AUTUMN = "autumn", _("autumn")
    WINTER = "winter", _("winter")


# The month a season's session starts in by default, for proposing a programme's sessions.
SEASON_START_MONTH = {Season.SPRING: 4, Season.SUMMER: 7, Season.AUTUMN: 10, Season.WINTER: 11}


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    ACTIVE = "active", _("active")
    COMPLETED = "completed", _("completed")
    CANCELLED = "cancelled", _("cancelled")


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PLANNED = "planned", _("planned")
    CONFIRMED = "confirmed", _("confirmed")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


class RoomKind(models.TextChoices):
    STAGE = "stage", _("stage")
    STUDIO = "studio", _("recording studio")
    REHEARSAL = "rehearsal", _("rehearsal room")
    CLASSROOM = "classroom", _("classroom")
    OFFICE = "office", _("office")
    OUTDOOR = "outdoor", _("outdoor space")
    OTHER = "other", _("other")
