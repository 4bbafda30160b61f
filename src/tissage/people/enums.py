from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a person does in the network; it changes over the years (trainee → technician → entrepreneur)."""

    ARTIST = "artist", _("artist")
    TEACHING_ARTIST = "teaching_artist", _("teaching artist")
    TECHNICIAN = "technician", _("technician")
    ADMINISTRATOR = "administrator", _("administrator")
    TRAINEE = "trainee", _("trainee")
    INTERPRETER = "interpreter", _("interpreter")
    COORDINATOR = "coordinator", _("coordinator")
    ENTREPRENEUR = "entrepreneur", _("entrepreneur")


class LanguageLevel(models.TextChoices):
    NATIVE = "native", _("native")
    FLUENT = "fluent", _("fluent")
    WORKING = "working", _("working")
    BASIC = "basic", _("basic")


# Levels at which someone can work in a language without an interpreter.
USABLE_LEVELS = frozenset({LanguageLevel.NATIVE, LanguageLevel.FLUENT, LanguageLevel.WORKING})


class SkillCategory(models.TextChoices):
    INSTRUMENT = "instrument", _("instrument")
    VOICE = "voice", _("voice")
    SOUND = "sound", _("sound")
    LIGHT = "light", _("light")
    STAGE = "stage", _("stage")
    ADMINISTRATION = "administration", _("administration")
    PRODUCTION = "production", _("production")
    OTHER = "other", _("other")


class OrganisationKind(models.TextChoices):
    PUBLIC_BODY = "public_body", _("public body")
    EMBASSY = "embassy", _("embassy or cultural institute")
    FOUNDATION = "foundation", _("foundation")
    EU_PROGRAMME = "eu_programme", _("international programme")
    ASSOCIATION = "association", _("association")
    COMPANY = "company", _("company")
    VENUE_OPERATOR = "venue_operator", _("venue operator")
    MEDIA = "media", _("media")
    OTHER = "other", _("other")


class ConsentKind(models.TextChoices):
    """What a person may agree to; each answer is kept, the latest one counts."""

    DATA = "data", _("processing of my personal data for the network's work")
    PHOTOS = "photos", _("photos and recordings of me in the network's publications")
    NEWS = "news", _("news of the network by email")


class ConsentSource(models.TextChoices):
    PORTAL = "portal", _("participant portal")
    APPLICATION = "application", _("application to a call")
    STAFF = "staff", _("recorded by staff")
