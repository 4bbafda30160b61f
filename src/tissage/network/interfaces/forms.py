from django import forms

from tissage.core.interfaces.forms import SpokenLanguagesField, TranslatedModelForm

from ..models import Hub


class HubForm(TranslatedModelForm):
    languages = SpokenLanguagesField()

    class Meta:
        model = Hub
        fields = [
            "name",
            "slug",
            "country",
            "timezone",
            "languages",
            "currency",
            "season",
            "is_home",
            "description",
        ]
        widgets = {"currency": forms.TextInput(attrs={"size": 3, "autocapitalize": "characters"})}
