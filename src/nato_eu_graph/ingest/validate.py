"""The validation step: check data against the SHACL shapes of ``ontology/shapes/``.

Validation runs on a copy of the data merged with the ontology and its SKOS vocabularies,
without inference: ``rdfs:subClassOf`` from the ontology is enough for ``sh:targetClass``
and ``sh:class``, and the vocabularies give ``skos:inScheme`` for concept references.
(pyshacl's own ``ont_graph`` mix-in copies only RDFS/OWL axioms, not SKOS concepts, so the
merge is done here.) Two shapes use SPARQL targets, so pyshacl runs with advanced features.
pyshacl is heavy and is imported only when a check runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Identifier, Node

from ..errors import ValidationError
from ..namespaces import compact
from ..resources import ontology_dir, shapes_dir

SHAPES_NS = "https://w3id.org/nato-eu-graph/shapes#"
ONTOLOGY_FILES = ("nato-eu-graph.ttl", "vocabularies.ttl")
HINT = "see docs/data-conventions.md"
SHOWN = 5  # violations quoted in the message of a ValidationError


@dataclass(frozen=True)
class Violation:
    """One violation of a shape.

    ``focus``, ``path``, ``constraint`` and ``shape`` are full IRIs (``_:id`` for blank
    nodes); ``value`` is the offending term in N-Triples form; ``shape`` is the nearest
    named shape that the violated constraint belongs to.
    """

    focus: str
    path: str | None
    constraint: str
    message: str
    shape: str
    value: str | None

    def __str__(self) -> str:
        where = short(self.focus) + (f" {short(self.path)}" if self.path else "")
        value = "" if self.value is None else f" (value: {_short_term(self.value)})"
        return f"{where}: {self.message}{value} [{short(self.constraint)}, {short(self.shape)}]"


def short(iri: str) -> str:
    """Compact an IRI for messages: ``id:tenure/x``, ``neg:Tenure``, ``negsh:TenureShape``."""
    for prefix, ns in (("negsh", SHAPES_NS), ("sh", str(SH))):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return compact(iri)


def _short_term(n3: str) -> str:
    if n3.startswith("<") and n3.endswith(">"):
        return short(n3[1:-1])
    lexical, sep, datatype = n3.rpartition("^^<")
    return f"{lexical}^^{short(datatype[:-1])}" if sep else n3


@cache
def load_shapes() -> rdflib.Graph:
    """Every ``.ttl`` file of the shapes folder, in one graph (cached: do not modify it)."""
    graph = rdflib.Graph()
    for path in sorted(shapes_dir().glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@cache
def load_ontology() -> rdflib.Graph:
    """The ontology and its SKOS vocabularies, in one graph (cached: do not modify it)."""
    graph = rdflib.Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(ontology_dir() / name, format="turtle")
    return graph


def check(data: rdflib.Graph) -> list[Violation]:
    """Validate ``data`` (with the ontology mixed in); return its violations, sorted."""
    from pyshacl import validate as shacl_validate  # heavy: imported only when used

    shapes = load_shapes()
    _, report, _ = shacl_validate(
        _merged(data, load_ontology()),
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        inplace=True,  # on our own merged copy
        allow_warnings=True,
    )
    results = (r for r in report.objects(None, SH.result) if _is_violation(report, r))
    return sorted((_violation(report, r, shapes) for r in results), key=_sort_key)


def ensure_valid(data: rdflib.Graph, *, source: str = "") -> None:
    """Raise ValidationError, listing the violations, unless ``data`` conforms."""
    lines = [str(v) for v in check(data)]
    if not lines:
        return
    count = f"{len(lines)} violation{'s' if len(lines) > 1 else ''} of the SHACL shapes"
    shown = "".join(f"\n  {line}" for line in lines[:SHOWN])
    more = f"\n  ... and {len(lines) - SHOWN} more" if len(lines) > SHOWN else ""
    message = f"{count} in {source or 'the data'}:{shown}{more}"
    raise ValidationError(message, violations=lines, hint=HINT)


def _merged(data: rdflib.Graph, ontology: rdflib.Graph) -> rdflib.Graph:
    """A new graph with the triples of ``data`` (all its graphs, for a dataset) and ``ontology``."""
    merged = rdflib.Graph()
    if isinstance(data, rdflib.ConjunctiveGraph):
        merged.addN((s, p, o, merged) for s, p, o, _ in data.quads())
    else:
        merged += data
    merged += ontology
    return merged


def _is_violation(report: rdflib.Graph, result: Node) -> bool:
    return report.value(result, SH.resultSeverity) == SH.Violation


def _violation(report: rdflib.Graph, result: Node, shapes: rdflib.Graph) -> Violation:
    value = report.value(result, SH.value)
    path = report.value(result, SH.resultPath)
    return Violation(
        focus=_text(report.value(result, SH.focusNode)),
        path=None if path is None else _path(report, path),
        constraint=_text(report.value(result, SH.sourceConstraintComponent)),
        message=_message(report, result),
        shape=_text(_named_shape(shapes, report.value(result, SH.sourceShape))),
        value=value.n3() if isinstance(value, Identifier) else None,
    )


def _text(node: Node | None) -> str:
    if isinstance(node, rdflib.BNode):
        return f"_:{node}"
    return "" if node is None else str(node)


def _message(report: rdflib.Graph, result: Node) -> str:
    """The English message if there is one, else any message (pyshacl's own default)."""
    messages = list(report.objects(result, SH.resultMessage))
    english = [m for m in messages if isinstance(m, rdflib.Literal) and m.language == "en"]
    return min((str(m) for m in english or messages), default="(no message)")


def _path(graph: rdflib.Graph, path: Node) -> str:
    """A property path in SPARQL syntax (shapes here use single predicates)."""
    if isinstance(path, rdflib.URIRef):
        return str(path)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path(graph, inverse)
    if graph.value(path, RDF.first) is not None:
        return "/".join(_path(graph, step) for step in Collection(graph, path))
    return _text(path)


def _named_shape(shapes: rdflib.Graph, shape: Node | None) -> Node | None:
    """Walk up from a blank shape (through sh:property, sh:node, lists...) to a named one."""
    seen: set[Node] = set()
    while isinstance(shape, rdflib.BNode) and shape not in seen:
        seen.add(shape)
        parent = next(iter(shapes.subjects(None, shape)), None)
        if parent is None:
            break
        shape = parent
    return shape


def _sort_key(v: Violation) -> tuple[str, ...]:
    return (v.focus, v.path or "", v.constraint, v.value or "", v.message, v.shape)
