"""Views to networks: a CONSTRUCT view's answer as a ``networkx.MultiDiGraph``.

A view answers with ``nv:Edge`` nodes (namespace ``https://w3id.org/nato-eu-graph/view#``,
documented in docs/views.md): each has ``nv:from``, ``nv:to``, ``nv:relation`` and
``nv:label``, and may have ``nv:start``, ``nv:end``, ``nv:date``, ``nv:attested``,
``nv:source``, ``nv:property`` and ``nv:fact``. Each edge node becomes one edge keyed by
its relation; parallel edges are kept. Any other triple of the answer becomes a node
attribute when its object is a literal, and a plain edge keyed by the predicate's local
name otherwise, so ad hoc CONSTRUCT queries project too. Literals never become nodes.

Nodes are IRIs; one more query gives each its English label, a short class name, its
date (a meeting's day, a document's issue date) and its sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..errors import QueryError, UnknownEntityError
from ..namespaces import DCT, FOAF, NEG, ORG, RDF, SCHEMA, SKOS

if TYPE_CHECKING:
    import networkx as nx

    from ..store.protocol import GraphStore

NV = "https://w3id.org/nato-eu-graph/view#"
EDGE = NV + "Edge"
RDF_TYPE = RDF + "type"

# Edge node properties and the edge attribute each fills; sources may repeat.
_EDGE_SCALARS = {
    NV + "relation": "relation",
    NV + "label": "label",
    NV + "start": "start",
    NV + "end": "end",
    NV + "date": "date",
    NV + "property": "property",
    NV + "fact": "fact",
}
_EDGE_LISTS = {NV + "source": "sources", NV + "attested": "attested"}

# Class IRIs to the short names views show, most specific first.
CLASSES: tuple[tuple[str, str], ...] = (
    (NEG + "State", "State"),
    (ORG + "FormalOrganization", "Organisation"),
    (ORG + "Organization", "Body"),
    (ORG + "Post", "Post"),
    (FOAF + "Person", "Person"),
    (NEG + "Meeting", "Meeting"),
    (NEG + "MeetingSeries", "Series"),
    (NEG + "StrategicDocument", "Document"),
    (NEG + "OperationalDomains", "Domain"),  # a concept scheme: skos:inScheme
    (NEG + "Topics", "Topic"),
    (ORG + "Site", "Site"),
    (SCHEMA + "Place", "Place"),
)
CLASS_NAMES = (*(name for _, name in CLASSES), "Other")


@dataclass
class _Edge:
    source: str = ""
    target: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)


def project(triples: Iterable[ox.Triple]) -> nx.MultiDiGraph:
    """Turn a CONSTRUCT answer into a multigraph (nodes carry no description yet)."""
    import networkx as nx

    answer = list(triples)
    typed_edges = {
        _key(t.subject)
        for t in answer
        if t.predicate.value == RDF_TYPE and _value(t.object) == EDGE
    }
    edges: dict[str, _Edge] = defaultdict(_Edge)
    graph = nx.MultiDiGraph()
    node_attrs: dict[str, dict[str, Any]] = defaultdict(dict)
    for t in answer:
        subject = _key(t.subject)
        if subject in typed_edges:
            _fill_edge(edges[subject], t)
        else:
            _plain_triple(graph, node_attrs, subject, t)
    for iri, e in sorted(edges.items()):
        if not e.source or not e.target:
            raise QueryError(f"view edge {iri} lacks nv:from or nv:to", hint="fix the view")
        add_edge(graph, e.source, e.target, {"id": iri, **e.attrs})
    for node, attrs in node_attrs.items():
        graph.nodes[node].update(attrs)
    return graph


def add_edge(graph: nx.MultiDiGraph, source: str, target: str, attrs: dict[str, Any]) -> str:
    """Add an edge keyed by its relation; a second one of the same relation gets ``~2``."""
    relation = str(attrs.setdefault("relation", "related"))
    attrs.setdefault("label", relation)
    key, n = relation, 1
    while graph.has_edge(source, target, key):
        n += 1
        key = f"{relation}~{n}"
    graph.add_edge(source, target, key=key, **attrs)
    return key


def _key(term: Any) -> str:
    return str(term.value) if isinstance(term, ox.NamedNode) else f"_:{_value(term)}"


def _value(term: Any) -> str:
    """The lexical value of a term (a quoted RDF-star triple as its N-Triples text)."""
    return str(term) if isinstance(term, ox.Triple) else str(term.value)


def _fill_edge(edge: _Edge, t: ox.Triple) -> None:
    p, o = t.predicate.value, t.object
    if p == NV + "from":
        edge.source = _key(o)
    elif p == NV + "to":
        edge.target = _key(o)
    elif p in _EDGE_SCALARS:
        edge.attrs[_EDGE_SCALARS[p]] = _value(o)
    elif p in _EDGE_LISTS:
        values = edge.attrs.setdefault(_EDGE_LISTS[p], [])
        values.append(_value(o))
        values.sort()


def _plain_triple(
    graph: nx.MultiDiGraph, node_attrs: dict[str, dict[str, Any]], subject: str, t: ox.Triple
) -> None:
    name = local_name(t.predicate.value)
    if isinstance(t.object, ox.Literal) or t.predicate.value == RDF_TYPE:
        graph.add_node(subject)
        attrs = node_attrs[subject]
        value = _value(t.object)
        attrs[name] = value if name not in attrs else f"{attrs[name]}; {value}"
    else:
        add_edge(graph, subject, _key(t.object), {"relation": name, "property": t.predicate.value})


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


# ---------------------------------------------------------------------- describing nodes

_DESCRIBE = f"""
SELECT ?n ?p ?o WHERE {{
  VALUES ?p {{ <{SKOS}prefLabel> <{FOAF}name> <{RDF}type> <{SKOS}inScheme>
              <{SCHEMA}startDate> <{DCT}issued> <{DCT}source> }}
  ?n ?p ?o .
}}"""


def describe(graph: nx.MultiDiGraph, store: GraphStore) -> None:
    """Give every IRI node its label, class, date and sources (in place)."""
    iris = [n for n in graph.nodes if not str(n).startswith("_:")]
    facts: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for chunk in _chunks(iris, 2000):
        values = " ".join(f"<{i}>" for i in chunk)
        text = _DESCRIBE.replace("WHERE {", "WHERE {\n  VALUES ?n { " + values + " }", 1)
        for row in store.query(text):
            facts[row["n"].value][row["p"].value].append(row["o"])
    for node in graph.nodes:
        graph.nodes[node].update(_description(str(node), facts.get(str(node), {})))


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _description(iri: str, facts: Mapping[str, list[Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"iri": iri, "label": _label(iri, facts), "class": _class(facts)}
    days = facts.get(SCHEMA + "startDate", []) + facts.get(DCT + "issued", [])
    if days:
        out["date"] = min(d.value for d in days)
    sources = sorted({s.value for s in facts.get(DCT + "source", [])})
    if sources:
        out["sources"] = sources
    return out


def _label(iri: str, facts: Mapping[str, list[Any]]) -> str:
    labels = facts.get(SKOS + "prefLabel", [])
    ranked = sorted(labels, key=lambda t: (t.language != "en", t.language is not None, t.value))
    if ranked:
        return str(ranked[0].value)
    names = facts.get(FOAF + "name", [])
    return str(names[0].value) if names else local_name(iri)


def _class(facts: Mapping[str, list[Any]]) -> str:
    known = {t.value for t in facts.get(RDF + "type", [])}
    known |= {t.value for t in facts.get(SKOS + "inScheme", [])}
    for iri, name in CLASSES:
        if iri in known:
            return name
    return "Other"


# ---------------------------------------------------------------------- views and cuts


def view_graph(
    store: GraphStore,
    view: str,
    *,
    as_of: str | date | None = None,
    focus: str | None = None,
    depth: int = 2,
    classes: Iterable[str] = (),
) -> nx.MultiDiGraph:
    """Run a named view on the store and return it as a described, optionally cut graph."""
    from ..query import catalog
    from ..query.execute import run_named

    named = catalog.get(view)
    if named.kind != "view":
        raise QueryError(
            f"{view!r} is a query, not a view", hint="list views with: nato-eu-graph queries"
        )
    params = {}
    if as_of is not None and any(p.name == "date" for p in named.params):
        params["date"] = as_of.isoformat() if isinstance(as_of, date) else str(as_of)
    graph = project(run_named(store, named, params).triples)
    describe(graph, store)
    graph.graph.update(view=view, title=named.title, as_of=params.get("date", ""))
    if focus:
        graph = ego(graph, resolve_in(store, graph, focus), depth)
    if classes:
        graph = only_classes(graph, classes)
    return graph


def resolve_in(store: GraphStore, graph: nx.MultiDiGraph, name: str) -> str:
    """The IRI a name refers to, checked to be a node of ``graph``."""
    from ..ingest.resolve import Resolver

    iri = Resolver.from_store(store).resolve(name)
    if iri not in graph:
        view = graph.graph.get("view", "the view")
        when = graph.graph.get("as_of")
        raise UnknownEntityError(
            f"{name!r} is not in {view}" + (f" as of {when}" if when else ""),
            hint="try another --as-of date or another --view",
        )
    return iri


def ego(graph: nx.MultiDiGraph, center: str, depth: int) -> nx.MultiDiGraph:
    """Everything within ``depth`` steps of ``center``, whatever the edges' direction."""
    import networkx as nx

    if depth < 0:
        raise QueryError("--depth must be 0 or more", hint="for example --depth 2")
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center, depth)
    cut = induced(graph, near)
    cut.graph.update(focus=center, depth=depth)
    return cut


def only_classes(graph: nx.MultiDiGraph, classes: Iterable[str]) -> nx.MultiDiGraph:
    """Keep nodes of the given short class names (case does not matter)."""
    by_fold = {c.casefold(): c for c in CLASS_NAMES}
    wanted = set()
    for c in classes:
        if c.casefold() not in by_fold:
            raise QueryError(f"unknown class {c!r}", hint="classes: " + ", ".join(CLASS_NAMES))
        wanted.add(by_fold[c.casefold()])
    return induced(graph, [n for n, cls in graph.nodes(data="class") if cls in wanted])


def induced(graph: nx.MultiDiGraph, keep: Iterable[str]) -> nx.MultiDiGraph:
    """The subgraph on ``keep``, its nodes and edges in ``graph``'s own order.

    networkx's ``subgraph(...).copy()`` iterates the kept set when it is small, in an order
    that changes with Python's hash seed: the same store would draw a different file.
    """
    import networkx as nx

    kept = set(keep)
    cut = nx.MultiDiGraph(**graph.graph)
    cut.add_nodes_from((n, dict(d)) for n, d in graph.nodes(data=True) if n in kept)
    cut.add_edges_from(
        (u, v, k, dict(d))
        for u, v, k, d in graph.edges(keys=True, data=True)
        if u in kept and v in kept
    )
    return cut
