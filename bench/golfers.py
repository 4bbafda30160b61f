"""Benchmark: the Social Golfer pipeline against a textbook CP-SAT model, on this machine.

    python bench/golfers.py [--seeds 10] [--quick] [--instances 5-3-7,8-4-9] [--baseline-seeds 2]

For each instance the pipeline runs once per seed with the instance's target time as its limit;
the baseline (x[player][round][group] booleans, pair-meet linearisation, round 1 fixed, CP-SAT
with 2 workers) gets min(target, --baseline-cap) seconds for --baseline-seeds seeds, so a full run
takes bounded time. When the baseline fails its time counts as its limit, shown with ">". The
headline column is median(baseline) / median(pipeline). Caches are cleared before every run so
each time includes building the construction.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import ortools

from tissage.solvers.golfers import check_schedule, solve_golfers
from tissage.solvers.golfers.constructions import best_construction
from tissage.solvers.golfers.cpsat import WORKERS, solve_baseline
from tissage.solvers.golfers.finite_field import galois_field
from tissage.solvers.golfers.model import Budget


@dataclass(frozen=True)
class Instance:
    groups: int
    size: int
    rounds: int
    target: float  # seconds: the time limit given to each run
    best_known: int

    @property
    def name(self) -> str:
        return f"{self.groups}-{self.size}-{self.rounds}"


INSTANCES = [
    Instance(5, 3, 7, 1, 7),  # Kirkman's schoolgirls
    Instance(4, 4, 5, 1, 5),
    Instance(6, 3, 8, 30, 8),
    Instance(7, 4, 9, 30, 9),
    Instance(8, 4, 9, 60, 10),
    Instance(8, 4, 10, 600, 10),  # the original problem
    Instance(4, 3, 4, 30, 4),  # 5 rounds impossible: no NKTS(12)
    Instance(5, 4, 5, 30, 5),
    Instance(6, 4, 7, 30, 7),
    Instance(7, 3, 10, 30, 10),
    Instance(8, 3, 11, 30, 11),
    Instance(9, 3, 13, 30, 13),
    Instance(10, 3, 14, 30, 14),
    Instance(8, 2, 15, 30, 15),
    Instance(5, 5, 6, 30, 6),
    Instance(6, 6, 3, 30, 3),  # 4 rounds impossible: no pair of orthogonal Latin squares of order 6
    Instance(7, 7, 8, 30, 8),
    Instance(8, 8, 9, 30, 9),
    Instance(9, 9, 10, 30, 10),
    Instance(10, 4, 13, 30, 13),  # a packing of PG(3,3)
    Instance(11, 3, 16, 30, 16),  # KTS(33)
    # No construction here reaches these: the search rows (best known: 0 = not claimed).
    Instance(6, 5, 5, 30, 0),
    Instance(10, 5, 7, 30, 0),
    Instance(12, 4, 12, 60, 0),
    Instance(12, 3, 15, 30, 17),  # NKTS(36) has 17 rounds; no construction for it here
]


@dataclass(frozen=True)
class Runs:
    times: list[float]
    solved: int
    limit: float
    methods: set[str]

    def median(self) -> float:
        return statistics.median(self.times)

    def cell(self, value: float) -> str:
        return f"{'>' if self.solved < len(self.times) and value >= self.limit else ''}{value:.2f}"


def run_pipeline(instance: Instance, seeds: int, limit: float) -> Runs:
    times, solved, methods = [], 0, set()
    for seed in range(seeds):
        best_construction.cache_clear()
        galois_field.cache_clear()
        started = time.perf_counter()
        schedule = solve_golfers(instance.groups, instance.size, instance.rounds, seed=seed, time_limit=limit)
        elapsed = time.perf_counter() - started
        if schedule is not None:
            assert check_schedule(schedule, instance.groups, instance.size, instance.rounds) == []
            solved += 1
            methods.add(schedule.method)
        times.append(elapsed if schedule is not None else max(elapsed, limit))
    return Runs(times, solved, limit, methods)


def run_baseline(instance: Instance, seeds: int, limit: float) -> Runs:
    times, solved = [], 0
    for seed in range(seeds):
        started = time.perf_counter()
        found = solve_baseline(
            instance.groups, instance.size, instance.rounds, seed=seed, budget=Budget.starting_now(limit)
        )
        elapsed = time.perf_counter() - started
        if found is not None:
            assert check_schedule(found, instance.groups, instance.size, instance.rounds) == []
            solved += 1
        times.append(elapsed if found is not None else max(elapsed, limit))
    return Runs(times, solved, limit, {"cp-sat baseline"})


def machine() -> str:
    cpu = platform.processor() or "unknown cpu"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, OR-Tools {ortools.__version__},"
        f" numpy {np.__version__}; CP-SAT num_workers={WORKERS}; load average {load}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/golfers.py", description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="1 seed, limits of a few seconds (smoke test)")
    parser.add_argument("--instances", help="comma-separated g-p-w list (default: the whole table)")
    parser.add_argument("--baseline-seeds", type=int, default=2)
    parser.add_argument("--baseline-cap", type=float, default=30.0, help="most seconds per baseline run")
    args = parser.parse_args(argv)
    instances = INSTANCES
    if args.instances:
        wanted = args.instances.split(",")
        instances = [i for i in INSTANCES if i.name in wanted]
        instances += [
            Instance(*map(int, w.split("-")), 60, 0) for w in wanted if w not in {i.name for i in instances}
        ]
    seeds, baseline_seeds, cap, our_cap = args.seeds, args.baseline_seeds, args.baseline_cap, float("inf")
    if args.quick:
        seeds, baseline_seeds, cap, our_cap = 1, 1, 2.0, 10.0
    print(f"Machine: {machine()}\n")
    print(
        f"Pipeline: {seeds} seed(s) per instance; baseline: {baseline_seeds} seed(s),"
        f" limit min(target, {cap:g} s)\n"
    )
    print(
        "| instance | rounds asked | reached / best known | method | median s | worst s | solved"
        " | baseline median s | baseline worst s | baseline solved | baseline/ours |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    started = time.perf_counter()
    for instance in instances:
        ours = run_pipeline(instance, seeds, min(instance.target, our_cap))
        base = run_baseline(instance, baseline_seeds, min(instance.target, cap))
        reached = instance.rounds if ours.solved else "-"
        ratio = base.median() / max(ours.median(), 1e-3)
        ratio_cell = f"{'>' if base.solved < len(base.times) else ''}{ratio:,.0f}x" if ours.solved else "-"
        print(
            f"| {instance.name} | {instance.rounds} | {reached} / {instance.best_known or '?'}"
            f" | {', '.join(sorted(ours.methods)) or '-'}"
            f" | {ours.cell(ours.median())} | {ours.cell(max(ours.times))}"
            f" | {ours.solved}/{len(ours.times)} | {base.cell(base.median())} | {base.cell(max(base.times))}"
            f" | {base.solved}/{len(base.times)} | {ratio_cell} |",
            flush=True,
        )
    print(f"\nTotal {time.perf_counter() - started:.0f} s; load average at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
