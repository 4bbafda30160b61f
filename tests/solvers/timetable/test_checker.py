import pytest

from tissage.solvers.timetable import Costs, Placement, ProblemError, Rule, Violation, Window, check, costs

from .builders import activity, at, person, placed, problem, room


def test_check_finds_every_hard_rule_broken():
    rooms = [room("hall", capacity=10, changeover=30, hours=(Window(at(1, 9), at(1, 12)),)), room("studio")]
    people = [
        person("anna", present=(Window(at(2, 0), at(3, 0)),)),
        person("ivan", busy=(Window(at(1, 9), at(1, 10)),)),
    ]
    activities = [
        activity("big", attendance=50),
        activity("late", people=("anna",)),
        activity("busy", people=("ivan",)),
        activity("pinned", current=placed("pinned", 2, 9, "studio"), fixed=True),
        activity("left-out"),
        activity("after", people=("anna",)),
        activity("evening"),
    ]
    placements = [
        placed("big", 1, 9),  # too big for the hall
        placed("late", 1, 10.25),  # Anna is not there yet; within the hall's changeover after "big"
        placed("busy", 1, 9, "studio"),  # Ivan is busy elsewhere
        placed("pinned", 2, 10, "studio"),  # moved although pinned
        placed("after", 1, 10.25, "studio"),  # Anna twice at once
        placed("evening", 1, 13),  # after the hall's curfew
    ]
    found = check(problem(activities, rooms=rooms, people=people), placements)
    assert found == [
        Violation(Rule.FIT, "big", ("big",)),
        Violation(Rule.PRESENCE, "anna", ("late",)),
        Violation(Rule.BUSY, "ivan", ("busy",)),
        Violation(Rule.PIN, "pinned", ("pinned",)),
        Violation(Rule.PLACE, "left-out", ("left-out",)),
        Violation(Rule.PRESENCE, "anna", ("after",)),
        Violation(Rule.HOURS, "hall", ("evening",)),
        Violation(Rule.ROOM, "hall", ("big", "late")),
        Violation(Rule.OVERLAP, "anna", ("after", "late")),
    ]


def test_costs_count_each_soft_shortfall():
    evening = (Window(at(1, 17), at(1, 18)),)
    people = [person("anna", travel=(Window(at(1, 0), at(2, 0)),)), person("ivan")]
    activities = [
        activity("concert", people=("anna", "ivan"), preferred=evening),
        activity("w1", people=("ivan",), group="g"),
        activity("w2", people=("ivan",), group="g", current=placed("w2", 2, 9)),
    ]
    placements = [placed("concert", 1, 9), placed("w1", 1, 10, "r2"), placed("w2", 2, 10)]
    found = costs(problem(activities, rooms=[room(), room("r2")], people=people, rest=60), placements)
    assert found == Costs(preferred=1, room_changes=1, rest=1, travel=1, moves=1)
    assert found.total(problem(activities).weights) == 10 + 6 + 3 + 4 + 2


def test_problem_refuses_unknown_people_and_duplicate_ids():
    with pytest.raises(ProblemError) as unknown:
        problem([activity("a", people=("ghost",))], people=[])
    assert unknown.value.field == "activities[0].people"
    with pytest.raises(ProblemError) as twice:
        problem([activity("a"), activity("a")])
    assert twice.value.field == "activities[1].id"
    with pytest.raises(ProblemError):
        activity("a", fixed=True)
    with pytest.raises(ProblemError):
        activity("a", current=Placement("b", 0, None))
