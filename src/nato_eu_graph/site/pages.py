"""A page for every named thing: its names (with their languages), what describes it,
every fact about it in both directions with dates and sources, links to everything
related, and its facts beside it as Turtle and JSON-LD (the same triples, parsed back by
the tests), plus a JSON-LD summary in schema.org terms inside the page.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from ..namespaces import DCT, FOAF, NEG, ORG, PREFIXES, RDF, RDFS, SCHEMA, SKOS, WD, XSD
from .graph import FACT_CLASSES, NAMES, SOURCE, Key, SiteGraph
from .html import esc, external, json_for_script, link, page, rel, table

# Names for the properties of vocabularies the ontology reuses (its own have rdfs:label).
READABLE = {
    SKOS + "prefLabel": "name",
    SKOS + "altLabel": "also called",
    FOAF + "name": "name",
    SKOS + "definition": "definition",
    SKOS + "note": "note",
    SKOS + "editorialNote": "editorial note",
    RDFS + "comment": "comment",
    DCT + "title": "title",
    DCT + "issued": "issued",
    DCT + "source": "source",
    DCT + "publisher": "publisher",
    DCT + "type": "type",
    DCT + "creator": "creator",
    DCT + "replaces": "replaces",
    DCT + "references": "refers to",
    SCHEMA + "startDate": "from",
    SCHEMA + "endDate": "to",
    SCHEMA + "location": "place",
    SCHEMA + "about": "about",
    SCHEMA + "superEvent": "series",
    SCHEMA + "sameAs": "same as",
    SCHEMA + "nationality": "nationality",
    SCHEMA + "containedInPlace": "in",
    ORG + "member": "member",
    ORG + "organization": "organisation",
    ORG + "subOrganizationOf": "part of",
    ORG + "postIn": "post in",
    ORG + "classification": "kind of body",
    ORG + "role": "role",
    SKOS + "inScheme": "in scheme",
    SKOS + "topConceptOf": "top concept of",
    FOAF + "homepage": "home page",
    RDF + "type": "class",
}
DESCRIBING = {SKOS + "definition", SKOS + "note", SKOS + "editorialNote", RDFS + "comment"}
LANGUAGES = {"en": "English", "fr": "French", "de": "German", None: "no language"}
SCHEMA_TYPES = [
    (FOAF + "Person", "Person"),
    (NEG + "Meeting", "Event"),
    (NEG + "MeetingSeries", "EventSeries"),
    (NEG + "StrategicDocument", "CreativeWork"),
    (NEG + "State", "Country"),
    (ORG + "Site", "Place"),
    (SCHEMA + "Place", "Place"),
    (ORG + "Post", "Role"),
    (ORG + "FormalOrganization", "Organization"),
    (ORG + "Organization", "Organization"),
    (SOURCE, "WebPage"),
    (SKOS + "Concept", "DefinedTerm"),
]


def prop_name(g: SiteGraph, prop: str) -> str:
    return READABLE.get(prop) or g.labels.get(prop) or prop.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def value(g: SiteGraph, path: str, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """A value as HTML: a link to a thing's page, a cited page out, or escaped text."""
    if isinstance(term, ox.Literal):
        lang = f' <span class="lang">({esc(term.language)})</span>' if term.language else ""
        return esc(term.value) + lang
    iri = term.value
    if iri in g.paths:
        return link(path, g.paths[iri], g.label(iri))
    if iri.startswith(("http://", "https://")) and not iri.startswith(WD):
        return external(iri, g.labels.get(iri))
    if iri.startswith(WD):
        return external(iri, "Wikidata " + iri.rsplit("/", 1)[-1])
    return esc(g.label(iri))


def thing_page(g: SiteGraph, iri: str) -> str:
    path = g.paths[iri]
    kinds = sorted(g.label(t) for t in g.types.get(iri, ()))
    stem = path.rsplit("/", 1)[-1].removesuffix(".html")
    head = [
        f"<h1>{esc(g.label(iri))}</h1>",
        f'<p class="kind">{esc(", ".join(kinds) or "thing")}</p>',
        f'<p class="iri">{esc(iri)} · <a href="{esc(stem)}.ttl">Turtle</a> · '
        f'<a href="{esc(stem)}.jsonld">JSON-LD</a></p>',
    ]
    sections = [
        _names(g, iri),
        _described(g, path, iri),
        _links(g, path, iri),
        _linked_from(g, path, iri),
        _facts(g, path, iri),
        _citing(g, path, iri),
    ]
    body = "\n".join(head + [s for s in sections if s])
    summary = json_for_script(
        json.dumps(schema_summary(g, iri), ensure_ascii=False, sort_keys=True)
    )
    ld = f'<script type="application/ld+json">{summary}</script>'
    return page(path, g.label(iri), body, head=ld)


def _names(g: SiteGraph, iri: str) -> str:
    items = []
    for _, p, o in g.out.get(iri, []):
        if p.value in NAMES and isinstance(o, ox.Literal):
            lang = LANGUAGES.get(o.language, o.language)
            how = f"{lang}, {prop_name(g, p.value)}"
            items.append(f'<li>{esc(o.value)} <span class="lang">{esc(how)}</span></li>')
    return f'<h2>Names</h2><ul class="names">{"".join(sorted(items))}</ul>' if items else ""


def _described(g: SiteGraph, path: str, iri: str) -> str:
    rows = []
    for _, p, o in sorted(g.out.get(iri, []), key=lambda k: (prop_name(g, k[1].value), str(k[2]))):
        if isinstance(o, ox.Literal) and p.value not in NAMES:
            rows.append([esc(prop_name(g, p.value)), value(g, path, o)])
    return "<h2>About</h2>" + table(["what", "value"], rows) if rows else ""


def _links(g: SiteGraph, path: str, iri: str) -> str:
    rows = []
    for _, p, o in sorted(g.out.get(iri, []), key=lambda k: (prop_name(g, k[1].value), str(k[2]))):
        if isinstance(o, ox.Literal) or p.value == RDF + "type" or p.value == DCT + "source":
            continue
        rows.append([esc(prop_name(g, p.value)), value(g, path, o)])
    sources = _sources(g, path, iri)
    if sources:
        rows.append(["source", sources])
    return "<h2>Links</h2>" + table(["relation", "to"], rows) if rows else ""


def _linked_from(g: SiteGraph, path: str, iri: str) -> str:
    rows = []
    for s, p, _ in sorted(
        g.inc.get(iri, []), key=lambda k: (prop_name(g, k[1].value), g.label(k[0].value))
    ):
        if s.value in g.facts or p.value == DCT + "source":
            continue
        rows.append([value(g, path, s), esc(prop_name(g, p.value))])
    return "<h2>Linked from</h2>" + table(["thing", "relation"], rows) if rows else ""


def _facts(g: SiteGraph, path: str, iri: str) -> str:
    groups: dict[str, list[list[str]]] = {}
    for fact in g.facts_of(iri):
        kind = next(FACT_CLASSES[t] for t in sorted(g.types[fact]) if t in FACT_CLASSES)
        cells = []
        for _, p, o in sorted(g.out[fact], key=lambda k: (prop_name(g, k[1].value), str(k[2]))):
            if p.value in (RDF + "type", DCT + "source") or o.value == iri:
                continue
            cells.append(f"{esc(prop_name(g, p.value))}: {value(g, path, o)}")
        start = _day(g, fact)
        groups.setdefault(kind, []).append(
            [esc(start), "<br>".join(cells), _sources(g, path, fact)]
        )
    out = []
    for kind in sorted(groups):
        rows = sorted(groups[kind], key=lambda r: (r[0], r[1]))
        out.append(f"<h2>{esc(kind)}</h2>" + table(["from", "fact", "sources"], rows))
    return "\n".join(out)


def _day(g: SiteGraph, fact: str) -> str:
    """A fact's first day: its own, or its meeting's (a participation has none of its own)."""
    for node in (fact, *(o.value for _, p, o in g.out[fact] if p.value == NEG + "meeting")):
        day = next(
            (o.value for _, p, o in g.out.get(node, []) if p.value == SCHEMA + "startDate"), ""
        )
        if day:
            return day
    return ""


def _sources(g: SiteGraph, path: str, iri: str) -> str:
    cited = sorted({o.value for _, p, o in g.out.get(iri, []) if p.value == DCT + "source"})
    return (
        '<span class="sources">'
        + "<br>".join(
            link(path, g.paths.get(u), g.labels.get(u, u)) + " " + external(u, "↗") for u in cited
        )
        + "</span>"
        if cited
        else ""
    )


def _citing(g: SiteGraph, path: str, iri: str) -> str:
    if SOURCE not in g.types.get(iri, set()):
        return ""
    rows = []
    for s, p, _ in g.inc.get(iri, []):
        if p.value != DCT + "source":
            continue
        if s.value in g.facts:
            linked = sorted({o.value for _, _, o in g.out[s.value] if o.value in g.paths})
            what = ", ".join(link(path, g.paths[t], g.label(t)) for t in linked)
            kind = next((FACT_CLASSES[t] for t in g.types[s.value] if t in FACT_CLASSES), "")
            rows.append([esc(kind), what])
        else:
            rows.append(["thing", value(g, path, s)])
    page_link = external(iri, "the cited page")
    return f"<h2>Facts it states</h2><p>{page_link}</p>" + table(["fact", "about"], sorted(rows))


def schema_summary(g: SiteGraph, iri: str) -> dict[str, object]:
    """The thing in schema.org terms, with an inline context (nothing to fetch)."""
    types = g.types.get(iri, set())
    kind = next((name for t, name in SCHEMA_TYPES if t in types), "Thing")
    names = sorted({o.value for _, p, o in g.out.get(iri, []) if p.value in NAMES})
    same = sorted(o.value for _, p, o in g.out.get(iri, []) if p.value == SCHEMA + "sameAs")
    out: dict[str, object] = {
        "@context": {"@vocab": "https://schema.org/"},
        "@id": iri,
        "@type": kind,
        "name": g.label(iri),
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    others = [n for n in names if n != g.label(iri)]
    if others:
        out["alternateName"] = others
    if same:
        out["sameAs"] = same
    return out


def rdf_files(g: SiteGraph, iri: str) -> tuple[bytes, bytes]:
    """The thing's triples as Turtle and as (expanded) JSON-LD."""
    triples = [ox.Triple(s, p, o) for s, p, o in g.about(iri)]
    prefixes = dict(PREFIXES)
    ttl = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""
    jsonld = ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b""
    return ttl, jsonld


def data_type(term: ox.Literal) -> str:
    return term.datatype.value.removeprefix(XSD) if term.datatype else ""


__all__ = ["Key", "rdf_files", "rel", "thing_page"]
