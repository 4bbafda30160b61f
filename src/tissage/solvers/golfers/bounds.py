"""How many repeat-free rounds g groups of p players can have, with the proof of each limit.

Beyond the counting bound every limit here is a theorem, not a search result: the solver never
refuses a request that might be feasible.
"""

from __future__ import annotations

import math

from .finite_field import is_prime_power
from .model import InfeasibleGolfers


def _sum_of_two_squares(n: int) -> bool:
    return any(math.isqrt(n - a * a) ** 2 == n - a * a for a in range(math.isqrt(n) + 1))


def _no_affine_plane(n: int) -> str | None:
    """Why no affine plane of order n exists, when that is proven."""
    if n == 10:
        return "there is no projective plane of order 10 (Lam, Thiel and Swiercz 1989)"
    if n % 4 in (1, 2) and not _sum_of_two_squares(n):
        return f"there is no projective plane of order {n} (Bruck-Ryser theorem)"
    return None


def bound_with_reason(groups: int, size: int) -> tuple[int, str]:
    """The upper bound and the argument behind it."""
    players = groups * size
    counting = (players - 1) // (size - 1)
    why = f"each player meets {size - 1} new partners per round among {players - 1} others"
    if groups < size:
        return 1, (
            f"from the second round on a group of {size} would need players from {size} different"
            f" groups of the first round, and there are only {groups}"
        )
    if groups == size and not is_prime_power(groups):
        if groups == 6:
            # k rounds of 6 groups of 6 are a net with k parallel classes, i.e. k - 2 mutually
            # orthogonal Latin squares of order 6, and no two of those exist.
            return 3, "4 rounds would need two orthogonal Latin squares of order 6 (Tarry 1900)"
        reason = _no_affine_plane(groups)
        if reason is not None:
            # n*n players in n groups of n for k rounds is a net of order n with k parallel classes;
            # Bruck (1963) showed a net of deficiency 1 or 2 completes to an affine plane when n > 4.
            return groups - 2, f"{groups - 1} or more rounds would complete to an affine plane, and {reason}"
    if size == 3 and groups == 4:
        return 4, "there is no nearly Kirkman triple system of order 12 (Kotzig and Rosa 1974)"
    return counting, why


def max_rounds_upper_bound(groups: int, size: int) -> int:
    """⌊(g·p − 1)/(p − 1)⌋, lowered where a theorem proves less (g < p, orders without affine planes, 4-3)."""
    _check_shape(groups, size)
    return bound_with_reason(groups, size)[0]


def _check_shape(groups: int, size: int) -> None:
    for name, value, least in (("groups", groups, 1), ("size", size, 2)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InfeasibleGolfers(f"{name} must be a whole number, got {value!r}")
        if value < least:
            raise InfeasibleGolfers(f"{name} must be at least {least}, got {value}")


def check_request(groups: int, size: int, rounds: int) -> None:
    """Raise InfeasibleGolfers with a precise reason when no schedule can exist."""
    _check_shape(groups, size)
    if isinstance(rounds, bool) or not isinstance(rounds, int):
        raise InfeasibleGolfers(f"rounds must be a whole number, got {rounds!r}")
    if rounds < 1:
        raise InfeasibleGolfers(f"rounds must be at least 1, got {rounds}")
    bound, why = bound_with_reason(groups, size)
    if rounds > bound:
        plural = "round" if bound == 1 else "rounds"
        raise InfeasibleGolfers(
            f"{groups} groups of {size} allow at most {bound} {plural} without repeats"
            f" ({why}); {rounds} asked"
        )
