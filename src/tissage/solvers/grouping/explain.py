"""Turn a finished assignment into a `Plan`: languages, interpreters, metrics, explanations.

Metrics are recomputed here from the people and the groups, not taken from the search's
incremental counters, so that the numbers a user sees follow the plain definitions (the same ones
the independent checker recounts).
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from .model import Model
from .plan import Group, Metrics, Move, Plan, SessionPlan
from .problem import Level, PairKind, Problem
from .reasons import Reason
from .state import Assignment, State, assign_interpreters

_LEVEL_RANK = {Level.NATIVE: 3, Level.FLUENT: 2, Level.WORKING: 1, Level.BASIC: 0}


def build_plan(
    model: Model,
    assignment: Assignment,
    *,
    seed: int,
    stopped_by: str,
    lower_bound: int,
    bound_method: str,
    moves: tuple[Move, ...] = (),
) -> Plan:
    state = State(model)
    state.load(assignment)
    repeats = _repeats(model, _meetings(assignment))
    # Pairs that met before: the history, then each session in order.
    seen = {(p, q) for p in range(model.n) for q in range(p + 1, model.n) if model.hist[p][q] > 0}
    sessions = tuple(
        SessionPlan(sd.id, _session_groups(model, state, s, assignment[s], seen))
        for s, sd in enumerate(model.sessions)
    )
    imbalance = _imbalance(model.problem, sessions)
    wish_total = state.wish_total
    metrics = Metrics(
        hard_violations=state.hard,
        repeated_pairs=repeats["total"],
        repeated_within_plan=repeats["within"],
        repeated_against_history=repeats["history"],
        new_pairs=repeats["new"],
        skill_imbalance=imbalance["skill"],
        hub_imbalance=imbalance["hub"],
        cohort_imbalance=imbalance["cohort"],
        continuity=round(state.wish_met / wish_total, 6) if wish_total else 1.0,
        interpreted_groups=sum(1 for sp in sessions for g in sp.groups if g.interpreter is not None),
        weighted_total=round(state.soft, 6),
        lower_bound=lower_bound,
        gap=repeats["total"] - lower_bound,
        bound_method=bound_method,
        moved=sum(1 for move in moves if move.from_group is not None and move.to_group is not None),
    )
    return Plan(sessions=sessions, metrics=metrics, seed=seed, stopped_by=stopped_by, moves=moves)


def _meetings(assignment: Assignment) -> Counter[tuple[int, int]]:
    met: Counter[tuple[int, int]] = Counter()
    for groups in assignment:
        for group in groups:
            met.update(combinations(sorted(group), 2))
    return met


def _repeats(model: Model, met: Counter[tuple[int, int]]) -> dict[str, int]:
    """Repeated meetings (never those of a pair with a continuity wish) and first meetings."""
    within = history = new = 0
    for (p, q), count in met.items():
        first = model.hist[p][q] == 0
        new += first
        if model.tracked[p][q]:
            within += (count - 1) if first else 0
            history += 0 if first else count
    return {"within": within, "history": history, "total": within + history, "new": new}


def _imbalance(problem: Problem, sessions: tuple[SessionPlan, ...]) -> dict[str, int]:
    """Σ count² − its minimum, per feature kind; from the people themselves, whatever the weights."""
    result = {"skill": 0, "hub": 0, "cohort": 0}
    for sp in sessions:
        per_group = []
        for group in sp.groups:
            counts: Counter[tuple[str, str]] = Counter()
            for person_id in group.members:
                person = problem.person(person_id)
                counts[("hub", person.hub)] += 1
                counts.update({("skill", "category:" + c) for c in {s.category for s in person.skills}})
                counts.update({("skill", s.name) for s in person.skills})
                if person.cohort:
                    counts[("cohort", person.cohort)] += 1
            per_group.append(counts)
        totals = sum(per_group, Counter())
        for feature, total in totals.items():
            q, r = divmod(total, len(sp.groups))
            ideal = r * (q + 1) ** 2 + (len(sp.groups) - r) * q * q
            result[feature[0]] += sum(counts[feature] ** 2 for counts in per_group) - ideal
    return result


def _language(model: Model, members: list[int], choices: frozenset[int]) -> int:
    """The working language among ``choices`` most of the group speaks, best levels first."""
    rank: Counter[int] = Counter()
    index = {lang: i for i, lang in enumerate(model.languages)}
    for p in members:
        for lang, level in model.people[p].languages:
            if level.usable and index[lang] in choices:
                rank[index[lang]] += 100 + _LEVEL_RANK[level]
    return min(choices, key=lambda lang: (-rank[lang], model.languages[lang]))


def _session_groups(
    model: Model, state: State, s: int, groups: list[list[int]], seen: set[tuple[int, int]]
) -> tuple[Group, ...]:
    """The session's groups with their explanations; adds the session's pairs to ``seen``."""
    sd = model.sessions[s]
    ids = [p.id for p in model.people]
    names = model.names
    helpers = assign_interpreters({g: state.need[s][g] for g in range(sd.groups) if state.need[s][g] > 0})
    result = []
    for g, members in enumerate(groups):
        members = sorted(members)
        common = frozenset.intersection(*(model.langs[p] for p in members)) if members else frozenset()
        interpreter = None
        if common or g not in helpers:
            language = _language(model, members, common) if common else -1
            facts = [Reason.make("language_shared", language=model.languages[language])] if common else []
        else:
            k = helpers[g]
            interpreter = model.interpreters[sd.interpreters[k]].id
            language = _language(model, members, sd.interpreter_langs[k])
            covered = [ids[p] for p in members if language not in model.langs[p]]
            facts = [
                Reason.make(
                    "language_interpreted",
                    names,
                    language=model.languages[language],
                    interpreter=interpreter,
                    people=covered,
                )
            ]
        leaders = [ids[p] for p in members if model.leader[p]]
        hubs = Counter(model.hubs[model.hub_of[p]] for p in members)
        explanation = [
            Reason.make("size_ok", size=len(members), min=sd.min_size, max=sd.max_size),
            Reason.make(
                "hubs_mixed",
                count=len(hubs),
                hubs=dict(sorted(hubs.items())),
                min_hubs=model.rules.min_hubs,
                max_per_hub=model.caps[len(members)],
            ),
            *facts,
        ]
        if leaders:
            explanation.append(Reason.make("led_by", names, leaders=leaders))
        explanation += _rule_facts(model, s, members)
        pairs = list(combinations(members, 2))
        first = sum(1 for pair in pairs if pair not in seen)
        repeated = [(ids[p], ids[q]) for p, q in pairs if (p, q) in seen and model.tracked[p][q]]
        explanation.append(Reason.make("new_pairs", count=first, total=len(pairs)))
        if repeated:
            explanation.append(Reason.make("repeated_pairs", names, count=len(repeated), pairs=repeated))
        result.append(
            Group(
                session=sd.id,
                number=g + 1,
                members=tuple(ids[p] for p in members),
                language=model.languages[language] if language >= 0 else "",
                interpreter=interpreter,
                leaders=tuple(leaders),
                explanation=tuple(explanation),
            )
        )
    for members in groups:
        seen.update(combinations(sorted(members), 2))
    return tuple(result)


def _rule_facts(model: Model, s: int, members: list[int]) -> list[Reason]:
    """The pair rules, locks and wishes that concern this group's members."""
    sd = model.sessions[s]
    ids = [p.id for p in model.people]
    names = model.names
    here = set(members)
    facts = []
    for rule in model.problem.pair_rules:
        a, b = model.index[rule.a], model.index[rule.b]
        if not rule.applies(sd.id) or a not in sd.unit_of or b not in sd.unit_of:
            continue
        if rule.kind is PairKind.TOGETHER and a in here:
            facts.append(Reason.make("kept_together", names, a=rule.a, b=rule.b))
        elif rule.kind is PairKind.APART and (a in here) != (b in here):
            inside, outside = (rule.a, rule.b) if a in here else (rule.b, rule.a)
            facts.append(Reason.make("kept_apart", names, a=inside, b=outside))
    locked = [ids[p] for p in members if p in sd.locked]
    if locked:
        facts.append(Reason.make("locked_here", names, people=locked))
    wished = [
        (wish.a, wish.b)
        for wish in model.problem.wishes
        if wish.applies(sd.id) and model.index[wish.a] in here and model.index[wish.b] in here
    ]
    if wished:
        facts.append(Reason.make("wishes_met", names, pairs=wished))
    return facts
