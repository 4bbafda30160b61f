"""Translatable content fields: one value per interface language, stored as JSON text.

Built on django-i18nfield (as in pretalx), but stored with real characters rather than
``\\u`` escapes, so that a search for a Russian word finds Russian content.
"""

import json

from django.conf import settings
from i18nfield.fields import I18nCharField, I18nTextField
from i18nfield.strings import LazyI18nString

from .widgets import TranslatedTextarea, TranslatedTextInput


class _ReadableJsonMixin:
    def get_prep_value(self, value):
        if isinstance(value, LazyI18nString):
            value = value.data
        if isinstance(value, dict):
            languages = [code for code, _name in settings.LANGUAGES]
            return json.dumps(
                {lng: value[lng] for lng in languages if value.get(lng)}, sort_keys=True, ensure_ascii=False
            )
        return super().get_prep_value(value)


class TranslatedCharField(_ReadableJsonMixin, I18nCharField):
    widget = TranslatedTextInput


class TranslatedTextField(_ReadableJsonMixin, I18nTextField):
    widget = TranslatedTextarea
