import datetime
from decimal import Decimal

import pytest

from tissage.calls.domain.ranking import call_ranking, review_score

from ...factories import ApplicationFactory, CallFactory, CriterionFactory, ReviewFactory


def scored(application, call, *values, conflict=False):
    scores = {} if conflict else {str(c.pk): v for c, v in zip(call.criteria.all(), values, strict=True)}
    return ReviewFactory(application=application, scores=scores, conflict_of_interest=conflict)


@pytest.mark.django_db
def test_review_score_brings_every_scale_to_a_hundred_and_weighs_it():
    call = CallFactory()
    musicianship = CriterionFactory(call=call, weight=Decimal("2"), scale=5)
    motivation = CriterionFactory(call=call, weight=Decimal("1"), scale=10)
    criteria = [musicianship, motivation]
    # (4-1)/4 = 75 % weighs 2, (10-1)/9 = 100 % weighs 1: (150 + 100) / 3.
    assert review_score({str(musicianship.pk): 4, str(motivation.pk): 10}, criteria) == Decimal("83.33")
    assert review_score({str(musicianship.pk): 1, str(motivation.pk): 1}, criteria) == Decimal("0.00")
    assert review_score({str(musicianship.pk): 4}, criteria) is None
    assert review_score({}, []) is None


@pytest.mark.django_db
def test_review_score_is_exact_decimal_arithmetic():
    call = CallFactory()
    criteria = [CriterionFactory(call=call, weight=Decimal("0.1"), scale=4) for _ in range(3)]
    scores = {str(c.pk): 2 for c in criteria}
    score = review_score(scores, criteria)
    assert (score, type(score)) == (Decimal("33.33"), Decimal)


def test_call_ranking_orders_by_weighted_mean_and_explains_broken_ties(call):
    early = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    names = {}
    for name, offset in [
        ("low", 0),
        ("tie_heavy", 1),
        ("tie_light", 2),
        ("tie_more", 3),
        ("tie_fewer", 4),
        ("new", 5),
    ]:
        names[name] = ApplicationFactory(call=call, given_name=name)
        names[name].created_at = early + datetime.timedelta(hours=offset)
        names[name].save()
    scored(names["low"], call, 1, 1)
    # Both score 50.00, but the first is stronger on the heaviest criterion (musicianship).
    scored(names["tie_heavy"], call, 4, 1)  # (2 × 75 + 0) / 3 = 50
    scored(names["tie_light"], call, 3, 10)  # (2 × 50 + 100) / 3 = 66.67
    scored(names["tie_light"], call, 3, 1)  # (2 × 50 + 0) / 3 = 33.33 → mean 50
    # Equal on everything but the number of reviews.
    scored(names["tie_more"], call, 5, 5)
    scored(names["tie_more"], call, 5, 5)
    scored(names["tie_fewer"], call, 5, 5)
    scored(names["tie_fewer"], call, 1, 1, conflict=True)
    criteria, ranking = call_ranking(call)
    rows = [(r.rank, r.application.given_name, r.score, r.reviews, r.conflicts, r.tie_note) for r in ranking]
    assert rows == [
        (1, "tie_more", Decimal("81.48"), 2, 0, ""),
        (
            2,
            "tie_fewer",
            Decimal("81.48"),
            1,
            1,
            "same score as #1; placed after it: fewer reviews (1 against 2)",
        ),
        (3, "tie_heavy", Decimal("50.00"), 1, 0, ""),
        (
            4,
            "tie_light",
            Decimal("50.00"),
            2,
            0,
            "same score as #3; placed after it: lower on “Musicianship” (50.00 against 75.00)",
        ),
        (5, "low", Decimal("0.00"), 1, 0, ""),
        (None, "new", None, 0, 0, "not reviewed yet"),
    ]
    assert [str(c) for c in criteria] == ["Musicianship", "Motivation"]
    assert ranking[0].criterion_means == [Decimal("100.00"), Decimal("44.44")]


def test_call_ranking_breaks_a_perfect_tie_by_the_earlier_application(call):
    first, second = ApplicationFactory(call=call), ApplicationFactory(call=call)
    second.created_at = first.created_at + datetime.timedelta(minutes=1)
    second.save()
    scored(second, call, 3, 3)
    scored(first, call, 3, 3)
    _criteria, ranking = call_ranking(call)
    assert [(r.application, r.tie_note) for r in ranking] == [
        (first, ""),
        (second, "same score as #1; placed after it: applied later"),
    ]


def test_call_ranking_takes_three_queries_whatever_the_number(call, django_assert_num_queries):
    for _ in range(5):
        scored(ApplicationFactory(call=call), call, 3, 3)
    with django_assert_num_queries(3):
        call_ranking(call)
