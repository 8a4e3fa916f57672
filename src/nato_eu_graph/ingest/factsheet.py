"""Fact sheets: YAML (and CSV for memberships and tenures) for people who don't write RDF.

A fact sheet names things by any name the graph knows; new things are declared with an
``id``. Reading a sheet gives triples plus, for every node it wrote, the line it came
from, so that later errors (resolution, shapes) can point at the line. The format is
described in docs/fact-sheets.md.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import ParseError, UnknownEntityError
from ..namespaces import DCT, FOAF, ID, NEG, ORG, RDF, SCHEMA, SKOS, XSD
from .parse import MAX_LITERAL_CHARS, MAX_NESTING, MiB, read_bytes
from .resolve import Resolver, expand_iri

MAX_NODES = 200_000  # YAML nodes in one sheet: far beyond any real sheet, bounds memory
MAX_SHEET_BYTES = 16 * MiB  # a sheet is written by hand: 1,000 facts take about 200 KB

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
SECTIONS = (
    "source",
    "sources",
    "organisations",
    "people",
    "posts",
    "tenures",
    "memberships",
    "meetings",
    "documents",
    "recognitions",
    "topics",
    "places",
)


# ---------------------------------------------------------------------------- YAML


class Mapping(dict[str, Any]):
    """A YAML mapping that remembers its line and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


def load_yaml(raw: bytes, file: str) -> Any:
    """Safe YAML, scalars kept as strings, aliases and custom tags refused, lines kept."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: fast on big scalars
    text = _decode(raw, file)
    try:
        _check_events(yaml.parse(text, Loader=loader), file)
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ParseError(
            f"YAML syntax error: {exc.problem or exc}",
            file=file,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint="check indentation and quoting at that place",
        ) from None
    except yaml.YAMLError as exc:
        raise ParseError(
            f"YAML error: {exc}", file=file, hint="save it as plain UTF-8 text"
        ) from None
    counter = [0]
    return _convert(node, file, counter) if node is not None else Mapping()


def _check_events(events: Iterable[Any], file: str) -> None:
    """One streaming pass before anything is built: no aliases, no deep nesting (the
    composer recurses), no giant scalars. Stops at the first problem."""
    import yaml

    depth = 0
    for event in events:
        line = _mark_line(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            raise ParseError(
                "YAML aliases (*name) are not allowed in fact sheets",
                file=file,
                line=line,
                hint="write the value out in full",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise ParseError(
                    f"the sheet nests deeper than {MAX_NESTING} levels",
                    file=file,
                    line=line,
                    hint="a fact sheet needs three or four levels",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_LITERAL_CHARS:
            raise ParseError(
                f"a value of {len(event.value):,} characters is longer than the limit "
                f"of {MAX_LITERAL_CHARS:,}",
                file=file,
                line=line,
                hint="keep long texts in the source page, not in the sheet",
            )


def _mark_line(mark: Any) -> int | None:
    return int(mark.line) + 1 if mark is not None else None


def _convert(node: Any, file: str, counter: list[int]) -> Any:
    import yaml

    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise ParseError(
            f"the sheet has more than {MAX_NODES} YAML nodes",
            file=file,
            hint="split it into smaller sheets",
        )
    line = node.start_mark.line + 1
    if node.tag not in _PLAIN_TAGS:
        raise ParseError(
            f"YAML tag {node.tag!r} is not allowed", file=file, line=line, hint="remove the tag"
        )
    if isinstance(node, yaml.MappingNode):
        out = Mapping()
        out.line, out.key_lines = line, {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                raise ParseError(
                    f"the key {key!r} appears twice in one mapping",
                    file=file,
                    line=key_node.start_mark.line + 1,
                    hint="keep one of them",
                )
            out.key_lines[key] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, file, counter)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, file, counter) for v in node.value]
    return None if node.tag.endswith(":null") else str(node.value)


_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
}


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ParseError(
            f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})",
            file=file,
            line=line,
            hint="save the file as UTF-8",
        ) from None


# ---------------------------------------------------------------------------- model


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


# ---------------------------------------------------------------------------- sections


def read_sheet(r: Reader, doc: Any) -> Sheet:
    if not isinstance(doc, Mapping):
        raise ParseError(
            "a fact sheet is a YAML mapping of sections",
            file=r.sheet.file,
            hint="start with e.g. 'meetings:' or 'tenures:'",
        )
    for key in doc:
        if key not in SECTIONS:
            raise r.fail(
                f"unknown section {key!r}",
                doc.key_lines[key],
                hint="sections: " + ", ".join(SECTIONS),
            )
    r.default_source = r.text(doc, "source")
    # Declarations first, so that facts may refer to things the sheet itself introduces.
    for key, handler in _DECLARING:
        for entry in _entries(r, doc, key):
            handler(r, entry)
    for key, handler in _FACTS:
        for entry in _entries(r, doc, key):
            handler(r, entry)
    return r.sheet


def _entries(r: Reader, doc: Mapping, key: str) -> list[Mapping]:
    value = doc.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise r.fail(f"'{key}' must be a list of entries ('- field: value')", doc.key_lines[key])
    return value


def _source(r: Reader, m: Mapping) -> None:
    url = r.text(m, "url", required=True) or ""
    if not re.fullmatch(r"https?://\S+", url):
        raise r.fail(f"'url': {url!r} is not a web address", m.line)
    if url in r.resolver.sources:
        return  # described already: the graph keeps its one description
    s = r.sheet
    s.add(url, RDF + "type", node(NEG + "Source"), m.line)
    s.add(url, DCT + "title", lit(r.text(m, "title", required=True) or "", lang="en"), m.line)
    publisher = r.ref(m, "publisher", "publisher", required=True)
    s.add(url, DCT + "publisher", node(publisher or ""), m.line)
    issued = r.date(m, "issued")
    if issued:
        s.add(url, DCT + "issued", issued, m.line)
    s.declared.setdefault(url, m.line)


ORGANISATION_TYPES = {
    "body": ORG + "Organization",
    "formal": ORG + "FormalOrganization",
    "publisher": FOAF + "Organization",
}


def _organisation(r: Reader, m: Mapping) -> None:
    kind = r.text(m, "type") or "body"
    if kind not in ORGANISATION_TYPES:
        raise r.fail(
            f"'type': {kind!r} is not an organisation type",
            m.key_lines["type"],
            hint="use body, formal or publisher",
        )
    rdf_type = ORGANISATION_TYPES[kind]
    iri = r.declare(m, "publisher" if kind == "publisher" else "organisation", [rdf_type])
    r.labels(iri, m, [rdf_type])


def _organisation_facts(r: Reader, m: Mapping) -> None:
    kind = r.text(m, "type") or "body"
    iri = _declared_iri(m, "publisher" if kind == "publisher" else "organisation")
    for parent in r.refs(m, "part_of", "organisation"):
        r.sheet.add(iri, ORG + "subOrganizationOf", node(parent), m.line)
    body_type = r.concept(m, "body_type", "body_type")
    if body_type:
        r.sheet.add(iri, ORG + "classification", node(body_type), m.line)
    for site in r.refs(m, "sites", "place"):
        r.sheet.add(iri, ORG + "hasSite", node(site), m.line)
    if m.get("source") or r.default_source:
        r.cite(iri, m)


def _person(r: Reader, m: Mapping) -> None:
    iri = r.declare(m, "person", [FOAF + "Person"])
    name = r.text(m, "name", required=True) or ""
    r.sheet.add(iri, FOAF + "name", lit(name), m.line)
    r.labels(iri, m, [FOAF + "Person"], key="name")
    rank = r.text(m, "rank")
    if rank:
        r.sheet.add(iri, NEG + "rank", lit(rank), m.line)


def _person_facts(r: Reader, m: Mapping) -> None:
    iri = _declared_iri(m, "person")
    nationality = r.ref(m, "nationality", "state")
    if nationality:
        r.sheet.add(iri, SCHEMA + "nationality", node(nationality), m.line)


def _post_facts(r: Reader, m: Mapping) -> None:
    iri = _declared_iri(m, "post")
    body = r.ref(m, "in", "organisation", required=True)
    r.sheet.add(iri, ORG + "postIn", node(body or ""), m.line)
    role = r.concept(m, "role", "post_role")
    if role:
        r.sheet.add(iri, ORG + "role", node(role), m.line)


def _topic(r: Reader, m: Mapping) -> None:
    iri = r.declare(m, "topic", [SKOS + "Concept"])
    r.sheet.add(iri, SKOS + "inScheme", node(NEG + "Topics"), m.line)
    r.labels(iri, m, [SKOS + "Concept"])


def _place(r: Reader, m: Mapping) -> None:
    kind = r.text(m, "type") or "place"
    rdf_type = ORG + "Site" if kind == "site" else SCHEMA + "Place"
    iri = r.declare(m, "site" if kind == "site" else "place", [rdf_type])
    r.labels(iri, m, [rdf_type])


def _place_facts(r: Reader, m: Mapping) -> None:
    kind = r.text(m, "type") or "place"
    iri = _declared_iri(m, "site" if kind == "site" else "place")
    within = r.ref(m, "in", "place")
    if within:
        r.sheet.add(iri, SCHEMA + "containedInPlace", node(within), m.line)


def _declared_iri(m: Mapping, kind: str) -> str:
    slug = str(m.get("id", "")).removeprefix("id:").removeprefix(ID)
    return ID + (slug if "/" in slug else f"{kind}/{slug}")


def _tenure(r: Reader, m: Mapping) -> None:
    person = r.ref(m, "person", "person", required=True) or ""
    post = r.ref(m, "post", "post", required=True) or ""
    start, end, seen = r.date(m, "start"), r.date(m, "end"), r.date(m, "attested")
    if start is None and seen is None:
        raise r.fail("a tenure needs 'start' (or 'attested' when the start is unknown)", m.line)
    iri = mint("tenure", person, post, _v(start), _v(seen))
    s = r.sheet
    s.add(iri, RDF + "type", node(NEG + "Tenure"), m.line)
    s.add(iri, ORG + "member", node(person), m.line)
    s.add(iri, NEG + "post", node(post), m.line)
    _dates(r, iri, m, start, end)
    if seen:
        s.add(iri, NEG + "attestedOn", seen, m.line)
    r.cite(iri, m)


def _membership(r: Reader, m: Mapping) -> None:
    state = r.ref(m, "state", "state", required=True) or ""
    org = r.ref(m, "organisation", "organisation", required=True) or ""
    start = r.date(m, "start", required=True)
    iri = mint("membership", state, org, _v(start))
    s = r.sheet
    s.add(iri, RDF + "type", node(ORG + "Membership"), m.line)
    s.add(iri, ORG + "member", node(state), m.line)
    s.add(iri, ORG + "organization", node(org), m.line)
    _dates(r, iri, m, start, r.date(m, "end"))
    r.cite(iri, m)


def _dates(
    r: Reader, iri: str, m: Mapping, start: ox.Literal | None, end: ox.Literal | None
) -> None:
    if start:
        r.sheet.add(iri, SCHEMA + "startDate", start, m.line)
    if end:
        r.sheet.add(iri, SCHEMA + "endDate", end, m.line)
    if start and end and end.value < start.value:
        raise r.fail(
            f"the end {end.value} is before the start {start.value}",
            m.key_lines.get("end", m.line),
            hint="end dates are the last day",
        )


def _v(term: ox.Literal | None) -> str:
    return term.value if term else ""


def _meeting_facts(r: Reader, m: Mapping) -> None:
    iri = _declared_iri(m, "meeting")
    s = r.sheet
    s.add(iri, SCHEMA + "startDate", r.date(m, "date", required=True) or lit(""), m.line)
    end = r.date(m, "end")
    if end:
        s.add(iri, SCHEMA + "endDate", end, m.line)
    for key, prop, kind in (
        ("place", SCHEMA + "location", "place"),
        ("series", SCHEMA + "superEvent", "series"),
    ):
        target = r.ref(m, key, kind)
        if target:
            s.add(iri, prop, node(target), m.line)
    for subject in r.refs(m, "about", "subject"):
        s.add(iri, SCHEMA + "about", node(subject), m.line)
    ordinal = r.text(m, "ordinal")
    if ordinal:
        if not ordinal.isdigit() or int(ordinal) < 1:
            raise r.fail(
                f"'ordinal': {ordinal!r} is not a positive whole number", m.key_lines["ordinal"]
            )
        s.add(iri, NEG + "ordinal", lit(str(int(ordinal)), XSD + "positiveInteger"), m.line)
    planned = r.text(m, "next_planned")
    if planned:
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", planned):
            raise r.fail(
                f"'next_planned': {planned!r} is not a month",
                m.key_lines["next_planned"],
                hint="write it as YYYY-MM",
            )
        s.add(iri, NEG + "nextMeetingPlanned", lit(planned, XSD + "gYearMonth"), m.line)
    r.cite(iri, m)
    for p in _entries(r, m, "participants"):
        _participation(r, iri, m, p)


def _participation(r: Reader, meeting: str, parent: Mapping, m: Mapping) -> None:
    who = r.ref(m, "who", "agent", required=True) or ""
    role = r.concept(m, "role", "role", required=True) or ""
    iri = mint("participation", meeting, who, role)
    s = r.sheet
    s.add(iri, RDF + "type", node(NEG + "Participation"), m.line)
    s.add(iri, NEG + "meeting", node(meeting), m.line)
    s.add(iri, NEG + "participant", node(who), m.line)
    s.add(iri, NEG + "role", node(role), m.line)
    for key, prop, kind in (
        ("capacity", NEG + "inCapacityOf", "post"),
        ("on_behalf_of", NEG + "onBehalfOf", "agent"),
        ("representing", NEG + "representing", "organisation"),
    ):
        target = r.ref(m, key, kind)
        if target:
            s.add(iri, prop, node(target), m.line)
    for subject in r.refs(m, "about", "subject"):
        s.add(iri, SCHEMA + "about", node(subject), m.line)
    if not m.get("source"):
        m["source"] = parent.get("source")
    r.cite(iri, m)


def _document_facts(r: Reader, m: Mapping) -> None:
    iri = _declared_iri(m, "document")
    s = r.sheet
    s.add(
        iri, DCT + "title", lit(r.text(m, "title") or r.text(m, "label") or "", lang="en"), m.line
    )
    issued = r.date(m, "issued")
    if issued:
        s.add(iri, DCT + "issued", issued, m.line)
    kind = r.concept(m, "type", "document_type", required=True)
    s.add(iri, DCT + "type", node(kind or ""), m.line)
    for key, prop, k in (
        ("creators", DCT + "creator", "agent"),
        ("signatories", NEG + "signatory", "person"),
        ("replaces", DCT + "replaces", "document"),
    ):
        for target in r.refs(m, key, k):
            s.add(iri, prop, node(target), m.line)
    r.cite(iri, m)
    for a in _entries(r, m, "adoptions"):
        _adoption(r, iri, m, a)


def _adoption(r: Reader, document: str, parent: Mapping, m: Mapping) -> None:
    by = r.ref(m, "by", "agent", required=True) or ""
    kind = r.concept(m, "kind", "adoption_kind", required=True) or ""
    day = r.date(m, "date", required=True)
    iri = mint("adoption", document, by, kind, _v(day))
    s = r.sheet
    s.add(iri, RDF + "type", node(NEG + "Adoption"), m.line)
    s.add(iri, NEG + "document", node(document), m.line)
    s.add(iri, NEG + "adoptedBy", node(by), m.line)
    s.add(iri, NEG + "adoptionKind", node(kind), m.line)
    s.add(iri, SCHEMA + "startDate", day or lit(""), m.line)
    at = r.ref(m, "at", "meeting")
    if at:
        s.add(iri, NEG + "adoptedAt", node(at), m.line)
    if not m.get("source"):
        m["source"] = parent.get("source")
    r.cite(iri, m)


def _recognition(r: Reader, m: Mapping) -> None:
    domain = r.concept(m, "domain", "domain", required=True) or ""
    by = r.ref(m, "by", "agent", required=True) or ""
    day = r.date(m, "date")
    iri = mint("recognition", domain, by, _v(day))
    s = r.sheet
    s.add(iri, RDF + "type", node(NEG + "DomainRecognition"), m.line)
    s.add(iri, NEG + "domain", node(domain), m.line)
    s.add(iri, NEG + "recognisedBy", node(by), m.line)
    if day:
        s.add(iri, SCHEMA + "startDate", day, m.line)
    at = r.ref(m, "at", "meeting")
    if at:
        s.add(iri, NEG + "recognisedAt", node(at), m.line)
    r.cite(iri, m)


Handler = Callable[[Reader, Mapping], None]


def _declares(kind: str, rdf_type: str) -> Handler:
    """The declaring step of a section whose things have just a type and labels."""

    def declare(r: Reader, m: Mapping) -> None:
        iri = r.declare(m, kind, [rdf_type])
        r.labels(iri, m, [rdf_type])

    return declare


_post = _declares("post", ORG + "Post")
_meeting = _declares("meeting", NEG + "Meeting")
_document = _declares("document", NEG + "StrategicDocument")
_DECLARING: list[tuple[str, Handler]] = [
    ("organisations", _organisation),
    ("people", _person),
    ("posts", _post),
    ("topics", _topic),
    ("places", _place),
    ("meetings", _meeting),
    ("documents", _document),
]
_FACTS: list[tuple[str, Handler]] = [
    ("sources", _source),
    ("organisations", _organisation_facts),
    ("people", _person_facts),
    ("posts", _post_facts),
    ("places", _place_facts),
    ("tenures", _tenure),
    ("memberships", _membership),
    ("meetings", _meeting_facts),
    ("documents", _document_facts),
    ("recognitions", _recognition),
]


# ---------------------------------------------------------------------------- entry points


Resolving = Resolver | Callable[[list[str]], Resolver]


def _resolver_for(resolving: Resolving, names: list[str]) -> Resolver:
    """A resolver as given, or one made for the values the sheet actually holds."""
    return resolving if isinstance(resolving, Resolver) else resolving(names)


def scalars(doc: Any) -> list[str]:
    """Every text value of a parsed sheet: the names it may refer things by."""
    if isinstance(doc, dict):
        return [v for value in doc.values() for v in scalars(value)]
    if isinstance(doc, list):
        return [v for value in doc for v in scalars(value)]
    return [doc] if isinstance(doc, str) else []


def read_yaml_sheet(
    path: Path,
    resolver: Resolving,
    *,
    upgrade: Callable[[], Resolver] | None = None,
    existing: Existing | None = None,
) -> tuple[Sheet, str]:
    raw = read_bytes(path, MAX_SHEET_BYTES)
    doc = load_yaml(raw, str(path))
    reader = Reader(
        str(path), _resolver_for(resolver, scalars(doc)), upgrade=upgrade, existing=existing
    )
    sheet = read_sheet(reader, doc)
    reader.check_new_ids()
    return sheet, hashlib.sha256(raw).hexdigest()


CSV_KINDS = {
    "memberships": ({"state", "organisation", "start"}, _membership),
    "tenures": ({"person", "post"}, _tenure),
}
MAX_CSV_COLUMNS = 64


def read_csv_sheet(
    path: Path,
    resolver: Resolving,
    *,
    upgrade: Callable[[], Resolver] | None = None,
    existing: Existing | None = None,
) -> tuple[Sheet, str]:
    """A CSV of memberships or tenures, one fact a row; the header says which."""
    raw = read_bytes(path, MAX_SHEET_BYTES)
    text = _decode(raw, str(path))
    first = text.split("\n", 1)[0]
    if first.count(",") >= MAX_CSV_COLUMNS:
        raise ParseError(
            f"the header has more than {MAX_CSV_COLUMNS} columns",
            file=str(path),
            line=1,
            hint="a fact-sheet CSV has at most a dozen columns",
        )
    reader_csv = csv.reader(io.StringIO(text))
    cells = [c.strip() for c in text.replace("\n", ",").split(",") if c.strip()]
    r = Reader(str(path), _resolver_for(resolver, cells), upgrade=upgrade, existing=existing)
    try:
        _csv_sheet(r, reader_csv)
    except csv.Error as exc:  # e.g. a cell past csv's field size limit (128 KiB)
        raise ParseError(
            f"CSV error: {exc}",
            file=str(path),
            line=reader_csv.line_num,
            hint="check the quoting; cells hold short values",
        ) from None
    r.check_new_ids()
    return r.sheet, hashlib.sha256(raw).hexdigest()


def _csv_sheet(r: Reader, rows: Iterator[list[str]]) -> None:
    header = [h.strip() for h in next(rows, [])]
    kind = next((k for k, (needed, _) in CSV_KINDS.items() if needed <= set(header)), None)
    if kind is None:
        raise r.fail(
            "the CSV header names neither memberships nor tenures",
            1,
            hint="memberships: state,organisation,start,end,source; "
            "tenures: person,post,start,end,attested,source",
        )
    _csv_rows(r, rows, CSV_KINDS[kind][1], header)


def _csv_rows(r: Reader, rows: Iterator[list[str]], handler: Handler, header: list[str]) -> None:
    width = len(header)
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            raise r.fail(
                f"this row has {len(row)} cells, the header {width}",
                number,
                hint="give every row one cell per header column (empty cells are fine)",
            )
        m = Mapping({h: (c.strip() or None) for h, c in zip(header, row, strict=True)})
        m.line, m.key_lines = number, {}
        handler(r, m)
