"""What a store holds: its location, its named graphs with sizes, and counts per class."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..namespaces import DATA_GRAPHS, META_GRAPH, NEG, RDFS
from .backup import last_backup
from .protocol import GraphSize, GraphStore


@dataclass(frozen=True)
class GraphInfo:
    name: str
    triples: int
    kind: str  # ontology, curated, load, meta or "" for graphs nato-eu-graph did not write
    label: str


@dataclass(frozen=True)
class StoreInfo:
    location: str
    graphs: list[GraphInfo]
    classes: list[tuple[str, int]]
    last_backup: tuple[str, str] | None = None  # (when, folder), for the embedded store

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)


def store_info(store: GraphStore) -> StoreInfo:
    described = _described_graphs(store)
    graphs = [_graph_info(size, described) for size in store.graph_sizes()]
    path = getattr(store, "path", None)  # the embedded store's folder; None for an endpoint
    backed_up = last_backup(path) if isinstance(path, Path) else None
    return StoreInfo(store.location, graphs, class_counts(store), backed_up)


def class_counts(store: GraphStore) -> list[tuple[str, int]]:
    """Instances per class over the union graph, the metadata graph left out."""
    rows = store.query(
        f"""SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
              GRAPH ?g {{ ?s a ?class }} {DATA_GRAPHS}
            }} GROUP BY ?class ORDER BY DESC(?n) ?class"""
    )
    return [(r["class"].value, int(r["n"].value)) for r in rows]


def _described_graphs(store: GraphStore) -> dict[str, tuple[str, str]]:
    rows = store.query(
        f"""SELECT ?g ?kind ?label WHERE {{ GRAPH <{META_GRAPH}> {{
              ?g <{NEG}batchKind> ?kind OPTIONAL {{ ?g <{RDFS}label> ?label }} }} }}"""
    )
    return {r["g"].value: (r["kind"].value, r["label"].value if r["label"] else "") for r in rows}


def _graph_info(size: GraphSize, described: dict[str, tuple[str, str]]) -> GraphInfo:
    if size.name == META_GRAPH:
        return GraphInfo(size.name, size.triples, "meta", "metadata (PROV-O)")
    kind, label = described.get(size.name, ("", ""))
    return GraphInfo(size.name, size.triples, kind, label)
