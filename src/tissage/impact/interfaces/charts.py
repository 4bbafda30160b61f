"""Charts drawn on the server as SVG: they print well, need no script, and tell their series apart by
pattern and label as well as colour (WCAG: not by colour alone). Each returns the SVG markup; the
pages put the same figures in a table beside it."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Colours of the stylesheet, with at least 4.5:1 contrast on white for text and 3:1 for shapes.
DARK = "#8a2d1f"
BLUE = "#1f5f74"
LIGHT = "#f6e7e2"
INK = "#1d1b26"
GRID = "#d9d5cc"

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 34, 30


@dataclass(frozen=True)
class Segment:
    label: str
    fill: str
    hatched: bool = False


def _defs(chart_id: str) -> str:
    return (
        f'<defs><pattern id="{chart_id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{LIGHT}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{DARK}" stroke-width="2"/></pattern></defs>'
    )


def _text(x: float, y: float, content, *, size: int = 11, anchor: str = "middle", fill: str = INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}">'
        f"{escape(content)}</text>"
    )


def _fill(chart_id: str, segment: Segment) -> str:
    return f"url(#{chart_id}-hatch)" if segment.hatched else segment.fill


def _nice_max(value: float) -> int:
    """The top of the scale: five steps of 1, 2 or 5 times a power of ten."""
    steps = (mantissa * 10**exponent for exponent in range(12) for mantissa in (1, 2, 5))
    return 5 * next(step for step in steps if 5 * step >= value)


def stacked_bars(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    values: Sequence[Sequence[float]],
    segments: Sequence[Segment],
) -> SafeString:
    """Bars for ``labels``, each split into ``segments`` (``values[i][s]``), with its total above it."""
    top = _nice_max(max((sum(row) for row in values), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(labels), 1)
    bar = min(slot * 0.7, 48)
    parts = [
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title" xmlns="http://www.w3.org/2000/svg">',
        format_html('<title id="{}-title">{}</title>', chart_id, title),
        _defs(chart_id),
    ]
    for tick in range(0, 6):
        value = top * tick / 5
        y = TOP + plot_h - plot_h * tick / 5
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
            + _text(LEFT - 6, y + 4, f"{value:g}", anchor="end")
        )
    for index, (label, row) in enumerate(zip(labels, values, strict=True)):
        x = LEFT + slot * index + (slot - bar) / 2
        y = TOP + plot_h
        for segment, value in zip(segments, row, strict=True):
            height = plot_h * value / top
            y -= height
            if value:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" '
                    f'fill="{_fill(chart_id, segment)}" stroke="{INK}" stroke-width="0.5"/>'
                )
        parts.append(_text(x + bar / 2, y - 4, f"{sum(row):g}"))
        if len(labels) <= 16 or index % 2 == 0:
            parts.append(_text(x + bar / 2, HEIGHT - BOTTOM + 16, label))
    x = LEFT
    for segment in segments:
        parts.append(
            f'<rect x="{x}" y="8" width="14" height="14" fill="{_fill(chart_id, segment)}" stroke="{INK}" '
            'stroke-width="0.5"/>' + _text(x + 20, 20, segment.label, size=12, anchor="start")
        )
        x += 30 + 7 * len(segment.label)
    parts.append("</svg>")
    return mark_safe("".join(parts))


def ties_over_time(years: dict[int, dict[str, int]]) -> SafeString:
    """New ties per year, split into those that became durable and the others."""
    span = range(min(years, default=0), max(years, default=-1) + 1)
    empty = {"new": 0, "durable": 0}
    labels = [str(year) for year in span]
    values = [
        (years.get(y, empty)["durable"], years.get(y, empty)["new"] - years.get(y, empty)["durable"])
        for y in span
    ]
    segments = (Segment(_("durable since"), DARK), Segment(_("not (yet) durable"), LIGHT, hatched=True))
    return stacked_bars("ties-chart", _("New ties by year they were first made"), labels, values, segments)


def enterprises_over_time(by_year: dict[int, int]) -> SafeString:
    """Enterprises in existence, year by year: those founded before and those founded that year."""
    labels, values, total = [], [], 0
    for year in range(min(by_year, default=0), max(by_year, default=-1) + 1):
        founded = by_year.get(year, 0)
        labels.append(str(year))
        values.append((total, founded))
        total += founded
    segments = (Segment(_("founded earlier"), BLUE), Segment(_("founded that year"), LIGHT, hatched=True))
    return stacked_bars(
        "enterprises-chart", _("Enterprises founded by people of the network"), labels, values, segments
    )


def hub_flows(names: Sequence[str], counts: Sequence[Sequence[int]]) -> SafeString:
    """A matrix of ties between the people of each two home hubs, with the count in every cell."""
    size = len(names)
    cell, margin = 56, 120
    width, height = margin + cell * size + 80, margin + cell * size + 8
    top = max((max(row, default=0) for row in counts), default=0) or 1
    parts = [
        f'<svg class="chart" id="flows-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="flows-chart-title" xmlns="http://www.w3.org/2000/svg">',
        format_html(
            '<title id="flows-chart-title">{}</title>', _("Ties between the people of each two hubs")
        ),
    ]
    for index, name in enumerate(names):
        centre = margin + cell * index + cell / 2
        parts.append(
            _text(margin - 8, centre + 4, name, size=12, anchor="end")
            + f'<g transform="translate({centre:.1f} {margin - 8}) rotate(-40)">'
            + _text(0, 0, name, size=12, anchor="start")
            + "</g>"
        )
    for row, values in enumerate(counts):
        for column, value in enumerate(values):
            x, y = margin + cell * column, margin + cell * row
            strength = value / top
            fill = BLUE if strength > 0.5 else LIGHT if value else "#ffffff"
            text = "#ffffff" if strength > 0.5 else INK
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{fill}" stroke="{GRID}"/>'
                + _text(x + cell / 2, y + cell / 2 + 5, str(value), size=14, fill=text)
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
