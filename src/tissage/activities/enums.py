from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ActivityKind(models.TextChoices):
    CROSSED_WORKSHOP = "crossed_workshop", _("crossed workshop")
    RESIDENCY = "residency", _("residency")
    TRAINING = "training", _("training course")
    CONCERT = "concert", _("concert")
    REHEARSAL = "rehearsal", _("rehearsal")
    MEETING = "meeting", _("professional meeting")


class ActivityMode(models.TextChoices):
    OPEN = "open", _("open to trainees")
    PRODUCTION = "production", _("art production")


class MemberRole(models.TextChoices):
    LEADER = "leader", _("leader")
    MEMBER = "member", _("member")
    TECHNICIAN = "technician", _("technician")
    INTERPRETER = "interpreter", _("interpreter")


class ParticipationStatus(models.TextChoices):
    INVITED = "invited", pgettext_lazy("participation status", "invited")
    CONFIRMED = "confirmed", pgettext_lazy("participation status", "confirmed")
    DECLINED = "declined", pgettext_lazy("participation status", "declined")
    ATTENDED = "attended", pgettext_lazy("participation status", "attended")
    CANCELLED = "cancelled", pgettext_lazy("participation status", "cancelled")


# Statuses of people who are, or were, actually there.
PRESENT_STATUSES = frozenset({ParticipationStatus.CONFIRMED, ParticipationStatus.ATTENDED})
