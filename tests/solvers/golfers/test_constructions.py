import pytest

from tissage.solvers.golfers import check_schedule, max_rounds_upper_bound
from tissage.solvers.golfers.constructions import (
    _solve_gf2,
    best_construction,
    filled_transversal,
    lifted_spreads,
    projective_lines,
    projective_packing,
    round_robin,
    transversal,
)
from tissage.solvers.golfers.cpsat import resolve_design
from tissage.solvers.golfers.model import Budget
from tissage.solvers.golfers.orbits import CATALOGUE, catalogue_schedule


def test_affine_plane_ag24_gives_4_4_5():
    rounds, method = best_construction(4, 4)
    assert method == "affine-plane"
    assert len(rounds) == 5
    assert check_schedule(rounds, 4, 4, 5) == []


@pytest.mark.parametrize("q", [3, 4, 5, 7, 8, 9, 11])
def test_affine_plane_reaches_q_plus_one_rounds_for_prime_powers(q):
    rounds, method = best_construction(q, q)
    assert (method, len(rounds)) == ("affine-plane", q + 1)
    assert check_schedule(rounds, q, q, q + 1) == []


def test_kirkman_triple_system_15_gives_the_schoolgirls():
    rounds, method = best_construction(5, 3)
    assert (method, len(rounds)) == ("kirkman", 7)
    assert check_schedule(rounds, 5, 3, 7) == []


def test_nearly_kirkman_system_18_gives_6_3_8():
    rounds, method = best_construction(6, 3)
    assert (method, len(rounds)) == ("nearly-kirkman", 8)
    assert check_schedule(rounds, 6, 3, 8) == []


def test_resolvable_28_4_1_design_gives_7_4_9():
    rounds, method = best_construction(7, 4)
    assert (method, len(rounds)) == ("resolvable-design", 9)
    assert check_schedule(rounds, 7, 4, 9) == []


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_catalogue_entry_is_valid_and_reaches_the_bound(key):
    groups, size = key
    rounds, _ = catalogue_schedule(groups, size)
    assert len(rounds) == max_rounds_upper_bound(groups, size)
    assert check_schedule(rounds, groups, size, len(rounds)) == []


def test_transversal_design_filled_by_columns_gives_8_4_9():
    rounds = filled_transversal(8, 4)
    assert len(rounds) == 9
    assert check_schedule(rounds, 8, 4, 9) == []


def test_lifted_spreads_give_the_original_golfer_problem_8_4_10():
    rounds = lifted_spreads()
    assert rounds is not None and len(rounds) == 10
    assert check_schedule(rounds, 8, 4, 10) == []
    assert best_construction(8, 4) == (rounds, "lifted-spreads")


def test_projective_packing_gives_10_4_13():
    rounds = projective_packing()
    assert len(rounds) == 13 == max_rounds_upper_bound(10, 4)
    assert check_schedule(rounds, 10, 4, 13) == []


def test_projective_lines_of_pg3q_have_the_right_counts():
    for q, points, lines in ((2, 15, 35), (3, 40, 130)):
        found = projective_lines(q)
        assert len(found) == lines
        assert {p for line in found for p in line} == set(range(points))
        assert all(len(line) == q + 1 for line in found)


def test_resolve_design_finds_a_packing_of_pg32_which_is_a_kirkman_system():
    classes = resolve_design(15, projective_lines(2), seed=0, budget=Budget.starting_now(20))
    assert classes is not None
    rounds = [
        [line for line, c in zip(projective_lines(2), classes, strict=True) if c == k] for k in range(7)
    ]
    assert check_schedule(rounds, 5, 3, 7) == []


def test_gf2_solver_solves_consistent_systems_and_rejects_contradictions():
    # x0 + x1 = 1, x1 + x2 = 0, x0 = 1  ->  (1, 0, 0)
    assert _solve_gf2([(0b011, 1), (0b110, 0), (0b001, 1)], 3) == [1, 0, 0]
    assert _solve_gf2([(0b011, 1), (0b011, 0)], 2) is None


def test_transversal_design_has_q_rounds_and_meets_cross_column_pairs_once():
    rounds = transversal(7, 4)
    assert len(rounds) == 7
    assert check_schedule(rounds, 7, 4, 7) == []


def test_cyclic_net_gives_the_three_rounds_six_groups_of_six_allow():
    rounds, _ = best_construction(6, 6)
    assert len(rounds) == 3 == max_rounds_upper_bound(6, 6)
    assert check_schedule(rounds, 6, 6, 3) == []


def test_round_robin_pairs_everybody_once():
    rounds = round_robin(6)
    assert len(rounds) == 11
    assert check_schedule(rounds, 6, 2, 11) == []


@pytest.mark.parametrize(
    ("groups", "size"),
    [
        (9, 3),
        (16, 4),
        (15, 3),
        (25, 5),
        (4, 3),
        (8, 3),
        (10, 4),
        (11, 3),
        (10, 3),
        (7, 3),
        (6, 4),
        (3, 3),
        (4, 2),
    ],
)
def test_best_construction_reaches_the_upper_bound(groups, size):
    rounds, _ = best_construction(groups, size)
    assert len(rounds) == max_rounds_upper_bound(groups, size)
    assert check_schedule(rounds, groups, size, len(rounds)) == []


def test_best_construction_gives_5_4_5_where_the_bound_6_is_not_known_to_be_reachable():
    rounds, _ = best_construction(5, 4)
    assert len(rounds) == 5
    assert check_schedule(rounds, 5, 4, 5) == []


def test_best_construction_falls_back_to_a_single_round():
    rounds, method = best_construction(2, 3)
    assert (method, rounds) == ("single-round", (((0, 1, 2), (3, 4, 5)),))
