"""The problem compiled to integer indices: what every algorithm of the engine works on.

Strings and dataclasses are pleasant at the boundary and slow in a search loop, so the engine
translates a `Problem` once into lists indexed by person and session. Members (people who can be
placed) are numbered ``0..n-1`` in input order; interpreters are numbered separately.

Per session, people bound by must-together rules form *units* that the construction and the search
always move as a block, so a must-together rule can never be broken by a move.

Balance goals are *features*: every hub, skill category, skill and cohort is a feature with a
weight, and a group's imbalance is the weighted sum of its squared feature counts (minimised when
each feature is spread as evenly as possible over the groups). Hubs are features ``0..H-1`` so that
the hard hub rules read the same counters.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problem import PairKind, Problem


@dataclass(frozen=True)
class SessionData:
    index: int
    id: str
    groups: int
    min_size: int
    max_size: int
    present: tuple[int, ...]
    interpreters: tuple[int, ...]
    units: tuple[tuple[int, ...], ...]
    unit_of: dict[int, int]
    locked: dict[int, int]
    apart: dict[int, tuple[int, ...]]
    wishes: dict[int, tuple[tuple[int, float], ...]]
    # closed[g]: no member may enter or leave group g (a whole-group lock during repair).
    closed: tuple[bool, ...]
    # anchor[p]: the group p had in the plan being repaired (moving away costs ``weights.move``).
    anchor: dict[int, int]
    # The people with a must-apart rule, a wish or an anchor in this session.
    related: frozenset[int]
    # shares[p] is a bit mask of this session's interpreters (by position) sharing a language with p.
    shares: dict[int, int]
    # interpreter_langs[k]: usable languages of this session's k-th interpreter.
    interpreter_langs: tuple[frozenset[int], ...]


class Model:
    """Index-based view of a `Problem` (plus the repair's anchors and closed groups)."""

    def __init__(
        self,
        problem: Problem,
        *,
        anchors: dict[tuple[int, int], int] | None = None,
        closed: dict[int, frozenset[int]] | None = None,
    ) -> None:
        self.problem = problem
        self.rules = problem.rules
        self.weights = problem.weights
        members = problem.members
        self.people = members
        self.interpreters = problem.interpreters
        self.n = len(members)
        self.index = {p.id: i for i, p in enumerate(members)}
        self.names = {p.id: p.display for p in problem.people}

        self.hubs = sorted({p.hub for p in members})
        hub_index = {h: i for i, h in enumerate(self.hubs)}
        self.hub_of = [hub_index[p.hub] for p in members]
        self.leader = [p.role.can_lead for p in members]

        languages = sorted({lang for p in problem.people for lang in p.usable_languages})
        self.languages = languages
        lang_index = {lang: i for i, lang in enumerate(languages)}
        self.langs = [frozenset(lang_index[lang] for lang in p.usable_languages) for p in members]
        self.interpreter_langs = [
            frozenset(lang_index[lang] for lang in p.usable_languages) for p in self.interpreters
        ]

        self._build_features(problem)
        self._build_history(problem)
        self.anchors = anchors or {}
        self.sessions = tuple(
            self._build_session(problem, s, (closed or {}).get(s, frozenset()))
            for s in range(len(problem.sessions))
        )
        # Hub caps by group size, for every size a search may pass through.
        self.caps = [self.rules.hub_cap(size) for size in range(self.n + 2)]

    def _build_features(self, problem: Problem) -> None:
        weights = problem.weights
        labels: list[tuple[str, str]] = [("hub", h) for h in self.hubs]
        categories = sorted({skill.category for p in self.people for skill in p.skills})
        skills = sorted({skill.name for p in self.people for skill in p.skills})
        cohorts = sorted({p.cohort for p in self.people if p.cohort})
        labels += [("skill", "category:" + c) for c in categories]
        labels += [("skill", s) for s in skills]
        labels += [("cohort", c) for c in cohorts]
        index = {label: i for i, label in enumerate(labels)}
        kind_weight = {"hub": weights.hub, "skill": weights.skill, "cohort": weights.cohort}
        self.feature_labels = labels
        self.feature_weight = [kind_weight[kind] for kind, _ in labels]
        self.features: list[tuple[int, ...]] = []
        for i, p in enumerate(self.people):
            feats = {self.hub_of[i]}
            feats |= {index[("skill", "category:" + s.category)] for s in p.skills}
            feats |= {index[("skill", s.name)] for s in p.skills}
            if p.cohort:
                feats.add(index[("cohort", p.cohort)])
            # Zero-weight features cannot change the objective; only the hub ones are read by rules.
            self.features.append(
                tuple(sorted(f for f in feats if self.feature_weight[f] > 0 or f < len(self.hubs)))
            )
        self.feature_sets = [frozenset(feats) for feats in self.features]

    def _build_history(self, problem: Problem) -> None:
        """History weights, and which pairs' repeated meetings count at all.

        A pair with a continuity wish *wants* to meet again: its meetings are never repeats
        (``tracked`` is 0 for it), the wish rewards them instead.
        """
        n = self.n
        self.hist = [[0.0] * n for _ in range(n)]
        for item in problem.history:
            a, b = self.index.get(item.a), self.index.get(item.b)
            if a is None or b is None:
                continue  # an interpreter: interpreters never count for pairs
            self.hist[a][b] += item.weight
            self.hist[b][a] += item.weight
        self.tracked = [[1.0] * n for _ in range(n)]
        for wish in problem.wishes:
            a, b = self.index[wish.a], self.index[wish.b]
            self.tracked[a][b] = self.tracked[b][a] = 0.0

    def _build_session(self, problem: Problem, s: int, closed: frozenset[int]) -> SessionData:
        session = problem.sessions[s]
        present = tuple(i for i, p in enumerate(self.people) if p.attends(session.id))
        here = set(present)
        interpreters = tuple(i for i, p in enumerate(self.interpreters) if p.attends(session.id))
        interpreter_langs = tuple(self.interpreter_langs[i] for i in interpreters)
        shares = {
            p: sum(1 << k for k, langs in enumerate(interpreter_langs) if langs & self.langs[p])
            for p in present
        }

        parent = {p: p for p in present}

        def find(p: int) -> int:
            while parent[p] != p:
                parent[p] = parent[parent[p]]
                p = parent[p]
            return p

        apart: dict[int, list[int]] = {}
        for rule in problem.pair_rules:
            a, b = self.index[rule.a], self.index[rule.b]
            if not rule.applies(session.id) or a not in here or b not in here:
                continue
            if rule.kind is PairKind.TOGETHER:
                parent[find(a)] = find(b)
            else:
                apart.setdefault(a, []).append(b)
                apart.setdefault(b, []).append(a)
        components: dict[int, list[int]] = {}
        for p in present:
            components.setdefault(find(p), []).append(p)
        units = tuple(tuple(c) for c in sorted(components.values()))
        unit_of = {p: u for u, unit in enumerate(units) for p in unit}

        anchor = {p: g for (ls, p), g in self.anchors.items() if ls == s and p in here}
        locked = {p: g for p, g in anchor.items() if g in closed}
        for lock in problem.locks:
            p = self.index[lock.person]
            if lock.session == session.id and p in here:
                locked[p] = lock.group - 1

        wishes: dict[int, list[tuple[int, float]]] = {}
        for wish in problem.wishes:
            a, b = self.index[wish.a], self.index[wish.b]
            if wish.applies(session.id) and a in here and b in here and wish.weight > 0:
                wishes.setdefault(a, []).append((b, wish.weight))
                wishes.setdefault(b, []).append((a, wish.weight))
        return SessionData(
            index=s,
            id=session.id,
            groups=session.groups,
            min_size=session.min_size,
            max_size=session.max_size,
            present=present,
            interpreters=interpreters,
            units=units,
            unit_of=unit_of,
            locked=locked,
            apart={p: tuple(v) for p, v in apart.items()},
            wishes={p: tuple(v) for p, v in wishes.items()},
            closed=tuple(g in closed for g in range(session.groups)),
            anchor=anchor,
            related=frozenset(apart) | frozenset(wishes) | frozenset(anchor),
            shares=shares,
            interpreter_langs=interpreter_langs,
        )

    def unit_locked(self, s: int, unit: tuple[int, ...]) -> int:
        """The group a unit is locked into, or -1."""
        locked = self.sessions[s].locked
        for p in unit:
            if p in locked:
                return locked[p]
        return -1
