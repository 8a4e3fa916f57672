"""Network analytics on a projected view: shortest connections and centrality.

Both read the graph undirected: "how are A and B connected" and "who sits between whom"
do not depend on which way an edge was stated.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from ..errors import UnknownEntityError

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class Step:
    """One hop of a path: the relations stated each way between two neighbours."""

    source: str
    target: str
    forward: tuple[str, ...]  # labels of edges source -> target
    backward: tuple[str, ...]  # labels of edges target -> source


@dataclass(frozen=True)
class Ranked:
    iri: str
    label: str
    cls: str
    degree: int
    betweenness: float


def _simple(graph: nx.MultiDiGraph) -> nx.Graph:
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return simple


def shortest_paths(
    graph: nx.MultiDiGraph, source: str, target: str, *, limit: int = 5
) -> list[list[Step]]:
    """Up to ``limit`` shortest paths between two nodes, each as its steps."""
    import networkx as nx

    for node in (source, target):
        if node not in graph:
            raise UnknownEntityError(f"{node} is not in the view", hint="try another --as-of")
    simple = _simple(graph)
    try:
        found = nx.all_shortest_paths(simple, source, target)
        paths = []
        for nodes in found:
            paths.append([_step(graph, a, b) for a, b in pairwise(nodes)])
            if len(paths) >= limit:
                break
    except nx.NetworkXNoPath:
        return []
    return sorted(paths, key=lambda p: [graph.nodes[s.target].get("label", "") for s in p])


def _step(graph: nx.MultiDiGraph, a: str, b: str) -> Step:
    return Step(a, b, _labels(graph, a, b), _labels(graph, b, a))


def _labels(graph: nx.MultiDiGraph, a: str, b: str) -> tuple[str, ...]:
    if not graph.has_edge(a, b):
        return ()
    return tuple(sorted({str(d.get("label", k)) for k, d in graph[a][b].items()}))


def centrality(graph: nx.MultiDiGraph, *, top: int = 10) -> list[Ranked]:
    """Nodes ranked by betweenness (then degree): the brokers of the network."""
    import networkx as nx

    simple = _simple(graph)
    n = simple.number_of_nodes()
    # Exact betweenness is O(nodes x edges); past 2,000 nodes a 500-node sample is close.
    sample = 500 if n > 2000 else None
    between = nx.betweenness_centrality(simple, k=sample, seed=0 if sample else None)
    ranked = [
        Ranked(
            str(node),
            str(graph.nodes[node].get("label", node)),
            str(graph.nodes[node].get("class", "")),
            int(simple.degree(node)),
            float(between[node]),
        )
        for node in simple.nodes
    ]
    ranked.sort(key=lambda r: (-r.betweenness, -r.degree, r.label))
    return ranked[:top]
