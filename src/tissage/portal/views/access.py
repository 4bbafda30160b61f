"""Signing in to the portal: by a link sent by email (single use, time-limited) or by password."""

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from tissage.outbox.domain.messages import message_queue, site_url
from tissage.people.domain.portal import (
    SIGN_IN_LINK_LIFETIME,
    person_account_ensure,
    person_by_email,
    portal_link_make,
    portal_link_redeem,
)


def account_backend() -> str:
    """The configured backend of user accounts: a sign-in link checks no password, so the session
    names the backend that will load the account on the next request."""
    return next(
        path for path in settings.AUTHENTICATION_BACKENDS if issubclass(import_string(path), ModelBackend)
    )


class LinkRequestForm(forms.Form):
    email = forms.EmailField(label=_("Your email"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class PasswordSignInForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email"), widget=forms.EmailInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self):
        cleaned = super().clean()
        person = person_by_email(cleaned.get("email", ""))
        user = None
        if person is not None and person.user_id and cleaned.get("password"):
            # With the request, so that the backend counts failures per address too.
            user = authenticate(
                self.request, username=person.user.get_username(), password=cleaned["password"]
            )
        if user is None:
            raise ValidationError(_("This email and password do not match. You can ask for a link instead."))
        self.user = user
        return cleaned


class SignInView(TemplateView):
    """Two ways in: a link by email (``way=link``) or a password (``way=password``)."""

    template_name = "portal/sign_in.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("link_form", LinkRequestForm(prefix="link"))
        kwargs.setdefault("password_form", PasswordSignInForm(prefix="password", request=self.request))
        return super().get_context_data(**kwargs)

    def next_url(self) -> str:
        target = self.request.GET.get("next", "")
        return target if target.startswith("/") and not target.startswith("//") else reverse("portal:home")

    def post(self, request):
        if request.POST.get("way") == "password":
            form = PasswordSignInForm(request.POST, prefix="password", request=request)
            if form.is_valid():
                login(request, form.user)
                return redirect(self.next_url())
            return self.render_to_response(self.get_context_data(password_form=form))
        form = LinkRequestForm(request.POST, prefix="link")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(link_form=form))
        person = person_by_email(form.cleaned_data["email"])
        # The same answer whoever asks: the page does not tell who is in the network.
        if person is not None and not (person.user_id and person.user.is_staff):
            send_sign_in_link(person)
        return redirect("portal:link-sent")


def send_sign_in_link(person):
    """Queue a sign-in link to ``person``, in their language."""
    language = person.mail_language
    token = portal_link_make(person=person, lifetime=SIGN_IN_LINK_LIFETIME)
    with translation.override(language):
        url = site_url(reverse("portal:link", kwargs={"token": token}))
    return message_queue(
        actor=None,
        to=person.email,
        name=person.full_name,
        language=language,
        template_key="portal_sign_in",
        context={
            "name": person.given_name,
            "portal_url": url,
            "link_minutes": int(SIGN_IN_LINK_LIFETIME.total_seconds() // 60),
        },
        person=person,
        about=person,
    )


class LinkSentView(TemplateView):
    template_name = "portal/link_sent.html"


class LinkView(TemplateView):
    """A sign-in link: the page asks for one click before the link is used, so that a mail
    program that opens links to check them does not use it up."""

    template_name = "portal/link.html"

    def post(self, request, token: str):
        try:
            person = portal_link_redeem(token=token)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(error=error.messages[0]), status=400)
        user = person_account_ensure(actor=None, person=person)
        login(request, user, backend=account_backend())
        return redirect("portal:home")


class SignOutView(View):
    http_method_names = ["post"]

    def post(self, request):
        logout(request)
        return redirect("portal:sign-in")
