import itertools

import pytest

from tissage.solvers.timetable import (
    Person,
    Placement,
    Requirement,
    Rule,
    Status,
    Weights,
    Window,
    check,
    costs,
    engine,
    solve,
)

from .builders import DAY, activity, at, person, placed, problem, room, schedule

NO_WISHES = Weights(preferred=0, room_changes=0, rest=0, travel=0, moves=0)


def test_solve_places_a_concert_in_its_preferred_evening_window():
    evening = (Window(at(1, 16), at(1, 18)), Window(at(2, 16), at(2, 18)))
    solution = solve(problem([activity("concert", 2, preferred=evening)]), seed=1, time_limit=5)
    assert solution.status == Status.OPTIMAL
    assert schedule(solution)["concert"][1] == 16 * 60
    assert (solution.objective, solution.bound) == (0, 0)


def test_solve_never_puts_someone_in_two_places():
    # Three hour-long activities led by Anna on day 1 only, in two rooms: they go one after another.
    anna = person("anna", present=(Window(at(1, 0), at(2, 0)),))
    activities = [activity(name, people=("anna",)) for name in ("a", "b", "c")]
    found = solve(problem(activities, rooms=[room("r1"), room("r2")], people=[anna]), seed=1, time_limit=5)
    starts = sorted(p.start for p in found.placements)
    assert all(later - earlier >= 60 for earlier, later in itertools.pairwise(starts))
    assert {p.start // DAY for p in found.placements} == {0}


def test_solve_chooses_the_room_that_holds_the_audience_and_has_the_equipment():
    rooms = [
        room("studio", capacity=10, equipment=frozenset({"piano"})),
        room("hall", capacity=300, equipment=frozenset({"sound system"})),
        room("theatre", capacity=300, equipment=frozenset({"sound system", "piano"})),
    ]
    concert = activity("concert", attendance=200, equipment=frozenset({"piano"}))
    assert schedule(solve(problem([concert], rooms=rooms), seed=1, time_limit=5))["concert"][2] == "theatre"


def test_solve_keeps_the_changeover_between_two_uses_of_a_stage():
    stage = room("stage", changeover=60, hours=(Window(at(1, 9), at(1, 12)),))
    found = solve(problem([activity("a"), activity("b")], rooms=[stage]), seed=1, time_limit=5)
    assert sorted(minute for _day, minute, _room in schedule(found).values()) == [9 * 60, 11 * 60]


def test_solve_keeps_to_opening_hours_and_curfew():
    studio = room("studio", hours=(Window(at(2, 14), at(2, 16)),))
    assert schedule(solve(problem([activity("a", 2)], rooms=[studio]), seed=1, time_limit=5)) == {
        "a": (2, 14 * 60, "studio")
    }


def test_solve_keeps_activities_within_each_persons_stay():
    marie = person("marie", present=(Window(at(2, 0), at(3, 0)),))
    found = solve(problem([activity("a", people=("marie",))], people=[marie]), seed=1, time_limit=5)
    assert schedule(found)["a"][0] == 2


def test_solve_avoids_commitments_elsewhere():
    ivan = person("ivan", busy=(Window(at(1, 0), at(2, 12)),))
    found = solve(problem([activity("a", people=("ivan",))], people=[ivan]), seed=1, time_limit=5)
    assert schedule(found)["a"][:2] >= (2, 12 * 60)


def test_solve_leaves_a_fixed_activity_where_it_is():
    fixed = activity("pinned", people=("anna",), current=placed("pinned", 1, 9.25), fixed=True)
    other = activity("other", people=("anna",))
    pinned = problem([fixed, other], weights=NO_WISHES)
    found = solve(pinned, seed=1, time_limit=5)
    assert found.placements[0] == Placement("pinned", at(1, 9.25), "hall")
    assert check(pinned, found.placements) == []


def test_solve_keeps_a_group_in_one_room_and_rest_between_commitments():
    rooms = [room("r1"), room("r2")]
    series = [activity(f"w{n}", people=("anna", "ivan"), group="w") for n in range(3)]
    found = solve(problem(series, rooms=rooms, rest=60), seed=1, time_limit=10)
    assert len({p.room for p in found.placements}) == 1
    assert found.costs.rest == 0
    assert (found.status, found.objective) == (Status.OPTIMAL, 0)


def test_solve_keeps_travel_days_free_when_it_can():
    marie = person("marie", travel=(Window(at(1, 0), at(2, 0)),))
    found = solve(problem([activity("a", people=("marie",))], people=[marie]), seed=1, time_limit=5)
    assert schedule(found)["a"][0] == 2
    assert found.costs.travel == 0


def test_solve_moves_an_activity_already_placed_only_when_it_must():
    current = placed("a", 2, 11)
    found = solve(problem([activity("a", current=current)]), seed=1, time_limit=5)
    assert found.placements == (current,)
    # Ivan is only there on day 1 now: the activity moves, at the price of one move.
    ivan = person("ivan", present=(Window(at(1, 0), at(2, 0)),))
    found = solve(
        problem([activity("a", people=("ivan",), current=current)], people=[ivan]), seed=1, time_limit=5
    )
    assert (schedule(found)["a"][0], found.costs.moves, found.objective) == (1, 1, 2)


def test_solve_objective_is_what_the_checker_counts():
    evening = (Window(at(1, 16), at(1, 18)),)
    people = [person("anna", travel=(Window(at(2, 0), at(3, 0)),)), person("ivan")]
    activities = [
        activity("concert", 2, people=("anna", "ivan"), preferred=evening),
        activity("workshop", 3, people=("anna",), group="g"),
        activity("workshop-2", 3, people=("anna",), group="g"),
        activity("meeting", people=("ivan", "anna")),
    ]
    tight = problem(activities, rooms=[room("r1"), room("r2")], people=people, rest=120)
    found = solve(tight, seed=2, time_limit=5)
    assert check(tight, found.placements) == []
    assert found.objective == costs(tight, found.placements).total(tight.weights)
    assert found.bound <= found.objective


def test_solve_is_reproducible_with_a_seed():
    activities = [activity(f"a{n}", people=(f"p{n % 3}", f"p{(n + 1) % 3}")) for n in range(8)]
    first = solve(problem(activities, rooms=[room("r1"), room("r2")]), seed=7, time_limit=5)
    second = solve(problem(activities, rooms=[room("r1"), room("r2")]), seed=7, time_limit=5)
    assert first.placements == second.placements


def test_solve_improves_big_timetables_piece_by_piece(monkeypatch):
    # The same rules on the piece-by-piece path that big editions take.
    monkeypatch.setattr(engine, "WHOLE_MODEL_SIZE", 0)
    people = [Person(f"p{n}") for n in range(6)]
    activities = [
        activity(f"a{n}", people=(f"p{n % 6}", f"p{(n + 2) % 6}"), group=f"g{n % 3}") for n in range(12)
    ]
    big = problem(activities, rooms=[room("r1"), room("r2"), room("r3")], people=people, rest=60)
    found = solve(big, seed=3, time_limit=3)
    assert found.is_timetable
    assert check(big, found.placements) == []
    assert found.objective == costs(big, found.placements).total(big.weights)


def test_solve_reports_progress_and_stops_when_asked():
    reports = []
    activities = [activity(f"a{n}", people=(f"p{n % 4}",), group="g") for n in range(12)]
    found = solve(
        problem(activities, rooms=[room("r1"), room("r2")], rest=120),
        seed=1,
        time_limit=30,
        progress=lambda fraction, message: reports.append((fraction, message)),
        should_stop=lambda: bool(reports),
    )
    assert found.is_timetable
    assert found.seconds < 10
    assert reports and all(0 <= fraction < 1 for fraction, _message in reports)


@pytest.mark.parametrize(
    ("activities", "rooms", "people", "conflict"),
    [
        pytest.param(
            [activity("concert", attendance=500)],
            [room("hall", capacity=100)],
            None,
            {Requirement(Rule.PLACE, "concert"), Requirement(Rule.FIT, "concert")},
            id="no-room-big-enough",
        ),
        pytest.param(
            [activity("a", 5, people=("anna",)), activity("b", 5, people=("anna",)), activity("c")],
            [room("r1"), room("r2")],
            [person("anna", present=(Window(at(1, 0), at(2, 0)),))],
            {
                Requirement(Rule.PLACE, "a"),
                Requirement(Rule.PLACE, "b"),
                Requirement(Rule.PRESENCE, "anna"),
                Requirement(Rule.OVERLAP, "anna"),
            },
            id="two-long-workshops-in-one-day-of-stay",
        ),
        pytest.param(
            [
                activity("pinned", people=("anna",), current=placed("pinned", 1, 10), fixed=True),
                activity(
                    "also-pinned", people=("anna",), current=placed("also-pinned", 1, 10, "r2"), fixed=True
                ),
            ],
            [room("hall"), room("r2")],
            None,
            {
                Requirement(Rule.PIN, "pinned"),
                Requirement(Rule.PIN, "also-pinned"),
                Requirement(Rule.OVERLAP, "anna"),
            },
            id="two-pinned-at-once",
        ),
        pytest.param(
            [activity("late", 3)],
            [room("studio", hours=(Window(at(1, 9), at(1, 11)), Window(at(2, 9), at(2, 11))))],
            None,
            {Requirement(Rule.PLACE, "late"), Requirement(Rule.HOURS, "studio")},
            id="longer-than-opening-hours",
        ),
    ],
)
def test_solve_names_a_minimal_set_of_clashing_requirements(activities, rooms, people, conflict):
    found = solve(problem(activities, rooms=rooms, people=people), seed=1, time_limit=5)
    assert (found.status, set(found.conflict), found.placements) == (Status.INFEASIBLE, conflict, ())


@pytest.mark.parametrize(
    ("fixed", "conflict"),
    [
        pytest.param(
            False, {Requirement(Rule.PLACE, "concert"), Requirement(Rule.PRESENCE, "anna")}, id="free"
        ),
        pytest.param(
            True, {Requirement(Rule.PIN, "concert"), Requirement(Rule.PRESENCE, "anna")}, id="pinned"
        ),
    ],
)
def test_solve_names_the_one_activity_that_has_no_place_in_a_big_timetable_at_once(fixed, conflict):
    # Anna declined: the concert she plays in can happen nowhere, whatever the sixty others do.
    others = [activity(f"w{n}", people=(f"p{n % 12}", f"p{(n + 5) % 12}")) for n in range(60)]
    concert = activity(
        "concert",
        2,
        people=("anna", "p1"),
        current=placed("concert", 1, 15, "r0") if fixed else None,
        fixed=fixed,
    )
    people = [person("anna", present=()), *(person(f"p{n}") for n in range(12))]
    rooms = [room(f"r{n}") for n in range(4)]
    found = solve(problem([*others, concert], rooms=rooms, people=people), seed=1, time_limit=5)
    assert (found.status, set(found.conflict)) == (Status.INFEASIBLE, conflict)
    assert found.seconds < 3
