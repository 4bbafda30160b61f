"""Frab's ``schedule.xml`` (the c3voc schema, read by Giggity, EventFahrplan, info-beamer …)."""

import datetime
from xml.etree import ElementTree as ET

from django.utils.text import slugify

from .subject import GENERATOR, ExportSubject


def hours_minutes(delta: datetime.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def event_slug(subject: ExportSubject, activity) -> str:
    """Unique in the file and of the schema's form (``<acronym>-<something of 4 or more>``)."""
    return f"{subject.acronym}-{activity.pk:04d}-{slugify(activity.slug)}"


def day_bounds(subject: ExportSubject, day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(day, datetime.time(0), tzinfo=subject.tz)
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(0), tzinfo=subject.tz)
    return start, end


def _text(parent: ET.Element, tag: str, text: str, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attributes.items()})
    element.text = text
    return element


def render_frab(subject: ExportSubject) -> bytes:
    edition, tz = subject.edition, subject.tz
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=GENERATOR[0], version=GENERATOR[1])
    if subject.url:
        _text(root, "url", subject.url)
    _text(root, "version", subject.version)
    conference = ET.SubElement(root, "conference")
    days = subject.days()
    _text(conference, "title", subject.title)
    _text(conference, "acronym", subject.acronym)
    _text(conference, "start", days[0][0].isoformat())
    _text(conference, "end", days[-1][0].isoformat())
    _text(conference, "days", str(len(days)))
    _text(conference, "timeslot_duration", "00:30")
    _text(conference, "base_url", subject.base_url + "/")
    _text(conference, "url", subject.absolute(edition.get_public_url()))
    _text(conference, "time_zone_name", str(tz))
    for kind, label in subject.tracks().items():
        _text(conference, "track", label, name=label, slug=kind.replace("_", "-"))
    for index, (day, activities) in enumerate(days, start=1):
        start, end = day_bounds(subject, day)
        day_element = ET.SubElement(
            root, "day", index=str(index), date=day.isoformat(), start=start.isoformat(), end=end.isoformat()
        )
        rooms: dict[str, list] = {}
        for activity in activities:
            rooms.setdefault(subject.room_name(activity.room), []).append(activity)
        for name, room_activities in rooms.items():
            room = room_activities[0].room
            attributes = {"name": name} | ({"guid": str(room.uid)} if room else {})
            room_element = ET.SubElement(day_element, "room", attributes)
            for activity in room_activities:
                _event(subject, room_element, activity, name)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _event(subject: ExportSubject, parent: ET.Element, activity, room_name: str) -> None:
    local = activity.starts_at.astimezone(subject.tz)
    event = ET.SubElement(parent, "event", id=str(activity.pk), guid=str(activity.uid))
    _text(event, "date", local.isoformat())
    _text(event, "start", local.strftime("%H:%M"))
    _text(event, "duration", hours_minutes(activity.duration))
    _text(event, "room", room_name)
    _text(event, "slug", event_slug(subject, activity))
    _text(event, "url", subject.absolute(activity.get_public_url()))
    _text(event, "title", str(activity.title))
    _text(event, "subtitle", "")
    _text(event, "track", subject.tracks()[activity.kind])
    _text(event, "type", activity.kind)
    _text(event, "language", activity.languages[0] if activity.languages else "")
    _text(event, "abstract", str(activity.description or ""))
    _text(event, "description", "")
    persons = ET.SubElement(event, "persons")
    for member in activity.public_members:
        _text(persons, "person", member.person.full_name, id=member.person.pk, guid=member.person.uid)
    ET.SubElement(event, "links")
    ET.SubElement(event, "attachments")
