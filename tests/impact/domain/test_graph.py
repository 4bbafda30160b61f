import networkx as nx
import numpy as np
import pytest

from tissage.impact.domain import graph


def edges_of(g):
    e = np.array(list(g.edges()))
    return e[:, 0], e[:, 1]


def test_betweenness_of_a_path_is_carried_by_its_middle():
    assert graph.betweenness(3, [0, 1], [1, 2]).tolist() == [0.0, 1.0, 0.0]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_betweenness_equals_networkx_on_random_graphs(seed):
    g = nx.gnm_random_graph(40, 90, seed=seed)
    ours = graph.betweenness(40, *edges_of(g))
    theirs = nx.betweenness_centrality(g)
    assert np.allclose(ours, [theirs[n] for n in range(40)], atol=1e-12)


def test_betweenness_samples_sources_beyond_the_exact_size(monkeypatch):
    monkeypatch.setattr(graph, "EXACT_BETWEENNESS_NODES", 10)
    monkeypatch.setattr(graph, "BETWEENNESS_SAMPLES", 8)
    star = nx.star_graph(29)
    scores = graph.betweenness(30, *edges_of(star), seed=4)
    # Eight leaves as sources: each sends its paths to the 28 others through the centre.
    assert (round(scores[0], 6), scores[1:].max()) == (round(8 * 28 * 30 / 8 / (29 * 28), 6), 0.0)


def test_louvain_finds_the_caves_of_a_caveman_graph():
    g = nx.connected_caveman_graph(6, 5)
    found = graph.louvain(30, *edges_of(g), np.ones(g.number_of_edges()), seed=1)
    assert (found.count, found.sizes()) == (6, [5] * 6)
    caves = [set(range(k * 5, k * 5 + 5)) for k in range(6)]
    assert sorted(set(np.flatnonzero(found.labels == k)) for k in range(6)) == sorted(caves, key=min)
    assert found.modularity == pytest.approx(nx.community.modularity(g, caves))


def test_louvain_is_as_good_as_networkx_and_the_same_each_time():
    g = nx.planted_partition_graph(8, 12, 0.5, 0.02, seed=7)
    e = edges_of(g)
    first = graph.louvain(96, *e, np.ones(len(e[0])), seed=3)
    again = graph.louvain(96, *e, np.ones(len(e[0])), seed=3)
    theirs = nx.community.louvain_communities(g, seed=3)
    assert first.labels.tolist() == again.labels.tolist()
    assert first.modularity >= nx.community.modularity(g, theirs) - 0.01


def test_louvain_leaves_isolated_people_alone():
    found = graph.louvain(3, [], [], [])
    assert (found.labels.tolist(), found.modularity) == ([0, 1, 2], 0.0)


def test_layout_fills_the_unit_square_the_same_way_each_time():
    g = nx.connected_caveman_graph(4, 5)
    e = edges_of(g)
    first = graph.layout(20, *e, np.ones(len(e[0])), seed=5)
    assert (first.min(), first.max(), first.shape) == (0.0, 1.0, (20, 2))
    assert np.array_equal(first, graph.layout(20, *e, np.ones(len(e[0])), seed=5))


def test_layout_keeps_someone_with_one_weak_tie_from_squeezing_the_rest():
    clique = np.array(list(nx.complete_graph(20).edges()))
    sources, targets = np.append(clique[:, 0], 0), np.append(clique[:, 1], 20)
    weights = np.append(np.ones(len(clique)), 0.01)
    position = graph.layout(21, sources, targets, weights, seed=5)
    assert np.ptp(position[:20], axis=0).min() > 0.5
