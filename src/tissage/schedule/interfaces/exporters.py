"""The ``schedule`` export scope and the timetable's files, all through the one exporter registry:
iCal, Frab ``schedule.xml``, the schedule JSON, a spreadsheet (CSV and XLSX), the printable
programme (PDF) and the offline programme (one self-contained HTML file).

Each renders an :class:`~.subject.ExportSubject`: the public site builds it from the latest
release of a published edition (public activities only); the staff interface and the command line
select it with ``edition``, ``draft``, ``room``, ``person`` (see :func:`~.subject.select_schedule`).
"""

from django.utils.translation import gettext_lazy as _

from tissage.core.exporters import Scope, registry

from .document import render_html, render_pdf
from .frab import render_frab
from .ical import render_ical
from .schedule_json import render_schedule_json
from .subject import ExportSubject, select_schedule

SCOPE = "schedule"

registry.register_scope(Scope(name=SCOPE, permission="network.view_edition", select=select_schedule))
registry.exporter(
    identifier="schedule.ics",
    label=_("Calendar (iCal)"),
    scope=SCOPE,
    format="ical",
    content_type="text/calendar; charset=utf-8",
    extension="ics",
)(render_ical)
registry.exporter(
    identifier="schedule.xml",
    label=_("Schedule XML (Frab)"),
    scope=SCOPE,
    format="xml",
    content_type="application/xml; charset=utf-8",
    extension="xml",
)(render_frab)
registry.exporter(
    identifier="schedule.json",
    label=_("Schedule JSON"),
    scope=SCOPE,
    format="json",
    content_type="application/json",
    extension="json",
)(render_schedule_json)
registry.exporter(
    identifier="programme.pdf",
    label=_("Printable programme (PDF)"),
    scope=SCOPE,
    format="pdf",
    content_type="application/pdf",
    extension="pdf",
)(render_pdf)
registry.exporter(
    identifier="programme.html",
    label=_("Offline programme (one HTML file)"),
    scope=SCOPE,
    format="html",
    content_type="text/html; charset=utf-8",
    extension="html",
)(render_html)


def programme_header() -> list[str]:
    return [
        str(_("day")),
        str(_("starts")),
        str(_("ends")),
        str(_("title")),
        str(_("kind")),
        str(_("room")),
        str(_("venue")),
        str(_("people")),
        str(_("working languages")),
        str(_("public page")),
    ]


def programme_rows(subject: ExportSubject):
    tz = subject.tz
    for activity in subject.activities:
        local = activity.starts_at.astimezone(tz) if activity.starts_at else None
        yield [
            local.date() if local else "",
            local.strftime("%H:%M") if local else "",
            activity.ends_at.astimezone(tz).strftime("%H:%M") if local else "",
            str(activity.title),
            activity.get_kind_display(),
            activity.room.name if activity.room else "",
            str(activity.room.venue) if activity.room else "",
            ", ".join(m.person.full_name for m in activity.public_members),
            ", ".join(activity.languages),
            subject.absolute(activity.get_public_url()),
        ]


registry.register_tables(
    name="programme", label=_("Programme"), scope=SCOPE, header=programme_header, rows=programme_rows
)
