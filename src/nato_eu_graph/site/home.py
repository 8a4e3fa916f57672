"""The home page (what the graph holds, links, a search box over every name), the
ontology's terms, and the dataset's own description in VoID and DCAT.
"""

from __future__ import annotations

import json
from datetime import datetime
from importlib.resources import files

import pyoxigraph as ox

from ..ingest.describe import DCAT, VOID, dataset_triples
from ..namespaces import DCT, NEG, OWL, RDF, RDFS, SKOS, XSD
from .graph import SiteGraph
from .html import esc, json_for_script, link, page, table
from .pages import prop_name

SEARCH_JS = files(__package__).joinpath("templates", "search.js").read_text(encoding="utf-8")


def home_page(g: SiteGraph, when: datetime) -> str:
    counts = _class_counts(g)
    rows = [[esc(g.label(c)), esc(str(n))] for c, n in counts]
    sources = sum(1 for t in g.things if NEG + "Source" in g.types.get(t, set()))
    body = (
        "<h1>NATO–EU relations: the graph</h1>"
        "<p>A dated, sourced map of NATO–EU institutional relations: who held which post "
        "when, who met whom, which documents were signed and endorsed, every fact with "
        "the public page that states it.</p>"
        '<div id="search"><p><label for="q">Search every name</label><br>'
        '<input type="search" id="q" autocomplete="off" '
        'placeholder="e.g. Wiermann, Strategic Compass"></p>'
        '<ul id="results"></ul></div>'
        "<noscript><p>Search needs JavaScript; the lists below reach every page.</p></noscript>"
        f"<h2>What it holds</h2><p>{len(g.triples)} triples, {len(g.things)} pages, "
        f"{len(g.facts)} dated facts, {sources} cited pages. Written {esc(when.isoformat())}.</p>"
        + table(["class", "things"], rows)
        + "<h2>Go to</h2><ul>"
        '<li><a href="timeline.html">the timeline</a></li>'
        '<li><a href="queries/index.html">the named queries and their answers</a>, and '
        '<a href="queries/coverage.html">the coverage report</a></li>'
        '<li><a href="views/index.html">the network views</a></li>'
        '<li><a href="ontology.html">the ontology\'s terms</a></li>'
        '<li><a href="all.html">every page, by class</a></li>'
        '<li><a href="void.ttl">the dataset described in VoID and DCAT</a></li>'
        "</ul>"
    )
    index = [[name, kind, href] for name, kind, href in search_index(g)]
    data = json_for_script(json.dumps(index, ensure_ascii=False, sort_keys=True))
    return page("index.html", "Home", body, scripts=(SEARCH_JS,), data=data)


def all_page(g: SiteGraph) -> str:
    by_class: dict[str, list[str]] = {}
    for iri in g.things:
        kind = min((g.label(t) for t in g.types.get(iri, ())), default="thing")
        by_class.setdefault(kind, []).append(iri)
    parts = ["<h1>Every page</h1>"]
    for kind in sorted(by_class):
        items = sorted(by_class[kind], key=lambda i: g.label(i).casefold())
        links = "".join(f"<li>{link('all.html', g.paths[i], g.label(i))}</li>" for i in items)
        parts.append(f"<h2>{esc(kind)} ({len(items)})</h2><ul>{links}</ul>")
    return page("all.html", "Every page", "".join(parts))


def search_index(g: SiteGraph) -> list[tuple[str, str, str]]:
    out = set()
    for iri in g.things:
        kind = min((g.label(t) for t in g.types.get(iri, ())), default="thing")
        names = {
            o.value
            for _, p, o in g.out.get(iri, [])
            if p.value in (SKOS + "prefLabel", SKOS + "altLabel", "http://xmlns.com/foaf/0.1/name")
        }
        for name in names | {g.label(iri)}:
            out.add((name, kind, g.paths[iri]))
    return sorted(out)


def ontology_page(g: SiteGraph) -> str:
    rows = []
    for iri in sorted(g.out):
        types = g.types.get(iri, set())
        if not iri.startswith(NEG) or not types & {
            OWL + "Class",
            OWL + "ObjectProperty",
            OWL + "DatatypeProperty",
            RDF + "Property",
        }:
            continue
        kind = "class" if OWL + "Class" in types else "property"
        definition = next(
            (
                o.value
                for _, p, o in g.out[iri]
                if p.value in (SKOS + "definition", RDFS + "comment")
            ),
            "",
        )
        rows.append(
            [esc(iri.removeprefix(NEG)), esc(kind), esc(prop_name(g, iri)), esc(definition)]
        )
    body = (
        "<h1>The ontology's terms</h1><p>Namespace <code>"
        + esc(NEG)
        + "</code>.</p>"
        + table(["term", "kind", "label", "definition"], rows)
    )
    return page("ontology.html", "Ontology", body)


def _class_counts(g: SiteGraph) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for iri in g.things:
        for t in g.types.get(iri, ()):
            counts[t] = counts.get(t, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], g.label(kv[0])))


def void(g: SiteGraph, when: datetime) -> bytes:
    """The dataset in VoID and DCAT, counted on the store the site is written from (a
    load since the last build included); ``build`` keeps the same in the metadata graph."""
    props: dict[str, int] = {}
    for _, p, _ in g.triples:
        props[p.value] = props.get(p.value, 0) + 1
    publishers = [
        o.value
        for s, p, o in g.triples
        if p.value == DCT + "publisher" and NEG + "Source" in g.types.get(s.value, set())
    ]
    classes: dict[str, set[str]] = {}
    for iri, types in g.types.items():
        for t in types:
            classes.setdefault(t, set()).add(iri)
    triples = dataset_triples(
        len(g.triples),
        [(c, len(members)) for c, members in classes.items()],
        list(props.items()),
        publishers,
        when,
    )
    prefixes = {"void": VOID, "dcat": DCAT, "dct": DCT, "owl": OWL, "xsd": XSD, "rdf": RDF}
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""
