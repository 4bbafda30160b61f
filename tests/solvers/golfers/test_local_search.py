import numpy as np

from tissage.solvers.golfers import check_schedule
from tissage.solvers.golfers.local_search import greedy_start, tabu_search
from tissage.solvers.golfers.model import Budget


def test_tabu_search_finds_a_loose_schedule():
    result = tabu_search(6, 4, 5, seed=0, budget=Budget.starting_now(10))
    assert result.repeats == 0
    assert check_schedule(result.rounds, 6, 4, 5) == []


def test_tabu_search_is_deterministic_for_a_seed():
    first = tabu_search(6, 3, 5, seed=7, budget=Budget.starting_now(10))
    second = tabu_search(6, 3, 5, seed=7, budget=Budget.starting_now(10))
    assert first == second


def test_tabu_search_reports_the_repeats_left_when_time_is_up():
    result = tabu_search(8, 4, 10, seed=0, budget=Budget.starting_now(0.0))
    assert result.repeats > 0
    assert result.steps == 0
    faults = check_schedule(result.rounds, 8, 4, 10)
    assert faults and all("meet again" in fault for fault in faults)


def test_tabu_search_counts_forbidden_pairs_as_already_met():
    forbidden = frozenset({(0, 1), (2, 3), (0, 5)})
    result = tabu_search(4, 4, 3, seed=0, budget=Budget.starting_now(10), forbidden_pairs=forbidden)
    assert result.repeats == 0
    together = {frozenset(pair) for round_ in result.rounds for group in round_ for pair in _pairs(group)}
    assert not together & {frozenset(pair) for pair in forbidden}


def test_greedy_start_builds_partitions_and_repeats_nothing_when_easy():
    rng = np.random.default_rng(0)
    group_of = greedy_start(5, 3, 3, rng, np.zeros((15, 15), dtype=np.int64))
    assert (group_of[0] == np.arange(15) // 3).all()
    for row in group_of:
        assert sorted(np.bincount(row).tolist()) == [3] * 5


def _pairs(group):
    return [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
