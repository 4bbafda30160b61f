"""Template helpers shared by the staff interface and the public site."""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode

from tissage.core.exporters import registry as exporters
from tissage.core.languages import language_name

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context, language_code: str) -> str:
    """The current page in another interface language (public pages have per-language URLs)."""
    request = context["request"]
    return translate_url(request.get_full_path(), language_code)


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
