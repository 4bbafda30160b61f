"""Forms of people, their languages and roles, organisations and the skill vocabulary.

They validate input only: saving goes through the domain functions of ``people.domain``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tissage.core.interfaces.forms import DateInput, TranslatedModelForm
from tissage.core.languages import language_name

from ..domain.persons import person_check_unique
from ..enums import SkillCategory
from ..models import Organisation, Person, PersonLanguage, PersonRole, Skill


class GroupedCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes in one labelled group (fieldset and legend) per choice group."""

    template_name = "orga/includes/people_grouped_checkboxes.html"


def skill_choices(*, key: str = "pk") -> list[tuple[str, list[tuple[int | str, str]]]]:
    """Skills grouped by category (in the order of the categories), by name inside a category;
    each choice's value is the skill's ``key`` field."""
    skills = sorted(Skill.objects.all(), key=lambda skill: str(skill.name).casefold())
    groups = [
        (label, [(getattr(skill, key), str(skill.name)) for skill in skills if skill.category == value])
        for value, label in SkillCategory.choices
    ]
    return [(capfirst(label), options) for label, options in groups if options]


class PersonForm(TranslatedModelForm):
    class Meta(TranslatedModelForm.Meta):
        model = Person
        fields = [
            "given_name",
            "family_name",
            "native_name",
            "email",
            "phone",
            "home_hub",
            "city",
            "country",
            "nationality",
            "skills",
            "bio",
            "website",
            "is_public",
            "external_id",
            "notes",
        ]
        widgets = {
            "skills": GroupedCheckboxSelectMultiple,
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].choices = skill_choices()

    def clean(self):
        cleaned_data = super().clean()
        try:
            person_check_unique(data=cleaned_data, person=self.instance)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned_data


class PersonLanguageForm(forms.Form):
    """One spoken language and its level; a row left empty is ignored."""

    language = PersonLanguage._meta.get_field("language").formfield(required=False)
    level = PersonLanguage._meta.get_field("level").formfield(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("language") and not cleaned_data.get("level"):
            self.add_error("level", _("Give the level in this language."))
        if cleaned_data.get("level") and not cleaned_data.get("language"):
            self.add_error("language", _("Choose the language of this level."))
        return cleaned_data


class BasePersonLanguageFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove")

    def clean(self):
        super().clean()
        seen = set()
        for code, _level in self.languages():
            if code in seen:
                raise ValidationError(
                    _("%(language)s is given twice: keep one row per language.")
                    % {"language": language_name(code)}
                )
            seen.add(code)

    def languages(self) -> list[tuple[str, str]]:
        """``(language, level)`` of the rows kept, in their order."""
        return [
            (form.cleaned_data["language"], form.cleaned_data["level"])
            for form in self.forms
            if form.cleaned_data.get("language")
            and form.cleaned_data.get("level")
            and not self._should_delete_form(form)
        ]


PersonLanguageFormSet = forms.formset_factory(
    PersonLanguageForm, formset=BasePersonLanguageFormSet, extra=3, can_delete=True, can_delete_extra=False
)


def person_language_formset(*, person: Person | None, data=None) -> BasePersonLanguageFormSet:
    """The language rows of ``person`` (none for a new person) and three empty rows to add more."""
    initial = (
        []
        if person is None
        else [{"language": pl.language, "level": pl.level} for pl in person.languages.all()]
    )
    return PersonLanguageFormSet(data=data, initial=initial, prefix="languages")


class PersonRoleForm(forms.ModelForm):
    class Meta:
        model = PersonRole
        fields = ["role", "since", "until", "note"]
        widgets = {"since": DateInput, "until": DateInput}


class PersonRoleEndForm(forms.ModelForm):
    """The last day of a role still held; today unless said otherwise."""

    class Meta:
        model = PersonRole
        fields = ["until"]
        widgets = {"until": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["until"].required = True
        if not self.initial.get("until"):
            self.initial["until"] = timezone.localdate()


class OrganisationForm(TranslatedModelForm):
    class Meta(TranslatedModelForm.Meta):
        model = Organisation
        fields = ["name", "kind", "hub", "country", "city", "website", "email", "description"]


class SkillForm(TranslatedModelForm):
    class Meta(TranslatedModelForm.Meta):
        model = Skill
        fields = ["name", "category", "slug"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Leave empty to make one from the name.")
