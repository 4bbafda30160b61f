"""Forms of the impact pages: the scope of the figures (also read by the exports), declared
collaborations, enterprises, and the funder report's options."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tissage.core.interfaces.forms import DateInput, https_by_default
from tissage.network.models import Hub, Programme
from tissage.people.enums import Role
from tissage.people.models import Organisation, Person

from ..domain.analytics import Scope
from ..enums import ReportVariant
from ..models import Collaboration, Enterprise

YEAR = {"min_value": 1950, "max_value": 2100}


class ScopeForm(forms.Form):
    """What the figures are about: a programme (or a funder's programmes), a hub, a role, years.

    Read from the address (``?programme=…&since=2002``) by the overview, the lists behind the
    figures, the graph, the reports and the exports alike."""

    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.all(), to_field_name="slug", required=False
    )
    funder = forms.ModelChoiceField(
        label=_("Funder"),
        queryset=Organisation.objects.filter(funded_programmes__isnull=False).distinct(),
        to_field_name="slug",
        required=False,
        help_text=_("The programmes this organisation funds."),
    )
    hub = forms.ModelChoiceField(
        label=_("Held at hub"), queryset=Hub.objects.all(), to_field_name="slug", required=False
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", "---------"), *Role.choices], required=False)
    since = forms.IntegerField(label=_("From year"), required=False, **YEAR)
    until = forms.IntegerField(label=_("To year"), required=False, **YEAR)

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The last year cannot come before the first."))
        return cleaned

    def scope(self) -> Scope:
        """The scope chosen (call after ``is_valid()``); a funder's programmes, or the one chosen."""
        data = self.cleaned_data
        chosen = Programme.objects.none()
        if data.get("programme"):
            chosen = Programme.objects.filter(pk=data["programme"].pk)
        elif data.get("funder"):
            chosen = data["funder"].funded_programmes.all()
        programmes = dict(chosen.order_by("pk").values_list("pk", "start_year"))
        return Scope(
            programmes=tuple(programmes),
            hub=data["hub"].pk if data.get("hub") else None,
            role=data.get("role") or "",
            # A programme's figures start with the programme.
            first_year=data.get("since") or min(programmes.values(), default=None),
            last_year=data.get("until"),
        )

    def query(self) -> str:
        """The chosen filters as a query string, to carry to the lists behind the figures."""
        return "&".join(
            f"{name}={value}" for name, value in self.data.items() if name in self.fields and value
        )


def scope_from(params) -> tuple[ScopeForm, Scope]:
    """The scope form bound to ``params``; refuses bad values with a ``ValidationError``."""
    form = ScopeForm({name: value for name, value in params.items() if name in ScopeForm.base_fields})
    if not form.is_valid():
        raise ValidationError(form.errors)
    return form, form.scope()


class PeopleField(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Person.objects.order_by("family_name", "given_name", "pk"),
            widget=forms.SelectMultiple(attrs={"size": 10}),
            **kwargs,
        )

    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.slug})"


class CollaborationForm(forms.ModelForm):
    people = PeopleField(
        label=_("People"), help_text=_("At least two. Hold Ctrl (or ⌘) to choose several people.")
    )

    class Meta:
        model = Collaboration
        fields = ["kind", "title", "date", "people", "description", "evidence_url", "evidence_file"]
        widgets = {"date": DateInput, "description": forms.Textarea(attrs={"rows": 4})}
        formfield_callback = https_by_default


class EnterpriseForm(forms.ModelForm):
    founders = PeopleField(label=_("Founders"), help_text=_("Hold Ctrl (or ⌘) to choose several people."))

    class Meta:
        model = Enterprise
        fields = [
            "name",
            "kind",
            "founders",
            "hub",
            "city",
            "country",
            "founded_on",
            "status",
            "closed_on",
            "activity",
            "employees",
            "website",
        ]
        widgets = {
            "founded_on": DateInput,
            "closed_on": DateInput,
            "activity": forms.Textarea(attrs={"rows": 4}),
        }
        formfield_callback = https_by_default


class ReportForm(ScopeForm):
    """A funder report: its scope, its language, and whether it names people."""

    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=settings.LANGUAGES,
        required=False,
        help_text=_("The page's own language when none is chosen."),
    )
    variant = forms.ChoiceField(label=_("Content"), choices=ReportVariant.choices, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = translation.get_language()

    def clean(self):
        cleaned = super().clean()
        cleaned["language"] = cleaned.get("language") or translation.get_language()
        cleaned["variant"] = cleaned.get("variant") or ReportVariant.FULL
        return cleaned
