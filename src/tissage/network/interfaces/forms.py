import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Value
from django.db.models.functions import Concat
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tissage.core.interfaces.forms import DateInput, SpokenLanguagesField, TranslatedModelForm
from tissage.people.models import Person

from ..models import CohortMember, Edition, Festival, Hub, Programme, Room, Session, Venue

SLUG_IN_PARENTHESES = re.compile(r"\(([-\w]+)\)\s*$")
OPTIONAL_SLUG_HELP = _("Left empty, it is made from the name.")


class PersonSearchInput(forms.TextInput):
    """A text box that suggests people as one types, from an HTML ``<datalist>``: no JavaScript needed,
    and a long list of people stays usable."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id') or name}_suggestions"
        attrs["list"] = list_id
        options = format_html_join(
            "",
            '<option value="{}">{}</option>',
            ((label, choice.instance.home_hub or "") for choice, label in self.choices),
        )
        return format_html(
            '{}<datalist id="{}">{}</datalist>',
            super().render(name, value, attrs, renderer),
            list_id,
            options,
        )


class PersonField(forms.ModelChoiceField):
    """Chooses a person by typing: "Full Name (short-name)" as suggested, a short name, or a full name
    that only one person has."""

    widget = PersonSearchInput
    default_error_messages = {
        "invalid_choice": _("Nobody matches: type a few letters of the name and choose a suggestion."),
        "ambiguous": _("Several people have this name: choose one of the suggestions."),
    }

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("empty_label", None)
        kwargs.setdefault("label", capfirst(Person._meta.verbose_name))
        kwargs.setdefault("help_text", _("Type a few letters of the name, then choose from the suggestions."))
        if queryset is None:
            queryset = Person.objects.select_related("home_hub")
        super().__init__(queryset, **kwargs)

    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.slug})"

    def prepare_value(self, value):
        if isinstance(value, int):
            value = self.queryset.filter(pk=value).first()
        if isinstance(value, Person):
            return self.label_from_instance(value)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        match = SLUG_IN_PARENTHESES.search(text)
        person = self.queryset.filter(slug=match.group(1) if match else text).first()
        if person is not None:
            return person
        named = list(
            self.queryset.annotate(full=Concat("given_name", Value(" "), "family_name")).filter(
                full__iexact=text
            )[:2]
        )
        if len(named) == 1:
            return named[0]
        code = "ambiguous" if named else "invalid_choice"
        raise ValidationError(self.error_messages[code], code=code)


class HubForm(TranslatedModelForm):
    languages = SpokenLanguagesField()

    class Meta(TranslatedModelForm.Meta):
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


class VenueForm(TranslatedModelForm):
    class Meta(TranslatedModelForm.Meta):
        model = Venue
        fields = ["hub", "name", "slug", "address", "owner", "website", "description"]
        help_texts = {"slug": OPTIONAL_SLUG_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = ["name", "kind", "capacity", "equipment"]
        widgets = {"equipment": forms.Textarea(attrs={"rows": 3})}


class FestivalForm(TranslatedModelForm):
    class Meta(TranslatedModelForm.Meta):
        model = Festival
        fields = ["name", "slug", "hub", "season", "founded_year", "tagline", "website", "description"]


class EditionForm(TranslatedModelForm):
    """An edition; its venues are those of its festival's hub, when the festival is known."""

    class Meta(TranslatedModelForm.Meta):
        model = Edition
        fields = ["festival", "number", "slug", "title", "start_date", "end_date", "venues", "description"]
        widgets = {
            "start_date": DateInput,
            "end_date": DateInput,
            "venues": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "number": _("Left empty, the festival's next number."),
            "slug": _("Used in the public address. Left empty, the year."),
        }

    def __init__(self, *args, hub: Hub | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["festival"].queryset = Festival.objects.select_related("hub")
        self.fields["number"].required = False
        self.fields["slug"].required = False
        venues = self.fields["venues"]
        if hub is not None:
            venues.queryset = Venue.objects.filter(hub=hub)
        else:
            venues.queryset = Venue.objects.select_related("hub")
            venues.label_from_instance = lambda venue: f"{venue} ({venue.hub})"


class ProgrammeForm(TranslatedModelForm):
    class Meta(TranslatedModelForm.Meta):
        model = Programme
        fields = [
            "name",
            "slug",
            "home_hub",
            "partner_hubs",
            "start_year",
            "years",
            "sessions_per_year",
            "status",
            "funders",
            "description",
        ]
        widgets = {"partner_hubs": forms.CheckboxSelectMultiple, "funders": forms.CheckboxSelectMultiple}
        help_texts = {"slug": OPTIONAL_SLUG_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False


class ProgrammeCreateForm(ProgrammeForm):
    propose_sessions = forms.BooleanField(
        label=_("Propose sessions"),
        required=False,
        initial=True,
        help_text=_(
            "Create the sessions of the programme's rhythm as drafts (a stay abroad and one at home each "
            "year, in each hub's festival season); you can then change them."
        ),
    )

    class Meta(ProgrammeForm.Meta):
        fields = [
            *ProgrammeForm.Meta.fields[:7],
            "propose_sessions",
            *ProgrammeForm.Meta.fields[7:],
        ]


class SessionForm(TranslatedModelForm):
    class Meta(TranslatedModelForm.Meta):
        model = Session
        fields = [
            "programme",
            "number",
            "hub",
            "edition",
            "title",
            "start_date",
            "end_date",
            "status",
            "description",
        ]
        widgets = {"start_date": DateInput, "end_date": DateInput}
        help_texts = {
            "number": _("Left empty, the programme's next number."),
            "edition": _("The edition of the hub's festival this stay is part of, if any."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False
        self.fields["edition"].queryset = Edition.objects.select_related("festival")


class CohortMemberForm(forms.ModelForm):
    person = PersonField()

    class Meta:
        model = CohortMember
        fields = ["person", "role", "joined_on", "left_on"]
        widgets = {"joined_on": DateInput, "left_on": DateInput}
