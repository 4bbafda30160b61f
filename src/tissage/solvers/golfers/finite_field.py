"""Arithmetic in GF(q) for prime powers q, as lookup tables.

Affine planes need a field, not just integers mod q: AG(2,4), AG(2,8) and AG(2,9) are the planes a
workshop of 16, 64 or 81 musicians needs, and "mod 4" is not a field. Elements are the integers
``0 .. q-1`` read as polynomials over GF(p) in base p (digit i = coefficient of x^i); the modulus
is the smallest monic irreducible polynomial in that encoding, so tables are the same on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


def prime_power(q: int) -> tuple[int, int] | None:
    """``(p, k)`` with ``q == p**k`` and p prime, or None."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    k, rest = 0, q
    while rest % p == 0:
        rest //= p
        k += 1
    return (p, k) if rest == 1 else None


def is_prime_power(q: int) -> bool:
    return prime_power(q) is not None


@dataclass(frozen=True, slots=True)
class GaloisField:
    """GF(q) with ``add[a][b]`` and ``mul[a][b]`` tables; 0 and 1 are the field's zero and one."""

    order: int
    characteristic: int
    modulus: tuple[int, ...]
    add: tuple[tuple[int, ...], ...]
    mul: tuple[tuple[int, ...], ...]

    def neg(self, a: int) -> int:
        return self.add[a].index(0)

    def inv(self, a: int) -> int:
        if a == 0:
            raise ZeroDivisionError("0 has no inverse in a field")
        return self.mul[a].index(1)


def _digits(value: int, base: int, length: int) -> list[int]:
    out = []
    for _ in range(length):
        value, digit = divmod(value, base)
        out.append(digit)
    return out


def _number(digits: list[int], base: int) -> int:
    return sum(d * base**i for i, d in enumerate(digits))


def _poly_mul_mod(a: list[int], b: list[int], modulus: list[int], p: int) -> list[int]:
    """Product of two polynomials of degree < k reduced by a monic modulus of degree k."""
    k = len(modulus) - 1
    product = [0] * (2 * k - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                product[i + j] = (product[i + j] + x * y) % p
    for degree in range(len(product) - 1, k - 1, -1):
        factor = product[degree]
        if factor:
            for i, c in enumerate(modulus):
                product[degree - k + i] = (product[degree - k + i] - factor * c) % p
    return product[:k]


@cache
def galois_field(q: int) -> GaloisField:
    """The field of order q; raises ValueError when q is not a prime power."""
    pk = prime_power(q)
    if pk is None:
        raise ValueError(f"there is no field of order {q}: {q} is not a prime power")
    p, k = pk
    if k == 1:  # integers mod p: no polynomial arithmetic needed, and large primes stay fast
        add = tuple(tuple((a + b) % q for b in range(q)) for a in range(q))
        mul = tuple(tuple(a * b % q for b in range(q)) for a in range(q))
        return GaloisField(q, p, (0, 1), add, mul)
    add = tuple(
        tuple(
            _number([(x + y) % p for x, y in zip(_digits(a, p, k), _digits(b, p, k), strict=True)], p)
            for b in range(q)
        )
        for a in range(q)
    )
    for low in range(p**k):
        modulus = [*_digits(low, p, k), 1]
        mul = tuple(
            tuple(_number(_poly_mul_mod(_digits(a, p, k), _digits(b, p, k), modulus, p), p) for b in range(q))
            for a in range(q)
        )
        # The quotient ring is a field exactly when no product of two non-zero elements is zero,
        # which for a finite ring is the same as every non-zero row being a permutation.
        if all(0 not in mul[a][1:] for a in range(1, q)):
            return GaloisField(q, p, tuple(modulus), add, mul)
    raise AssertionError(f"no irreducible polynomial of degree {k} over GF({p})")  # pragma: no cover
