"""Direct constructions from design theory: schedules computed, not searched.

* ``round_robin``: groups of 2 for 2g - 1 rounds (the circle method, a 1-factorisation of K_2g).
* ``transversal``: for a prime power q and p <= q, the lines of AG(2,q) restricted to p of its
  vertical lines give q rounds of q groups of p (a resolvable transversal design). Pairs of players
  from different columns never meet twice and pairs inside a column never meet, so when p divides q
  more rounds come from scheduling each column on its own as (q/p) groups of p, recursively. With
  p = q this is the affine plane (q + 1 rounds); it also gives 8-4-9, 9-3-13 (a Kirkman system on
  27), 16-4-21, 15-3-22 (over Z_15) and other optimal schedules.
* ``lifted_spreads``: 8-4-10, the original golfer problem, from two disjoint spreads of PG(3,2)
  lifted to 32 players by solving a linear system over GF(2).
* ``projective_packing``: 10-4-13 from a packing of PG(3,3) (its 130 lines split into 13 spreads),
  stored as the spread of each line; ``cpsat.resolve_design`` finds such packings.
* the orbit catalogue (``orbits.py``): Kirkman and nearly-Kirkman triple systems, resolvable
  (v,4,1) designs and other schedules with a large automorphism group.
"""

from __future__ import annotations

from functools import cache
from itertools import combinations, product

from .finite_field import galois_field, is_prime_power
from .model import Rounds, normalise
from .orbits import catalogue_schedule


def round_robin(groups: int) -> Rounds:
    """2g - 1 rounds of g pairs: player 2g-1 stays put while the others turn around a circle."""
    n = 2 * groups - 1
    rounds = []
    for r in range(n):
        pairs = [(n, r)] + [((r + i) % n, (r - i) % n) for i in range(1, groups)]
        rounds.append(pairs)
    return normalise(rounds)


def _smallest_prime_factor(n: int) -> int:
    return next(d for d in range(2, n + 1) if n % d == 0)


def transversal(n: int, size: int) -> Rounds:
    """Parallel classes of lines y = m*x + b over GF(n) (or Z_n), seen on ``size`` columns x.

    Player ``x*n + y`` is the point (x, y) with x < size; each slope m is a round of n groups of
    ``size``. Two points of different columns share a line of slope m iff y2 - y1 = m*(x2 - x1), so
    they meet at most once when the column differences or the slope differences are invertible:
    over a field always (n rounds); over Z_n with smallest prime factor P, either all n slopes when
    size <= P, or the slopes 0..P-1 (which gives 6-6-3, the most 6 groups of 6 allow).
    """
    if is_prime_power(n):
        field = galois_field(n)
        add, mul, slopes = field.add, field.mul, range(n)
    else:
        add = tuple(tuple((a + b) % n for b in range(n)) for a in range(n))
        mul = tuple(tuple(a * b % n for b in range(n)) for a in range(n))
        prime = _smallest_prime_factor(n)
        slopes = range(n if size <= prime else prime)
    return normalise([[[x * n + add[mul[m][x]][b] for x in range(size)] for b in range(n)] for m in slopes])


def filled_transversal(n: int, size: int) -> Rounds:
    """``transversal`` plus, when ``size`` divides n, the best schedule of each column run side by side."""
    rounds = transversal(n, size)
    if n % size:
        return rounds
    inner, _ = best_construction(n // size, size)
    return rounds + normalise(
        [[[x * n + y for y in group] for x in range(size) for group in round_] for round_ in inner]
    )


def _solve_gf2(equations: list[tuple[int, int]], unknowns: int) -> list[int] | None:
    """Solve rows (bitmask of unknowns, right-hand side bit) over GF(2); free unknowns are 0."""
    pivots: list[tuple[int, int, int]] = []  # (pivot bit, row mask, rhs), kept fully reduced
    for mask, rhs in equations:
        for bit, pmask, prhs in pivots:
            if mask >> bit & 1:
                mask, rhs = mask ^ pmask, rhs ^ prhs
        if mask == 0:
            if rhs:
                return None
            continue
        bit = mask.bit_length() - 1
        pivots = [((b, m ^ mask, r ^ rhs) if m >> bit & 1 else (b, m, r)) for b, m, r in pivots]
        pivots.append((bit, mask, rhs))
    solution = [0] * unknowns
    for bit, _, rhs in pivots:
        solution[bit] = rhs
    return solution


def _spreads(lines: list[tuple[int, ...]], uncovered: frozenset[int]) -> list[tuple[tuple[int, ...], ...]]:
    """All partitions of ``uncovered`` into lines, in lexicographic order (the line through the
    smallest uncovered point is chosen first, so each spread is listed once)."""
    if not uncovered:
        return [()]
    point = min(uncovered)
    return [
        (line, *rest)
        for line in lines
        if point in line and uncovered.issuperset(line)
        for rest in _spreads(lines, uncovered - set(line))
    ]


def lifted_spreads() -> Rounds | None:
    """8 groups of 4 for 10 rounds: the maximum, first found by Aguado (2004); this is a new route.

    Take the 16 points of GF(2)^4 as *pairs* of players (x, 0) and (x, 1), who will never meet. A
    spread of PG(3,2) is 5 two-dimensional subspaces meeting only in 0; each subspace U gives a
    parallel class (the 4 cosets of U), and two disjoint spreads give 10 classes in which every
    two points x != y share exactly two blocks. Lift each block B to players by choosing a side
    s_B(x) for each of its points, and pair it with its mirror (all sides flipped): B and its mirror
    cover 8 players, so a class becomes a round of 8 groups of 4. Players (x, a) and (y, b) meet in
    B's pair iff a + b equals s_B(x) + s_B(y) or its complement, so the two blocks through x and y
    must have different parities s(x) + s(y): one linear equation over GF(2) per pair of points.
    The first pair of disjoint spreads (in a fixed order) whose system is consistent is used.
    """
    lines = sorted({tuple(sorted({a, b, a ^ b})) for a in range(1, 16) for b in range(a + 1, 16)})
    spreads = _spreads(lines, frozenset(range(1, 16)))
    for first, second in combinations(spreads, 2):
        if set(first) & set(second):
            continue
        blocks = [
            (k, coset)
            for k, line in enumerate(first + second)
            for coset in sorted({tuple(sorted({x, *(x ^ u for u in line)})) for x in range(16)})
        ]
        unknown = {(i, x): 4 * i + j for i, (_, block) in enumerate(blocks) for j, x in enumerate(block)}
        through: dict[tuple[int, int], list[int]] = {}
        for i, (_, block) in enumerate(blocks):
            for pair in combinations(block, 2):
                through.setdefault(pair, []).append(i)
        equations = [
            (sum(1 << unknown[i, z] for i in pair_blocks for z in pair), 1)
            for pair, pair_blocks in through.items()
        ]
        sides = _solve_gf2(equations, len(unknown))
        if sides is None:
            continue
        rounds: list[list[list[int]]] = [[] for _ in range(10)]
        for i, (k, block) in enumerate(blocks):
            for flip in (0, 1):
                rounds[k].append([2 * x + (sides[unknown[i, x]] ^ flip) for x in block])
        return normalise(rounds)
    return None


def projective_lines(q: int) -> list[tuple[int, ...]]:
    """The lines of PG(3,q) over its points numbered in sorted order of their normalised vectors
    (first non-zero coordinate 1); each line is a sorted tuple of q + 1 points."""
    field = galois_field(q)

    def normalised(vector: tuple[int, ...]) -> tuple[int, ...]:
        inverse = field.inv(next(c for c in vector if c))
        return tuple(field.mul[inverse][c] for c in vector)

    points = sorted({normalised(v) for v in product(range(q), repeat=4) if any(v)})
    index = {point: i for i, point in enumerate(points)}
    lines = set()
    for a, b in combinations(points, 2):
        span = {
            normalised(tuple(field.add[field.mul[s][x]][field.mul[t][y]] for x, y in zip(a, b, strict=True)))
            for s in range(q)
            for t in range(q)
            if s or t
        }
        lines.add(tuple(sorted(index[p] for p in span)))
    return sorted(lines)


# The spread ("a" = 0, "b" = 1, ...) of each line of projective_lines(3), found by
# cpsat.resolve_design(40, projective_lines(3), seed=0) in 2.5 s.
PG33_PACKING = (
    "abcdefghijklmmkejdilbfhgclhjcbmkegfidgiflhkmcdjebifjkehacdmcdagjlefagldmcihkdlbghafkegjhebmdiakaflidm"
    "bjbigcakejlfmcilehabhkabjgcfm"
)


def projective_packing() -> Rounds:
    """10 groups of 4 for 13 rounds: the spreads of a packing of PG(3,3) (the bound, a resolvable
    (40,4,1) design)."""
    rounds: list[list[tuple[int, ...]]] = [[] for _ in range(13)]
    for line, label in zip(projective_lines(3), PG33_PACKING, strict=True):
        rounds[ord(label) - ord("a")].append(line)
    return normalise(rounds)


@cache
def best_construction(groups: int, size: int) -> tuple[Rounds, str]:
    """The longest repeat-free schedule any construction gives (at least the trivial single round)."""
    best: tuple[Rounds, str] = (
        normalise([[range(k * size, (k + 1) * size) for k in range(groups)]]),
        "single-round",
    )
    options: list[tuple[Rounds, str]] = []
    if size == 2:
        options.append((round_robin(groups), "round-robin"))
    if size <= groups:
        rounds = filled_transversal(groups, size)
        plane = size == groups and is_prime_power(groups)
        options.append((rounds, "affine-plane" if plane else "transversal-design"))
    if (groups, size) == (10, 4):
        options.append((projective_packing(), "projective-packing"))
    if (groups, size) == (8, 4):
        lifted = lifted_spreads()
        if lifted is not None:
            options.append((lifted, "lifted-spreads"))
    found = catalogue_schedule(groups, size)
    if found is not None:
        options.append(found)
    for rounds, method in options:
        if len(rounds) > len(best[0]):
            best = (rounds, method)
    return best
