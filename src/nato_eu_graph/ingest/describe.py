"""The dataset's own description, in VoID and DCAT: version, licence, creators, size, the
classes and properties with their counts, the publishers of the pages it cites. ``build``
keeps it in the metadata graph; the static site publishes it as ``void.ttl``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

import pyoxigraph as ox

from .. import __version__
from ..namespaces import BASE, DATA_GRAPHS, DCT, META_GRAPH, NEG, OWL, RDF, XSD
from ..store.protocol import GraphStore, graph_block

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DATASET = BASE + "dataset"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def dataset_triples(
    triples: int,
    classes: list[tuple[str, int]],
    properties: list[tuple[str, int]],
    publishers: list[str],
    when: datetime,
) -> list[ox.Triple]:
    d = ox.NamedNode(DATASET)
    out: list[ox.Triple] = []

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        out.append(ox.Triple(s, ox.NamedNode(p), o))

    def count(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=ox.NamedNode(XSD + "integer"))

    for c in (VOID + "Dataset", DCAT + "Dataset"):
        add(d, RDF + "type", ox.NamedNode(c))
    add(
        d,
        DCT + "title",
        ox.Literal("nato-eu-graph: NATO–EU institutional relations", language="en"),
    )
    add(d, DCT + "license", ox.NamedNode(LICENCE))
    add(d, DCT + "creator", ox.Literal("nato-eu-graph contributors"))
    add(d, DCT + "modified", ox.Literal(when.isoformat(), datatype=ox.NamedNode(XSD + "dateTime")))
    add(d, OWL + "versionInfo", ox.Literal(__version__))
    add(d, VOID + "triples", count(triples))
    add(d, VOID + "uriSpace", ox.Literal(BASE + "id/"))
    add(d, VOID + "vocabulary", ox.NamedNode(BASE + "ontology"))
    for k, (cls, n) in enumerate(sorted(classes)):
        part = ox.NamedNode(f"{DATASET}/class/{k}")
        add(d, VOID + "classPartition", part)
        add(part, VOID + "class", ox.NamedNode(cls))
        add(part, VOID + "entities", count(n))
    for k, (prop, n) in enumerate(sorted(properties)):
        part = ox.NamedNode(f"{DATASET}/property/{k}")
        add(d, VOID + "propertyPartition", part)
        add(part, VOID + "property", ox.NamedNode(prop))
        add(part, VOID + "triples", count(n))
    for pub in sorted(set(publishers)):
        add(d, DCT + "contributor", ox.NamedNode(pub))
    return out


def describe_store(store: GraphStore, when: datetime) -> list[ox.Triple]:
    """Count the store (the metadata graph left out) and describe it."""
    outside = DATA_GRAPHS
    total = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {outside} }}")
    classes = store.query(
        f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} {outside} }} "
        "GROUP BY ?c"
    )
    props = store.query(
        f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {outside} }} GROUP BY ?p"
    )
    pubs = store.query(
        f"""SELECT DISTINCT ?pub WHERE {{ GRAPH ?g {{ ?s a <{NEG}Source> ; <{DCT}publisher> ?pub }}
              {outside} FILTER(isIRI(?pub)) }}"""
    )
    return dataset_triples(
        int(next(iter(total))["n"].value),
        [(r["c"].value, int(r["n"].value)) for r in classes if isinstance(r["c"], ox.NamedNode)],
        [(r["p"].value, int(r["n"].value)) for r in props],
        [r["pub"].value for r in pubs],
        when,
    )


class Tally:
    """Counts quads as they stream past, for the description of a store they make up
    whole (a first build: no store scans after the load, and no copy of the quads kept).
    Quads come one graph after another; a repeated quad counts once, as in the store."""

    def __init__(self) -> None:
        self.total = 0
        self.typed: dict[str, set[object]] = defaultdict(set)
        self.props: Counter[str] = Counter()
        self.sources: set[tuple[object, object]] = set()
        self.published: set[tuple[object, object, str]] = set()
        self._graph: object = None
        self._seen: set[ox.Quad] = set()

    def see(self, q: ox.Quad) -> None:
        if q.graph_name == ox.NamedNode(META_GRAPH):
            return
        if q.graph_name != self._graph:  # a new graph: its quads cannot repeat earlier ones
            self._graph, self._seen = q.graph_name, set()
        if q in self._seen:
            return
        self._seen.add(q)
        self.total += 1
        self.props[q.predicate.value] += 1
        if q.predicate.value == RDF + "type" and isinstance(q.object, ox.NamedNode):
            self.typed[q.object.value].add(q.subject)
            if q.object.value == NEG + "Source":
                self.sources.add((q.subject, q.graph_name))
        elif q.predicate.value == DCT + "publisher" and isinstance(q.object, ox.NamedNode):
            self.published.add((q.subject, q.graph_name, q.object.value))

    def description(self, when: datetime) -> list[ox.Triple]:
        publishers = [pub for s, g, pub in self.published if (s, g) in self.sources]
        classes = [(c, len(subjects)) for c, subjects in self.typed.items()]
        return dataset_triples(self.total, classes, list(self.props.items()), publishers, when)


def description_current(store: GraphStore) -> bool:
    """Whether the metadata graph describes the dataset with its present size."""
    rows = list(
        store.query(
            f"""SELECT ?n WHERE {{ GRAPH <{META_GRAPH}> {{ <{DATASET}> <{VOID}triples> ?n }} }}"""
        )
    )
    if len(rows) != 1:
        return False
    total = store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {DATA_GRAPHS} }}"
    )
    return int(rows[0]["n"].value) == int(next(iter(total))["n"].value)


def refresh_description(
    store: GraphStore, when: datetime, described: list[ox.Triple] | None = None
) -> None:
    """Replace the dataset's description in the metadata graph (one update), with
    ``described`` when the caller counted it already."""
    triples = describe_store(store, when) if described is None else described
    store.update(
        f"""DELETE {{ GRAPH <{META_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{META_GRAPH}> {{
              ?s ?p ?o FILTER(?s = <{DATASET}> || STRSTARTS(STR(?s), "{DATASET}/")) }} }} ;
            INSERT DATA {{ {graph_block(META_GRAPH, triples)} }}"""
    )
