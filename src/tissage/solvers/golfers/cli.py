"""``tissage golfers G P W``: print a repeat-free schedule as JSON.

Exit codes: 0 schedule printed; 1 nothing found in time (reason on stderr); 2 bad arguments,
including requests that exceed the proven bound. A progress bar is drawn on stderr only when it is a
terminal, so pipes and logs get clean output.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import NoReturn

from .model import InfeasibleGolfers
from .pipeline import METHODS, solve_golfers


class _Parser(argparse.ArgumentParser):
    """argparse prints the whole usage on errors; one line says more to a script's log."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {text}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tissage golfers",
        description="Schedule G groups of P players for W rounds so that no two players meet twice.",
    )
    parser.add_argument("groups", type=_non_negative_int, help="number of groups per round (G)")
    parser.add_argument("size", type=_non_negative_int, help="players per group (P)")
    parser.add_argument("rounds", type=_non_negative_int, help="number of rounds (W)")
    parser.add_argument("--seconds", type=_seconds, default=30.0, help="time limit (default 30)")
    parser.add_argument("--seed", type=_non_negative_int, default=0, help="random seed (default 0)")
    parser.add_argument("--method", choices=METHODS, default="auto", help="restrict to one engine")
    return parser


def main(argv: list[str]) -> int:
    """Run the subcommand; ``argv[0]`` is the subcommand name itself."""
    parser = _parser()
    args = parser.parse_args(argv[1:])
    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm  # only a terminal needs it; pipes and CI stay free of bar output

        bar = tqdm(total=100, file=sys.stderr, desc=f"{args.groups}-{args.size}-{args.rounds}", unit="%")

    def progress(fraction: float, message: str) -> None:
        if bar is not None:
            bar.n = round(100 * fraction)
            bar.set_postfix_str(message, refresh=True)

    try:
        schedule = solve_golfers(
            args.groups,
            args.size,
            args.rounds,
            seed=args.seed,
            time_limit=args.seconds,
            progress=progress,
            method=args.method,
        )
    except InfeasibleGolfers as error:
        parser.error(error.reason)
    finally:
        if bar is not None:
            bar.close()
    if schedule is None:
        print(
            f"tissage golfers: no schedule for {args.groups}-{args.size}-{args.rounds} found within"
            f" {args.seconds:g} s (method {args.method}, seed {args.seed})",
            file=sys.stderr,
        )
        return 1
    print(json.dumps(schedule.to_json()))
    return 0
