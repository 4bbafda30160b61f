"""Template helpers shared by the staff interface and the public site."""

import contextlib

from django import template
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.urls import NoReverseMatch, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tissage.core.exporters import registry as exporters
from tissage.core.languages import language_name

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
AUDIT_VERBS = {
    "created": _("created"),
    "updated": _("updated"),
    "deleted": _("deleted"),
    "published": _("published"),
    "unpublished": _("unpublished"),
    "member_added": _("member added"),
    "member_updated": _("member's role changed"),
    "member_removed": _("member removed"),
    "members_set": _("members changed"),
    "languages_changed": _("languages changed"),
    "role_added": _("role added"),
    "role_updated": _("role changed"),
    "role_deleted": _("role deleted"),
    "role_ended": _("role ended"),
    "committed": _("spreadsheet imported"),
    "invited": _("invited"),
    "confirmed": _("confirmed"),
    "declined": _("declined"),
    "attended": _("attended"),
    "cancelled": _("cancelled"),
    "password_reset": _("password reset"),
    "wiped": _("demo data wiped"),
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
