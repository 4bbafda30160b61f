"""Small problems for the grouping tests, and a hypothesis strategy of random feasible-looking ones."""

from __future__ import annotations

from hypothesis import strategies as st

from tissage.solvers.grouping import HistoryPair, Lock, PairRule, Person, Problem, Rules, Session, Wish

FREE = Rules(min_hubs=1, max_hub_share=1.0, leaders_per_group=0)


def person(
    pid: str, hub: str = "marseille", role: str = "artist", languages: dict | None = None, **kw
) -> Person:
    return Person(id=pid, hub=hub, role=role, languages=languages or {"fr": "native"}, **kw)


def programme(
    people: int,
    hubs: int,
    groups: int,
    sessions: int,
    *,
    min_size: int | None = None,
    max_size: int | None = None,
    leaders: int = 0,
    rules: Rules = FREE,
    **kw,
) -> Problem:
    """``people`` French speakers dealt round-robin over ``hubs``; the first ``leaders`` lead."""
    size = people // groups
    members = tuple(
        person(f"p{i}", hub=f"h{i % hubs}", role="teaching_artist" if i < leaders else "artist")
        for i in range(people)
    )
    return Problem(
        sessions=tuple(
            Session(f"s{s + 1}", groups, min_size or size, max_size or -(-people // groups))
            for s in range(sessions)
        ),
        people=members,
        rules=rules,
        **kw,
    )


def affine_plane(**kw) -> Problem:
    """9 people from 3 hubs, 3 groups of 3, 4 sessions: AG(2, 3) has a zero-repeat schedule.

    The hubs are {0,1,2}, {3,4,5}, {6,7,8}; "no group from a single hub" (at most 2 of 3 from one
    hub) leaves it possible, provided the engine finds a plane where no hub is a line.
    """
    kw.setdefault("people", tuple(person(f"p{i}", hub=f"h{i // 3}") for i in range(9)))
    return Problem(
        sessions=tuple(Session(f"s{s + 1}", 3, 3, 3) for s in range(4)),
        rules=Rules(min_hubs=2, max_hub_share=0.67, leaders_per_group=0),
        **kw,
    )


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    """Random small real-form problems: hubs, leaders, languages with an interpreter, absences,
    history, pair rules, wishes and locks. Most are feasible; some are not, by chance."""
    hubs = draw(st.integers(2, 3))
    groups = draw(st.integers(2, 3))
    size = draw(st.integers(3, 4))
    people = groups * size + draw(st.integers(0, groups))
    sessions = draw(st.integers(1, 3))
    languages = [
        draw(
            st.sampled_from(
                [
                    {"fr": "native"},
                    {"fr": "working", "en": "fluent"},
                    {"en": "native"},
                    {"fr": "basic", "ru": "native"},
                ]
            )
        )
        for _ in range(people)
    ]
    session_ids = [f"s{s + 1}" for s in range(sessions)]
    members = []
    for i in range(people):
        absent = (
            draw(st.sets(st.sampled_from(session_ids), max_size=1)) if i >= groups * (size - 1) else set()
        )
        members.append(
            person(
                f"p{i}",
                hub=f"h{i % hubs}",
                role="teaching_artist"
                if i < groups + 1
                else draw(st.sampled_from(["artist", "technician", "trainee"])),
                languages=languages[i],
                skills={
                    draw(st.sampled_from(["guitar", "voice", "light"])): draw(
                        st.sampled_from(["instrument", "voice", "light"])
                    )
                },
                sessions=tuple(s for s in session_ids if s not in absent),
                cohort=draw(st.sampled_from([None, "c1"])),
            )
        )
    members.append(
        person(
            "int", hub="h0", role="interpreter", languages={"fr": "native", "en": "fluent", "ru": "working"}
        )
    )
    ids = [f"p{i}" for i in range(people)]
    pair = st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True)
    history = [
        HistoryPair(a, b, draw(st.sampled_from([1.0, 2.0]))) for a, b in draw(st.lists(pair, max_size=4))
    ]
    rules = [
        PairRule(a, b, kind, draw(st.sampled_from([None, ("s1",)])))
        for (a, b), kind in draw(
            st.lists(st.tuples(pair, st.sampled_from(["together", "apart"])), max_size=2)
        )
    ]
    wishes = [Wish(a, b, 1.0) for a, b in draw(st.lists(pair, max_size=2))]
    locks = [
        Lock(ids[i], "s1", 1 + i % groups) for i in draw(st.sets(st.integers(0, people - 1), max_size=2))
    ]
    return Problem(
        sessions=tuple(Session(s, groups, size - 1, size + 1) for s in session_ids),
        people=tuple(members),
        rules=Rules(min_hubs=2, max_hub_share=0.75, leaders_per_group=1),
        history=tuple(history),
        pair_rules=tuple(rules),
        wishes=tuple(wishes),
        locks=tuple(locks),
    )
