"""The participant's profile (contact, languages, availability), password, consents and data copy."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from tissage.core.interfaces.forms import https_by_default
from tissage.orga.views.generic import add_domain_errors
from tissage.people.domain.persons import person_update
from tissage.people.domain.portal import person_password_set
from tissage.people.domain.privacy import consents_set, person_data_export_request
from tissage.people.enums import ConsentKind, ConsentSource
from tissage.people.interfaces.forms import person_language_formset
from tissage.people.models import Person

from .base import ParticipantMixin
from .documents import data_exports


class ProfileForm(forms.ModelForm):
    class Meta:
        formfield_callback = https_by_default
        model = Person
        fields = [
            "native_name",
            "phone",
            "city",
            "country",
            "nationality",
            "website",
            "language",
            "availability",
        ]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "availability": forms.Textarea(attrs={"rows": 3}),
        }
        # The model's help speaks of "this person" to staff; here the person reads it.
        help_texts = {
            "language": _("We write to you in this language."),
            "availability": _("When you can or cannot travel and take part, e.g. “not in August”."),
        }


class ProfileView(ParticipantMixin, FormView):
    """Contact, language for messages, spoken languages and availability, saved together."""

    template_name = "portal/profile.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        # The form writes on its own copy: the domain needs the stored values to record the change.
        return {**super().get_form_kwargs(), "instance": Person.objects.get(pk=self.person.pk)}

    @cached_property
    def languages_formset(self):
        data = self.request.POST if self.request.method == "POST" else None
        return person_language_formset(person=self.person, data=data)

    def get_context_data(self, **kwargs):
        return super().get_context_data(languages_formset=self.languages_formset, **kwargs)

    def form_valid(self, form):
        if not self.languages_formset.is_valid():
            return self.form_invalid(form)
        try:
            person_update(
                actor=self.request.user,
                person=self.person,
                data={name: form.cleaned_data[name] for name in form.changed_data},
                languages=self.languages_formset.languages(),
            )
        except ValidationError as error:
            add_domain_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your profile was saved."))
        return redirect("portal:profile")


class PasswordView(ParticipantMixin, FormView):
    """A password, to sign in without waiting for a link."""

    template_name = "portal/password.html"

    def get_form(self, form_class=None):
        return SetPasswordForm(self.request.user, **self.get_form_kwargs())

    def form_valid(self, form):
        person_password_set(
            actor=self.request.user, person=self.person, password=form.cleaned_data["new_password1"]
        )
        self.request.user.refresh_from_db()
        update_session_auth_hash(self.request, self.request.user)
        messages.success(self.request, _("Your password was saved: you can sign in with it from now on."))
        return redirect("portal:profile")


class ConsentForm(forms.Form):
    """One checkbox per kind of consent, ticked as the latest answer says."""

    def __init__(self, *args, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in ConsentKind:
            self.fields[kind.value] = forms.BooleanField(label=capfirst(kind.label), required=False)
            if kind.value in current:
                self.initial[kind.value] = current[kind.value].given

    def answers(self) -> dict[str, bool]:
        return {kind.value: self.cleaned_data[kind.value] for kind in ConsentKind}


class PrivacyView(ParticipantMixin, FormView):
    """What the participant agrees to, and the copies of their data they asked for."""

    template_name = "portal/privacy.html"
    form_class = ConsentForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "current": self.person.consents.all().current()}

    def get_context_data(self, **kwargs):
        current = self.person.consents.all().current()
        exports = list(data_exports(self.person).order_by("-created_at")[:10])
        return super().get_context_data(
            consents=[(kind, current.get(kind.value)) for kind in ConsentKind],
            exports=exports,
            preparing=any(not job.is_finished for job in exports),
            **kwargs,
        )

    def form_valid(self, form):
        recorded = consents_set(
            actor=self.request.user, person=self.person, answers=form.answers(), source=ConsentSource.PORTAL
        )
        messages.success(
            self.request, _("Your answers were recorded.") if recorded else _("Nothing changed.")
        )
        return redirect("portal:privacy")


class DataExportRequestView(ParticipantMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        person_data_export_request(actor=request.user, person=self.person)
        messages.success(
            request, _("A copy of your data is being prepared: it appears below when it is ready.")
        )
        return redirect("portal:privacy")
