from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Direction(models.TextChoices):
    ARRIVAL = "arrival", _("arrival")
    RETURN = "return", _("return")
    INTERNAL = "internal", _("internal")


class TravelMode(models.TextChoices):
    PLANE = "plane", _("plane")
    TRAIN = "train", _("train")
    BUS = "bus", _("bus")
    CAR = "car", _("car")
    BOAT = "boat", _("boat")
    OTHER = "other", _("other")


class BookedBy(models.TextChoices):
    NETWORK = "network", _("the network office")
    HOST_HUB = "host_hub", _("the host hub")
    PARTICIPANT = "participant", _("the participant")
    PARTNER = "partner", _("a partner or funder")


class LegStatus(models.TextChoices):
    TO_BOOK = "to_book", pgettext_lazy("travel leg status", "to book")
    BOOKED = "booked", pgettext_lazy("travel leg status", "booked")
    CANCELLED = "cancelled", pgettext_lazy("travel leg status", "cancelled")


class VisaStatus(models.TextChoices):
    TO_START = "to_start", pgettext_lazy("visa status", "to start")
    DOCUMENTS = "documents", pgettext_lazy("visa status", "gathering documents")
    APPOINTMENT = "appointment", pgettext_lazy("visa status", "consulate appointment")
    DECIDED = "decided", pgettext_lazy("visa status", "decided")


class VisaOutcome(models.TextChoices):
    GRANTED = "granted", pgettext_lazy("visa outcome", "granted")
    REFUSED = "refused", pgettext_lazy("visa outcome", "refused")


class VisaStep(models.TextChoices):
    """The steps of a visa case, in order; each is due some days before the arrival."""

    INVITATION = "invitation", _("invitation letter sent")
    DOCUMENTS = "documents", _("documents complete")
    APPOINTMENT = "appointment", _("consulate appointment")
    DECISION = "decision", _("decision")


# The status a case reaches once a step is done (the decision has its own function).
STATUS_AFTER_STEP = {
    VisaStep.INVITATION: VisaStatus.DOCUMENTS,
    VisaStep.DOCUMENTS: VisaStatus.APPOINTMENT,
    VisaStep.APPOINTMENT: VisaStatus.APPOINTMENT,
}


class DocumentKind(models.TextChoices):
    PASSPORT = "passport", _("passport")
    PHOTO = "photo", _("photograph")
    INVITATION = "invitation", _("invitation letter")
    INSURANCE = "insurance", _("travel insurance")
    FORM = "form", _("application form")
    VISA = "visa", _("visa")
    OTHER = "other", _("other")


class LetterLanguage(models.TextChoices):
    """The languages an invitation letter can be written in (those of the interface)."""

    FR = "fr", _("French")
    EN = "en", _("English")
    RU = "ru", _("Russian")


class PlaceKind(models.TextChoices):
    HOTEL = "hotel", _("hotel")
    GUESTHOUSE = "guesthouse", _("guesthouse")
    RESIDENCE = "residence", _("artists' residence")
    HOST_FAMILY = "host_family", _("host family")
    OTHER = "other", _("other")


class FeeKind(models.TextChoices):
    ARTIST = "artist", _("artist's fee")
    TEACHING = "teaching", _("teaching fee")
    TECHNICAL = "technical", _("technician's fee")
    INTERPRETING = "interpreting", _("interpreting")
    OTHER = "other", _("other")


class FeeStatus(models.TextChoices):
    AGREED = "agreed", pgettext_lazy("fee status", "agreed")
    PAID = "paid", pgettext_lazy("fee status", "paid")


class BudgetCategory(models.TextChoices):
    TRAVEL = "travel", _("travel")
    VISAS = "visas", _("visas")
    ACCOMMODATION = "accommodation", _("accommodation")
    PER_DIEMS = "per_diems", _("per diems")
    FEES = "fees", _("fees")
    VENUES = "venues", _("venues and equipment")
    COMMUNICATION = "communication", _("communication")
    ADMINISTRATION = "administration", _("administration")
    OTHER = "other", _("other")
