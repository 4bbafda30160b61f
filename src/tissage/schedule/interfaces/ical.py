"""iCalendar (RFC 5545): the programme as events in the hub's time zone, with a VTIMEZONE, and UIDs
that stay the same from release to release, so that a subscribed calendar updates in place."""

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .subject import GENERATOR, ExportSubject


def render_ical(subject: ExportSubject) -> bytes:
    tz = subject.tz
    calendar = Calendar()
    calendar.add("prodid", f"-//{GENERATOR[0]}//{GENERATOR[1]}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", subject.title)
    calendar.add("x-wr-timezone", str(tz))
    release = subject.programme.release
    for activity in subject.scheduled:
        event = Event()
        event.add("uid", f"{activity.uid}@tissage")
        event.add("dtstamp", subject.published_at)
        event.add("sequence", release.number if release is not None else 0)
        event.add("dtstart", activity.starts_at.astimezone(tz))
        event.add("dtend", activity.ends_at.astimezone(tz))
        event.add("summary", str(activity.title))
        if activity.room is not None:
            event.add("location", str(activity.room))
        lines = [activity.get_kind_display().capitalize()]
        if activity.public_members:
            names = ", ".join(m.person.full_name for m in activity.public_members)
            lines.append(_("With %(people)s") % {"people": names})
        if activity.description:
            lines.append(str(activity.description))
        event.add("description", "\n".join(lines))
        event.add("categories", [activity.get_kind_display()])
        event.add("url", subject.absolute(activity.get_public_url()))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
