"""Festival timetabling: activities into rooms and time, nobody in two places.

    from tissage.solvers.timetable import Problem, solve

``solve(problem, seed=…, time_limit=…, progress=…, should_stop=…)`` returns an immutable
:class:`Solution`: a timetable that obeys every hard rule (status ``optimal`` or ``feasible``) with
its objective, CP-SAT's bound and the soft costs, or, for an impossible problem, a minimal set of
requirements that cannot all hold (``conflict``). ``check`` and ``costs`` judge any timetable
independently. The rules are described in :mod:`.problem`.
"""

from .checker import Violation, check, costs
from .engine import solve
from .problem import (
    Activity,
    Costs,
    Person,
    Placement,
    Problem,
    ProblemError,
    Requirement,
    Room,
    Rule,
    Solution,
    Status,
    Weights,
    Window,
)

__all__ = [
    "Activity",
    "Costs",
    "Person",
    "Placement",
    "Problem",
    "ProblemError",
    "Requirement",
    "Room",
    "Rule",
    "Solution",
    "Status",
    "Violation",
    "Weights",
    "Window",
    "check",
    "costs",
    "solve",
]
