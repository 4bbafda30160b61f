import pytest

from tissage.solvers.golfers.finite_field import galois_field, is_prime_power, prime_power


def test_gf4_tables_match_the_textbook():
    field = galois_field(4)  # x^2 + x + 1; 2 = x, 3 = x + 1
    assert field.modulus == (1, 1, 1)
    assert field.add[2][3] == 1
    assert field.mul == ((0, 0, 0, 0), (0, 1, 2, 3), (0, 2, 3, 1), (0, 3, 1, 2))


def test_gf8_multiplication_follows_x3_plus_x_plus_1():
    field = galois_field(8)
    assert field.modulus == (1, 1, 0, 1)
    assert field.mul[2][4] == 3  # x * x^2 = x^3 = x + 1
    assert field.mul[4][4] == 6  # x^4 = x^2 + x
    assert field.add[5][3] == 6  # characteristic 2: addition is xor


def test_gf9_is_built_on_x2_plus_1():
    field = galois_field(9)  # digits base 3: 3 = x
    assert field.modulus == (1, 0, 1)
    assert field.mul[3][3] == 2  # x^2 = -1 = 2
    assert field.add[5][7] == 0  # (2 + x) + (1 + 2x) = 3 + 3x = 0


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9, 16, 25, 27])
def test_galois_field_satisfies_the_field_axioms(q):
    field = galois_field(q)
    elements = range(q)
    for a in elements:
        assert field.add[a][0] == a and field.mul[a][1] == a
        if a:
            assert field.mul[a][field.inv(a)] == 1
        assert field.add[a][field.neg(a)] == 0
    for a in elements:
        for b in elements:
            for c in (0, 1, q - 1):
                assert field.mul[a][field.add[b][c]] == field.add[field.mul[a][b]][field.mul[a][c]]


def test_galois_field_refuses_orders_that_are_not_prime_powers():
    with pytest.raises(ValueError, match="not a prime power"):
        galois_field(6)


def test_prime_power_decomposes_orders():
    assert prime_power(81) == (3, 4)
    assert prime_power(12) is None
    assert [q for q in range(1, 30) if is_prime_power(q)] == [
        2,
        3,
        4,
        5,
        7,
        8,
        9,
        11,
        13,
        16,
        17,
        19,
        23,
        25,
        27,
        29,
    ]


def test_inverse_of_zero_raises():
    with pytest.raises(ZeroDivisionError):
        galois_field(5).inv(0)
