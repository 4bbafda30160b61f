"""``tissage plan-groups``: plan (or re-plan) crossed workshops from a JSON file.

    tissage plan-groups programme.json --seconds 30 --seed 1
    tissage plan-groups programme.json --json > plan.json
    tissage plan-groups programme.json --current plan.json --keep-session y1-abroad

Exit status: 0 with a plan, 1 when the rules cannot be met (the reason on one line of stderr), 2 on
bad arguments or a malformed file (one line naming the field and what is wrong).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from typing import NoReturn, TextIO

from .engine import solve
from .jsonio import infeasible_to_json, load_json, plan_from_json, plan_to_json, problem_from_json
from .plan import Plan
from .problem import Problem, ProblemError
from .reasons import Infeasible
from .repair import repair

PROG = "tissage plan-groups"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(prog=PROG, description="Compose the crossed-workshop groups of a programme.")
    parser.add_argument("file", help="the programme, in the JSON format of docs/plan-groups-format.md")
    parser.add_argument("--seconds", type=float, default=30.0, help="time limit (default 30)")
    parser.add_argument("--seed", type=int, default=0, help="random seed: same seed, same plan (default 0)")
    parser.add_argument("--json", action="store_true", help="print the plan as JSON instead of a table")
    parser.add_argument("--current", metavar="PLAN.json", help="repair this plan instead of planning anew")
    parser.add_argument(
        "--keep-session",
        action="append",
        default=[],
        metavar="ID",
        help="with --current: a session already held",
    )
    parser.add_argument(
        "--keep-group",
        action="append",
        default=[],
        metavar="SESSION:NUMBER",
        help="with --current: a group to keep as it is",
    )
    return parser


def _group_key(text: str) -> tuple[str, int]:
    session, _, number = text.rpartition(":")
    if not session or not number.isdigit():
        raise _UsageError(f"--keep-group expects SESSION:NUMBER (got {text!r})")
    return session, int(number)


def _progress_bar(stream: TextIO) -> tuple[Callable[[float, str], None] | None, Callable[[], None]]:
    """A tqdm bar on ``stream`` when it is a terminal; nothing otherwise (logs stay clean)."""
    if not stream.isatty():
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=100, file=stream, bar_format="{l_bar}{bar}| {elapsed} {postfix}", leave=False)

    def update(fraction: float, message: str) -> None:
        bar.n = round(100 * fraction)
        bar.set_postfix_str(message, refresh=False)
        bar.refresh()

    return update, bar.close


def main(argv: list[str]) -> int:
    """Run ``tissage plan-groups``; ``argv[0]`` is the subcommand's name."""
    try:
        args = _parser().parse_args(argv[1:])
        if args.seconds <= 0:
            raise _UsageError(f"--seconds must be positive (got {args.seconds})")
        kept_groups = [_group_key(text) for text in args.keep_group]
        if (args.keep_session or kept_groups) and not args.current:
            raise _UsageError("--keep-session and --keep-group need --current")
    except _UsageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except SystemExit as done:  # --help
        return int(done.code or 0)
    path = args.file
    try:
        problem = problem_from_json(load_json(path))
        path = args.current
        current = plan_from_json(load_json(path)) if path else None
    except ProblemError as error:
        print(f"{PROG}: {path}: {error}", file=sys.stderr)
        return 2
    progress, close = _progress_bar(sys.stderr)
    start = time.monotonic()
    try:
        if current is None:
            plan = solve(problem, seed=args.seed, time_limit=args.seconds, progress=progress)
        else:
            plan = repair(
                problem,
                current,
                locked_sessions=args.keep_session,
                locked_groups=kept_groups,
                seed=args.seed,
                time_limit=args.seconds,
                progress=progress,
            )
    except Infeasible as error:
        close()
        if args.json:
            print(json.dumps(infeasible_to_json(error), ensure_ascii=False, indent=2))
        print(f"{PROG}: infeasible: {error.reason.text}", file=sys.stderr)
        return 1
    except ProblemError as error:
        close()
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    close()
    if args.json:
        print(json.dumps(plan_to_json(plan), ensure_ascii=False, indent=2))
    else:
        print(render(problem, plan, seconds=time.monotonic() - start))
    return 0


def render(problem: Problem, plan: Plan, *, seconds: float) -> str:
    """The plan as plain-text tables: groups per session, then the moves and the metrics."""
    names = {p.id: p.display for p in problem.people}
    lines = []
    for sp in plan.sessions:
        session = problem.session(sp.session)
        lines.append(
            f"Session {session.display} — {len(sp.groups)} groups of {session.min_size}–{session.max_size}"
        )
        lines.append(f"  {'#':>2}  {'size':>4}  {'hubs':<34} {'language':<24} members (leaders marked *)")
        for group in sp.groups:
            hubs = " · ".join(
                f"{hub} {count}" for hub, count in sorted(_hub_counts(problem, group.members).items())
            )
            language = group.language + (f" + {names[group.interpreter]}" if group.interpreter else "")
            members = ", ".join(names[m] + ("*" if m in group.leaders else "") for m in group.members)
            lines.append(f"  {group.number:>2}  {len(group.members):>4}  {hubs:<34} {language:<24} {members}")
        lines.append("")
    if plan.moves:
        lines.append("Moves")
        for move in plan.moves:
            before = f"group {move.from_group}" if move.from_group else "absent"
            after = f"group {move.to_group}" if move.to_group else "absent"
            lines.append(
                f"  {names.get(move.person, move.person)}, session {move.session}: {before} → {after}"
            )
        lines.append("")
    m = plan.metrics
    rows = [
        ("hard violations", str(m.hard_violations)),
        (
            "repeated pairs",
            f"{m.repeated_pairs} (within plan {m.repeated_within_plan}, against history "
            f"{m.repeated_against_history}; lower bound {m.lower_bound} by {m.bound_method}, gap {m.gap})",
        ),
        ("new pairs", str(m.new_pairs)),
        ("imbalance skill/hub/cohort", f"{m.skill_imbalance} / {m.hub_imbalance} / {m.cohort_imbalance}"),
        ("continuity wishes met", f"{m.continuity:.0%}"),
        ("groups with an interpreter", str(m.interpreted_groups)),
        ("weighted total", f"{m.weighted_total:g}"),
        ("moved", str(m.moved)),
        ("stopped by", f"{plan.stopped_by} (seed {plan.seed}, {seconds:.1f} s)"),
    ]
    lines.append("Metrics")
    lines += [f"  {label:<28} {value}" for label, value in rows]
    return "\n".join(lines)


def _hub_counts(problem: Problem, members: tuple[str, ...]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for member in members:
        hub = problem.person(member).hub
        counts[hub] = counts.get(hub, 0) + 1
    return counts
