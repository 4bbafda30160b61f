"""Access to the participant portal: an account for a person, and sign-in links sent by email.

A link is a signed token (``django.core.signing``) naming the person, a random nonce and how long
it is valid; it works once: using it records its nonce, and a recorded nonce is refused. Staff
accounts never sign in by link: an intercepted email must not open the staff interface.
"""

import datetime
import secrets

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tissage.core.domain.audit import audit_record

from ..models import Person, UsedPortalLink

LINK_SALT = "tissage.portal.link"
# A link asked for on the sign-in page is for now; one in an acceptance letter waits to be read.
SIGN_IN_LINK_LIFETIME = datetime.timedelta(hours=1)
WELCOME_LINK_LIFETIME = datetime.timedelta(days=14)


def portal_link_make(*, person: Person, lifetime: datetime.timedelta = SIGN_IN_LINK_LIFETIME) -> str:
    """A single-use sign-in token for ``person``, valid for ``lifetime``."""
    payload = {"p": person.pk, "n": secrets.token_urlsafe(24), "s": int(lifetime.total_seconds())}
    return signing.dumps(payload, salt=LINK_SALT, compress=True)


def _refused(message: str) -> ValidationError:
    return ValidationError(message, code="invalid_link")


def portal_link_redeem(*, token: str) -> Person:
    """The person a valid, unexpired, unused token names; the token is used up.

    Refusals say what to do next (ask for a new link) without saying whom a token was for.
    """
    try:
        payload = signing.loads(token, salt=LINK_SALT)
        signing.loads(token, salt=LINK_SALT, max_age=int(payload["s"]))
    except signing.SignatureExpired:
        raise _refused(_("This sign-in link has expired: ask for a new one.")) from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise _refused(_("This sign-in link is not valid: ask for a new one.")) from None
    person = Person.objects.select_related("user").filter(pk=payload["p"]).first()
    if person is None:
        raise _refused(_("This sign-in link is not valid: ask for a new one."))
    if person.user_id and (person.user.is_staff or person.user.is_superuser):
        raise _refused(_("Staff accounts sign in with their password."))
    try:
        with transaction.atomic():
            UsedPortalLink.objects.create(nonce=payload["n"], person=person)
            audit_record(actor=None, action="person.portal_link_used", obj=person)
    except IntegrityError:
        raise _refused(_("This sign-in link has already been used: ask for a new one.")) from None
    return person


def person_account_ensure(*, actor, person: Person):
    """The person's user account, made when they first need one (without a password: they sign in
    by link until they choose one in the portal)."""
    if person.user_id:
        return person.user
    users = get_user_model()
    base = f"p-{slugify(person.slug)}"[:140]
    username, n = base, 1
    while users.objects.filter(username=username).exists():
        n += 1
        username = f"{base}-{n}"
    with transaction.atomic():
        user = users(username=username, email=person.email or "", first_name=person.given_name[:150])
        user.last_name = person.family_name[:150]
        user.set_unusable_password()
        user.save()
        Person.objects.filter(pk=person.pk).update(user=user)
        person.user = user
        audit_record(
            actor=actor, action="person.account_created", obj=person, changes={"user": [None, username]}
        )
    return user


def person_by_email(email: str) -> Person | None:
    """The person with this email (case does not matter), if any."""
    email = (email or "").strip()
    return Person.objects.select_related("user").filter(email__iexact=email).first() if email else None


def person_password_set(*, actor, person: Person, password: str) -> None:
    """Let the person also sign in with a password (the link by email keeps working)."""
    user = person_account_ensure(actor=actor, person=person)
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        audit_record(actor=actor, action="person.password_set", obj=person)
