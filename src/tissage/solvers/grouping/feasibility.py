"""Counting checks that prove an input infeasible before any search, with a precise reason.

Each check is a necessary condition that a staff member can understand and act on ("session 2: 3
groups need 3 leaders, only 2 available"). Passing them all does not prove feasibility; when the
search then fails, the CP-SAT model names the conflicting rules (see ``cpsat.session_conflict``).
"""

from __future__ import annotations

from collections import Counter

from .model import Model, SessionData
from .problem import PairKind
from .reasons import Reason


def precheck(model: Model) -> list[Reason]:
    """Every reason the counting checks find, session by session, the most basic first."""
    reasons = _lock_reasons(model)
    for sd in model.sessions:
        reasons += _session_reasons(model, sd)
    return reasons


def _session_reasons(model: Model, sd: SessionData) -> list[Reason]:
    rules = model.rules
    names = model.names
    people = len(sd.present)
    G, low, high = sd.groups, sd.min_size, sd.max_size
    hub_counts = Counter(model.hubs[model.hub_of[p]] for p in sd.present)
    reasons: list[Reason] = []
    if not G * low <= people <= G * high:
        reasons.append(Reason.make("size_range", session=sd.id, people=people, groups=G, min=low, max=high))
    k = rules.min_hubs
    if high < k:
        reasons.append(Reason.make("hubs_exceed_size", session=sd.id, max=high, min_hubs=k))
    elif len(hub_counts) < k:
        reasons.append(
            Reason.make(
                "hubs_too_few", session=sd.id, hubs=len(hub_counts), present=sorted(hub_counts), min_hubs=k
            )
        )
    elif (slots := sum(min(c, G) for c in hub_counts.values())) < G * k:
        reasons.append(
            Reason.make("hub_slots", session=sd.id, groups=G, min_hubs=k, needed=G * k, available=slots)
        )
    elif not reasons:
        reasons += _hub_share_reasons(model, sd, hub_counts)
    leaders = sum(model.leader[p] for p in sd.present)
    if leaders < G * rules.leaders_per_group:
        needed = G * rules.leaders_per_group
        reasons.append(
            Reason.make("leaders_short", session=sd.id, groups=G, needed=needed, available=leaders)
        )
    speakers = Counter(lang for p in sd.present for lang in model.langs[p])
    for p in sd.present:
        if not sd.shares[p] and all(speakers[lang] < low for lang in model.langs[p]):
            languages = sorted(model.languages[lang] for lang in model.langs[p])
            person = model.people[p].id
            reasons.append(
                Reason.make(
                    "language_isolated", names, session=sd.id, person=person, languages=languages, min=low
                )
            )
    reasons += _pair_rule_reasons(model, sd)
    reasons += _closed_group_reasons(model, sd)
    return reasons


def _hub_share_reasons(model: Model, sd: SessionData, hub_counts: Counter[str]) -> list[Reason]:
    """Can G group sizes sum to the head count, each group formable under the hub cap?

    A group of size z can only be formed if Σ_h min(cap(z), count_h) ≥ z; and the biggest hub
    must fit in Σ_g cap(z_g). A small dynamic programme over the groups finds the size vector
    with the most room for one hub.
    """
    caps = model.caps
    people = len(sd.present)
    share = model.rules.max_hub_share
    formable = [
        z
        for z in range(sd.min_size, sd.max_size + 1)
        if sum(min(caps[z], c) for c in hub_counts.values()) >= z
    ]
    room: dict[int, int] = {0: 0}
    for _ in range(sd.groups):
        grown: dict[int, int] = {}
        for total, cap_sum in room.items():
            for z in formable:
                if total + z <= people and grown.get(total + z, -1) < cap_sum + caps[z]:
                    grown[total + z] = cap_sum + caps[z]
        room = grown
    params = {"session": sd.id, "groups": sd.groups, "share": share}
    if people not in room:
        counts = dict(sorted(hub_counts.items()))
        return [
            Reason.make(
                "hub_share_size", **params, people=people, hub_counts=counts, min=sd.min_size, max=sd.max_size
            )
        ]
    hub, count = max(sorted(hub_counts.items()), key=lambda item: item[1])
    if count > room[people]:
        return [Reason.make("hub_share", **params, hub=hub, count=count, capacity=room[people])]
    return []


def _pair_rule_reasons(model: Model, sd: SessionData) -> list[Reason]:
    names = model.names
    ids = [p.id for p in model.people]
    here = set(sd.present)
    reasons: list[Reason] = []
    kinds: dict[tuple[int, int], set[PairKind]] = {}
    for rule in model.problem.pair_rules:
        a, b = model.index[rule.a], model.index[rule.b]
        if rule.applies(sd.id) and a in here and b in here:
            kinds.setdefault((min(a, b), max(a, b)), set()).add(rule.kind)
    for (a, b), found in kinds.items():
        if len(found) == 2:
            reasons.append(Reason.make("together_apart", names, a=ids[a], b=ids[b], session=sd.id))
        elif PairKind.APART in found and sd.unit_of[a] == sd.unit_of[b]:
            unit = [ids[p] for p in sd.units[sd.unit_of[a]]]
            reasons.append(
                Reason.make("together_chain_apart", names, session=sd.id, a=ids[a], b=ids[b], people=unit)
            )
    cap = model.caps[sd.max_size]
    for unit in sd.units:
        if len(unit) < 2:
            continue
        people = [ids[p] for p in unit]
        if len(unit) > sd.max_size:
            reasons.append(
                Reason.make("together_too_large", names, session=sd.id, people=people, max=sd.max_size)
            )
            continue
        hub, count = Counter(model.hubs[model.hub_of[p]] for p in unit).most_common(1)[0]
        if count > cap:
            reasons.append(
                Reason.make(
                    "together_hub_share",
                    names,
                    session=sd.id,
                    people=people,
                    max=sd.max_size,
                    capacity=cap,
                    hub=hub,
                )
            )
    return reasons


def _lock_reasons(model: Model) -> list[Reason]:
    """Locks that contradict availability, each other, the pair rules or the group sizes."""
    names = model.names
    ids = [p.id for p in model.people]
    reasons: list[Reason] = []
    wanted: dict[tuple[str, str], set[int]] = {}
    for lock in model.problem.locks:
        if not model.problem.person(lock.person).attends(lock.session):
            reasons.append(
                Reason.make("lock_absent", names, person=lock.person, session=lock.session, group=lock.group)
            )
        wanted.setdefault((lock.person, lock.session), set()).add(lock.group)
    for (person, session), groups in wanted.items():
        if len(groups) > 1:
            reasons.append(
                Reason.make("lock_conflict", names, person=person, session=session, groups=sorted(groups))
            )
    if reasons:
        return reasons
    for sd in model.sessions:
        load = Counter[int]()
        for unit in sd.units:
            groups = sorted({sd.locked[p] for p in unit if p in sd.locked})
            if len(groups) > 1:
                a = next(p for p in unit if sd.locked.get(p) == groups[0])
                b = next(p for p in unit if sd.locked.get(p) == groups[1])
                reasons.append(
                    Reason.make(
                        "together_locked_apart",
                        names,
                        session=sd.id,
                        a=ids[a],
                        b=ids[b],
                        group_a=groups[0] + 1,
                        group_b=groups[1] + 1,
                    )
                )
            elif groups:
                load[groups[0]] += len(unit)
        for p, partners in sd.apart.items():
            for t in partners:
                if p < t and p in sd.locked and sd.locked[p] == sd.locked.get(t):
                    reasons.append(
                        Reason.make(
                            "apart_locked_together",
                            names,
                            session=sd.id,
                            a=ids[p],
                            b=ids[t],
                            group=sd.locked[p] + 1,
                        )
                    )
        for g, count in sorted(load.items()):
            if count > sd.max_size:
                reasons.append(
                    Reason.make("lock_overfull", session=sd.id, group=g + 1, count=count, max=sd.max_size)
                )
    return reasons


def _closed_group_reasons(model: Model, sd: SessionData) -> list[Reason]:
    """A whole-group lock fixes the group exactly, so every group rule can be checked right away."""
    rules = model.rules
    reasons: list[Reason] = []
    for g, closed in enumerate(sd.closed):
        if not closed:
            continue
        members = [p for p, lg in sd.locked.items() if lg == g]
        size = len(members)
        params = {"session": sd.id, "group": g + 1}
        if not sd.min_size <= size <= sd.max_size:
            reasons.append(
                Reason.make("locked_group_size", **params, size=size, min=sd.min_size, max=sd.max_size)
            )
        if sum(model.leader[p] for p in members) < rules.leaders_per_group:
            reasons.append(Reason.make("locked_group_no_leader", **params))
        hubs = Counter(model.hubs[model.hub_of[p]] for p in members)
        if members and (len(hubs) < rules.min_hubs or max(hubs.values()) > model.caps[size]):
            reasons.append(Reason.make("locked_group_hubs", **params, hubs=dict(sorted(hubs.items()))))
        common = frozenset.intersection(*(model.langs[p] for p in members)) if members else frozenset({0})
        coverable = any(all(sd.shares[p] >> k & 1 for p in members) for k in range(len(sd.interpreters)))
        if not common and not coverable:
            reasons.append(Reason.make("locked_group_language", **params))
    return reasons
