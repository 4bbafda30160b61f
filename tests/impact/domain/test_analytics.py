from tissage.impact.domain.analytics import Scope, compute_figures, figures
from tissage.impact.models import Tie
from tissage.people.enums import Role


def pairs(figures_, name, people):
    ids = {p.pk: key for key, p in people.items() if key in "abcd"}
    return sorted(
        "".join(sorted((ids[t.person_a_id], ids[t.person_b_id])))
        for t in Tie.objects.filter(pk__in=getattr(figures_, name))
    )


def names(ids, people):
    return sorted(key for key, p in people.items() if key in "abcd" and p.pk in ids)


def test_figures_of_the_whole_network(network):
    f = compute_figures(Scope(last_year=2026))
    assert [
        pairs(f, name, network)
        for name in ("ties", "new_ties", "durable_ties", "crossing_ties", "durable_crossing_ties")
    ] == [
        ["ab", "ac", "ad", "bc"],
        ["ab", "ac", "ad", "bc"],
        ["ab"],
        ["ab", "ac"],
        ["ab"],
    ]
    assert (names(f.people, network), names(f.people_with_durable_crossing_tie, network)) == (
        ["a", "b", "c", "d"],
        ["a", "b"],
    )
    assert f.durable_crossing_share == 0.5
    assert [(names([pk], network), round(score, 6)) for pk, score in f.bridging] == [(["a"], round(4 / 6, 6))]
    assert f.years == {
        2002: {"new": 3, "durable": 1, "crossing": 2},
        2003: {"new": 1, "durable": 0, "crossing": 0},
    }
    assert (names(f.trainees, network), names(f.trainees_later, network)) == (["c"], ["c"])
    assert (f.enterprises, f.enterprises_trained_founders, f.enterprises_by_year) == (
        [network["company"].pk],
        [network["company"].pk],
        {2006: 1},
    )
    assert (f.training_hours, f.training_person_hours, f.audience, len(f.concerts)) == (8.0, 20.0, 120, 1)
    marseille, narian_mar = network["marseille"].pk, network["b"].home_hub_id
    assert f.hub_flows == {(marseille, narian_mar): 2, (narian_mar, narian_mar): 1, (marseille, marseille): 1}


def test_durability_is_judged_at_the_end_of_the_period(network):
    f = compute_figures(Scope(first_year=2002, last_year=2002))
    assert (pairs(f, "ties", network), pairs(f, "new_ties", network), f.durable_ties) == (
        ["ab", "ac", "bc"],
        ["ab", "ac", "bc"],
        [],
    )


def test_a_later_year_has_its_ties_but_not_as_new(network):
    f = compute_figures(Scope(first_year=2004, last_year=2004))
    assert (pairs(f, "ties", network), f.new_ties, pairs(f, "durable_ties", network)) == (["ab"], [], ["ab"])


def test_programme_figures_count_its_people_and_its_cohort_retention(network):
    f = compute_figures(Scope(programmes=(network["programme"].pk,), last_year=2026))
    assert (pairs(f, "ties", network), pairs(f, "durable_ties", network), names(f.people, network)) == (
        ["ab", "ac", "bc"],
        ["ab"],
        ["a", "b", "c"],
    )
    [retention] = f.retention
    assert [(year, names(people, network)) for year, people in retention.by_year] == [
        (2002, ["a", "b", "c"]),
        (2003, ["a"]),
    ]
    assert (names(retention.retained, network), round(f.retention_share, 4)) == (["a"], round(1 / 3, 4))
    assert f.enterprises == [network["company"].pk]


def test_hub_figures_keep_the_activities_held_there(network):
    f = compute_figures(Scope(hub=network["marseille"].pk, last_year=2026))
    assert (pairs(f, "ties", network), pairs(f, "new_ties", network), len(f.activities)) == (
        ["ab", "ad"],
        ["ad"],
        2,
    )


def test_role_keeps_the_ties_of_people_who_held_it(network):
    f = compute_figures(Scope(role=Role.TRAINEE, last_year=2026))
    assert (pairs(f, "ties", network), names(f.people, network)) == (["ac", "bc"], ["c"])


def test_figures_are_cached_until_the_data_change(network, django_assert_num_queries):
    scope = Scope(last_year=2026)
    first = figures(scope)
    with django_assert_num_queries(2):
        assert figures(scope).ties == first.ties
    network["d"].delete()
    assert len(figures(scope).ties) == 3
