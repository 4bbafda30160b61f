"""Form bases shared by every app's forms."""

from django import forms
from i18nfield.forms import I18nModelForm

from tissage.core.languages import LANGUAGE_CHOICES


class TranslatedModelForm(I18nModelForm):
    """A model form whose translated fields show one input per interface language."""


class SpokenLanguagesField(forms.TypedMultipleChoiceField):
    """A list of spoken-language codes, stored in a JSON list field, chosen with checkboxes."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", LANGUAGE_CHOICES)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
