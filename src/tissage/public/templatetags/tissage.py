"""Template helpers shared by the staff interface and the public site."""

import contextlib

from django import template
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.urls import NoReverseMatch, reverse
from django.utils.formats import number_format
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import pgettext_lazy

from tissage.core.exporters import registry as exporters
from tissage.core.languages import language_name
from tissage.core.money import minor_units

register = template.Library()


@register.simple_tag
def interface_languages() -> list[tuple[str, str]]:
    return settings.LANGUAGES


@register.filter
def spoken_language(code: str) -> str:
    return language_name(code)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (pagination that keeps filters)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(sorted(params.lists()), doseq=True) if params else "?"


@register.simple_tag
def object_link(obj, text=None) -> str:
    """A link to ``obj``'s page, named by ``text`` or the object; just the name if the object has no
    page (yet): a staff area can show objects of an area whose pages are not installed."""
    label = obj if text is None else text
    try:
        url = obj.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return conditional_escape(label)
    return format_html('<a href="{}">{}</a>', url, label)


# The badge colour of a status, whatever it is the status of (session, programme, participation …).
STATUS_BADGES = {
    "draft": "badge-warn",
    "invited": "badge-warn",
    "active": "badge-ok",
    "confirmed": "badge-ok",
    "attended": "badge-ok",
    "declined": "badge-error",
    "cancelled": "badge-error",
    # Applications and messages.
    "submitted": "badge-warn",
    "waiting_list": "badge-warn",
    "accepted": "badge-ok",
    "queued": "badge-warn",
    "sending": "badge-warn",
    "sent": "badge-ok",
    "failed": "badge-error",
}


@register.filter
def status_badge(status: str) -> str:
    """The badge class for a status value, e.g. ``<span class="badge {{ s.status|status_badge }}">``."""
    return STATUS_BADGES.get(str(status), "")


@register.simple_tag(takes_context=True)
def export_links(context, scope: str, query: str = "") -> list[tuple]:
    """``(exporter, address)`` for each exporter of ``scope``; the address carries ``query``, or by
    default the current page's filters (without its page number)."""
    if not query:
        params = context["request"].GET.copy()
        params.pop("page", None)
        query = params.urlencode()
    base = reverse("orga:export")
    return [
        (exporter, f"{base}?{urlencode({'exporter': exporter.identifier})}" + (f"&{query}" if query else ""))
        for exporter in exporters.for_scope(scope)
    ]


# What an audit entry's action says, by its verb (the part after the entity: "person.created").
# A context of their own: the same English words name statuses elsewhere, and other languages
# need other forms (an action of any entity here, a session's or a participation's state there).
AUDIT_VERBS = {
    "created": pgettext_lazy("audit action", "created"),
    "updated": pgettext_lazy("audit action", "updated"),
    "deleted": pgettext_lazy("audit action", "deleted"),
    "published": pgettext_lazy("audit action", "published"),
    "unpublished": pgettext_lazy("audit action", "unpublished"),
    "member_added": pgettext_lazy("audit action", "member added"),
    "member_updated": pgettext_lazy("audit action", "member's role changed"),
    "member_removed": pgettext_lazy("audit action", "member removed"),
    "members_set": pgettext_lazy("audit action", "members changed"),
    "languages_changed": pgettext_lazy("audit action", "languages changed"),
    "role_added": pgettext_lazy("audit action", "role added"),
    "role_updated": pgettext_lazy("audit action", "role changed"),
    "role_deleted": pgettext_lazy("audit action", "role deleted"),
    "role_ended": pgettext_lazy("audit action", "role ended"),
    "committed": pgettext_lazy("audit action", "spreadsheet imported"),
    "invited": pgettext_lazy("audit action", "invited"),
    "confirmed": pgettext_lazy("audit action", "confirmed"),
    "declined": pgettext_lazy("audit action", "declined"),
    "attended": pgettext_lazy("audit action", "attended"),
    "cancelled": pgettext_lazy("audit action", "cancelled"),
    "password_reset": pgettext_lazy("audit action", "password reset"),
    "wiped": pgettext_lazy("audit action", "demo data wiped"),
    # Logistics.
    "added": pgettext_lazy("audit action", "added"),
    "opened": pgettext_lazy("audit action", "opened"),
    "step_done": pgettext_lazy("audit action", "step done"),
    "granted": pgettext_lazy("audit action", "visa granted"),
    "refused": pgettext_lazy("audit action", "visa refused"),
    "withdrawn": pgettext_lazy("audit action", "withdrawn from the session"),
    "letter_generated": pgettext_lazy("audit action", "invitation letter printed"),
    # Calls, the outbox and the participant portal.
    "submitted": pgettext_lazy("audit action", "application sent"),
    "accepted": pgettext_lazy("audit action", "accepted"),
    "waiting_list": pgettext_lazy("audit action", "put on the waiting list"),
    "scored": pgettext_lazy("audit action", "review given"),
    "question_added": pgettext_lazy("audit action", "question added"),
    "question_updated": pgettext_lazy("audit action", "question changed"),
    "question_deleted": pgettext_lazy("audit action", "question deleted"),
    "criterion_added": pgettext_lazy("audit action", "criterion added"),
    "criterion_updated": pgettext_lazy("audit action", "criterion changed"),
    "criterion_deleted": pgettext_lazy("audit action", "criterion deleted"),
    "queued": pgettext_lazy("audit action", "queued"),
    "retried": pgettext_lazy("audit action", "sent again"),
    "failed": pgettext_lazy("audit action", "failed"),
    "consent_recorded": pgettext_lazy("audit action", "consent recorded"),
    "account_created": pgettext_lazy("audit action", "portal account created"),
    "portal_link_used": pgettext_lazy("audit action", "signed in by email link"),
    "password_set": pgettext_lazy("audit action", "portal password chosen"),
    # The planner.
    "member_moved": pgettext_lazy("audit action", "person moved to another group"),
    "locked": pgettext_lazy("audit action", "locked"),
    "unlocked": pgettext_lazy("audit action", "unlocked"),
    "superseded": pgettext_lazy("audit action", "replaced by another plan"),
    "marked_for_repair": pgettext_lazy("audit action", "needs repair"),
}


@register.filter
def audit_action(entry) -> str:
    verb = entry.action.rpartition(".")[2]
    return capfirst(AUDIT_VERBS.get(verb, entry.action))


def _audit_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return " · ".join(f"{key.upper()}: {_audit_text(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(_audit_text(item) for item in value)
    return str(value)


@register.filter
def audit_changes(entry) -> list[tuple[str, str, str]]:
    """``(field label, before, after)`` for each change of an entry, labelled as the model names them."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    rows = []
    for name, (before, after) in entry.changes.items():
        label = name
        if model is not None:
            with contextlib.suppress(FieldDoesNotExist):
                label = capfirst(model._meta.get_field(name).verbose_name)
        rows.append((label, _audit_text(before), _audit_text(after)))
    return rows


@register.filter
def money(value) -> str:
    """A :class:`~tissage.core.money.Money` as the reader's language writes numbers, rounded to the
    currency's minor unit, with its code: "1 234,50 EUR" in French, "1,234.50 EUR" in English."""
    if value is None:
        return "—"
    rounded = value.rounded()
    amount = number_format(rounded.amount, decimal_pos=minor_units(rounded.currency), force_grouping=True)
    return f"{amount}\u00a0{rounded.currency}"
