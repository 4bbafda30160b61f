"""Template helpers shared by the staff interface and the public site."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.http import urlencode

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
