"""Form bases shared by every app's forms."""

from django import forms
from django.db import models
from i18nfield.forms import I18nModelForm

from tissage.core.languages import LANGUAGE_CHOICES


def https_by_default(model_field, **kwargs):
    """Form fields as the model says, but a web address typed without a scheme gets ``https://``."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


class DateInput(forms.DateInput):
    """The browser's date picker; the value is sent as YYYY-MM-DD whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TranslatedModelForm(I18nModelForm):
    """A model form whose translated fields show one input per interface language."""

    class Meta:
        formfield_callback = https_by_default


class SpokenLanguagesField(forms.TypedMultipleChoiceField):
    """A list of spoken-language codes, stored in a JSON list field, chosen with checkboxes."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", LANGUAGE_CHOICES)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
