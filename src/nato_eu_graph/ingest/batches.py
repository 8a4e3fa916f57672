"""The record of loaded batches in the metadata graph: how a batch is described
(PROV-O: when, by whom, from which file and checksum, how many triples), listing the
batches a store holds, and removing one (``unload``).
"""

from __future__ import annotations

import getpass
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import GraphError
from ..namespaces import AGENT, DCT, FILE, GRAPH, META_GRAPH, NEG, PROV, RDF, RDFS, XSD
from ..store.protocol import GraphStore
from .journaled import journaled_unload

if TYPE_CHECKING:
    pass


ENV_CURATOR = "NATO_EU_GRAPH_CURATOR"
BATCH_GRAPH = GRAPH + "batch/"


@dataclass(frozen=True)
class BatchInfo:
    id: str
    graph: str
    file: str
    sha256: str
    triples: int
    loaded_at: str
    loaded_by: str


def loaded_batches(store: GraphStore) -> list[BatchInfo]:
    rows = store.query(
        f"""SELECT ?g ?title ?sum ?n ?at ?by WHERE {{ GRAPH <{META_GRAPH}> {{
              ?g <{NEG}batchKind> "load" ; <{PROV}wasDerivedFrom> ?f ;
                 <{NEG}tripleCount> ?n ; <{PROV}generatedAtTime> ?at ;
                 <{PROV}wasAttributedTo> ?agent .
              ?f <{NEG}sha256> ?sum ; <{DCT}title> ?title .
              ?agent <{RDFS}label> ?by }} }} ORDER BY ?at ?g"""
    )
    return [
        BatchInfo(
            r["g"].value.removeprefix(BATCH_GRAPH),
            r["g"].value,
            r["title"].value,
            r["sum"].value,
            int(r["n"].value),
            r["at"].value,
            r["by"].value,
        )
        for r in rows
    ]


def curator(by: str | None) -> str:
    if by:
        return by
    env = os.environ.get(ENV_CURATOR)
    if env:
        return env
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def description(info: BatchInfo) -> list[ox.Triple]:
    g, f = ox.NamedNode(info.graph), ox.NamedNode(f"{FILE}batch/{info.id}")
    agent = ox.NamedNode(AGENT + "person/" + re.sub(r"[^A-Za-z0-9._-]+", "-", info.loaded_by))

    def t(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> ox.Triple:
        return ox.Triple(s, ox.NamedNode(p), o)

    def lit(value: str, dt: str = XSD + "string") -> ox.Literal:
        return ox.Literal(value, datatype=ox.NamedNode(dt))

    return [
        t(g, RDF + "type", ox.NamedNode(NEG + "Batch")),
        t(g, RDF + "type", ox.NamedNode(PROV + "Entity")),
        t(g, RDFS + "label", lit(Path(info.file).name)),
        t(g, NEG + "batchKind", lit("load")),
        t(g, NEG + "tripleCount", lit(str(info.triples), XSD + "integer")),  # as build writes it
        t(g, PROV + "generatedAtTime", lit(info.loaded_at, XSD + "dateTime")),
        t(g, PROV + "wasDerivedFrom", f),
        t(g, PROV + "wasAttributedTo", agent),
        t(f, RDF + "type", ox.NamedNode(PROV + "Entity")),
        t(f, DCT + "title", lit(info.file)),
        t(f, NEG + "sha256", lit(info.sha256)),
        t(agent, RDF + "type", ox.NamedNode(PROV + "Agent")),
        t(agent, RDFS + "label", lit(info.loaded_by)),
    ]


def unload(store: GraphStore, batch: str) -> BatchInfo:
    """Remove one loaded batch (by id, unique id prefix, or graph IRI) in one transaction."""
    found = _find_batch(loaded_batches(store), batch)
    file_node = f"{FILE}batch/{found.id}"
    with journaled_unload(store, found.id, found.graph):
        remove_batch(store, found.graph, file_node)
    return found


def remove_batch(store: GraphStore, graph: str, file_node: str) -> None:
    """Drop a batch's graph and its metadata in one update (no journal entry)."""
    store.update(
        f"DROP SILENT GRAPH <{graph}> ;\n"
        f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ <{graph}> ?p ?o }} }} ;\n"
        f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ <{file_node}> ?p ?o }} }} ;\n"
        # the curator's node goes too once no batch is attributed to them
        f"DELETE {{ GRAPH <{META_GRAPH}> {{ ?a ?p ?o }} }} WHERE {{ GRAPH <{META_GRAPH}> {{\n"
        f"  ?a a <{PROV}Agent> ; ?p ?o\n"
        f"  FILTER NOT EXISTS {{ ?g <{PROV}wasAttributedTo> ?a }} }} }}"
    )


def _find_batch(batches: list[BatchInfo], key: str) -> BatchInfo:
    hits = [b for b in batches if key in (b.id, b.graph)] or [
        b for b in batches if b.id.startswith(key) or b.sha256.startswith(key)
    ]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise GraphError(
            f"{key!r} fits {len(hits)} batches: " + ", ".join(b.id for b in hits),
            hint="give more of the id",
        )
    raise GraphError(f"no loaded batch {key!r}", hint="list them with: nato-eu-graph batches")
