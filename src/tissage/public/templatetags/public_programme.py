"""Template helpers of the public site: dates in the reader's language, times in the hub's zone,
and the same page in the other interface languages."""

import datetime

from django import template
from django.template.defaultfilters import date as date_filter
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import get_language, pgettext

from tissage.core.exporters import registry as exporters
from tissage.core.languages import language_name

register = template.Library()


@register.simple_tag(takes_context=True)
def language_url(context, language_code: str, absolute: bool = False) -> str:
    """The current page in another interface language.

    ``translate_url`` only knows addresses that resolve; a 404 page still switches language by
    changing the language prefix, so the reader gets the same "not found" page in their language.
    """
    request = context["request"]
    path = translate_url(request.get_full_path(), language_code)
    current = get_language()
    if path == request.get_full_path() and language_code != current and path.startswith(f"/{current}/"):
        path = f"/{language_code}/{path.removeprefix(f'/{current}/')}"
    return request.build_absolute_uri(path) if absolute else path


@register.filter
def verbose_name(instance, field_name: str) -> str:
    """A model field's label, for the facts of a public page."""
    return capfirst(instance._meta.get_field(field_name).verbose_name)


@register.filter
def spoken_languages(codes: list[str]) -> str:
    return ", ".join(language_name(code) for code in codes)


@register.filter(expects_localtime=True)
def long_day(value: datetime.date) -> str:
    """'Thursday, July 22, 2004' — the weekday and the date as the reader's language writes them."""
    # Translators: how a weekday and a full date combine, e.g. "Thursday, July 22, 2004".
    pattern = pgettext("weekday and date", "{weekday}, {date}")
    return capfirst(pattern.format(weekday=date_filter(value, "l"), date=date_filter(value, "DATE_FORMAT")))


@register.simple_tag
def date_range(start: datetime.date, end: datetime.date) -> str:
    """An edition's days, each in a ``<time>`` element, in the reader's date format."""

    def day(value):
        return format_html(
            '<time datetime="{}">{}</time>', value.isoformat(), date_filter(value, "DATE_FORMAT")
        )

    if start == end:
        return day(start)
    return format_html("{} – {}", day(start), day(end))


def utc_offset(moment: datetime.datetime) -> str:
    """'UTC+3', 'UTC−3:30' or 'UTC' for an aware datetime."""
    minutes = int(moment.utcoffset().total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    hours, rest = divmod(abs(minutes), 60)
    sign = "+" if minutes > 0 else "−"
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@register.simple_tag
def edition_utc_offsets(edition) -> str:
    """The hub's offset from UTC over the edition's days: 'UTC+3', or 'UTC+2 / UTC+1' when the
    clocks change during the edition."""
    tz = edition.festival.hub.tzinfo
    offsets = []
    for n in range((edition.end_date - edition.start_date).days + 1):
        noon = datetime.datetime.combine(
            edition.start_date + datetime.timedelta(days=n), datetime.time(12), tz
        )
        if (offset := utc_offset(noon)) not in offsets:
            offsets.append(offset)
    return " / ".join(offsets)


@register.filter
def utc_offset_at(moment: datetime.datetime, hub) -> str:
    return utc_offset(moment.astimezone(hub.tzinfo))


@register.filter
def webcal(url: str) -> str:
    """A calendar's address for subscribing: calendar programs open ``webcal://`` themselves."""
    scheme, _sep, rest = url.partition("://")
    return f"webcal://{rest}" if scheme in ("http", "https") else url


@register.simple_tag(takes_context=True)
def programme_file(context, identifier: str, **params) -> str:
    """The absolute address of one of the edition's files (``schedule.ics`` …), narrowed by
    ``room`` or ``person`` when given."""
    edition = context["edition"]
    path = reverse(
        "public:edition-export",
        kwargs={"festival": edition.festival.slug, "edition": edition.slug, "exporter": identifier},
    )
    query = urlencode({name: value for name, value in params.items() if value})
    return context["request"].build_absolute_uri(path + (f"?{query}" if query else ""))


@register.simple_tag
def programme_files() -> list:
    """The exporters of the timetable, for the download links."""
    return exporters.for_scope("schedule")
