import pytest

from tissage.solvers.golfers import InfeasibleGolfers, max_rounds_upper_bound
from tissage.solvers.golfers.bounds import check_request


@pytest.mark.parametrize(
    ("groups", "size", "bound"),
    [(8, 4, 10), (5, 3, 7), (6, 3, 8), (7, 4, 9), (4, 4, 5), (8, 2, 15), (1, 5, 1), (10, 3, 14)],
)
def test_upper_bound_is_the_counting_bound_in_general(groups, size, bound):
    assert max_rounds_upper_bound(groups, size) == bound


def test_upper_bound_is_one_round_with_fewer_groups_than_players_per_group():
    assert max_rounds_upper_bound(3, 4) == 1


def test_upper_bound_uses_tarry_for_six_groups_of_six():
    assert max_rounds_upper_bound(6, 6) == 3


def test_upper_bound_excludes_affine_planes_that_cannot_exist():
    assert max_rounds_upper_bound(10, 10) == 8  # Lam's computer proof plus Bruck's completion theorem
    assert max_rounds_upper_bound(14, 14) == 12  # Bruck-Ryser
    assert max_rounds_upper_bound(12, 12) == 13  # open: the counting bound stays


def test_upper_bound_knows_there_is_no_nearly_kirkman_system_on_12():
    assert max_rounds_upper_bound(4, 3) == 4


def test_check_request_reason_names_the_bound_and_the_request():
    with pytest.raises(InfeasibleGolfers) as caught:
        check_request(8, 4, 11)
    assert caught.value.reason.startswith("8 groups of 4 allow at most 10 rounds without repeats")
    assert caught.value.reason.endswith("11 asked")


@pytest.mark.parametrize(
    ("groups", "size", "rounds", "fragment"),
    [
        (0, 3, 1, "groups must be at least 1"),
        (3, 1, 1, "size must be at least 2"),
        (3, 3, 0, "rounds must be at least 1"),
        (3, 3, -2, "rounds must be at least 1"),
        (2.5, 3, 1, "groups must be a whole number"),
        (3, 3, True, "rounds must be a whole number"),
        (6, 6, 4, "orthogonal Latin squares"),
        (3, 4, 2, "only 3"),
    ],
)
def test_check_request_rejects_bad_requests_with_their_reason(groups, size, rounds, fragment):
    with pytest.raises(InfeasibleGolfers, match=fragment):
        check_request(groups, size, rounds)


def test_max_rounds_upper_bound_rejects_bad_shapes():
    with pytest.raises(InfeasibleGolfers, match="size must be at least 2"):
        max_rounds_upper_bound(4, 1)
