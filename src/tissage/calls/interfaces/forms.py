"""Forms of calls: the staff's call, question and criterion forms, the public application form
(built from the call's questions), the review form (from its criteria) and the decision form.

They validate input; saving goes through the domain functions of ``calls.domain``, whose refusals
come back as errors on the same fields.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tissage.activities.interfaces.forms import LocalDateTimeField
from tissage.core.interfaces.forms import DateInput, TranslatedModelForm
from tissage.network.models import Hub, Session
from tissage.people.interfaces.forms import GroupedCheckboxSelectMultiple, skill_choices
from tissage.people.models import Skill

from ..domain.applications import MAX_LINKS, file_check, question_field_name
from ..domain.reviews import criterion_field_name
from ..enums import NEXT_OUTCOMES, QuestionKind
from ..filetypes import FILE_TYPE_CHOICES, FILE_TYPES
from ..models import Application, Call, Criterion, Question, Review

TIMED_FIELDS = ("opens_at", "closes_at")


class CallForm(TranslatedModelForm):
    """A call; its opening and closing times are typed in its hub's time zone and stored in UTC."""

    opens_at = LocalDateTimeField(label=capfirst(Call._meta.get_field("opens_at").verbose_name))
    closes_at = LocalDateTimeField(label=capfirst(Call._meta.get_field("closes_at").verbose_name))
    accepted_types = forms.MultipleChoiceField(
        label=capfirst(Call._meta.get_field("accepted_types").verbose_name),
        choices=FILE_TYPE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta(TranslatedModelForm.Meta):
        model = Call
        fields = [
            "programme",
            "session",
            "kind",
            "title",
            "slug",
            "description",
            "opens_at",
            "closes_at",
            "is_published",
            "reviewers",
            "blind_review",
            "max_upload_mb",
            "accepted_types",
            "accepted_message",
            "waiting_list_message",
            "declined_message",
        ]
        widgets = {"reviewers": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "Used in the public address. Left empty, it is made from the title."
        )
        self.fields["session"].queryset = Session.objects.select_related("programme", "hub").order_by(
            "-start_date", "pk"
        )
        self.fields["reviewers"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("username")
        )
        self.fields["reviewers"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        hub = self.instance.hub if self.instance.pk else None
        zone_help = (
            _("In %(hub)s time (%(zone)s).") % {"hub": hub, "zone": hub.timezone}
            if hub is not None
            else _("In the local time of the session's hub (or of the programme's home hub).")
        )
        for name in TIMED_FIELDS:
            self.fields[name].help_text = zone_help
            stored = getattr(self.instance, name)
            if stored is not None and hub is not None:
                self.initial[name] = timezone.localtime(stored, hub.tzinfo).replace(tzinfo=None)

    def _hub(self, cleaned) -> Hub | None:
        session, programme = cleaned.get("session"), cleaned.get("programme")
        if session is not None:
            return session.hub
        return programme.home_hub if programme is not None else None

    def clean(self):
        cleaned = super().clean()
        hub = self._hub(cleaned)
        for name in TIMED_FIELDS:
            value = cleaned.get(name)
            if value is None:
                continue
            if hub is not None:
                cleaned[name] = timezone.make_aware(value, hub.tzinfo).astimezone(datetime.UTC)
            else:  # no programme or session to say whose time it is: the form is refused anyway
                del cleaned[name]
        return cleaned


class QuestionForm(TranslatedModelForm):
    class Meta(TranslatedModelForm.Meta):
        model = Question
        fields = ["label", "help_text", "kind", "required", "choices", "position"]


class CriterionForm(TranslatedModelForm):
    class Meta(TranslatedModelForm.Meta):
        model = Criterion
        fields = ["name", "description", "weight", "scale", "position"]


class CheckedFileField(forms.FileField):
    """A file checked against the call's accepted types and size limit, as the domain checks it."""

    def __init__(self, *, call: Call, **kwargs):
        self.call = call
        types = ", ".join(f".{key}" for key in call.accepted_types if key in FILE_TYPES)
        kwargs.setdefault(
            "widget",
            forms.ClearableFileInput(attrs={"accept": ",".join(f".{key}" for key in call.accepted_types)}),
        )
        super().__init__(**kwargs)
        limit = _("%(types)s; %(size)s MB at most.") % {"types": types, "size": call.max_upload_mb}
        self.help_text = f"{self.help_text} {limit}".strip()

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            file_check(call=self.call, upload=upload)
        return upload


def question_field(question: Question, call: Call) -> forms.Field:
    """The form field that asks one of the call's questions, in the current language."""
    common = {
        "label": str(question.label),
        "required": question.required,
        "help_text": str(question.help_text or ""),
    }
    kind = question.kind
    if kind == QuestionKind.TEXT:
        return forms.CharField(max_length=300, **common)
    if kind == QuestionKind.LONG_TEXT:
        return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 6}), **common)
    if kind == QuestionKind.CHOICE:
        return forms.ChoiceField(choices=question.choice_list(), widget=forms.RadioSelect, **common)
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=question.choice_list(), widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == QuestionKind.NUMBER:
        return forms.DecimalField(max_digits=12, decimal_places=2, **common)
    if kind == QuestionKind.DATE:
        return forms.DateField(widget=DateInput, **common)
    if kind == QuestionKind.URL:
        return forms.URLField(assume_scheme="https", **common)
    return CheckedFileField(call=call, **common)


class ApplicationForm(forms.ModelForm):
    """An application to a call: who, languages for messages, skills, links, then the call's own
    questions (``question_<id>``). The spoken languages come in a formset of their own."""

    skills = forms.ModelMultipleChoiceField(
        label=_("Skills and instruments"),
        queryset=Skill.objects.all(),
        widget=GroupedCheckboxSelectMultiple,
        required=False,
    )
    links = forms.CharField(
        label=_("Links to your work"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recordings, videos, a website: one address per line, %(count)s at most.")
        % {"count": MAX_LINKS},
    )
    consent = forms.BooleanField(
        label=_("I agree that the network keeps and uses this application's data to select participants."),
        required=True,
    )

    class Meta:
        model = Application
        fields = [
            "given_name",
            "family_name",
            "native_name",
            "email",
            "phone",
            "city",
            "country",
            "nationality",
            "home_hub",
            "language",
            "skills",
        ]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "given_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "family_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }
        help_texts = {"language": _("We write to you in this language.")}

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["skills"].choices = skill_choices()
        self.fields["home_hub"].help_text = _("The network's city nearest to you, if one is.")
        language = get_language()
        if not self.is_bound and language in dict(settings.LANGUAGES):
            self.initial["language"] = language
        self.questions = list(call.questions.all())
        for question in self.questions:
            self.fields[question_field_name(question)] = question_field(question, call)

    @property
    def identity_fields(self):
        return [self[name] for name in self.Meta.fields]

    @property
    def question_fields(self):
        return [self[question_field_name(q)] for q in self.questions]

    def answers(self) -> dict:
        return {
            q.pk: self.cleaned_data.get(question_field_name(q))
            for q in self.questions
            if q.kind != QuestionKind.FILE
        }

    def files_by_question(self) -> dict:
        return {
            q.pk: upload
            for q in self.questions
            if q.kind == QuestionKind.FILE and (upload := self.cleaned_data.get(question_field_name(q)))
        }

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("links", "").splitlines() if line.strip()]

    def identity(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "skills"}
        return {**data, "consent": self.cleaned_data["consent"]}


class ReviewForm(forms.Form):
    """A score per criterion (1 to its scale), a comment, or a declared conflict of interest."""

    conflict_of_interest = forms.BooleanField(
        label=capfirst(Review._meta.get_field("conflict_of_interest").verbose_name),
        help_text=Review._meta.get_field("conflict_of_interest").help_text,
        required=False,
    )
    comment = forms.CharField(
        label=capfirst(Review._meta.get_field("comment").verbose_name),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args, criteria: list[Criterion], review: Review | None = None, **kwargs):
        if review is not None:
            initial = {
                "conflict_of_interest": review.conflict_of_interest,
                "comment": review.comment,
                **{f"criterion_{key}": value for key, value in review.scores.items()},
            }
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        fields = {}
        for criterion in criteria:
            fields[criterion_field_name(criterion)] = forms.TypedChoiceField(
                label=str(criterion.name),
                help_text=str(criterion.description or ""),
                choices=[("", "—"), *((n, str(n)) for n in range(1, criterion.scale + 1))],
                coerce=int,
                required=False,
            )
        # The scores first, then the comment and the conflict declaration.
        self.fields = {**fields, **self.fields}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("conflict_of_interest"):
            for criterion in self.criteria:
                if cleaned.get(criterion_field_name(criterion)) in (None, ""):
                    self.add_error(
                        criterion_field_name(criterion), _("Give a score, or declare a conflict of interest.")
                    )
        return cleaned

    def scores(self) -> dict:
        return {c.pk: self.cleaned_data.get(criterion_field_name(c)) for c in self.criteria}


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Personal note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Added to the standard message, as written: write it in the applicant's language."),
    )

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [
            (o.value, capfirst(o.label)) for o in NEXT_OUTCOMES[application.state]
        ]
