"""Scores and ranking of a call's applications.

A review's score is the weighted mean of its criteria, each brought to the same 0–100 range (1 on
a criterion's scale is 0, the top of its scale is 100), so that a criterion scored out of 10 does
not outweigh one scored out of 5. An application's score is the mean of its reviews' scores, with
two decimals, in ``Decimal`` arithmetic: the same reviews always give the same ranking.

Ties (equal scores) are broken, in this order, by the score on the heaviest criterion, then by the
number of reviews (more reviews, a surer score), then by the earlier application; the ranking says
which of these placed each tied application after the one before it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from ..models import Application, Call, Criterion, Review

HUNDREDTH = Decimal("0.01")


def review_score(scores: dict[str, int], criteria: list[Criterion]) -> Decimal | None:
    """One review's weighted score out of 100; None unless every criterion is scored."""
    if not criteria or any(str(c.pk) not in scores for c in criteria):
        return None
    total = sum((c.weight for c in criteria), Decimal(0))
    weighted = sum(
        (c.weight * (Decimal(scores[str(c.pk)]) - 1) / (c.scale - 1) for c in criteria), Decimal(0)
    )
    return (weighted / total * 100).quantize(HUNDREDTH)


def _mean(values: list[Decimal]) -> Decimal | None:
    return (sum(values, Decimal(0)) / len(values)).quantize(HUNDREDTH) if values else None


def criterion_mean(reviews: list[Review], criterion: Criterion) -> Decimal | None:
    """The reviews' mean on one criterion, out of 100 like the scores."""
    key = str(criterion.pk)
    return _mean(
        [Decimal(r.scores[key] - 1) * 100 / (criterion.scale - 1) for r in reviews if key in r.scores]
    )


@dataclass
class RankedApplication:
    application: Application
    score: Decimal | None
    reviews: int
    conflicts: int
    criterion_means: list[Decimal | None] = field(default_factory=list)
    rank: int | None = None
    tie_note: str = ""

    def sort_key(self, heaviest: int | None) -> tuple:
        lead = self.criterion_means[heaviest] if heaviest is not None else None
        return (
            self.score is None,
            -(self.score or 0),
            -(lead or 0),
            -self.reviews,
            self.application.created_at,
            self.application.pk,
        )


def heaviest_criterion(criteria: list[Criterion]) -> int | None:
    """The position in ``criteria`` of the one with most weight (the first of equals)."""
    if not criteria:
        return None
    return max(range(len(criteria)), key=lambda i: (criteria[i].weight, -i))


def _tie_reason(before: RankedApplication, after: RankedApplication, heaviest: int | None, criteria) -> str:
    if heaviest is not None and before.criterion_means[heaviest] != after.criterion_means[heaviest]:
        return _("lower on “%(criterion)s” (%(after)s against %(before)s)") % {
            "criterion": criteria[heaviest],
            "after": after.criterion_means[heaviest] or 0,
            "before": before.criterion_means[heaviest] or 0,
        }
    if before.reviews != after.reviews:
        return _("fewer reviews (%(after)s against %(before)s)") % {
            "after": after.reviews,
            "before": before.reviews,
        }
    return _("applied later")


def rank(entries: list[RankedApplication], criteria: list[Criterion]) -> list[RankedApplication]:
    """Order ``entries``, number the reviewed ones (equal places for nobody: ties are broken) and
    explain every broken tie."""
    heaviest = heaviest_criterion(criteria)
    ordered = sorted(entries, key=lambda entry: entry.sort_key(heaviest))
    for position, entry in enumerate(ordered, start=1):
        if entry.score is None:
            entry.tie_note = _("not reviewed yet")
            continue
        entry.rank = position
        before = ordered[position - 2] if position > 1 else None
        if before is not None and before.score == entry.score:
            entry.tie_note = _("same score as %(other)s; placed after it: %(reason)s") % {
                "other": f"#{before.rank}",
                "reason": _tie_reason(before, entry, heaviest, criteria),
            }
    return ordered


def call_ranking(call: Call, applications=None) -> tuple[list[Criterion], list[RankedApplication]]:
    """The call's criteria and its applications ranked (three queries, whatever their number)."""
    criteria = list(call.criteria.all())
    applications = (applications if applications is not None else call.applications.all()).prefetch_related(
        Prefetch("reviews", queryset=Review.objects.order_by("pk"), to_attr="all_reviews")
    )
    entries = []
    for application in applications:
        counted = [r for r in application.all_reviews if not r.conflict_of_interest]
        scores = [s for r in counted if (s := review_score(r.scores, criteria)) is not None]
        entries.append(
            RankedApplication(
                application=application,
                score=_mean(scores),
                reviews=len(scores),
                conflicts=len(application.all_reviews) - len(counted),
                criterion_means=[criterion_mean(counted, c) for c in criteria],
            )
        )
    return criteria, rank(entries, criteria)
