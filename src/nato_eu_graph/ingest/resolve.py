"""Names to IRIs: find the thing a name refers to among the labels the graph knows.

Matching ignores case, accents, dash variants, surrounding punctuation and a leading
rank or title ("Lieutenant General", "Vice Admiral"). An unknown name is an error that
offers the closest known names; an ambiguous one lists the candidates.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches
from functools import lru_cache
from typing import Any

import pyoxigraph as ox

from ..errors import UnknownEntityError
from ..namespaces import DATA_GRAPHS, FOAF, NEG, PREFIXES, RDF, SKOS
from ..store.protocol import GraphStore

# Longest first, so "lieutenant general" wins over "general".
RANKS = sorted(
    [
        "air chief marshal",
        "air marshal",
        "lieutenant general",
        "lt gen",
        "lt. gen.",
        "major general",
        "maj gen",
        "general",
        "gen",
        "gen.",
        "vice admiral",
        "vice adm",
        "deputy admiral",
        "rear admiral",
        "admiral",
        "adm",
        "adm.",
        "sir",
        "dr",
        "mr",
        "ms",
        "mrs",
        "the",
    ],
    key=len,
    reverse=True,
)
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = dict.fromkeys(map(ord, "‘’ʼ`´"), "'")


@lru_cache(maxsize=1 << 17)
def normalise(text: str) -> str:
    """Fold a name to the form names are compared in (cached: extract folds the same
    stretches of text again and again)."""
    text = unicodedata.normalize("NFKD", text.translate(_DASHES).translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"\s+", " ", text).strip(' .,;:!?"()[]')
    return re.sub(r"'s$", "", text)


@lru_cache(maxsize=1 << 16)
def strip_rank(folded: str) -> str:
    for rank in RANKS:
        if folded.startswith(rank + " "):
            return strip_rank(folded[len(rank) + 1 :])
    return folded


@dataclass(frozen=True)
class Entity:
    iri: str
    label: str  # the English prefLabel where there is one
    types: frozenset[str]


class Resolver:
    """An index of every label in the graph, by normalised form."""

    def __init__(
        self,
        rows: Iterable[tuple[str, str, str, bool]],
        schemes: Iterable[tuple[str, str]] = (),
        sources: Iterable[str] = (),
    ) -> None:
        """``rows``: (iri, label, rdf type or "", whether the label is the prefLabel);
        ``schemes``: (concept, scheme) pairs; ``sources``: the described source pages."""
        self.schemes: dict[str, set[str]] = defaultdict(set)
        for concept, scheme in schemes:
            self.schemes[scheme].add(concept)
        self.sources = set(sources)
        self._index: dict[str, set[str]] = defaultdict(set)
        labels: dict[str, str] = {}
        types: dict[str, set[str]] = defaultdict(set)
        for iri, label, rdf_type, preferred in rows:
            self._index[normalise(label)].add(iri)
            if preferred or iri not in labels:
                labels[iri] = label
            if rdf_type:
                types[iri].add(rdf_type)
        self.entities = {
            iri: Entity(iri, labels[iri], frozenset(types.get(iri, ()))) for iri in labels
        }

    @classmethod
    def from_store(cls, store: GraphStore) -> Resolver:
        rows = store.query(
            f"""SELECT ?s ?label ?type ?pref WHERE {{
                  GRAPH ?g {{ ?s ?p ?label }}
                  VALUES (?p ?pref) {{ (<{SKOS}prefLabel> true) (<{SKOS}altLabel> false)
                                       (<{FOAF}name> false) }}
                  {DATA_GRAPHS} FILTER(isIRI(?s))
                  OPTIONAL {{ ?s <{RDF}type> ?type }} }}"""
        )
        labels = _label_rows(rows)
        return cls(labels, *_vocabularies(store))

    @classmethod
    def for_names(cls, store: GraphStore, names: Iterable[str]) -> Resolver:
        """A resolver that knows just enough for ``names`` (see :meth:`partial`), or,
        when any name needs more (other case, accents, misspelling), every label."""
        wanted = [n.strip() for n in names if n.strip()]
        found = cls.partial(store, wanted)
        if all(found.lookup(n) or expand_iri(n) in found.entities for n in wanted):
            return found
        return cls.from_store(store)

    @classmethod
    def partial(
        cls, store: GraphStore, names: Iterable[str], *, vocabularies: bool = False
    ) -> Resolver:
        """The things whose label is one of ``names`` as written, found by index lookups
        instead of reading every label of the store; with ``vocabularies``, also every
        concept of a scheme and every described source (what fact sheets need)."""
        terms: set[str] = set()
        iris: set[str] = set()
        for name in {n.strip() for n in names if n.strip()}:
            iri = expand_iri(name)
            if iri:
                iris.add(f"<{iri}>")
            for form in _written_forms(name):
                text = form.replace("\\", "\\\\").replace('"', '\\"')
                terms |= {f'"{text}"@en', f'"{text}"@fr', f'"{text}"'}
        things = _named_things(store, terms, iris) if terms or iris else []
        if vocabularies:
            things += _concepts(store)
        labels = _labels_of(store, sorted(set(things)))
        if not vocabularies:
            return cls(labels)
        return cls(labels, *_vocabularies(store))

    def names(self) -> list[str]:
        """Every known label, in the folded form names are compared in."""
        return list(self._index)

    def lookup(self, name: str, *, types: Iterable[str] = ()) -> list[str]:
        """All IRIs a name may refer to (of one of ``types``, when given), best form first."""
        wanted = set(types)
        folded = normalise(name)
        for key in dict.fromkeys((folded, strip_rank(folded))):
            hits = sorted(i for i in self._index.get(key, ()) if self._fits(i, wanted))
            if hits:
                return hits
        return []

    def resolve(self, name: str, *, types: Iterable[str] = (), what: str = "thing") -> str:
        """The one IRI a name refers to; ``UnknownEntityError`` when none or several."""
        expanded = expand_iri(name)
        if expanded and expanded in self.entities:
            return expanded
        hits = self.lookup(name, types=types)
        if len(hits) == 1:
            return hits[0]
        if hits:
            listed = "; ".join(f"{self.entities[h].label} <{h}>" for h in hits)
            raise UnknownEntityError(
                f"the name {name!r} is ambiguous: it fits {listed}",
                hint="use a more specific name or the IRI",
            )
        raise UnknownEntityError(f"no {what} is known by the name {name!r}", hint=self._near(name))

    def _fits(self, iri: str, wanted: set[str]) -> bool:
        return not wanted or bool(self.entities[iri].types & wanted)

    def _near(self, name: str) -> str:
        close = get_close_matches(normalise(name), list(self._index), n=3, cutoff=0.6)
        if not close:
            return "declare it as a new thing, or check the spelling"
        names = sorted({self.entities[i].label for key in close for i in self._index[key]})
        return "closest known names: " + "; ".join(names[:5])


LABEL_PROPERTIES = (SKOS + "prefLabel", SKOS + "altLabel", FOAF + "name")
_LABEL_LIST = ", ".join(f"<{p}>" for p in LABEL_PROPERTIES)


def _label_rows(rows: Iterable[Any]) -> list[tuple[str, str, str, bool]]:
    """(iri, label, type, preferred) from the solutions of a label query."""
    return [
        (
            r["s"].value,
            r["label"].value,
            r["type"].value if r["type"] else "",
            r["pref"].value == "true",
        )
        for r in rows
    ]


def _vocabularies(store: GraphStore) -> tuple[list[tuple[str, str]], list[str]]:
    """(concept, scheme) pairs and the described source pages: what fact sheets check."""
    concepts = store.query(f"SELECT ?c ?s WHERE {{ ?c <{SKOS}inScheme> ?s }}")
    sources = store.query(f"SELECT ?s WHERE {{ ?s a <{NEG}Source> }}")
    return [(r["c"].value, r["s"].value) for r in concepts], [r["s"].value for r in sources]


def _named_things(store: GraphStore, terms: set[str], iris: set[str]) -> list[str]:
    """The things one of whose labels is one of ``terms``, and those of ``iris`` that are
    subjects. Each label property is its own pattern with the names bound, so Oxigraph
    answers from its object index whatever the size of the store."""
    hits = " ".join(sorted(terms)) or '""'
    found = " UNION ".join(
        f"{{ VALUES ?hit {{ {hits} }} ?s <{p}> ?hit }}" for p in LABEL_PROPERTIES
    )
    given = f" UNION {{ VALUES ?s {{ {' '.join(sorted(iris))} }} }}" if iris else ""
    rows = store.query(f"SELECT DISTINCT ?s WHERE {{ {found}{given} }}")
    return [r["s"].value for r in rows if _is_iri(r["s"])]


def _concepts(store: GraphStore) -> list[str]:
    rows = store.query(f"SELECT DISTINCT ?s WHERE {{ ?s <{SKOS}inScheme> ?scheme }}")
    return [r["s"].value for r in rows if _is_iri(r["s"])]


def _labels_of(store: GraphStore, iris: list[str]) -> list[tuple[str, str, str, bool]]:
    """Labels and types of the given things, by subject lookups (a join of the labels
    with the things instead would read every label of the store)."""
    rows: list[tuple[str, str, str, bool]] = []
    for i in range(0, len(iris), 1000):
        values = " ".join(f"<{iri}>" for iri in iris[i : i + 1000])
        rows += _label_rows(
            store.query(
                f"""SELECT ?s ?label ?type ?pref WHERE {{ VALUES ?s {{ {values} }}
                  ?s ?p ?label FILTER(?p IN ({_LABEL_LIST}))
                  BIND(?p = <{SKOS}prefLabel> AS ?pref)
                  OPTIONAL {{ ?s <{RDF}type> ?type }} }}"""
            )
        )
    return rows


def _is_iri(term: Any) -> bool:
    return isinstance(term, ox.NamedNode)


def _written_forms(name: str) -> set[str]:
    """The name as written, and without a leading rank or title ("Lt Gen Wiermann")."""
    text = re.sub(r"\s+", " ", name.strip())
    forms = {text, text.rstrip(".")}
    lowered = text.lower()
    for rank in RANKS:
        if lowered.startswith(rank + " "):
            forms.add(text[len(rank) + 1 :].strip())
    return {f for f in forms if f}


def expand_iri(text: str) -> str | None:
    """An absolute IRI as given, or a prefixed name (id:..., neg:...) expanded; else None."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if re.match(r"^https?://\S+$", text):
        return text
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and local and " " not in local:
        return PREFIXES[prefix] + local
    return None
