"""The ledger as plain rows, to compare two ways of computing it."""

from tissage.impact.models import Tie, TieContribution, TieYear


def ledger_rows() -> dict:
    """The whole ledger, by pair of people, comparable between two computations."""
    ties = {
        (t.person_a_id, t.person_b_id): (
            round(t.weight, 9),
            round(t.hours, 9),
            t.activity_count,
            t.collaboration_count,
            t.first_date,
            t.last_date,
            t.year_count,
        )
        for t in Tie.objects.all()
    }
    years = sorted(
        (y.tie.person_a_id, y.tie.person_b_id, y.year, round(y.weight, 9), y.activity_count)
        for y in TieYear.objects.select_related("tie")
    )
    contributions = sorted(
        (
            c.tie.person_a_id,
            c.tie.person_b_id,
            c.activity_id or 0,
            c.collaboration_id or 0,
            c.date,
            c.group_size,
            round(c.weight, 9),
        )
        for c in TieContribution.objects.select_related("tie")
    )
    return {"ties": ties, "years": years, "contributions": contributions}
