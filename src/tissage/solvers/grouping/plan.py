"""What the grouping engine answers: an immutable plan with its metrics and explanations.

Groups are numbered from 1 in every interface (plans, locks, moves, reasons). Interpreters are not
members: a group lists its ``interpreter`` apart, and never counts them in sizes or pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .reasons import Reason


@dataclass(frozen=True)
class Group:
    session: str
    number: int
    members: tuple[str, ...]
    language: str
    interpreter: str | None
    leaders: tuple[str, ...]
    explanation: tuple[Reason, ...]


@dataclass(frozen=True)
class SessionPlan:
    session: str
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Metrics:
    """The plan's quality, each soft goal reported on its own.

    * ``repeated_pairs`` = ``repeated_within_plan`` (a pair outside the history meeting m ≥ 2 times
      counts m − 1) + ``repeated_against_history`` (every meeting of a pair from the history). A
      pair with a continuity wish wants to meet again and never counts. ``new_pairs`` counts the
      pairs outside the history that meet (for the first time) in the plan.
    * ``lower_bound`` is a proven lower bound on ``repeated_pairs`` (method in ``bound_method``:
      ``counting`` or ``cp-sat``) and ``gap`` = ``repeated_pairs − lower_bound``.
    * ``*_imbalance``: Σ over sessions and features (skill categories and skills, hubs, cohorts) of
      Σ_groups count² minus its smallest possible value; 0 means spread as evenly as possible.
    * ``continuity``: share of the wishes' weight (per session both attend) that is met.
    * ``weighted_total``: the objective the search minimised (see ``Weights``).
    * ``moved``: for a repair, how many assignments of people present before and after changed.
    """

    hard_violations: int
    repeated_pairs: int
    repeated_within_plan: int
    repeated_against_history: int
    new_pairs: int
    skill_imbalance: int
    hub_imbalance: int
    cohort_imbalance: int
    continuity: float
    interpreted_groups: int
    weighted_total: float
    lower_bound: int
    gap: int
    bound_method: str
    moved: int = 0


@dataclass(frozen=True)
class Move:
    """A change made by a repair; ``None`` groups mean absent (a dropout or a newcomer)."""

    person: str
    session: str
    from_group: int | None
    to_group: int | None


@dataclass(frozen=True)
class Plan:
    """Groups per session (in the problem's order), metrics, and how the search ended.

    ``stopped_by`` is ``optimal`` (nothing left to improve), ``stagnation`` (no progress for a
    long while), ``time`` or ``cancelled``. A seed gives the same plan on every run that stops
    on its own (``optimal`` or ``stagnation``).
    """

    sessions: tuple[SessionPlan, ...]
    metrics: Metrics
    seed: int
    stopped_by: str
    moves: tuple[Move, ...] = ()

    def session(self, session_id: str) -> SessionPlan:
        return next(sp for sp in self.sessions if sp.session == session_id)

    def group_of(self, person: str, session: str) -> int | None:
        """The number of ``person``'s group in ``session``, or ``None`` if not placed."""
        for group in self.session(session).groups:
            if person in group.members:
                return group.number
        return None
