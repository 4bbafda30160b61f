from tissage.solvers.golfers import check_schedule
from tissage.solvers.golfers.model import Budget
from tissage.solvers.golfers.orbits import OrbitTemplate, develop, generic_templates, search_base_classes

KTS15 = OrbitTemplate((7,), 2, 1, 3, ((),))


def test_orbit_search_rederives_a_kirkman_system_on_15():
    base = search_base_classes(KTS15, seed=0, budget=Budget.starting_now(20))
    assert base is not None
    assert check_schedule(develop(KTS15, base), 5, 3, 7) == []


def test_orbit_search_is_deterministic_for_a_seed():
    first = search_base_classes(KTS15, seed=3, budget=Budget.starting_now(20))
    assert first == search_base_classes(KTS15, seed=3, budget=Budget.starting_now(20))


def test_orbit_search_proves_a_group_without_solution():
    # No Kirkman system on 21 points is invariant under Z10 acting on two levels plus a point.
    template = OrbitTemplate((10,), 2, 1, 3, ((),))
    assert search_base_classes(template, seed=0, budget=Budget.starting_now(30)) is None


def test_template_counts_players_and_rounds_from_stabilisers():
    one_rotational = OrbitTemplate((3, 3, 3), 1, 1, 4, (((1, 0, 0),),))
    assert (one_rotational.players, one_rotational.rounds) == (28, 9)
    assert OrbitTemplate((4,), 4, 2, 3, ((), ())).rounds == 8


def test_pair_orbits_of_opposite_differences_coincide_and_halve_for_involutions():
    template = OrbitTemplate((8,), 2, 2, 3, ((),))
    assert template.pair_orbit(0, 3) == template.pair_orbit(3, 0) == template.pair_orbit(5, 0)
    assert template.pair_orbit(0, 4)[1] == 4
    assert template.pair_orbit(0, 16)[1] == 8
    assert template.pair_orbit(16, 17)[1] == 1


def test_generic_templates_offer_one_rotational_groups_for_whole_designs():
    templates = generic_templates(7, 4, 9)
    assert templates[0] == OrbitTemplate((27,), 1, 1, 4, (((9,),),))
    assert all(t.players == 28 and t.rounds >= 9 for t in templates)
