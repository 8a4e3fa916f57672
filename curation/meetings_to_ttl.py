"""Turn the researched meetings (curation/research/staff-conferences.yaml and the meetings of
documents-meetings.yaml) into Turtle for data/, read by hand before committing:

    .venv/bin/python curation/meetings_to_ttl.py   # writes data/channels.ttl and its
                                                    # region of data/sources.ttl

A meeting goes in only with a day a page states (or a page's date plus its "yesterday");
meetings data/ already records by hand (same series and day) are skipped. Participants go
in where the graph knows the person (or body) and the role maps onto a meeting role;
the rest is listed on stderr. The research's conflicts and notes become editorial notes.
"""

from __future__ import annotations

import re
import sys
from datetime import date

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

OUTPUT = "channels.ttl"
SOURCES_MARK = MARK + "sources of channels.ttl (curation/meetings_to_ttl.py)"
MONTHS = "January February March April May June July August September October November December"

# research series or kind -> (series IRI, IRI prefix of its meetings, label of its meetings)
SERIES = {
    "ims-eums-dg": ("ims-eums-dg-conference", "ims-eums", "IMS–EUMS Directors General conference"),
    "ceumc-cmc": (
        "eumc-chods-with-cmc",
        "eumc-cmc",
        "EU Military Committee of Chiefs of Defence with the Chair of the NATO Military Committee",
    ),
    "task-force": ("eu-nato-task-force-resilience", "eu-nato-task-force", ""),
    "summit": ("nato-summit", "nato-summit", ""),
    "nac-psc": ("nac-psc", "nac-psc", "NAC–PSC meeting"),
    "high-level": ("eu-nato-high-level", "eu-nato-high-level", ""),
}
SKIP = {  # (series, day) -> why a researched meeting stays out
    ("nac-psc", "2025-05-28"): "the EEAS page gives 28 May without the year",
    ("task-force", "2023-01-11"): "the announcement of the Task Force, not a meeting of it",
    ("task-force", "2023-06-29"): "the Task Force's final assessment, not a meeting",
}
ROLES = {
    "co-chair": "co-chair",
    "chair": "chair",
    "host": "host",
    "guest": "guest",
    "participant": "participant",
    "eu participant": "participant",
    "member": "participant",
    "co-participant": "participant",
    "invited partner": "participant",
    "press point": "participant",
    "press conference": "participant",
}
POSTS = [  # (words in the research's capacity, post); the first that matches wins
    ("deputy director general", "deputy-dgeums"),
    ("dgims", "dgims"),
    ("international military staff", "dgims"),
    ("dgeums", "dgeums"),
    ("eu military staff", "dgeums"),
    ("deputy secretary general", "nato-deputy-secretary-general"),
    ("nato secretary general", "nato-secretary-general"),
    ("hr/vp", "hrvp"),
    ("high representative for cfsp", "hr-cfsp"),
    ("president of the european council", "european-council-president"),
    ("president of the european commission", "commission-president"),
    ("nato military committee", "cmc"),
    ("eu military committee", "ceumc"),
    ("ceumc", "ceumc"),
    ("saceur", "saceur"),
]
REPRESENTS = {  # post -> the body its holder speaks for
    "dgims": "ims",
    "dgeums": "eums",
    "deputy-dgeums": "eums",
    "cmc": "nato-military-committee",
    "ceumc": "eumc",
    "nato-secretary-general": "nato",
    "nato-deputy-secretary-general": "nato",
    "saceur": "aco",
    "hrvp": "eu",
    "hr-cfsp": "eu",
    "european-council-president": "european-council",
    "commission-president": "european-commission",
}
BODIES = {
    "north atlantic council": "north-atlantic-council",
    "eu political and security committee": "eu-political-and-security-committee",
    "european commission": "european-commission",
    "european external action service": "eeas",
    "european union": "eu",
}
PLACES = [  # (words in the research's place, site or place); the first that matches wins
    ("nato hq", "site/nato-headquarters"),
    ("nato headquarters", "site/nato-headquarters"),
    ("eums headquarters", "site/eums-headquarters"),
    ("eums hq", "site/eums-headquarters"),
    ("eu military staff headquarters", "site/eums-headquarters"),
    ("washington", "place/washington-dc"),
    ("prague", "place/prague"),
    ("istanbul", "place/istanbul"),
    ("riga", "place/riga"),
    ("bucharest", "place/bucharest"),
    ("strasbourg", "place/strasbourg"),
    ("lisbon", "place/lisbon"),
    ("chicago", "place/chicago"),
    ("newport", "place/newport-wales"),
    ("warsaw", "place/warsaw"),
    ("madrid", "place/madrid"),
    ("vilnius", "place/vilnius"),
    ("the hague", "place/the-hague"),
    ("london", "place/london"),
    ("budapest", "place/budapest"),
    ("reykjavik", "place/reykjavik"),
    ("brussels", "place/brussels"),
]
PEOPLE = {"Lord Robertson": "george-robertson", "Radmila Shekerinska": "radmila-sekerinska"}


# Areas of cooperation a meeting addresses, read from the topics its release gives. Only
# words that name an area outright count: "gender perspectives" is not read as women, peace
# and security, nor "space" among the critical-infrastructure sectors as the space area.
AREAS = [
    (r"hybrid", "hybrid-threats"),
    (r"cyber", "cyber-security-and-defence"),
    (r"military mobility", "military-mobility"),
    (r"capacity building for partners", "partner-capacity-building"),
    (r"capability development", "defence-capabilities"),
    (r"counter-terrorism", "counter-terrorism"),
    (r"\bexercises?\b", "exercises"),
    (r"emerging and disruptive technologies", "emerging-and-disruptive-technologies"),
    (
        r"resilience (and protection )?of critical infrastructure|key principles for resilience",
        "resilience-and-critical-infrastructure",
    ),
]


def areas(topics: list[object]) -> list[str]:
    """The areas of cooperation the topics name, in the order of AREAS."""
    text = " ; ".join(map(str, topics)).lower()
    return [f"cooperation-area/{a}" for rx, a in AREAS if re.search(rx, text)]


def long_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day} {MONTHS.split()[d.month - 1]} {d.year}"


def span(start: str, end: str | None) -> str:
    """'6 November 2017', or '6–7 November 2017' for a meeting of two days or more."""
    if not end or end == start:
        return long_date(start)
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def first_match(text: str, table: list[tuple[str, str]]) -> str | None:
    low = text.lower()
    return next((iri for words, iri in table if words in low), None)


def person_iri(name: str | None, people: set[str]) -> str | None:
    if not name:
        return None
    plain = re.sub(r"^(Sir|Lord)\s+", "", name.strip()) if name not in PEOPLE else name
    pid = PEOPLE.get(name) or slug(plain)
    return pid if pid in people else None


def staff_meetings() -> list[dict[str, object]]:
    """The staff conferences in the common shape of documents-meetings.yaml."""
    out = []
    for m in yaml.safe_load((HERE / "research" / "staff-conferences.yaml").read_text("utf-8")):
        parts = []
        for side in ("host", "guest"):
            p = m.get(side) or {}
            role = "co-chair" if "co-chair" in str(p.get("role") or "") else side
            parts.append({"person": p.get("name"), "capacity": p.get("post") or "", "role": role})
        out.append(
            {
                **m,
                "kind": m["series"],
                "start": m.get("date"),
                "end": m.get("end_date"),
                "participants": parts,
            }
        )
    return out


def merged(meetings: list[dict[str, object]]) -> list[dict[str, object]]:
    """One entry per series and day: a second report of a meeting adds its sources and
    participants to the first."""
    first: dict[tuple[str, str], dict[str, object]] = {}
    out = []
    for m in meetings:
        key = (str(m["kind"]), str(m.get("start")))
        if m.get("start") and key in first:
            kept = first[key]
            kept["sources"] = [*(kept.get("sources") or []), *(m.get("sources") or [])]
            kept["participants"] = [
                *(kept.get("participants") or []),
                *(m.get("participants") or []),
            ]
            continue
        first[key] = m
        out.append(m)
    return out


def participations(
    m: dict[str, object], mid: str, label: str, cite: str, people: set[str], left: list[str]
) -> list[str]:
    """The participations of a researched meeting whose people (or bodies) data/ knows."""
    out = []
    for p in m.get("participants") or []:
        role = ROLES.get(str(p.get("role") or "").split(" (")[0].strip().lower())
        post = first_match(str(p.get("capacity") or ""), POSTS)
        who = person_iri(p.get("person"), people)
        body = BODIES.get(str(p.get("body") or "").lower())
        agent = f"person/{who}" if who else (f"organisation/{body}" if body else None)
        if role is None or agent is None:
            left.append(
                f"{label}: participant {p.get('person') or p.get('body')} "
                f"({p.get('role')}, {p.get('capacity')}) not recorded"
            )
            continue
        part = [
            f"<participation/{mid}-{agent.split('/')[1]}> a neg:Participation ;",
            f"    neg:meeting <meeting/{mid}> ; neg:participant <{agent}> ;",
            f"    neg:role <meeting-role/{role}> ;",
        ]
        if who and post:
            part.append(f"    neg:inCapacityOf <post/{post}> ;")
            part.append(f"    neg:representing <organisation/{REPRESENTS[post]}> ;")
        part.append(cite)
        out.append("\n".join(part))
    return out


def main() -> None:
    research = yaml.safe_load((HERE / "research" / "documents-meetings.yaml").read_text("utf-8"))
    meetings = merged(staff_meetings() + research["meetings"])
    graph = curated_graph(OUTPUT)
    people = {str(s).rsplit("/", 1)[1] for s in graph.subjects(RDF.type, FOAF.Person)}
    known_days = {
        (str(series).rsplit("/", 1)[1], str(start)): str(m).split("/id/", 1)[1]
        for m, series, start in graph.query(
            "SELECT ?m ?series ?start WHERE { ?m <https://schema.org/superEvent> ?series ;"
            " <https://schema.org/startDate> ?start }"
        )
    }
    out, left, urls = [], [], {}
    for m in meetings:
        kind = str(m["kind"])
        start = day(m.get("start"))
        series, prefix, generic = SERIES[kind]
        if not start or (kind, start) in SKIP:
            left.append(f"{kind} {m.get('start')}: {SKIP.get((kind, start or ''), 'no day')}")
            continue
        if (series, start) in known_days:
            # Recorded by hand; the first round gave its summits no participants, so those
            # (and only those) come from the research.
            if kind == "summit":
                mid = known_days[(series, start)].removeprefix("meeting/")
                srcs = list(dict.fromkeys(s["url"] for s in m.get("sources") or []))
                for u in srcs:
                    urls.setdefault(u, str(m["label"]))
                cite = "    dct:source " + " ,\n        ".join(f"<{u}>" for u in srcs) + " ."
                out += participations(m, mid, str(m["label"]), cite, people, left)
            continue
        end = day(m.get("end"))
        place_text = str(m.get("place") or "")
        where = first_match(place_text, PLACES)
        city = slug(where.split("/")[1]) if where and where.startswith("place/") else ""
        mid = (
            f"{prefix}-{start}"
            if kind != "summit"
            else f"{prefix}-{start[:4]}-{city or slug(place_text)}"
        )
        label = f"{generic}, {span(start, end)}" if generic else str(m["label"])
        lines = [f"<meeting/{mid}> a neg:Meeting ;", f"    skos:prefLabel {lit(label)}@en ;"]
        if generic and m.get("label") and m["label"] != label:
            lines.append(f"    skos:altLabel {lit(str(m['label']))}@en ;")
        lines.append(f'    schema:startDate "{start}"^^xsd:date ;')
        if end and end != start:
            lines.append(f'    schema:endDate "{end}"^^xsd:date ;')
        if where:
            lines.append(f"    schema:location <{where}> ;")
        lines.append(f"    schema:superEvent <meeting-series/{series}> ;")
        addressed = areas(list(m.get("topics") or []))  # type: ignore[call-overload]
        if addressed:
            lines.append("    schema:about " + " , ".join(f"<{a}>" for a in addressed) + " ;")
        if m.get("ordinal"):
            lines.append(f'    neg:ordinal "{int(m["ordinal"])}"^^xsd:positiveInteger ;')
        notes = []
        if m.get("ordinal_in_year"):
            notes.append(f"The {m['ordinal_in_year']}.")
        if "video" in place_text.lower():
            notes.append("Held by video-conference.")
        if m.get("topics"):
            notes.append(
                "Topics, as the release gives them: " + "; ".join(map(str, m["topics"])) + "."
            )
        if m.get("adopted"):
            notes.append("Adopted: " + ", ".join(map(str, m["adopted"])) + ".")
        if notes:
            lines.append(f"    skos:note {lit(' '.join(notes))}@en ;")
        for key in ("conflict", "date_derivation"):
            if m.get(key):
                lines.append(f"    skos:editorialNote {lit(str(m[key]))}@en ;")
        srcs = list(dict.fromkeys(s["url"] for s in m.get("sources") or []))
        for u in srcs:
            urls.setdefault(u, label)
        cite = "    dct:source " + " ,\n        ".join(f"<{u}>" for u in srcs) + " ."
        lines.append(cite)
        out.append("\n".join(lines))
        out += participations(m, mid, label, cite, people, left)
    write_generated(OUTPUT, HEADER, out, urls, graph, SOURCES_MARK)
    print("\n".join(f"left out: {x}" for x in left), file=sys.stderr)


HEADER = """# nato-eu-graph curated data: the channels of NATO-EU relations beyond the first
# IMS-EUMS conferences: the Directors General conferences every release records, the EU
# Military Committee's meetings with the Chair of the NATO Military Committee, NATO summits,
# NAC-PSC meetings, EU-NATO high-level meetings and the Task Force on the resilience of
# critical infrastructure. Generated with curation/meetings_to_ttl.py from the research in
# curation/research/; the series themselves are in meetings.ttl.
"""


if __name__ == "__main__":
    main()
