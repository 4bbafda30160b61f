import pytest

from tissage.solvers.grouping import (
    HistoryPair,
    Lock,
    PairRule,
    Person,
    Problem,
    ProblemError,
    Rules,
    Session,
    Wish,
)
from tissage.solvers.grouping.bounds import counting_bound
from tissage.solvers.grouping.model import Model

from .builders import affine_plane, person, programme


def test_people_are_normalised_and_frozen():
    ana = Person(id="ana", hub="marseille", role="leader", languages={"ru": "basic", "fr": "native"})
    assert ana.languages == (("fr", "native"), ("ru", "basic"))
    assert ana.usable_languages == {"fr"}
    assert ana.role.can_lead
    with pytest.raises(AttributeError):
        ana.hub = "kinshasa"


@pytest.mark.parametrize(
    ("share", "size", "cap"), [(0.5, 5, 2), (0.5, 4, 2), (0.67, 3, 2), (1 / 3, 6, 2), (1.0, 4, 4)]
)
def test_hub_cap_is_exact(share, size, cap):
    assert Rules(max_hub_share=share).hub_cap(size) == cap


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"history": (HistoryPair("p0", "zed"),)}, "history[0].pair[1]"),
        ({"pair_rules": (PairRule("p0", "p0", "apart"),)}, "pair_rules[0]"),
        ({"wishes": (Wish("p0", "p1", 1.0, "keep_leader"),)}, "wishes[0].pair[1]"),
        ({"locks": (Lock("p0", "s9", 1),)}, "locks[0].session"),
        ({"locks": (Lock("p0", "s1", 4),)}, "locks[0].group"),
        ({"people": (person("p0"), person("p0"))}, "people[1].id"),
        ({"sessions": ()}, "sessions"),
    ],
)
def test_structural_errors_name_the_field(change, field):
    base = {"sessions": (Session("s1", 3, 2, 4),), "people": tuple(person(f"p{i}") for i in range(6))}
    with pytest.raises(ProblemError) as caught:
        Problem(**{**base, **change})
    assert caught.value.field == field


def test_interpreters_cannot_be_locked_into_groups():
    people = (person("p0"), person("ivan", role="interpreter"))
    with pytest.raises(ProblemError, match="interpreters are never group members"):
        Problem(sessions=(Session("s1", 1, 1, 2),), people=people, locks=(Lock("ivan", "s1", 1),))


def test_counting_bounds():
    # Affine plane: 36 meetings, 36 pairs; each history pair forces one repeat.
    assert counting_bound(Model(affine_plane())) == 0
    history = (HistoryPair("p0", "p1"), HistoryPair("p2", "p3"))
    assert counting_bound(Model(affine_plane(history=history))) == 2
    # 30 people, 5 groups of 6, twice: each later group holds two people of one earlier group.
    assert counting_bound(Model(programme(30, 1, 5, 2))) == 5
    # A must-together pair in 3 sessions repeats twice; with a wish it is wanted, never a repeat.
    together = programme(9, 1, 3, 3, pair_rules=(PairRule("p0", "p1", "together"),))
    assert counting_bound(Model(together)) == 2
    wished = programme(9, 1, 3, 3, pair_rules=(PairRule("p0", "p1", "together"),), wishes=(Wish("p0", "p1"),))
    assert counting_bound(Model(wished)) == 0
