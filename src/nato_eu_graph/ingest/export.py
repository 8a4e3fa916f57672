"""Write the store, or some of its graphs, in a standard RDF format, byte-stable.

Quads are sorted before they are written, so the same content always gives the same
bytes: exports can be compared with ``cmp`` and kept under version control.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from ..errors import GraphError
from ..namespaces import META_GRAPH, PREFIXES, PROV
from ..store.protocol import GraphStore

EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
GRAPH_FORMATS = {"turtle", "ntriples"}  # no named graphs: the selection is merged


def export(store: GraphStore, fmt: str = "nquads", graphs: Iterable[str] | None = None) -> bytes:
    if fmt not in EXPORT_FORMATS:
        raise GraphError(
            f"unknown export format {fmt!r}", hint=f"use one of {', '.join(EXPORT_FORMATS)}"
        )
    wanted = _check_graphs(store, graphs)
    quads = sorted(_selected(store, wanted), key=str)
    if fmt in GRAPH_FORMATS:
        triples = sorted({q.triple for q in quads}, key=str)
        return to_bytes(triples, EXPORT_FORMATS[fmt])
    return to_bytes(quads, EXPORT_FORMATS[fmt])


def to_bytes(items: Sequence[ox.Triple] | Sequence[ox.Quad], fmt: ox.RdfFormat) -> bytes:
    """Serialise triples or quads; Turtle and TriG get the project's prefixes."""
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    data = ox.serialize(items, format=fmt, prefixes=prefixes)
    assert data is not None  # serialize returns bytes when given no output
    return data


def _check_graphs(store: GraphStore, graphs: Iterable[str] | None) -> list[str] | None:
    if graphs is None:
        return None
    wanted = list(graphs)
    known = set(store.named_graphs())
    missing = [g for g in wanted if g not in known]
    if missing:
        raise GraphError(
            f"no graph named {missing[0]} in the store",
            hint="list the graphs with: nato-eu-graph info",
        )
    return wanted


def _selected(store: GraphStore, graphs: list[str] | None) -> Iterable[ox.Quad]:
    if graphs is None:
        return store.quads()
    return (q for g in graphs for q in store.quads(g))


def export_batches(store: GraphStore, fmt: str = "trig") -> bytes:
    """The loaded batches with their descriptions, in a form ``load`` restores exactly."""
    from .batches import loaded_batches

    if fmt not in ("trig", "nquads"):
        raise GraphError(
            "an export of batches needs a dataset format", hint="use --format trig or nquads"
        )
    batches = loaded_batches(store)
    quads = [q for b in batches for q in store.quads(b.graph)]
    described = store.query(
        f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{META_GRAPH}> {{
              VALUES ?g {{ {" ".join(f"<{b.graph}>" for b in batches)} }}
              {{ BIND(?g AS ?s) }} UNION {{ ?g <{PROV}wasDerivedFrom> ?s }}
              UNION {{ ?g <{PROV}wasAttributedTo> ?s }}
              ?s ?p ?o }} }}"""
    )
    meta = ox.NamedNode(META_GRAPH)
    quads += [ox.Quad(t.subject, t.predicate, t.object, meta) for t in described]
    return to_bytes(sorted(set(quads), key=str), EXPORT_FORMATS[fmt])
