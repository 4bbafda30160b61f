from tissage.solvers.golfers import check_schedule
from tissage.solvers.golfers.cpsat import solve_baseline, solve_exact
from tissage.solvers.golfers.model import Budget


def test_baseline_model_solves_tiny_instances():
    for groups, size, rounds in [(2, 2, 3), (3, 3, 4)]:
        found = solve_baseline(groups, size, rounds, seed=0, budget=Budget.starting_now(20))
        assert found is not None
        assert check_schedule(found, groups, size, rounds) == []


def test_baseline_model_finds_nothing_beyond_the_bound():
    assert solve_baseline(2, 2, 4, seed=0, budget=Budget.starting_now(20)) is None


def test_exact_model_solves_the_affine_plane_of_order_3():
    found = solve_exact(3, 3, 4, seed=0, budget=Budget.starting_now(20))
    assert found is not None
    assert check_schedule(found, 3, 3, 4) == []


def test_exact_model_proves_no_fifth_round_for_3_groups_of_3():
    assert solve_exact(3, 3, 5, seed=0, budget=Budget.starting_now(20)) is None


def test_exact_model_stops_when_asked():
    found = solve_exact(5, 3, 7, seed=0, budget=Budget.starting_now(20, should_stop=lambda: True))
    assert found is None
