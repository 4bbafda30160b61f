"""Small timetabling problems: two days of hourly slots, 09:00 to 17:00, in minutes from day 1's midnight."""

from tissage.solvers.timetable import Activity, Person, Placement, Problem, Room, Window

H = 60
DAY = 24 * H


def at(day: int, hour: float) -> int:
    """Minutes of ``hour`` o'clock on ``day`` (1 or 2)."""
    return (day - 1) * DAY + round(hour * H)


DAYS = (Window(at(1, 9), at(1, 18)), Window(at(2, 9), at(2, 18)))
SLOTS = tuple(at(day, hour) for day in (1, 2) for hour in range(9, 18))


def room(id="hall", **kwargs) -> Room:
    return Room(id, **kwargs)


def person(id, **kwargs) -> Person:
    return Person(id, **kwargs)


def activity(id, hours=1, **kwargs) -> Activity:
    return Activity(id, round(hours * H), **kwargs)


def placed(activity_id, day, hour, room="hall") -> Placement:
    return Placement(activity_id, at(day, hour), room)


def problem(activities, rooms=None, people=None, **kwargs) -> Problem:
    ids = sorted({p for a in activities for p in a.people})
    return Problem(
        slots=kwargs.pop("slots", SLOTS),
        days=kwargs.pop("days", DAYS),
        rooms=tuple(rooms or [room()]),
        people=tuple(people if people is not None else [person(i) for i in ids]),
        activities=tuple(activities),
        **kwargs,
    )


def schedule(solution) -> dict[str, tuple[int, int, str]]:
    """``{activity: (day, minute of the day, room)}``, readable in assertions."""
    return {p.activity: (p.start // DAY + 1, p.start % DAY, p.room) for p in solution.placements}
