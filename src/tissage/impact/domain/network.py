"""The graph of a scope's ties, as drawn on the graph page and exported for Gephi: people with their
home hub and community, ties with their weight, durability and crossing, and (for the page) a
seeded layout, cached until the data change."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.core.cache import cache

from tissage.people.models import Person

from ..models.ties import DURABLE_YEARS
from . import graph
from .analytics import CACHE_SECONDS, SEED, Scope, data_version, home_hubs, role_holders, scope_ties

# The graph page draws at most this many people (the most connected); its table lists every tie.
DRAWN_PEOPLE = 500


@dataclass(frozen=True)
class Node:
    pk: int
    slug: str
    name: str
    hub: int | None
    strength: float
    community: int
    x: float = 0.5
    y: float = 0.5


@dataclass(frozen=True)
class Edge:
    tie: int
    a: int
    b: int
    weight: float
    first_year: int
    years: int
    durable: bool
    crossing: bool


@dataclass(frozen=True)
class ScopeGraph:
    nodes: list[Node]
    edges: list[Edge]
    people: int  # in the whole scope, drawn or not
    ties: int


def scope_graph(scope: Scope, *, limit: int | None = None) -> ScopeGraph:
    """The scope's people and ties; with ``limit``, the ``limit`` most connected people, laid out."""
    key = f"impact:graph:{data_version()}:{limit}:{hashlib.sha1(scope.key().encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = _scope_graph(scope, limit)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _scope_graph(scope: Scope, limit: int | None) -> ScopeGraph:
    home = home_hubs()
    rows = scope_ties(scope, role_holders(scope))
    strength: dict[int, float] = defaultdict(float)
    for row in rows:
        strength[row.a] += row.weight
        strength[row.b] += row.weight
    chosen = sorted(strength, key=lambda pk: (-strength[pk], pk))[:limit]
    index = {pk: i for i, pk in enumerate(chosen)}
    kept = [row for row in rows if row.a in index and row.b in index]
    ends = np.array([(index[row.a], index[row.b]) for row in kept], dtype=np.int64).reshape(-1, 2)
    weights = np.array([row.weight for row in kept], dtype=float)
    communities = graph.louvain(len(chosen), ends[:, 0], ends[:, 1], weights, seed=SEED).labels
    position = (
        graph.layout(len(chosen), ends[:, 0], ends[:, 1], weights, seed=SEED)
        if limit is not None
        else np.full((len(chosen), 2), 0.5)
    )
    people = Person.objects.only("slug", "given_name", "family_name", "home_hub").in_bulk(chosen)
    nodes = [
        Node(
            pk=pk,
            slug=people[pk].slug,
            name=people[pk].full_name,
            hub=home.get(pk),
            strength=strength[pk],
            community=int(communities[i]),
            x=float(position[i, 0]),
            y=float(position[i, 1]),
        )
        for i, pk in enumerate(chosen)
    ]
    edges = [
        Edge(
            tie=row.tie,
            a=row.a,
            b=row.b,
            weight=row.weight,
            first_year=row.first_year,
            years=row.years,
            durable=row.years >= DURABLE_YEARS,
            crossing=row.is_crossing(home),
        )
        for row in kept
    ]
    return ScopeGraph(nodes=nodes, edges=edges, people=len(strength), ties=len(rows))
