"""The schedule JSON (the c3voc schema shared by frab, pretalx and their apps)."""

import json

from .frab import day_bounds, event_slug, hours_minutes
from .subject import GENERATOR, ExportSubject

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"


def render_schedule_json(subject: ExportSubject) -> bytes:
    edition, tz = subject.edition, subject.tz
    days = subject.days()
    rooms = {a.room.pk: a.room for a in subject.activities if a.room is not None}
    tracks = [{"name": label, "slug": kind.replace("_", "-")} for kind, label in subject.tracks().items()]
    document = {
        "$schema": SCHEMA_URL,
        "generator": {"name": GENERATOR[0], "version": GENERATOR[1]},
        "schedule": {
            "version": subject.version,
            "base_url": subject.base_url + "/",
            "conference": {
                "acronym": subject.acronym,
                "title": subject.title,
                "start": days[0][0].isoformat(),
                "end": days[-1][0].isoformat(),
                "daysCount": len(days),
                "timeslot_duration": "00:30",
                "time_zone_name": str(tz),
                "url": subject.absolute(edition.get_public_url()),
                "tracks": tracks,
                "rooms": [
                    {"name": subject.room_name(room), "guid": str(room.uid), "capacity": room.capacity}
                    for room in sorted(rooms.values(), key=lambda r: (str(r.venue), r.name))
                ],
                "days": [
                    _day(subject, index, day, activities) for index, (day, activities) in enumerate(days, 1)
                ],
            },
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def _day(subject: ExportSubject, index: int, day, activities) -> dict:
    start, end = day_bounds(subject, day)
    rooms: dict[str, list] = {}
    for activity in activities:
        name = subject.room_name(activity.room)
        rooms.setdefault(name, []).append(_event(subject, activity, name))
    return {
        "index": index,
        "date": day.isoformat(),
        "day_start": start.isoformat(),
        "day_end": end.isoformat(),
        "rooms": rooms,
    }


def _event(subject: ExportSubject, activity, room: str) -> dict:
    local = activity.starts_at.astimezone(subject.tz)
    return {
        "guid": str(activity.uid),
        "id": activity.pk,
        "date": local.isoformat(),
        "start": local.strftime("%H:%M"),
        "duration": hours_minutes(activity.duration),
        "room": room,
        "slug": event_slug(subject, activity),
        "url": subject.absolute(activity.get_public_url()),
        "title": str(activity.title),
        "subtitle": None,
        "track": subject.tracks()[activity.kind],
        "type": activity.kind,
        "language": activity.languages[0] if activity.languages else None,
        "abstract": str(activity.description) if activity.description else None,
        "persons": [{"guid": str(m.person.uid), "name": m.person.full_name} for m in activity.public_members],
        "links": [],
    }
