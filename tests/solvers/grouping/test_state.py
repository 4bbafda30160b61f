"""The search's incremental bookkeeping must agree with a recount from scratch, move after move."""

import random
from collections import Counter
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tissage.solvers.grouping.construct import construct
from tissage.solvers.grouping.model import Model
from tissage.solvers.grouping.state import SPREAD, State, assign_interpreters

from .builders import problems, programme


def totals(state: State) -> tuple:
    return (
        state.hard,
        round(state.soft, 6),
        state.repeats,
        round(state.pair_cost, 6),
        round(state.balance, 6),
        state.interpreted,
        state.moved,
        [state.session_hard(s) for s in range(state.S)],
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(), st.integers(0, 2**16), st.booleans())
def test_deltas_and_counters_match_a_recount(problem, seed, anchored):
    rng = random.Random(seed)
    model = Model(problem)
    if anchored:
        # As in a repair: everyone has a group to stay in, moving away costs.
        anchors = {
            (s, p): rng.randrange(sd.groups) for s, sd in enumerate(model.sessions) for p in sd.present
        }
        model = Model(problem, anchors=anchors)
    state = State(model)
    construct(state, rng)
    for _ in range(60):
        s = rng.randrange(state.S)
        units = model.sessions[s].units
        if len(units) < 2:
            continue
        out, into = rng.sample(units, 2)
        g, h = state.grp[s][out[0]], state.grp[s][into[0]]
        if g == h:
            h = (g + 1) % model.sessions[s].groups
            into = ()
        if g == h:
            continue
        if rng.random() < 0.3:
            into = ()
        hard, soft = state.delta(s, out, g, into, h)
        before = (state.hard, state.soft)
        state.apply(s, out, g, into, h)
        assert (state.hard - before[0], round(state.soft - before[1], 6)) == (hard, round(soft, 6))
    fresh = State(model)
    fresh.load(state.assignment())
    assert totals(fresh) == totals(state)
    assert round(state.pair_cost, 6) == round(pair_cost(model, state.assignment()), 6)


def pair_cost(model: Model, assignment) -> float:
    """The repeat cost recounted from its definition: per pair, its repeated meetings (each
    meeting of a history pair at its weight) plus SPREAD per pair of its meetings."""
    met = Counter(
        pair for groups in assignment for group in groups for pair in combinations(sorted(group), 2)
    )
    total = 0.0
    for (p, q), m in met.items():
        if model.tracked[p][q]:
            h = model.hist[p][q]
            total += (h * m if h > 0 else m - 1) + SPREAD * m * (m - 1) / 2
    return total


def test_cutoff_only_skips_exchanges_worse_than_it():
    model = Model(programme(12, 3, 3, 2))
    state = State(model)
    construct(state, random.Random(0))
    sd = model.sessions[0]
    out, into = sd.units[0], next(u for u in sd.units if state.grp[0][u[0]] != state.grp[0][sd.units[0][0]])
    g, h = state.grp[0][out[0]], state.grp[0][into[0]]
    full = state.delta(0, out, g, into, h)
    assert state.delta(0, out, g, into, h, full[1] + 1000) == full
    assert state.delta(0, out, g, into, h, full[1] - 1000) is None


def test_interpreters_are_matched_to_as_many_groups_as_possible():
    # Group 0 can only have interpreter 0; group 1 either; group 2 only interpreter 0 too.
    assert assign_interpreters({0: 0b01, 1: 0b11}) == {0: 0, 1: 1}
    assert len(assign_interpreters({0: 0b01, 1: 0b11, 2: 0b01})) == 2
    assert assign_interpreters({}) == {}
