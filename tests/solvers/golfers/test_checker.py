from tissage.solvers.golfers import GolferSchedule, check_schedule

VALID = [[[0, 1], [2, 3]], [[0, 2], [1, 3]], [[0, 3], [1, 2]]]  # 2-2-3


def test_checker_accepts_a_valid_schedule_and_a_golfer_schedule():
    assert check_schedule(VALID, 2, 2, 3) == []
    assert check_schedule(GolferSchedule(tuple(tuple(map(tuple, r)) for r in VALID), "test"), 2, 2, 3) == []


def test_checker_reports_a_wrong_number_of_rounds():
    assert check_schedule(VALID[:2], 2, 2, 3) == ["2 rounds, expected 3"]


def test_checker_reports_a_group_of_the_wrong_size():
    faults = check_schedule([[[0, 1, 2], [3]]], 2, 2, 1)
    assert "round 1: group 1 has 3 players, expected 2" in faults
    assert "round 1: group 2 has 1 players, expected 2" in faults


def test_checker_reports_a_wrong_number_of_groups():
    assert "round 1: 1 groups, expected 2" in check_schedule([[[0, 1]]], 2, 2, 1)


def test_checker_reports_a_player_twice_in_a_round_and_the_one_missing():
    faults = check_schedule([[[0, 1], [1, 3]]], 2, 2, 1)
    assert "round 1: player 1 appears more than once" in faults
    assert "round 1: player(s) 2 missing" in faults


def test_checker_reports_players_out_of_range():
    faults = check_schedule([[[0, 1], [2, 7]]], 2, 2, 1)
    assert "round 1: group 2 holds 7, not a player 0..3" in faults


def test_checker_reports_a_repeated_pair_with_both_rounds():
    faults = check_schedule([[[0, 1], [2, 3]], [[1, 0], [3, 2]]], 2, 2, 2)
    assert faults == [
        "players 0 and 1 meet again in round 2 (first in round 1)",
        "players 2 and 3 meet again in round 2 (first in round 1)",
    ]
