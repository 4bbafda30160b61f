import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tissage.solvers.golfers import (
    GolferSchedule,
    InfeasibleGolfers,
    check_schedule,
    max_rounds_upper_bound,
    solve_golfers,
    solve_golfers_min_repeats,
)


@pytest.mark.parametrize(
    ("groups", "size", "rounds", "method"),
    [
        (5, 3, 7, "kirkman"),
        (4, 4, 5, "affine-plane"),
        (6, 3, 8, "nearly-kirkman"),
        (7, 4, 9, "resolvable-design"),
        (8, 4, 10, "lifted-spreads"),
        (10, 4, 13, "projective-packing"),
        (8, 4, 9, "lifted-spreads"),
        (9, 3, 13, "transversal-design"),
        (9, 9, 10, "affine-plane"),
    ],
)
def test_solve_golfers_uses_constructions_for_famous_instances(groups, size, rounds, method):
    schedule = solve_golfers(groups, size, rounds, time_limit=5)
    assert schedule is not None
    assert schedule.method == method
    assert check_schedule(schedule, groups, size, rounds) == []


def test_solve_golfers_searches_when_no_construction_is_long_enough():
    schedule = solve_golfers(12, 4, 8, time_limit=20)  # over Z12 the transversal design has 3 rounds
    assert schedule is not None
    assert schedule.method == "tabu"
    assert check_schedule(schedule, 12, 4, 8) == []


def test_solve_golfers_finds_symmetric_schedules_by_orbit_search():
    schedule = solve_golfers(5, 3, 7, time_limit=30, method="orbit")
    assert schedule is not None and schedule.method == "cyclic-orbit"
    assert check_schedule(schedule, 5, 3, 7) == []


def test_solve_golfers_restricted_to_constructions_gives_up_at_once():
    started = time.monotonic()
    assert solve_golfers(12, 4, 8, time_limit=30, method="construction") is None
    assert time.monotonic() - started < 1


def test_solve_golfers_is_reproducible_for_a_seed_and_varies_with_it():
    first = solve_golfers(10, 4, 6, seed=1, time_limit=20, method="tabu")
    again = solve_golfers(10, 4, 6, seed=1, time_limit=20, method="tabu")
    other = solve_golfers(10, 4, 6, seed=2, time_limit=20, method="tabu")
    assert first is not None and again is not None and other is not None
    assert first.rounds == again.rounds
    assert first.rounds != other.rounds


def test_solve_golfers_raises_the_reason_before_searching():
    started = time.monotonic()
    with pytest.raises(
        InfeasibleGolfers, match=r"8 groups of 4 allow at most 10 rounds without repeats .*; 11 asked"
    ):
        solve_golfers(8, 4, 11, time_limit=60)
    assert time.monotonic() - started < 1


def test_solve_golfers_returns_none_within_the_time_limit():
    started = time.monotonic()
    assert solve_golfers(8, 4, 10, time_limit=0.5, method="tabu") is None  # the construction is barred
    assert time.monotonic() - started < 1.5


def test_solve_golfers_stops_when_the_caller_says_so():
    calls = []

    def should_stop() -> bool:
        calls.append(1)
        return len(calls) > 3

    started = time.monotonic()
    assert solve_golfers(8, 4, 10, time_limit=60, should_stop=should_stop, method="tabu") is None
    assert time.monotonic() - started < 5


def test_solve_golfers_reports_progress_fractions():
    seen = []
    solve_golfers(6, 4, 5, time_limit=10, progress=lambda fraction, message: seen.append((fraction, message)))
    assert seen and all(0.0 <= fraction <= 1.0 for fraction, _ in seen)
    assert seen[-1][0] == 1.0 and seen[-1][1].startswith("found by")


def test_solve_golfers_rejects_unknown_methods_and_bad_seeds():
    with pytest.raises(ValueError, match="unknown method"):
        solve_golfers(4, 4, 5, method="magic")
    with pytest.raises(ValueError, match="seed"):
        solve_golfers(4, 4, 5, seed=-1)


def test_golfer_schedule_serialises_to_json_lists():
    schedule = solve_golfers(2, 2, 3)
    assert isinstance(schedule, GolferSchedule)
    assert schedule.to_json() == {"rounds": [[[0, 3], [1, 2]], [[0, 2], [1, 3]], [[0, 1], [2, 3]]]}
    assert (schedule.groups, schedule.size) == (2, 2)


def test_min_repeats_counts_the_unavoidable_repeats_past_the_bound():
    schedule, repeats = solve_golfers_min_repeats(2, 2, 4, time_limit=1)
    assert len(schedule.rounds) == 4
    assert repeats == 2  # a fourth round of two pairs repeats two pairs whatever it is


def test_min_repeats_avoids_forbidden_pairs():
    schedule, repeats = solve_golfers_min_repeats(
        3, 3, 2, time_limit=10, forbidden_pairs=frozenset({(0, 1), (4, 8)})
    )
    assert repeats == 0
    assert not any(
        {0, 1} <= set(group) or {4, 8} <= set(group) for round_ in schedule.rounds for group in round_
    )


@settings(max_examples=25, deadline=None)
@given(groups=st.integers(1, 7), size=st.integers(2, 5), extra=st.integers(-6, 2), seed=st.integers(0, 2**16))
def test_solve_golfers_returns_valid_schedules_or_a_reason(groups, size, extra, seed):
    bound = max_rounds_upper_bound(groups, size)
    rounds = max(1, bound + extra)
    if rounds > bound:
        with pytest.raises(InfeasibleGolfers, match=f"allow at most {bound} round"):
            solve_golfers(groups, size, rounds, seed=seed, time_limit=0.3)
        return
    started = time.monotonic()
    schedule = solve_golfers(groups, size, rounds, seed=seed, time_limit=0.3)
    assert time.monotonic() - started < 2.0  # the limit plus the ~1 s grace the API promises, with CI slack
    if schedule is not None:
        assert check_schedule(schedule, groups, size, rounds) == []
