"""An independent validity check for any schedule, whoever produced it.

It deliberately shares no code with the engines (no pair counters, no normalisation) so that a bug in
an engine's bookkeeping cannot hide the same bug here.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from .model import GolferSchedule


def check_schedule(
    schedule: GolferSchedule | Sequence[Sequence[Sequence[int]]], groups: int, size: int, rounds: int
) -> list[str]:
    """Every fault found, one sentence each; an empty list means the schedule is valid.

    Rounds and groups are numbered from 1 in the messages because they are read by people.
    """
    data = schedule.rounds if isinstance(schedule, GolferSchedule) else schedule
    players = groups * size
    faults: list[str] = []
    if len(data) != rounds:
        faults.append(f"{len(data)} rounds, expected {rounds}")
    first_meeting: dict[tuple[int, int], int] = {}
    for r, round_ in enumerate(data, start=1):
        if len(round_) != groups:
            faults.append(f"round {r}: {len(round_)} groups, expected {groups}")
        seen: set[int] = set()
        for k, group in enumerate(round_, start=1):
            if len(group) != size:
                faults.append(f"round {r}: group {k} has {len(group)} players, expected {size}")
            for player in group:
                if isinstance(player, bool) or not isinstance(player, int) or not 0 <= player < players:
                    faults.append(f"round {r}: group {k} holds {player!r}, not a player 0..{players - 1}")
                elif player in seen:
                    faults.append(f"round {r}: player {player} appears more than once")
                seen.add(player)
            for a, b in combinations(sorted({p for p in group if isinstance(p, int)}), 2):
                if (a, b) in first_meeting:
                    first = first_meeting[(a, b)]
                    faults.append(f"players {a} and {b} meet again in round {r} (first in round {first})")
                else:
                    first_meeting[(a, b)] = r
        missing = [p for p in range(players) if p not in seen]
        if missing:
            faults.append(f"round {r}: player(s) {', '.join(map(str, missing))} missing")
    return faults
