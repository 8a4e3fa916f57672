"""Turn the researched post holders (curation/research/*-posts.yaml) into Turtle for data/.

A curation aid, run by hand and read before committing, not part of the package:

    python curation/tenures_to_ttl.py            # writes data/holders.ttl and the
                                                 # generated end of data/sources.ttl

Only what the research sourced to the day goes in: a tenure needs a start day, or (where
only a day in post is known) an attested day; month- or year-only dates are left out and
listed on stderr. Tenures data/ already holds (same post and person) are skipped: those
are kept and mended by hand. Conflicts the research noted become skos:editorialNote.
"""

from __future__ import annotations

import re
import sys

import yaml
from common import (
    DATA,
    HERE,
    MARK,
    SOURCES,
    day,
    hand_written,
    lit,
    publisher_of,
    slug,
    write_region,
)

OUTPUT = "holders.ttl"  # what this script writes: never read back as "already there"
GENERATED = {OUTPUT, "channels.ttl"}  # files the curation scripts write

POSTS = {
    "NATO Secretary General": "nato-secretary-general",
    "NATO Deputy Secretary General": "nato-deputy-secretary-general",
    "Chair of the NATO Military Committee": "cmc",
    "Director General of the NATO International Military Staff": "dgims",
    "Supreme Allied Commander Europe (SACEUR)": "saceur",
    # SACLANT (to 2003, Allied Command Atlantic) is not among the posts the graph follows.
    "Supreme Allied Commander Transformation (SACT)": "sact",
    "High Representative for the Common Foreign and Security Policy": "hr-cfsp",
    "High Representative of the Union for Foreign Affairs and Security Policy / "
    "Vice-President of the Commission": "hrvp",
    "President of the European Council": "european-council-president",
    "President of the European Commission": "commission-president",
    "Chairman of the EU Military Committee": "ceumc",
    "Director General of the EU Military Staff": "dgeums",
    "Executive Secretary-General of the EEAS": "eeas-secretary-general",
    "Secretary General of the EEAS": "eeas-secretary-general",
    "Deputy Director General of the EU Military Staff": "deputy-dgeums",
}
STATES = {
    "Czech Republic": "czechia",
    "United States": "united-states",
    "United Kingdom": "united-kingdom",
    "North Macedonia": "north-macedonia",
}
# Where the research's display name is not the name to use.
NAMES = {
    "George Robertson (Lord Robertson of Port Ellen)": (
        "George Robertson",
        ["Lord Robertson", "Lord Robertson of Port Ellen"],
    ),
    "P. J. M. (Jo) Godderij": ("Jo Godderij", ["P. J. M. Godderij"]),
    "Bantz J. (John) Craddock": ("Bantz J. Craddock", ["John Craddock", "Bantz John Craddock"]),
}
SKIP = {  # researched, but what the pages state is not enough for a tenure
    "Waldemar Głuszko": "only an announcement that he was due to start on 2014-09-01",
}


def existing(pattern: str) -> set[str]:
    """What data/ says by hand: generated files and regions left out."""
    found: set[str] = set()
    for f in DATA.glob("*.ttl"):
        if f.name not in GENERATED:
            found |= set(re.findall(pattern, hand_written(f), re.M))
    return found


def main() -> None:
    entries = []
    for name in ("nato-posts.yaml", "eu-posts.yaml"):
        entries += yaml.safe_load((HERE / "research" / name).read_text(encoding="utf-8"))
    people = existing(r"^<person/([^>]+)> a foaf:Person")
    wikidata = yaml.safe_load((HERE / "research" / "wikidata.yaml").read_text(encoding="utf-8"))
    qids = {k: v["qid"] for k, v in wikidata["people"].items()}
    held_pairs: set[tuple[str, str]] = set()
    for f in DATA.glob("*.ttl"):
        if f.name == OUTPUT:
            continue
        held_pairs |= set(
            re.findall(
                r"org:member <person/([^>]+)> ; neg:post <post/([^>]+)>",
                f.read_text(encoding="utf-8"),
            )
        )
    sources_known = existing(r"^<(https?://[^>]+)> a neg:Source")
    out_people, out_tenures, urls, left = [], [], {}, []
    for e in entries:
        post_name = e["post"]
        acting = bool(re.search(r"\((acting|interim)\)", post_name))
        post = POSTS.get(re.sub(r"\s*\((acting|interim)\)\s*$", "", post_name).strip())
        start, end = day(e.get("start")), day(e.get("end"))
        attested = (
            [day(v) for v in (e.get("in_post_on") or []) if day(v)]
            if isinstance(e.get("in_post_on"), list)
            else ([day(e["in_post_on"])] if day(e.get("in_post_on")) else [])
        )
        if not start and end and not attested:
            attested = [end]  # known only by the last day: it held then (the handover day)
        if post is None or e["person"].startswith("UNKNOWN") or not (start or attested):
            left.append(f"{post_name}: {e['person']} ({e.get('start')} .. {e.get('end')})")
            continue
        if e["person"] in SKIP:
            left.append(f"{post_name}: {e['person']}: {SKIP[e['person']]}")
            continue
        name, alts = NAMES.get(e["person"], (e["person"], []))
        short = re.sub(r"\s+(?:[A-Z]\.\s*)+|\s+Jr\.?$", " ", name).strip()
        short = re.sub(r"\s+", " ", short)
        if short != name:
            alts = [*alts, short]
        pid = slug(short)
        if (pid, post) in held_pairs:
            continue
        if pid not in people:
            people.add(pid)
            lines = [
                f"<person/{pid}> a foaf:Person ;",
                f"    foaf:name {lit(name)} ;",
                f"    skos:prefLabel {lit(name)}@en ;",
            ]
            if alts:
                lines.append("    skos:altLabel " + " , ".join(f"{lit(a)}@en" for a in alts) + " ;")
            if e.get("rank"):
                lines.append(f"    neg:rank {lit(e['rank'])} ;")
            nat = e.get("nationality")
            if nat:
                lines.append(f"    schema:nationality <state/{STATES.get(nat, slug(nat))}> ;")
            if pid in qids:
                lines.append(f"    schema:sameAs wd:{qids[pid]} ;")
            lines[-1] = lines[-1][:-2] + " ."
            out_people.append("\n".join(lines))
        srcs = [s["url"] for s in e.get("sources") or []]
        for s in e.get("sources") or []:
            urls.setdefault(s["url"], (name, post_name))
        t = [
            f"<tenure/{post}-{pid}> a neg:Tenure ;",
            f"    org:member <person/{pid}> ; neg:post <post/{post}> ;",
        ]
        if start:
            t.append(f'    schema:startDate "{start}"^^xsd:date ;')
        if end:
            t.append(f'    schema:endDate "{end}"^^xsd:date ;')
        elif e.get("end"):
            t.append("    neg:hasEnded true ;")
        for a in attested:
            t.append(f'    neg:attestedOn "{a}"^^xsd:date ;')
        notes = []
        if acting:
            t.append(f"    rdfs:comment {lit('Held the post as acting (interim) holder.')}@en ;")
        if e.get("end") and not end:
            notes.append(
                f"The last day is known only as {e['end']} (month or year): no end day is given."
            )
        for key in ("conflict", "note"):
            if e.get(key):
                notes.append(str(e[key]))
        for n in notes:
            t.append(f"    skos:editorialNote {lit(n)}@en ;")
        t.append("    dct:source " + " ,\n        ".join(f"<{u}>" for u in srcs) + " .")
        out_tenures.append("\n".join(t))
    pubs = set()
    out_sources = []
    for url, (name, post_name) in sorted(urls.items()):
        if url in sources_known:
            continue
        pub, new_host = publisher_of(url)
        if new_host:
            pubs.add((pub, new_host))
        title = f"[Page on {name}, {post_name}]"
        out_sources.append(
            f"<{url}> a neg:Source ;\n    dct:title {lit(title)}@en ;\n    dct:publisher <{pub}> ."
        )
    known_pubs = existing(r"^<(publisher/[^>]+)> a foaf:Organization")
    out_sources += [
        f"<{pub}> a foaf:Organization ;\n    skos:prefLabel {lit(host)}@en ;\n"
        f"    foaf:homepage <https://{host}/> ."
        for pub, host in sorted(pubs)
        if pub not in known_pubs
    ]
    write(out_people, out_tenures, out_sources)
    print("\n".join(f"left out: {x}" for x in left), file=sys.stderr)


HEADER = """# nato-eu-graph curated data: who held the senior NATO and EU posts, 1999-2025.
# Generated with curation/tenures_to_ttl.py from the research in curation/research/ (each
# address there was read for the fact and its day); tenures the first curation round
# recorded stay in posts.ttl. Intervals are closed: the end date is the holder's last day;
# on a handover day both the outgoing and the incoming holder count.
"""
SOURCES_MARK = MARK + "sources of holders.ttl (curation/tenures_to_ttl.py)"


def write(people: list[str], tenures: list[str], sources: list[str]) -> None:
    posts = (DATA / "posts.ttl").read_text(encoding="utf-8")
    prefixes = posts[posts.index("@prefix") : posts.index("# ----")].rstrip()
    body = [
        HEADER,
        prefixes,
        "",
        MARK + "people",
        "",
        "\n\n".join(people),
        "",
        MARK + "tenures",
        "",
        "\n\n".join(tenures),
        "",
    ]
    (DATA / OUTPUT).write_text("\n".join(body), encoding="utf-8")
    write_region(SOURCES, SOURCES_MARK, "\n\n".join(sources))


if __name__ == "__main__":
    main()
