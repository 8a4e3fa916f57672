"""The store as the site sees it: every triple (the batch records left out), indexed both
ways, the named things that get a page, the dated facts that link them, and where each
page goes.

A *thing* is an IRI of the graph's own namespace with a name (skos:prefLabel or
foaf:name), or a described source (a neg:Source). A *fact* is an n-ary node (a tenure, a
membership, a participation, an adoption, a recognition): it gets no page of its own but
shows on the page of everything it links.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..namespaces import DCT, FOAF, ID, META_GRAPH, NEG, ORG, RDF, RDFS, SKOS

FACT_CLASSES = {
    NEG + "Tenure": "Posts held",
    ORG + "Membership": "Memberships",
    NEG + "Participation": "Meetings and participants",
    NEG + "Adoption": "Adoptions, endorsements and signatures",
    NEG + "DomainRecognition": "Recognitions",
}
NAMES = (SKOS + "prefLabel", SKOS + "altLabel", FOAF + "name")
SOURCE = NEG + "Source"
Term = ox.NamedNode | ox.BlankNode | ox.Literal
Key = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, Term]


@dataclass
class SiteGraph:
    triples: set[Key] = field(default_factory=set)
    out: dict[str, list[Key]] = field(default_factory=lambda: defaultdict(list))
    inc: dict[str, list[Key]] = field(default_factory=lambda: defaultdict(list))
    labels: dict[str, str] = field(default_factory=dict)
    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    things: list[str] = field(default_factory=list)
    facts: set[str] = field(default_factory=set)
    paths: dict[str, str] = field(default_factory=dict)  # IRI -> page path in the site

    @classmethod
    def from_quads(cls, quads: Iterable[ox.Quad]) -> SiteGraph:
        g = cls()
        for q in quads:
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == META_GRAPH:
                continue
            s, o = q.subject, q.object
            if isinstance(s, ox.Triple) or isinstance(o, ox.Triple):
                continue  # RDF-star: not used by the graph
            key: Key = (s, q.predicate, o)
            if key in g.triples:
                continue
            g.triples.add(key)
            g.out[s.value].append(key)
            if not isinstance(o, ox.Literal):
                g.inc[o.value].append(key)
            if q.predicate.value == RDF + "type":
                g.types[s.value].add(o.value)
        g._index()
        return g

    def _index(self) -> None:
        for iri, keys in self.out.items():
            names = {k[1].value: k[2] for k in keys if k[1].value in NAMES}
            label = _english(keys, SKOS + "prefLabel") or _english(keys, FOAF + "name")
            if label is None:
                label = _english(keys, RDFS + "label") or _english(keys, DCT + "title")
            if label is not None:
                self.labels[iri] = label
            fact = bool(self.types[iri] & FACT_CLASSES.keys())
            if fact:
                self.facts.add(iri)
            elif (iri.startswith(ID) and names) or SOURCE in self.types[iri]:
                self.things.append(iri)
        self.things.sort()
        for iri in self.things:
            self.paths[iri] = page_path(iri)

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or short(iri)

    def about(self, iri: str) -> list[Key]:
        """Every triple about a thing: its own, those that name it, and those of the facts
        that link it (what its Turtle and JSON-LD files hold)."""
        keys = set(self.out.get(iri, [])) | set(self.inc.get(iri, []))
        for fact in self.facts_of(iri):
            keys |= set(self.out.get(fact, []))
        return sorted(keys, key=_order)

    def facts_of(self, iri: str) -> list[str]:
        """The facts that link the thing."""
        return sorted({k[0].value for k in self.inc.get(iri, []) if k[0].value in self.facts})


def _english(keys: list[Key], prop: str) -> str | None:
    found = [k[2] for k in keys if k[1].value == prop and isinstance(k[2], ox.Literal)]
    for lit in found:
        if lit.language in (None, "en"):
            return lit.value
    return found[0].value if found else None


def _order(k: Key) -> tuple[str, str, str]:
    return (k[0].value, k[1].value, str(k[2]))


def short(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def page_path(iri: str) -> str:
    """Where a thing's page goes: ``id/person/jan-broeks.html`` for the graph's own things
    (so that its address redirects by a rule), ``source/<digest>.html`` for a web page."""
    if iri.startswith(ID):
        rest = iri[len(ID) :]
        safe = re.sub(r"[^A-Za-z0-9._/-]", "-", rest).strip("/")
        if safe and ".." not in safe:
            return f"id/{safe}.html"
    return f"source/{hashlib.sha256(iri.encode('utf-8')).hexdigest()[:16]}.html"
