"""Real-form crossed-workshop grouping: who works with whom at each session of a programme.

People from several hubs are put into groups, session after session, so that they meet as many new
partners as possible while every group obeys the hard rules (sizes, hub mix and share, a shared
working language or an interpreter, a leader, must-together / must-apart rules, locks) and the
soft goals (skill, hub and cohort balance, continuity wishes) are met as well as their weights say.

    from tissage.solvers.grouping import solve, repair, Problem, Plan, Infeasible

``solve`` returns an immutable `Plan` (groups, metrics, per-group explanations) or raises
`Infeasible` with structured reasons; ``repair`` re-plans after dropouts or newcomers, moving as
few people as possible. The JSON format of ``tissage plan-groups`` is in
``docs/plan-groups-format.md``.
"""

from .checker import Violation, check_plan
from .engine import solve
from .plan import Group, Metrics, Move, Plan, SessionPlan
from .problem import (
    HistoryPair,
    Level,
    Lock,
    PairKind,
    PairRule,
    Person,
    Problem,
    ProblemError,
    Role,
    Rules,
    Session,
    Skill,
    Weights,
    Wish,
    WishKind,
)
from .reasons import Infeasible, Reason
from .repair import Change, Dropout, Join, apply_changes, repair

__all__ = [
    "Change",
    "Dropout",
    "Group",
    "HistoryPair",
    "Infeasible",
    "Join",
    "Level",
    "Lock",
    "Metrics",
    "Move",
    "PairKind",
    "PairRule",
    "Person",
    "Plan",
    "Problem",
    "ProblemError",
    "Reason",
    "Role",
    "Rules",
    "Session",
    "SessionPlan",
    "Skill",
    "Violation",
    "Weights",
    "Wish",
    "WishKind",
    "apply_changes",
    "check_plan",
    "repair",
    "solve",
]
