"""Signing in: the throttled backend, the sign-in form, and the signals that count failures."""

from django.conf import settings
from django.contrib.auth import get_user_model, user_logged_in, user_login_failed
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from ..domain.signins import WINDOW_SECONDS, signin_failed, signin_is_locked, signin_succeeded


def client_address(request) -> str | None:
    """The visitor's address; behind our HTTPS proxy, the one the proxy saw (the last it added to
    X-Forwarded-For), or every visitor would share the proxy's address and its lockout."""
    if request is None:
        return None
    if settings.TISSAGE_BEHIND_PROXY and (forwarded := request.META.get("HTTP_X_FORWARDED_FOR")):
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")


class ThrottledModelBackend(ModelBackend):
    """Refuses every sign-in of a locked account or address, whatever the password: no path
    (staff login, participant portal) lets a guesser go on."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        name = username or kwargs.get(get_user_model().USERNAME_FIELD, "")
        if name and signin_is_locked(username=name, address=client_address(request)):
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _(
            "Too many failed sign-ins for this account or from this address: wait %(minutes)s minutes, "
            "then try again."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and signin_is_locked(username=username, address=client_address(self.request)):
            raise ValidationError(
                self.error_messages["locked"], code="locked", params={"minutes": WINDOW_SECONDS // 60}
            )
        return super().clean()


@receiver(user_login_failed, dispatch_uid="core.signin_failed")
def _signin_failed(sender, credentials, request=None, **kwargs):
    if username := credentials.get("username"):
        signin_failed(username=username, address=client_address(request))


@receiver(user_logged_in, dispatch_uid="core.signin_succeeded")
def _signin_succeeded(sender, request, user, **kwargs):
    signin_succeeded(username=user.get_username())
