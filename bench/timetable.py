"""Benchmark of the festival timetabler on generated editions.

    python bench/timetable.py            # the full table (up to 300 activities, 60 s each at most)
    python bench/timetable.py --quick    # two small editions, short limits

Each edition is generated deterministically from a seed, in the shape of a real workshop-festival:
5 days of 12 one-hour slots (60 slots, 09:00–21:00), rooms of every size (stages with a changeover,
studios with opening hours and a curfew, equipment), people who arrive late or leave early (their
travel days to keep free), workshops that run day after day with the same group, trainings that
prefer the morning, concerts the evening, meetings and rehearsals. Nothing is placed beforehand.

For each edition the table shows the time to a first conflict-free timetable (target ≤ 10 s), then
the best objective found within the long limit (target 60 s) with CP-SAT's proven lower bound and
the gap, the soft costs, and the hard violations found by the independent checker (always 0).
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tissage.solvers.timetable import Activity, Person, Problem, Room, Window, check, solve

HOUR = 60
DAY = 24 * HOUR
EQUIPMENT = ("piano", "sound system", "projector", "stage lights", "recording desk")


@dataclass(frozen=True)
class Spec:
    name: str
    activities: int
    rooms: int
    people: int
    days: int
    seed: int


FULL = [
    Spec("S", 60, 6, 100, 5, 1),
    Spec("M", 150, 12, 250, 5, 2),
    Spec("L", 300, 20, 500, 5, 3),
]
QUICK = [Spec("q1", 30, 4, 50, 5, 1), Spec("q2", 80, 8, 130, 5, 2)]


def edition(spec: Spec) -> Problem:
    rng = random.Random(spec.seed)
    days = tuple(Window(d * DAY + 9 * HOUR, d * DAY + 23 * HOUR) for d in range(spec.days))
    slots = tuple(d * DAY + h * HOUR for d in range(spec.days) for h in range(9, 21))
    rooms = []
    for n in range(spec.rooms):
        kind = ("stage", "studio", "classroom", "rehearsal")[n % 4]
        sizes = {"stage": (400, 250, 150)[n // 4 % 3], "studio": 12, "classroom": 30, "rehearsal": 20}
        capacity = sizes[kind]
        equipment = frozenset(rng.sample(EQUIPMENT, 2 if kind == "stage" else 1))
        hours = None
        if kind == "studio":
            hours = tuple(Window(d * DAY + 10 * HOUR, d * DAY + 22 * HOUR) for d in range(spec.days))
        rooms.append(
            Room(
                f"{kind}-{n}",
                capacity=capacity,
                equipment=equipment | {"sound system"} if kind == "stage" else equipment,
                changeover=30 if kind == "stage" else 0,
                hours=hours,
            )
        )
    people = []
    for n in range(spec.people):
        arrives = 1 if rng.random() < 0.15 else 0
        departs = spec.days - 2 if rng.random() < 0.15 else spec.days - 1
        travel = []
        if arrives:
            travel.append(Window(arrives * DAY, (arrives + 1) * DAY))
        if departs < spec.days - 1:
            travel.append(Window(departs * DAY, (departs + 1) * DAY))
        people.append(
            Person(f"p{n:03d}", present=(Window(arrives * DAY, (departs + 1) * DAY),), travel=tuple(travel))
        )
    ids = [p.id for p in people]
    activities = []
    while len(activities) < spec.activities:
        roll = rng.random()
        n = len(activities)
        if roll < 0.35 and spec.activities - n >= spec.days:
            # A crossed workshop: the same group every day.
            group = tuple(rng.sample(ids, rng.randint(5, 9)))
            activities.extend(
                Activity(f"w{n}-{d}", 2 * HOUR, people=group, attendance=len(group), group=f"w{n}")
                for d in range(spec.days - 1)
            )
        elif roll < 0.6:
            group = tuple(rng.sample(ids, rng.randint(4, 10)))
            attendance = len(group) + rng.randint(0, 10)
            mornings = tuple(Window(d * DAY + 9 * HOUR, d * DAY + 12 * HOUR) for d in range(spec.days))
            equipment = frozenset()
            if rng.random() < 0.3:
                # Something one of the rooms big enough has.
                fitting = [r for r in rooms if r.capacity >= attendance and not r.id.startswith("stage")]
                equipment = frozenset(rng.sample(sorted(rng.choice(fitting).equipment), 1))
            activities.append(
                Activity(
                    f"t{n}",
                    rng.choice([HOUR, 2 * HOUR]),
                    people=group,
                    attendance=attendance,
                    equipment=equipment,
                    preferred=mornings,
                )
            )
        elif roll < 0.75:
            group = tuple(rng.sample(ids, rng.randint(3, 8)))
            evenings = tuple(Window(d * DAY + 18 * HOUR, d * DAY + 23 * HOUR) for d in range(spec.days))
            activities.append(
                Activity(
                    f"c{n}",
                    2 * HOUR,
                    people=group,
                    attendance=rng.choice([80, 150, 250]),
                    equipment=frozenset({"sound system"}),
                    preferred=evenings,
                )
            )
        else:
            group = tuple(rng.sample(ids, rng.randint(2, 6)))
            activities.append(Activity(f"m{n}", HOUR, people=group, attendance=len(group)))
    activities = activities[: spec.activities]
    return Problem(
        slots=slots, days=days, rooms=tuple(rooms), people=tuple(people), activities=tuple(activities)
    )


def run(spec: Spec, feasible_limit: float, best_limit: float) -> dict:
    problem = edition(spec)
    quick = solve(problem, seed=spec.seed, time_limit=feasible_limit)
    best = solve(problem, seed=spec.seed, time_limit=best_limit)
    gap = None
    if best.objective is not None and best.bound is not None:
        gap = (best.objective - best.bound) / best.objective if best.objective else 0.0
    return {
        "spec": spec,
        "first": quick.first_solution_seconds,
        "quick": quick,
        "best": best,
        "gap": gap,
        "violations": len(check(problem, best.placements)) if best.is_timetable else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="two small editions, short limits")
    args = parser.parse_args(argv)
    specs, feasible_limit, best_limit = (QUICK, 5.0, 10.0) if args.quick else (FULL, 10.0, 60.0)
    print(f"# Timetabler benchmark — Python {platform.python_version()}, OR-Tools {ortools.__version__}, ")
    load = os.getloadavg()[0]
    print(f"# {os.cpu_count()} cores, load {load:.2f}; limits {feasible_limit:g} s / {best_limit:g} s")
    print()
    header = (
        "| edition | activities | rooms | people | slots | first timetable | status | objective | bound "
        "| gap | preferred | room changes | rest | travel | violations | time |"
    )
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    failures = 0
    for spec in specs:
        result = run(spec, feasible_limit, best_limit)
        best = result["best"]
        first = result["first"]
        costs = best.costs
        gap = f"{result['gap']:.1%}" if result["gap"] is not None else "—"
        print(
            f"| {spec.name} | {spec.activities} | {spec.rooms} | {spec.people} | {spec.days * 12} "
            f"| {f'{first:.2f} s' if first is not None else 'none'} | {best.status} "
            f"| {best.objective if best.objective is not None else '—'} "
            f"| {best.bound if best.bound is not None else '—'} | {gap} "
            f"| {costs.preferred if costs else '—'} | {costs.room_changes if costs else '—'} "
            f"| {costs.rest if costs else '—'} | {costs.travel if costs else '—'} "
            f"| {result['violations'] if result['violations'] is not None else '—'} | {best.seconds:.1f} s |",
            flush=True,
        )
        if first is None or first > feasible_limit or result["violations"]:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    started = time.monotonic()
    status = main()
    print(f"\n(total {time.monotonic() - started:.0f} s)")
    sys.exit(status)
