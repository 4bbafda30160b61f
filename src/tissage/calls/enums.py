from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tissage.people.enums import Role


class CallKind(models.TextChoices):
    TRAINEES = "trainees", _("trainees")
    ARTISTS = "artists", _("artists")
    TECHNICIANS = "technicians", _("technicians")


# The role an accepted applicant takes in the session (and in the cohort).
CALL_KIND_ROLES = {
    CallKind.TRAINEES: Role.TRAINEE,
    CallKind.ARTISTS: Role.ARTIST,
    CallKind.TECHNICIANS: Role.TECHNICIAN,
}


class QuestionKind(models.TextChoices):
    TEXT = "text", _("short text")
    LONG_TEXT = "long_text", _("long text")
    CHOICE = "choice", _("one choice")
    MULTIPLE_CHOICE = "multiple_choice", _("several choices")
    NUMBER = "number", _("number")
    DATE = "date", _("date")
    URL = "url", _("web address")
    FILE = "file", _("file")


CHOICE_KINDS = frozenset({QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE})


class ApplicationState(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("application state", "submitted")
    ACCEPTED = "accepted", pgettext_lazy("application state", "accepted")
    WAITING_LIST = "waiting_list", pgettext_lazy("application state", "waiting list")
    DECLINED = "declined", pgettext_lazy("application state", "declined")


class Outcome(models.TextChoices):
    """What a decision says; it becomes the application's state."""

    ACCEPTED = ApplicationState.ACCEPTED.value, _("accept")
    WAITING_LIST = ApplicationState.WAITING_LIST.value, _("put on the waiting list")
    DECLINED = ApplicationState.DECLINED.value, _("decline")


# The decisions that can follow an application's state: the waiting list can still go either way.
NEXT_OUTCOMES = {
    ApplicationState.SUBMITTED: (Outcome.ACCEPTED, Outcome.WAITING_LIST, Outcome.DECLINED),
    ApplicationState.WAITING_LIST: (Outcome.ACCEPTED, Outcome.DECLINED),
    ApplicationState.ACCEPTED: (),
    ApplicationState.DECLINED: (),
}
REVIEWABLE_STATES = frozenset({ApplicationState.SUBMITTED, ApplicationState.WAITING_LIST})


class CallPhase(models.TextChoices):
    """Where a call stands at a given moment (not stored: it follows from its dates)."""

    UPCOMING = "upcoming", _("not open yet")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
