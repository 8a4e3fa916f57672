"""Turn the researched documents (the documents of curation/research/documents-meetings.yaml)
into Turtle for data/, read by hand before committing:

    .venv/bin/python curation/documents_to_ttl.py   # writes data/framework.ttl and its
                                                     # region of data/sources.ttl

The framework of NATO-EU cooperation: the 2002 declaration, Berlin Plus, the Strategic
Concepts, the EU Global Strategy, the common sets of proposals and every progress report on
them, the Task Force's final assessment and the summit declarations. A document's day goes
in only where a page states it (a month alone goes into a note); endorsements by a council
become neg:Adoption facts with their day; lineage (implements, reports on, refers to)
links documents. Documents data/ records by hand are skipped.
"""

from __future__ import annotations

import re
import sys

import rdflib
import yaml
from common import (
    HERE,
    MARK,
    curated_graph,
    day,
    lit,
    slug,
    write_generated,
)
from rdflib.namespace import FOAF, RDF

OUTPUT = "framework.ttl"
SOURCES_MARK = MARK + "sources of framework.ttl (curation/documents_to_ttl.py)"

SKIP = {  # research titles of documents data/ records by hand
    "NATO Strategic Concept (2010) – Active Engagement, Modern Defence",
    "NATO 2022 Strategic Concept",
    "A Strategic Compass for Security and Defence (EU Strategic Compass)",
}
TYPES = {
    "declaration": "declaration",
    "arrangement": "arrangement",
    "concept": "strategic-concept",
    "strategy": "strategy",
    "proposal-set": "proposal-set",
    "progress-report": "progress-report",
    "assessment": "assessment",
    "communique": "summit-declaration",
}
BODIES = [  # words in a research body -> organisation
    ("north atlantic council", "north-atlantic-council"),
    ("political and security committee", "eu-political-and-security-committee"),
    ("council of the european union", "council-of-the-eu"),
    ("european council", "european-council"),
]
PEOPLE = {"Lord (George) Robertson": "george-robertson"}
# Names releases use for the two sets of proposals (variant names, not facts).
ALT_LABELS = {
    "document/common-set-of-proposals-2016": [
        "common set of 42 proposals",
        "set of 42 proposals",
        "42 common proposals",
        "common set of proposals of December 2016",
    ],
    "document/common-set-of-proposals-2017": [
        "common set of new proposals",
        "new set of proposals",
        "new set of common proposals",
        "set of new proposals",
        "common set of proposals of December 2017",
    ],
}
JD2016 = "document/eu-nato-joint-declaration-2016"
# The seven areas of the 2016 declaration the first set covers, and the three of 2017.
AREAS_2016 = [
    "hybrid-threats",
    "operational-cooperation",
    "cyber-security-and-defence",
    "defence-capabilities",
    "defence-industry-and-research",
    "exercises",
    "partner-capacity-building",
]
AREAS_2017 = ["counter-terrorism", "women-peace-and-security", "military-mobility"]
ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()  # noqa: SIM905


def iri_for(doc: dict[str, object]) -> str:
    kind, title, when = str(doc["kind"]), str(doc["title"]), str(doc.get("date") or "")
    year = when[:4]
    if kind == "declaration" and "Joint Declaration" in title:
        return f"document/eu-nato-joint-declaration-{year}"  # in documents.ttl
    if kind == "progress-report":
        return f"document/progress-report-{doc['ordinal']}"
    if kind == "proposal-set":
        return f"document/common-set-of-proposals-{year}"
    named = {
        "EU-NATO Declaration on ESDP": "nato-eu-declaration-on-esdp",
        "Berlin Plus arrangements": "berlin-plus-arrangements",
    }
    if title in named:
        return f"document/{named[title]}"
    if kind == "concept":
        return f"document/nato-strategic-concept-{year}"
    if kind == "strategy":
        return f"document/eu-global-strategy-{year}"
    if kind == "assessment":
        return "document/eu-nato-task-force-final-assessment"
    short = re.sub(r"\s*\(.*?\)\s*$", "", title)
    return f"document/{slug(short)}" + ("" if year in short else f"-{year}")


def label_for(doc: dict[str, object]) -> str:
    title = str(doc["title"])
    if doc["kind"] == "progress-report":
        n = int(str(doc["ordinal"]))
        return (
            f"{ORDINALS[n - 1].capitalize()} progress report on the EU–NATO common set of proposals"
        )
    if doc["kind"] == "strategy":
        return "EU Global Strategy 2016"
    if doc["kind"] == "concept":
        return f"NATO {str(doc['date'])[:4]} Strategic Concept"
    return title


def summit_on(graph: rdflib.Graph, when: str) -> str | None:
    """The summit whose days include ``when``."""
    rows = graph.query(
        "SELECT ?m WHERE { ?m <https://schema.org/superEvent> "
        "<https://w3id.org/nato-eu-graph/id/meeting-series/nato-summit> ; "
        "<https://schema.org/startDate> ?s . OPTIONAL { ?m <https://schema.org/endDate> ?e } "
        f'FILTER(STR(?s) <= "{when}" && STR(COALESCE(?e, ?s)) >= "{when}") }}'
    )
    found = sorted(str(r[0]).split("/id/", 1)[1] for r in rows)
    return found[0] if found else None


def lineage(doc: dict[str, object], by_title: dict[str, str]) -> list[str]:
    kind, lines = doc["kind"], []
    if kind == "proposal-set":
        lines.append(f"    neg:implements <{JD2016}> ;")
        areas = AREAS_2016 if str(doc.get("date", "")).startswith("2016") else AREAS_2017
        lines.append(
            "    schema:about " + " , ".join(f"<cooperation-area/{a}>" for a in areas) + " ;"
        )
    if kind == "progress-report":
        n = int(str(doc["ordinal"]))
        sets = ["document/common-set-of-proposals-2016"]
        if n >= 3:
            sets.append("document/common-set-of-proposals-2017")
        lines.append("    neg:reportsOn " + " , ".join(f"<{s}>" for s in sets) + " ;")
    refs = []
    for ref in doc.get("refers_to") or []:
        target = by_title.get(str(ref)) or next(
            (iri for t, iri in by_title.items() if str(ref).split(" (")[0] in t), None
        )
        if target and target != iri_for(doc):
            refs.append(target)
    if refs:
        lines.append("    dct:references " + " , ".join(f"<{r}>" for r in sorted(set(refs))) + " ;")
    return lines


def main() -> None:
    research = yaml.safe_load((HERE / "research" / "documents-meetings.yaml").read_text("utf-8"))
    docs = [d for d in research["documents"] if d["title"] not in SKIP]
    graph = curated_graph(OUTPUT)
    people = {str(s).rsplit("/", 1)[1] for s in graph.subjects(RDF.type, FOAF.Person)}
    by_title = {str(d["title"]): iri_for(d) for d in research["documents"]}
    out, left, urls = [], [], {}
    for d in docs:
        if d["kind"] == "declaration" and "Joint Declaration" in str(d["title"]):
            continue  # the three Joint Declarations are in documents.ttl
        if d["kind"] == "progress-report" and not d.get("date"):
            left.append(f"{d['title']}: no date found")
            continue
        iri, when = iri_for(d), day(d.get("date"))
        srcs = list(dict.fromkeys(s["url"] for s in d.get("sources") or []))
        for u in srcs:
            urls.setdefault(u, label_for(d))
        cite = "    dct:source " + " ,\n        ".join(f"<{u}>" for u in srcs) + " ."
        lines = [
            f"<{iri}> a neg:StrategicDocument ;",
            f"    skos:prefLabel {lit(label_for(d))}@en ;",
        ]
        if iri in ALT_LABELS:
            alts = " , ".join(f"{lit(a)}@en" for a in ALT_LABELS[iri])
            lines.append(f"    skos:altLabel {alts} ;")
        lines.append(f"    dct:title {lit(str(d['title']))}@en ;")
        if when:
            lines.append(f'    dct:issued "{when}"^^xsd:date ;')
        lines.append(f"    dct:type <document-type/{TYPES[str(d['kind'])]}> ;")
        notes = []
        if not when and d.get("date"):
            notes.append(f"Issued in {d['date']} (the day is not known).")
        if d.get("presented_to"):
            notes.append("Presented to: " + ", ".join(map(str, d["presented_to"])) + ".")
        if d.get("ordinal"):
            lines.append(f'    neg:ordinal "{int(str(d["ordinal"]))}"^^xsd:positiveInteger ;')
        if d.get("count"):
            lines.append(f'    neg:proposalCount "{int(str(d["count"]))}"^^xsd:positiveInteger ;')
        for key, prop in (("period_start", "coversFrom"), ("period_end", "coversTo")):
            if d.get(key):
                lines.append(f'    neg:{prop} "{d[key]}"^^xsd:gYearMonth ;')
        creators = ["organisation/nato"] if d["kind"] in ("communique", "concept") else []
        if d["kind"] == "strategy":
            creators = ["person/federica-mogherini"]
        if creators:
            lines.append("    dct:creator " + " , ".join(f"<{c}>" for c in creators) + " ;")
        signed = []
        for s in d.get("signatories") or []:
            pid = PEOPLE.get(str(s.get("person"))) or slug(str(s.get("person")))
            if pid in people and d["kind"] != "strategy":
                signed.append(pid)
        if signed:
            lines.append("    neg:signatory " + " , ".join(f"<person/{p}>" for p in signed) + " ;")
        if d["kind"] in ("communique", "declaration", "concept") and when:
            summit = summit_on(graph, when)
            if summit:
                lines.append(f"    neg:adoptedAt <{summit}> ;")
        lines += lineage(d, by_title)
        if notes:
            lines.append(f"    skos:note {lit(' '.join(notes))}@en ;")
        if d.get("conflict"):
            lines.append(f"    skos:editorialNote {lit(str(d['conflict']))}@en ;")
        lines.append(cite)
        out.append("\n".join(lines))
        for e in d.get("endorsed_by") or []:
            body = next((o for w, o in BODIES if w in str(e.get("body", "")).lower()), None)
            on = day(e.get("date"))
            # Strategic Concepts are approved by the leaders at the summit (as in documents.ttl)
            kind = "approved" if d["kind"] == "concept" else "endorsed"
            if not body or not on:
                left.append(
                    f"{d['title']}: endorsement by {e.get('body')} ({e.get('date')}) not recorded"
                )
                continue
            out.append(
                "\n".join(
                    [
                        f"<adoption/{iri.split('/', 1)[1]}-{body}> a neg:Adoption ;",
                        f"    neg:document <{iri}> ;",
                        f"    neg:adoptedBy <organisation/{body}> ;",
                        f"    neg:adoptionKind <adoption-kind/{kind}> ;",
                        f'    schema:startDate "{on}"^^xsd:date ;',
                        cite,
                    ]
                )
            )
    write_generated(OUTPUT, HEADER, out, urls, graph, SOURCES_MARK)
    print("\n".join(f"left out: {x}" for x in left), file=sys.stderr)


HEADER = """# nato-eu-graph curated data: the framework of NATO-EU cooperation: the 2002
# declaration, Berlin Plus, the Strategic Concept of 1999, the EU Global Strategy, the
# common sets of proposals and the progress reports on them, the Task Force's final
# assessment, and the declarations of NATO summits. Generated with
# curation/documents_to_ttl.py from the research in curation/research/; the Joint
# Declarations and later strategies are in documents.ttl.
"""


if __name__ == "__main__":
    main()
