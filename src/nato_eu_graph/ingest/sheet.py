"""The fact-sheet reader's model: the triples a sheet makes, and the Reader that
resolves names, declares new things and reports mistakes with their line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyoxigraph as ox

from ..errors import ParseError, UnknownEntityError
from ..namespaces import DCT, FOAF, ID, NEG, ORG, RDF, SCHEMA, SKOS, XSD
from .resolve import Resolver, expand_iri
from .sheet_yaml import Mapping

# Classes a name in each kind of slot may resolve to: a post name never finds a person.
AGENT = (NEG + "State", FOAF + "Person", ORG + "Organization", ORG + "FormalOrganization")
KINDS: dict[str, tuple[str, ...]] = {
    "agent": AGENT,
    "person": (FOAF + "Person",),
    "state": (NEG + "State",),
    "organisation": (ORG + "Organization", ORG + "FormalOrganization"),
    "post": (ORG + "Post",),
    "meeting": (NEG + "Meeting",),
    "series": (NEG + "MeetingSeries",),
    "place": (ORG + "Site", SCHEMA + "Place", NEG + "State"),
    "document": (NEG + "StrategicDocument",),
    "subject": (NEG + "StrategicDocument", SKOS + "Concept"),
    "concept": (SKOS + "Concept",),
    "publisher": (FOAF + "Organization", ORG + "Organization", ORG + "FormalOrganization"),
}
SCHEMES = {
    "role": NEG + "MeetingRoles",
    "domain": NEG + "OperationalDomains",
    "document_type": NEG + "DocumentTypes",
    "body_type": NEG + "BodyTypes",
    "adoption_kind": NEG + "AdoptionKinds",
    "post_role": NEG + "PostRoles",
}


@dataclass
class Sheet:
    """What a fact sheet says, as triples, with the line each node came from."""

    file: str
    triples: list[ox.Triple] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    declared: dict[str, int] = field(default_factory=dict)  # new things: IRI -> line

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal, line: int) -> None:
        self.triples.append(ox.Triple(ox.NamedNode(s), ox.NamedNode(p), o))
        self.lines.setdefault(s, line)


def lit(value: str, datatype: str = "", lang: str = "") -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=ox.NamedNode(datatype or XSD + "string"))


def node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


# Which of the given ids the store holds already.
Existing = Callable[[Iterable[str]], set[str]]


class Reader:
    """Turns one parsed sheet into triples, resolving names as it goes."""

    def __init__(
        self,
        file: str,
        resolver: Resolver,
        *,
        upgrade: Callable[[], Resolver] | None = None,
        existing: Existing | None = None,
    ) -> None:
        """``resolver`` may know only the names the sheet spells exactly; ``upgrade``
        then gives the resolver of every label, used the first time a name is missed,
        and ``existing`` tells which of the declared ids the store holds already."""
        self.sheet = Sheet(file)
        self.resolver = resolver
        self._upgrade = upgrade
        self._existing = existing
        self.default_source: str | None = None
        self._new_labels: dict[str, list[tuple[str, str]]] = {}

    def _upgraded(self) -> bool:
        """Switch to the full resolver once; False when there is nothing more to know."""
        if self._upgrade is None:
            return False
        self.resolver, self._upgrade = self._upgrade(), None
        return True

    # -- errors and values

    def fail(self, message: str, line: int, hint: str = "") -> ParseError:
        hint = hint or "see docs/fact-sheets.md for the sections and their fields"
        return ParseError(message, file=self.sheet.file, line=line, hint=hint)

    def get(self, m: Mapping, key: str, *, required: bool = False) -> Any:
        value = m.get(key)
        if required and value in (None, "", []):
            raise self.fail(f"'{key}' is missing", m.line, hint=f"add '{key}:' to this entry")
        return value

    def text(self, m: Mapping, key: str, *, required: bool = False) -> str | None:
        value = self.get(m, key, required=required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"'{key}' must be a single value", self._line(m, key))
        return value.strip()

    def texts(self, m: Mapping, key: str) -> list[str]:
        value = m.get(key)
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) for v in items):
            raise self.fail(f"'{key}' must be a value or a list of values", self._line(m, key))
        return [v.strip() for v in items]

    def date(self, m: Mapping, key: str, *, required: bool = False) -> ox.Literal | None:
        value = self.text(m, key, required=required)
        if value is None:
            return None
        try:
            return lit(date.fromisoformat(value).isoformat(), XSD + "date")
        except ValueError:
            raise self.fail(
                f"'{key}': {value!r} is not a date",
                self._line(m, key),
                hint="write dates as YYYY-MM-DD",
            ) from None

    def _line(self, m: Mapping, key: str) -> int:
        return m.key_lines.get(key, m.line)

    # -- names and ids

    def ref(self, m: Mapping, key: str, kind: str, *, required: bool = False) -> str | None:
        name = self.text(m, key, required=required)
        return None if name is None else self.resolve(name, kind, self._line(m, key))

    def refs(self, m: Mapping, key: str, kind: str) -> list[str]:
        return [self.resolve(n, kind, self._line(m, key)) for n in self.texts(m, key)]

    def resolve(self, name: str, kind: str, line: int) -> str:
        types = KINDS[kind]
        local = self._resolve_new(name, types)
        if local:
            return local
        try:
            return self.resolver.resolve(name, types=types, what=kind)
        except UnknownEntityError as exc:
            if self._upgraded():
                return self.resolve(name, kind, line)
            raise self.fail(exc.message, line, exc.hint) from None

    def concept(self, m: Mapping, key: str, scheme: str, *, required: bool = False) -> str | None:
        name = self.text(m, key, required=required)
        if name is None:
            return None
        hits = [h for h in self.resolver.lookup(name, types=KINDS["concept"]) if h.startswith(ID)]
        in_scheme = [h for h in hits if h in self.resolver.schemes.get(SCHEMES[scheme], set())]
        if len(in_scheme) == 1:
            return in_scheme[0]
        if self._upgraded():
            return self.concept(m, key, scheme, required=required)
        known = sorted(
            self.resolver.entities[c].label
            for c in self.resolver.schemes.get(SCHEMES[scheme], set())
        )
        raise self.fail(
            f"'{key}': {name!r} is not one of the known values",
            self._line(m, key),
            hint="use one of: " + ", ".join(known),
        )

    def declare(self, m: Mapping, kind_path: str, rdf_types: Iterable[str]) -> str:
        """A new thing with an explicit ``id``; it must not exist yet."""
        raw = self.text(m, "id", required=True) or ""
        slug = raw.removeprefix("id:").removeprefix(ID)
        if "/" not in slug:
            slug = f"{kind_path}/{slug}"
        if not re.fullmatch(r"[a-z][a-z0-9-]*/[a-z0-9][a-z0-9.-]*", slug):
            raise self.fail(
                f"'id': {raw!r} is not a valid id",
                self._line(m, "id"),
                hint=f"use lower-case letters, digits and hyphens, e.g. {kind_path}/my-new-thing",
            )
        iri = ID + slug
        if iri in self.resolver.entities:
            raise self._exists_already(iri, self._line(m, "id"))
        if iri in self.sheet.declared:
            raise self.fail(
                f"the id {slug!r} is declared twice in this sheet (first on "
                f"line {self.sheet.declared[iri]})",
                self._line(m, "id"),
            )
        self.sheet.declared[iri] = m.line
        for t in rdf_types:
            self.sheet.add(iri, RDF + "type", node(t), m.line)
        return iri

    def check_new_ids(self) -> None:
        """Declared ids the store holds already (under no known name): asked all at once
        when the sheet has been read, the first by line reported."""
        if self._existing is None or not self.sheet.declared:
            return
        taken = self._existing(self.sheet.declared)
        if taken:
            iri = min(taken, key=lambda i: self.sheet.declared[i])
            raise self._exists_already(iri, self.sheet.declared[iri])

    def _exists_already(self, iri: str, line: int) -> ParseError:
        return self.fail(
            f"the id {iri.removeprefix(ID)!r} exists already in the graph",
            line,
            hint="refer to it by name instead of declaring it again",
        )

    def labels(self, iri: str, m: Mapping, types: Iterable[str], key: str = "label") -> None:
        label = self.text(m, key, required=True) or ""
        self.sheet.add(iri, SKOS + "prefLabel", lit(label, lang="en"), m.line)
        names = [label]
        for alt in self.texts(m, "alt_labels"):
            self.sheet.add(iri, SKOS + "altLabel", lit(alt, lang="en"), m.line)
            names.append(alt)
        for alt in self.texts(m, "french_labels"):
            self.sheet.add(iri, SKOS + "altLabel", lit(alt, lang="fr"), m.line)
            names.append(alt)
        for name in names:
            self._new_labels.setdefault(_fold(name), []).append((iri, ",".join(types)))

    def _resolve_new(self, name: str, types: tuple[str, ...]) -> str | None:
        expanded = expand_iri(name)
        if expanded and expanded in self.sheet.declared:
            return expanded
        hits = [
            iri
            for iri, t in self._new_labels.get(_fold(name), [])
            if any(x in t.split(",") for x in types)
        ]
        return hits[0] if len(set(hits)) == 1 else None

    # -- sources

    def sources_of(self, m: Mapping) -> list[str]:
        urls = self.texts(m, "source") or ([self.default_source] if self.default_source else [])
        if not urls:
            raise self.fail(
                "this fact has no 'source'",
                m.line,
                hint="add 'source: <address of the public page that states it>'",
            )
        out = []
        for url in urls:
            if not re.fullmatch(r"https?://\S+", url):
                raise self.fail(f"'source': {url!r} is not a web address", self._line(m, "source"))
            out.append(url)
        return out

    def cite(self, iri: str, m: Mapping) -> None:
        for url in self.sources_of(m):
            self.sheet.add(iri, DCT + "source", node(url), m.line)


def _fold(name: str) -> str:
    from .resolve import normalise

    return normalise(name)


def mint(kind: str, *parts: str) -> str:
    """A stable IRI for an n-ary fact, from what identifies it."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]
    return f"{ID}{kind}/{digest}"
