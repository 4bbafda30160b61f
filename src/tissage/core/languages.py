"""The spoken languages people and activities can have (ISO 639 codes).

Distinct from the interface languages (``settings.LANGUAGES``): a Nenets singer or a Lingala
guitarist is described by languages the interface itself is not translated into.
"""

from django.utils.translation import gettext_lazy as _

SPOKEN_LANGUAGES = {
    "fr": _("French"),
    "en": _("English"),
    "ru": _("Russian"),
    "ar": _("Arabic"),
    "ln": _("Lingala"),
    "kg": _("Kikongo"),
    "sw": _("Swahili"),
    "lu": _("Tshiluba"),
    "yrk": _("Nenets"),
    "kv": _("Komi"),
    "de": _("German"),
    "es": _("Spanish"),
    "it": _("Italian"),
    "pt": _("Portuguese"),
    "oc": _("Occitan"),
    "uk": _("Ukrainian"),
    "fi": _("Finnish"),
    "no": _("Norwegian"),
    "tr": _("Turkish"),
    "hy": _("Armenian"),
    "he": _("Hebrew"),
    "wo": _("Wolof"),
}
LANGUAGE_CHOICES = sorted(SPOKEN_LANGUAGES.items(), key=lambda item: item[0])


def language_name(code: str) -> str:
    return str(SPOKEN_LANGUAGES.get(code, code))
