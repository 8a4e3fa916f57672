"""Synthetic institutional data for the benchmarks, in the vocabulary of data/.

Made-up alliances ("clusters") each get a formal organisation with a tree of bodies,
posts and their holders over time, member states with dated memberships, meeting series
with meetings and participations, documents with adoptions, domain recognitions and the
sources every fact cites. A small common part (states, places, topics, publishers) is
shared by all clusters and is the same at every size.

Output is N-Triples, written with plain string formatting (1M triples in a few seconds).
Every cluster draws from its own ``random.Random(f"{seed}:{cluster}")``, so the same seed
gives byte-identical files and a larger size starts with the clusters of a smaller one.
Identifiers carry ``syn-`` so they never meet the curated ones.

    python benchmarks/generator.py --size 100k --out /tmp/syn      # data
    python benchmarks/generator.py --sheet /tmp/syn/sheet.yaml     # a 1,000-fact sheet
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ID = "https://w3id.org/nato-eu-graph/id/"
NEG = "https://w3id.org/nato-eu-graph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"
SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
SOURCE_BASE = "https://news.example.org/syn/"

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
COMMON_FILE = "synthetic-common.nt"

N_STATES, N_PLACES, N_TOPICS, N_PUBLISHERS = 120, 60, 40, 12
N_BODIES, N_SOURCES, N_SERIES, N_DOCUMENTS = 15, 30, 2, 10
FIRST_YEAR, LAST_YEAR = 1995, 2024
BODY_TYPES = ("military-staff", "committee", "command", "directorate", "centre")
POST_ROLES = ("director-general", "deputy-director-general")
RANKS = ("General", "Lieutenant General", "Major General", "Vice Admiral", "Air Marshal")
DOMAINS = ("air", "land", "maritime", "cyberspace", "space")
MEETING_ROLES = ("host", "guest", "briefer", "co-chair")
ADOPTION_KINDS = ("adopted", "approved", "endorsed", "signed")
DOC_TYPES = ("strategy", "strategic-concept", "joint-declaration", "policy")
ONSETS = ("Val", "Kor", "Mar", "Ost", "Bel", "Dra", "Lun", "Tir", "Sev", "Aur", "Fen", "Gal")
MIDDLES = ("a", "e", "i", "o", "u", "ar", "en", "il", "on", "ur")
ENDS = ("via", "ria", "land", "stan", "nia", "mark", "dor", "ssa", "gard", "thia")
GIVEN = ("Anna", "Boris", "Clara", "Dario", "Elin", "Femke", "Goran", "Hana", "Ivo", "Jana")
FAMILY_ENDS = ("sen", "ova", "ic", "berg", "ini", "escu", "ak", "ström", "os", "eau")


# ---------------------------------------------------------------------------- triples


def iri(local: str) -> str:
    return f"<{ID}{local}>"


def lit(text: str, lang: str = "") -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def typed(value: str, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


@dataclass
class Out:
    """Collects N-Triples lines; ``t`` takes subject, predicate IRI and object in N-T form."""

    lines: list[str] = field(default_factory=list)

    def t(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} <{p}> {o} .\n")

    def typed_node(self, s: str, rdf_type: str) -> None:
        self.t(s, RDF_TYPE, f"<{rdf_type}>")

    def label(self, s: str, text: str, *alts: str) -> None:
        self.t(s, SKOS + "prefLabel", lit(text, "en"))
        for alt in alts:
            self.t(s, SKOS + "altLabel", lit(alt, "en"))


def day(rng: random.Random, year: int) -> str:
    return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def word(rng: random.Random) -> str:
    return rng.choice(ONSETS) + rng.choice(MIDDLES) + rng.choice(ENDS)


# ---------------------------------------------------------------------------- common part


def state_name(i: int) -> str:
    """Unique by construction: the index picks the syllables, the suffix breaks ties."""
    base = ONSETS[i % 12] + MIDDLES[(i // 12) % 10] + ENDS[(7 * i + i // 12) % 10]
    return base if i < 120 else f"{base} {i // 120 + 1}"


def place_name(i: int) -> str:
    return f"Port {ONSETS[i % 12]}{ENDS[(i // 12) % 10]}"


def topic_name(i: int) -> str:
    return f"synthetic agenda topic {i}"


def publisher_name(i: int) -> str:
    return f"Synthetic Wire {i}"


def common(out: Out) -> None:
    """States, places, topics and publishers that every cluster refers to."""
    for i in range(N_STATES):
        s = iri(f"state/syn-s{i}")
        out.typed_node(s, NEG + "State")
        out.label(s, state_name(i), f"Republic of {state_name(i)}")
    for i in range(N_PLACES):
        s = iri(f"place/syn-city-{i}")
        out.typed_node(s, SCHEMA + "Place")
        out.label(s, place_name(i))
        out.t(s, SCHEMA + "containedInPlace", iri(f"state/syn-s{i % N_STATES}"))
    for i in range(N_TOPICS):
        s = iri(f"topic/syn-t{i}")
        out.typed_node(s, SKOS + "Concept")
        out.t(s, SKOS + "inScheme", f"<{NEG}Topics>")
        out.label(s, topic_name(i))
    for i in range(N_PUBLISHERS):
        s = iri(f"publisher/syn-pub-{i}")
        out.typed_node(s, FOAF + "Organization")
        out.label(s, publisher_name(i))
        out.t(s, FOAF + "homepage", f"<https://wire{i}.example.org/>")


# ---------------------------------------------------------------------------- one cluster


@dataclass
class Cluster:
    c: int
    rng: random.Random
    out: Out
    name: str = ""
    sources: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    meetings: list[tuple[str, int]] = field(default_factory=list)  # (iri, year)

    def source(self) -> str:
        return self.rng.choice(self.sources)

    def cite(self, s: str) -> None:
        self.out.t(s, DCT + "source", self.source())


def cluster(c: int, seed: int) -> list[str]:
    """The N-Triples lines of cluster ``c``."""
    k = Cluster(c, random.Random(f"{seed}:{c}"), Out())
    k.name = f"{word(k.rng)} Defence Organisation {c}"
    for step in (sources, organisation, posts_and_tenures, memberships, meetings, documents):
        step(k)
    recognitions(k)
    return k.out.lines


def sources(k: Cluster) -> None:
    for j in range(N_SOURCES):
        url = f"<{SOURCE_BASE}o{k.c}/{j}>"
        k.sources.append(url)
        k.out.typed_node(url, NEG + "Source")
        k.out.t(url, DCT + "title", lit(f"{k.name}: press release {j}", "en"))
        k.out.t(url, DCT + "publisher", iri(f"publisher/syn-pub-{k.rng.randrange(N_PUBLISHERS)}"))
        k.out.t(
            url, DCT + "issued", typed(day(k.rng, k.rng.randint(FIRST_YEAR, LAST_YEAR)), "date")
        )


def organisation(k: Cluster) -> None:
    """The formal organisation, its sites and a tree of bodies under it."""
    o, rng = k.out, k.rng
    top = iri(f"organisation/syn-o{k.c}")
    site = iri(f"site/syn-o{k.c}-hq")
    o.typed_node(site, ORG + "Site")
    o.label(site, f"{k.name} headquarters")
    o.t(site, SCHEMA + "containedInPlace", iri(f"place/syn-city-{rng.randrange(N_PLACES)}"))
    o.typed_node(top, ORG + "FormalOrganization")
    o.label(top, k.name, f"SDO-{k.c}")
    o.t(top, ORG + "classification", iri("body-type/international-organisation"))
    o.t(top, ORG + "hasSite", site)
    k.bodies.append(top)
    for j in range(N_BODIES):
        body = iri(f"organisation/syn-o{k.c}-b{j}")
        kind = BODY_TYPES[j % len(BODY_TYPES)]
        o.typed_node(body, ORG + "Organization")
        o.label(body, f"{kind.replace('-', ' ').title()} {j} of the {k.name}", f"SDO{k.c}-B{j}")
        o.t(body, ORG + "classification", iri(f"body-type/{kind}"))
        o.t(body, ORG + "subOrganizationOf", k.bodies[rng.randrange(len(k.bodies))])
        if rng.random() < 0.3:
            o.t(body, ORG + "hasSite", site)
        k.cite(body)
        k.bodies.append(body)


def posts_and_tenures(k: Cluster) -> None:
    """Two posts per body; each held by a chain of people, handovers on one day."""
    for j, body in enumerate(k.bodies[1:]):
        for r, role in enumerate(POST_ROLES):
            slug = f"syn-o{k.c}-b{j}-{r}"
            post = iri(f"post/{slug}")
            k.posts.append(post)
            k.out.typed_node(post, ORG + "Post")
            title = "Director General" if r == 0 else "Deputy Director General"
            k.out.label(post, f"{title} of body {j} of the {k.name}", f"DG SDO{k.c}-B{j}-{r}")
            k.out.t(post, ORG + "postIn", body)
            k.out.t(post, ORG + "role", iri(f"post-role/{role}"))
            holders(k, post, slug)


def holders(k: Cluster, post: str, slug: str) -> None:
    rng, year = k.rng, FIRST_YEAR + k.rng.randint(0, 4)
    start = day(rng, year)
    while year <= LAST_YEAR:
        who = person(k)
        year += rng.randint(2, 5)
        end = day(rng, year) if year <= LAST_YEAR else None
        t = iri(f"tenure/{slug}-h{len(k.people)}")
        k.out.typed_node(t, NEG + "Tenure")
        k.out.t(t, ORG + "member", who)
        k.out.t(t, NEG + "post", post)
        k.out.t(t, SCHEMA + "startDate", typed(start, "date"))
        if end and end >= start:
            k.out.t(t, SCHEMA + "endDate", typed(end, "date"))
        k.cite(t)
        start = end or start


def person(k: Cluster) -> str:
    rng, n = k.rng, len(k.people)
    p = iri(f"person/syn-o{k.c}-h{n}")
    family = rng.choice(ONSETS) + rng.choice(MIDDLES) + rng.choice(FAMILY_ENDS)
    name = f"{rng.choice(GIVEN)} {family}"
    k.out.typed_node(p, FOAF + "Person")
    k.out.t(p, FOAF + "name", lit(name))
    k.out.label(p, name)
    k.out.t(p, NEG + "rank", lit(rng.choice(RANKS)))
    k.out.t(p, SCHEMA + "nationality", iri(f"state/syn-s{rng.randrange(N_STATES)}"))
    k.people.append(p)
    return p


def memberships(k: Cluster) -> None:
    rng, top = k.rng, k.bodies[0]
    for s in sorted(rng.sample(range(N_STATES), rng.randint(15, 35))):
        m = iri(f"membership/syn-o{k.c}-s{s}")
        start = rng.randint(1950, 2020)
        k.out.typed_node(m, ORG + "Membership")
        k.out.t(m, ORG + "member", iri(f"state/syn-s{s}"))
        k.out.t(m, ORG + "organization", top)
        k.out.t(m, SCHEMA + "startDate", typed(day(rng, start), "date"))
        if rng.random() < 0.1:
            k.out.t(m, SCHEMA + "endDate", typed(day(rng, rng.randint(start + 1, 2024)), "date"))
        k.cite(m)


def meetings(k: Cluster) -> None:
    """Each series meets once a year; 2-5 participations per meeting."""
    o, rng = k.out, k.rng
    for s in range(N_SERIES):
        series = iri(f"meeting-series/syn-o{k.c}-s{s}")
        o.typed_node(series, NEG + "MeetingSeries")
        o.label(series, f"{k.name} staff talks, series {s}")
        k.cite(series)
        for n, year in enumerate(range(2005, LAST_YEAR + 1), 1):
            slug = f"syn-o{k.c}-s{s}-m{n}"
            m = iri(f"meeting/{slug}")
            date = day(rng, year)
            o.typed_node(m, NEG + "Meeting")
            o.label(m, f"{k.name} staff talks, series {s}, {date}")
            o.t(m, SCHEMA + "startDate", typed(date, "date"))
            o.t(m, SCHEMA + "location", iri(f"site/syn-o{k.c}-hq"))
            o.t(m, SCHEMA + "superEvent", series)
            o.t(m, SCHEMA + "about", iri(f"topic/syn-t{rng.randrange(N_TOPICS)}"))
            o.t(m, NEG + "ordinal", typed(str(n), "positiveInteger"))
            o.t(
                m,
                NEG + "nextMeetingPlanned",
                typed(f"{year + 1}-{rng.randint(1, 12):02d}", "gYearMonth"),
            )
            k.cite(m)
            k.meetings.append((m, year))
            for q in range(rng.randint(2, 5)):
                participation(k, m, f"{slug}-{q}", q)


def participation(k: Cluster, meeting: str, slug: str, q: int) -> None:
    o, rng = k.out, k.rng
    p = iri(f"participation/{slug}")
    o.typed_node(p, NEG + "Participation")
    o.t(p, NEG + "meeting", meeting)
    o.t(p, NEG + "participant", rng.choice(k.people))
    o.t(p, NEG + "role", iri(f"meeting-role/{MEETING_ROLES[q % 4]}"))
    o.t(p, NEG + "inCapacityOf", rng.choice(k.posts))
    o.t(p, NEG + "representing", rng.choice(k.bodies))
    if rng.random() < 0.1:
        o.t(p, NEG + "onBehalfOf", rng.choice(k.people))
    k.cite(p)


def documents(k: Cluster) -> None:
    o, rng = k.out, k.rng
    previous = ""
    for j in range(N_DOCUMENTS):
        d = iri(f"document/syn-o{k.c}-d{j}")
        year = 2000 + 2 * j
        o.typed_node(d, NEG + "StrategicDocument")
        o.label(d, f"{k.name} strategy {year}", f"SDO-{k.c} strategy {year}")
        o.t(d, DCT + "title", lit(f"Strategy of the {k.name} for {year}", "en"))
        o.t(d, DCT + "issued", typed(day(rng, year), "date"))
        o.t(d, DCT + "type", iri(f"document-type/{rng.choice(DOC_TYPES)}"))
        o.t(d, DCT + "creator", k.bodies[0])
        o.t(d, NEG + "signatory", rng.choice(k.people))
        if previous:
            o.t(d, DCT + "replaces", previous)
        k.cite(d)
        previous = d
        for a in range(rng.randint(1, 2)):
            adoption(k, d, f"{k.c}-d{j}-{a}", year)


def adoption(k: Cluster, document: str, slug: str, year: int) -> None:
    o, rng = k.out, k.rng
    a = iri(f"adoption/syn-o{slug}")
    o.typed_node(a, NEG + "Adoption")
    o.t(a, NEG + "document", document)
    o.t(a, NEG + "adoptedBy", rng.choice(k.bodies))
    o.t(a, NEG + "adoptionKind", iri(f"adoption-kind/{rng.choice(ADOPTION_KINDS)}"))
    o.t(a, SCHEMA + "startDate", typed(day(rng, year), "date"))
    held = [m for m, y in k.meetings if y == year]
    if held:
        o.t(a, NEG + "adoptedAt", held[0])
    k.cite(a)


def recognitions(k: Cluster) -> None:
    for i, domain in enumerate(DOMAINS):
        r = iri(f"recognition/syn-o{k.c}-{domain}")
        k.out.typed_node(r, NEG + "DomainRecognition")
        k.out.t(r, NEG + "domain", iri(f"domain/{domain}"))
        k.out.t(r, NEG + "recognisedBy", k.bodies[0])
        if i >= 3:  # the traditional domains carry no date, as in data/domains.ttl
            k.out.t(r, SCHEMA + "startDate", typed(day(k.rng, 2010 + 3 * i), "date"))
        k.cite(r)


# ---------------------------------------------------------------------------- files


def common_lines() -> list[str]:
    out = Out()
    common(out)
    return out.lines


def clusters(target: int, seed: int) -> Iterator[list[str]]:
    """Whole clusters until the synthetic triples (common part included) reach ``target``."""
    total, c = len(common_lines()), 0
    while total < target:
        lines = cluster(c, seed)
        total += len(lines)
        c += 1
        yield lines


PART_TRIPLES = 1_000_000  # per clusters' file: `load` and `build` refuse files over 256 MiB


def write(target: int, folder: Path, seed: int = 1, name: str = "") -> list[Path]:
    """The common file and the clusters' file for ``target`` triples (past a million, one
    file per million, ``synthetic-N-partK.nt``); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    first = folder / COMMON_FILE
    first.write_text("".join(common_lines()), encoding="utf-8")
    parts = target > PART_TRIPLES and not name
    paths: list[Path] = []
    out, written = None, PART_TRIPLES
    for lines in clusters(target, seed):
        if out is None or (parts and written >= PART_TRIPLES):
            if out is not None:
                out.close()
            part = f"synthetic-{target}-part{len(paths):02d}.nt" if parts else ""
            paths.append(folder / (part or name or f"synthetic-{target}.nt"))
            out, written = paths[-1].open("w", encoding="utf-8"), 0
        out.write("".join(lines))
        written += len(lines)
    if out is not None:
        out.close()
    return [first, *paths]


def size_of(label: str) -> int:
    key = label.strip().lower()
    if key in SIZES:
        return SIZES[key]
    scale = {"k": 1000, "m": 1_000_000}.get(key[-1:], 1)  # a bare number is of triples
    return int(float(key.rstrip("km")) * scale)


# ---------------------------------------------------------------------------- fact sheet

CURATED_STATES = ("France", "Germany", "Poland", "Italy", "Spain", "Finland", "Sweden")
CURATED_BODIES = ("NATO", "EU", "IMS", "EUMS")
CURATED_SOURCE = "https://www.nato.int/cps/en/natohq/news_188657.htm"
IMS_EUMS_SERIES = "IMS-EUMS Directors General conference"


def view_network(n: int, seed: int = 1) -> Any:
    """A projected view of ``n`` nodes (a networkx MultiDiGraph) for the views benchmark:
    hubs with spokes and some cross links, shaped like the curated views."""
    import networkx as nx

    from nato_eu_graph.views.draw import CLASS_STYLES
    from nato_eu_graph.views.project import add_edge

    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    hubs = max(2, n // 50)
    classes = list(CLASS_STYLES)
    for i in range(n):
        g.add_node(f"urn:n{i}", label=f"node {i}", **{"class": classes[i % len(classes)]})
    for i in range(hubs, n):
        add_edge(g, f"urn:n{i}", f"urn:n{rng.randrange(hubs)}", {"relation": "member-of"})
        if rng.random() < 0.2:
            add_edge(g, f"urn:n{i}", f"urn:n{rng.randrange(n)}", {"relation": "discussed"})
    for i in range(1, hubs):
        add_edge(g, f"urn:n{i}", "urn:n0", {"relation": "part-of"})
    return g


def factsheet(n_facts: int = 1000, seed: int = 1) -> str:
    """A YAML fact sheet of ``n_facts`` n-ary facts (tenures, memberships, meetings,
    participations, documents' adoptions, recognitions). It names curated things
    (NATO, EU, IMS, EUMS, states, the IMS-EUMS series, a curated source) and things of the
    synthetic common part (states, places, topics, a publisher), and declares its own
    bodies, people, posts, meetings and documents. Same arguments, same text."""
    rng = random.Random(f"{seed}:sheet")
    n_meetings = n_facts // 20
    n_docs = n_facts // 25
    n_memberships = n_facts // 5
    n_recognitions = n_facts // 10
    n_tenures = n_facts - 5 * n_meetings - 2 * n_docs - n_memberships - n_recognitions
    lines = [
        "# A synthetic fact sheet for benchmarks/run.py (made-up facts).",
        "source: https://news.example.org/syn/sheet/release",
        "sources:",
        "  - url: https://news.example.org/syn/sheet/release",
        "    title: Synthetic release for the load benchmark",
        f"    publisher: {publisher_name(0)}",
        "    issued: 2024-05-01",
        "organisations:",
    ]
    bodies = [f"Sheet body {i} (synthetic)" for i in range(10)]
    for i, label in enumerate(bodies):
        parent = CURATED_BODIES[i % len(CURATED_BODIES)]
        lines += [f"  - id: organisation/sheet-body-{i}", f"    label: {label}"]
        lines += [f"    part_of: {parent}", "    body_type: directorate"]
    people = [f"Sheet Official {i}" for i in range(n_tenures)]
    lines.append("people:")
    for i, name in enumerate(people):
        nationality = state_name(i % N_STATES) if i % 2 else CURATED_STATES[i % 7]
        lines += [f"  - id: person/sheet-official-{i}", f"    name: {name}"]
        lines += [f"    rank: {RANKS[i % 5]}", f"    nationality: {nationality}"]
    posts = [f"Sheet post {i} (synthetic)" for i in range((n_tenures + 4) // 5)]
    lines.append("posts:")
    for i, label in enumerate(posts):
        lines += [f"  - id: post/sheet-post-{i}", f"    label: {label}"]
        lines += [f"    in: {bodies[i % 10]}", f"    role: {POST_ROLES[i % 2].replace('-', ' ')}"]
    lines.append("tenures:")
    for i in range(n_tenures):
        year = 2000 + (i % 5) * 5
        lines += [f"  - person: {people[i]}", f"    post: {posts[i // 5]}"]
        lines += [f"    start: {year}-01-{1 + i // 5 % 28:02d}", f"    end: {year + 4}-12-31"]
    lines.append("memberships:")
    for i in range(n_memberships):
        lines += [f"  - state: {state_name(i % N_STATES)}", f"    organisation: {bodies[i % 10]}"]
        lines.append(f"    start: {1990 + i // N_STATES}-{1 + i % 12:02d}-15")
    lines += sheet_meetings(rng, n_meetings, people, posts, bodies)
    lines += sheet_documents(n_docs, people, bodies)
    lines.append("recognitions:")
    for i in range(n_recognitions):
        lines += [f"  - domain: {DOMAINS[i % 5]}", f"    by: {bodies[i // 5 % 10]}"]
        lines += [f"    date: {2000 + i // 50}-{1 + i % 12:02d}-{1 + i % 28:02d}"]
        lines.append(f"    source: {CURATED_SOURCE}")
    return "\n".join(lines) + "\n"


def sheet_meetings(
    rng: random.Random, n: int, people: list[str], posts: list[str], bodies: list[str]
) -> list[str]:
    """Meetings with four participations each: a meeting counts as one fact."""
    lines = ["meetings:"]
    for i in range(n):
        lines += [
            f"  - id: meeting/sheet-meeting-{i}",
            f"    label: Synthetic staff talks {i}",
            f"    date: 2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
            f"    place: {place_name(i % N_PLACES)}",
            f"    about: [{topic_name(i % N_TOPICS)}, space]",
            "    participants:",
        ]
        if i % 2 == 0:
            lines.insert(len(lines) - 1, f"    series: {IMS_EUMS_SERIES}")
        for q, role in enumerate(MEETING_ROLES):
            j = rng.randrange(len(people))
            lines += [f"      - who: {people[j]}", f"        role: {role}"]
            lines += [f"        capacity: {posts[j // 5]}", f"        representing: {bodies[q]}"]
    return lines


def sheet_documents(n: int, people: list[str], bodies: list[str]) -> list[str]:
    """Documents with one adoption each: the document and its adoption are two facts."""
    lines = ["documents:"]
    for i in range(n):
        lines += [
            f"  - id: document/sheet-document-{i}",
            f"    label: Synthetic roadmap {i}",
            f"    type: {DOC_TYPES[i % 4].replace('-', ' ')}",
            f"    issued: 2022-{1 + i % 12:02d}-10",
            f"    signatories: [{people[i]}]",
            "    adoptions:",
            f"      - by: {CURATED_BODIES[i % 4] if i % 2 else bodies[i % 10]}",
            f"        kind: {ADOPTION_KINDS[i % 4]}",
            f"        date: 2022-{1 + i % 12:02d}-10",
        ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="10k", help="10k, 100k, 1m or a number of triples")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="folder for the N-Triples files")
    parser.add_argument("--sheet", type=Path, help="write a 1,000-fact YAML sheet here")
    args = parser.parse_args()
    if args.out:
        for path in write(size_of(args.size), args.out, args.seed):
            print(path)
    if args.sheet:
        args.sheet.write_text(factsheet(seed=args.seed), encoding="utf-8")
        print(args.sheet)


if __name__ == "__main__":
    main()
