"""Value types shared by every golfer engine.

The engines exchange plain tuples so that a schedule can be hashed, compared and cached, and a
frozen dataclass so that nobody downstream mutates a schedule another caller still holds.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Group = tuple[int, ...]
Round = tuple[Group, ...]
Rounds = tuple[Round, ...]
Progress = Callable[[float, str], None]
StopCheck = Callable[[], bool]


class InfeasibleGolfers(ValueError):
    """Raised before any search when the request cannot have a repeat-free schedule.

    ``reason`` is a full sentence meant for the person who typed the numbers.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class GolferSchedule:
    """A schedule: ``rounds[r][k]`` is the sorted tuple of players in group ``k`` of round ``r``.

    Repeat-free when it comes from ``solve_golfers``. Players are numbered ``0 .. groups*size - 1``;
    groups inside a round are sorted by their first player so that two equal schedules compare equal
    whatever engine produced them.
    """

    rounds: Rounds
    method: str
    seed: int = 0
    elapsed: float = 0.0

    @property
    def groups(self) -> int:
        return len(self.rounds[0]) if self.rounds else 0

    @property
    def size(self) -> int:
        return len(self.rounds[0][0]) if self.rounds else 0

    def to_json(self) -> dict[str, list[list[list[int]]]]:
        return {"rounds": [[list(group) for group in round_] for round_ in self.rounds]}


def normalise(rounds: Sequence[Sequence[Sequence[int]]]) -> Rounds:
    """Canonical form: players sorted in each group, groups sorted in each round, round order kept."""
    return tuple(tuple(sorted(tuple(sorted(group)) for group in round_)) for round_ in rounds)


@dataclass(frozen=True, slots=True)
class Budget:
    """When to give up: a monotonic deadline plus the caller's cancel flag.

    Only the cut-off depends on the clock; engines never use time to make a choice, which is what
    keeps a run that finishes before its deadline reproducible.
    """

    deadline: float
    should_stop: StopCheck | None = None

    @classmethod
    def starting_now(cls, seconds: float, should_stop: StopCheck | None = None) -> Budget:
        return cls(time.monotonic() + max(0.0, seconds), should_stop)

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline or (self.should_stop is not None and self.should_stop())

    def slice(self, seconds: float) -> Budget:
        """A sub-budget that ends after ``seconds`` or with this one, whichever comes first."""
        return Budget(min(self.deadline, time.monotonic() + max(0.0, seconds)), self.should_stop)
