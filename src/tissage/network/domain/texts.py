"""Turning translated content into plain text, e.g. to make a short name from a title."""

from i18nfield.strings import LazyI18nString


def plain_text(value) -> str:
    """A translated value (a ``{language: text}`` dict or a ``LazyI18nString``) in the current language."""
    if isinstance(value, dict):
        value = LazyI18nString(value)
    return str(value or "")
