"""Benchmark of the crossed-workshop grouping engine on real-form instances.

    python bench/workshops.py            # the full table (at most 30 s + 5 s per instance)
    python bench/workshops.py --quick    # two small instances, 10 s each

Instances are generated deterministically from a seed: people from 3–5 hubs (Marseille,
Narian-Mar, Kinshasa, Damascus, Beirut) with their languages (native hub language, a lingua franca
at working level for most, a few monolinguals covered by a small interpreters' pool), roles
(teaching artists lead), skills, a cohort, occasional absences, a history of earlier pairs,
must-together and must-apart rules, continuity wishes; 6 sessions (3 years × 2) of groups of 4–6.
Each instance is solved, then repaired after one dropout from session 3 on (sessions 1–2 held and
locked). The table shows the hard violations of the plan and of the repaired plan (checked
independently), repeated pairs within the plan and against the history, the lower bound and gap,
how the search stopped, and the repair's time, moves (and share of all assignments) and repeats.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import ortools

from tissage.solvers.grouping import (
    Dropout,
    HistoryPair,
    PairRule,
    Person,
    Problem,
    Session,
    Wish,
    apply_changes,
    check_plan,
    repair,
    solve,
)

HUBS = [
    # hub, native languages, lingua francas with the chance of speaking each at working level
    ("marseille", ("fr",), (("en", 0.75), ("ru", 0.05))),
    ("narian-mar", ("ru",), (("en", 0.6), ("fr", 0.35))),
    ("kinshasa", ("fr", "ln"), (("en", 0.4),)),
    ("damascus", ("ar",), (("fr", 0.6), ("en", 0.6))),
    ("beirut", ("ar", "fr"), (("en", 0.8),)),
]
SKILLS = {
    "instrument": ["guitar", "accordion", "percussion", "bass", "keyboards", "oud", "likembe", "violin"],
    "voice": ["voice", "throat singing"],
    "sound": ["live sound", "recording"],
    "light": ["lighting"],
    "stage": ["stage management", "rigging"],
    "administration": ["administration"],
    "production": ["production", "booking"],
}
ROLES = [("artist", 0.35), ("technician", 0.25), ("administrator", 0.1), ("trainee", 0.3)]


@dataclass(frozen=True)
class Spec:
    name: str
    people: int
    hubs: int
    groups: int
    seed: int


FULL = [
    Spec("A", 60, 3, 12, 1),
    Spec("B", 60, 3, 10, 2),
    Spec("C", 90, 4, 18, 3),
    Spec("D", 120, 5, 24, 4),
    Spec("E", 150, 5, 30, 5),
    Spec("F", 70, 4, 16, 6),
]
QUICK = [Spec("q1", 30, 3, 6, 1), Spec("q2", 60, 3, 12, 1)]


def instance(spec: Spec) -> Problem:
    """A realistic, deterministic programme for the spec."""
    rng = random.Random(spec.seed)
    hubs = HUBS[: spec.hubs]
    sessions = tuple(
        Session(f"y{1 + s // 2}-{'abroad' if s % 2 == 0 else 'marseille'}", spec.groups, 4, 6)
        for s in range(6)
    )
    people: list[Person] = []
    leaders_needed = spec.groups + 3
    for i in range(spec.people):
        hub, natives, francas = hubs[i % len(hubs)]
        languages = dict.fromkeys(natives, "native")
        monolingual = i % 23 == 7
        if not monolingual:
            for lang, chance in francas:
                if rng.random() < chance:
                    languages.setdefault(lang, "working")
            if len(languages) == len(natives) and "fr" not in languages:
                languages["en"] = "working"
        if i < leaders_needed:
            role = "teaching_artist"
        else:
            role = rng.choices([r for r, _ in ROLES], [w for _, w in ROLES])[0]
        category = rng.choice(list(SKILLS))
        skills = {rng.choice(SKILLS[category]): category}
        attends = tuple(s.id for s in sessions if i < leaders_needed or rng.random() > 0.05)
        people.append(
            Person(
                id=f"p{i:03d}",
                name=f"{hub.title()} {i:03d}",
                hub=hub,
                role=role,
                languages=languages,
                skills=skills,
                sessions=attends,
                cohort="cohort" if rng.random() < 0.6 else None,
            )
        )
    interpreters = max(2, spec.people // 40)
    for k in range(interpreters):
        people.append(
            Person(
                id=f"int{k}",
                hub=hubs[k % len(hubs)][0],
                role="interpreter",
                languages={"fr": "fluent", "en": "fluent", "ru": "fluent", "ar": "working"},
            )
        )
    members = [p for p in people if p.role != "interpreter"]
    history = []
    for _ in range(spec.people // 3):
        a, b = rng.sample(members, 2)
        history.append(HistoryPair(a.id, b.id, rng.choice([1.0, 1.0, 2.0])))
    ids = [p.id for p in members[leaders_needed:]]
    pair_rules = (
        PairRule(ids[0], ids[7], "together", (sessions[2].id,)),
        PairRule(ids[1], ids[4], "apart"),
        PairRule(ids[2], ids[9], "apart"),
    )
    wishes = (Wish(ids[3], ids[11], 1.0), Wish(ids[5], members[0].id, 1.0, "keep_leader"))
    return Problem(
        sessions=sessions,
        people=tuple(people),
        history=tuple(history),
        pair_rules=pair_rules,
        wishes=wishes,
    )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {os.cpu_count()} cores, load {load:.2f}, Python {platform.python_version()}, "
        f"OR-Tools {ortools.__version__}"
    )


def run(spec: Spec, seconds: float, repair_seconds: float) -> str:
    problem = instance(spec)
    start = time.monotonic()
    plan = solve(problem, seed=1, time_limit=seconds)
    solved = time.monotonic() - start
    violations = check_plan(problem, plan)
    m = plan.metrics
    dropout = next(p.id for p in problem.members if p.role.can_lead)
    held = tuple(s.id for s in problem.sessions[:2])
    start = time.monotonic()
    repaired = repair(
        problem, plan, changes=(Dropout(dropout),), locked_sessions=held, seed=1, time_limit=repair_seconds
    )
    repair_time = time.monotonic() - start
    updated = apply_changes(problem, (Dropout(dropout),), current=plan, locked_sessions=held)
    broken = len(violations), len(check_plan(updated, repaired, previous=plan, locked_sessions=held))
    assignments = sum(len(g.members) for sp in plan.sessions for g in sp.groups)
    moved = repaired.metrics.moved
    groups = "/".join(sorted({str(len(sp.groups)) for sp in plan.sessions}))
    share = 100 * moved / assignments
    return (
        f"| {spec.name} | {len(problem.members)} | {spec.hubs} | {len(problem.sessions)} | {groups} "
        f"| {solved:.1f} | {broken[0]} / {broken[1]} "
        f"| {m.repeated_within_plan} | {m.repeated_against_history} "
        f"| {m.lower_bound} | {m.gap} | {plan.stopped_by} | {repair_time:.1f} | {moved} ({share:.1f} %) "
        f"| {repaired.metrics.repeated_pairs} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="two small instances with short limits")
    parser.add_argument("--seconds", type=float, help="time limit per solve (default 30, quick 10)")
    args = parser.parse_args(argv)
    specs = QUICK if args.quick else FULL
    seconds = args.seconds or (10.0 if args.quick else 30.0)
    print(f"Machine: {machine()}\n")
    print(
        "| instance | people | hubs | sessions | groups | time (s) | hard violations (plan / repair) "
        "| repeats within plan | repeats vs history | lower bound | gap | stopped by | repair (s) | moved "
        "| repeats after repair |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for spec in specs:
        print(run(spec, seconds, 5.0), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
