"""Accessible widgets for translated fields: one input per language, each with its own name."""

from django.conf import settings
from django.utils.html import format_html, format_html_join
from i18nfield.forms import I18nTextarea, I18nTextInput


class _LabelledPerLanguage:
    """Gives each language's input an accessible name ("Title (Русский)") and a visible language tag.

    The form field's label points at the first input; the other inputs need names of their own.
    """

    def render(self, name, value, attrs=None, renderer=None):
        label = str(getattr(self.field, "label", "") or name)
        names = dict(settings.LANGUAGES)
        for widget, locale in zip(self.widgets, self.locales, strict=True):
            widget.attrs["aria-label"] = f"{label} ({names.get(locale, locale)})"
        return super().render(name, value, attrs, renderer)

    def format_output(self, rendered_widgets, id_) -> str:
        rows = format_html_join(
            "",
            '<div class="i18n-row"><span class="i18n-tag" aria-hidden="true">{}</span>{}</div>',
            (
                (locale.upper(), html)
                for locale, html in zip(self.enabled_locales, rendered_widgets, strict=False)
            ),
        )
        return format_html('<div class="i18n-group" id="{}">{}</div>', id_ or "", rows)


class TranslatedTextInput(_LabelledPerLanguage, I18nTextInput):
    pass


class TranslatedTextarea(_LabelledPerLanguage, I18nTextarea):
    pass
