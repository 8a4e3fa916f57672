"""What the curation scripts share: names to identifiers, Turtle literals, publishers of
pages, and the generated regions of data/sources.ttl that each script owns."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import rdflib
from rdflib.namespace import FOAF, RDF

NEG = rdflib.Namespace("https://w3id.org/nato-eu-graph/ontology#")

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
SOURCES = DATA / "sources.ttl"
MARK = "# ------------------------------------------------------------------ generated: "

PUBLISHERS = {  # a page's host -> an IRI data/ already has
    "nato.int": "organisation/nato",
    "www.nato.int": "organisation/nato",
    "ac.nato.int": "organisation/nato",
    "shape.nato.int": "organisation/nato",
    "act.nato.int": "organisation/nato",
    "jfcbs.nato.int": "organisation/nato",
    "www.eeas.europa.eu": "organisation/eeas",
    "eeas.europa.eu": "organisation/eeas",
    "www.consilium.europa.eu": "organisation/council-of-the-eu",
    "consilium.europa.eu": "organisation/council-of-the-eu",
    "ec.europa.eu": "organisation/european-commission",
    "commission.europa.eu": "organisation/european-commission",
    "en.wikipedia.org": "publisher/wikipedia",
    "simple.wikipedia.org": "publisher/wikipedia",
    "it.wikipedia.org": "publisher/wikipedia",
    "de.wikipedia.org": "publisher/wikipedia",
    "fr.wikipedia.org": "publisher/wikipedia",
    "es.wikipedia.org": "publisher/wikipedia",
    "www.irishtimes.com": "publisher/irish-times",
    "miragenews.com": "publisher/mirage-news",
    "www.miragenews.com": "publisher/mirage-news",
    "www.globalsecurity.org": "publisher/globalsecurity-org",
    "www.dw.com": "publisher/deutsche-welle",
    "www.vindobona.org": "publisher/vindobona",
    "govconexec.com": "publisher/govcon-exec",
    "www.forzearmate.org": "publisher/forze-armate",
    "index.hu": "publisher/index-hu",
    "www.aljazeera.com": "publisher/al-jazeera",
    "www.theyworkforyou.com": "publisher/theyworkforyou",
}


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    ascii_text = folded.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def day(value: object) -> str | None:
    """An ISO day, or None for a month, a year or nothing."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return None


def lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def publisher_of(url: str) -> tuple[str, str | None]:
    """The publisher IRI of a page, and its host when the publisher is new to data/."""
    host = urlsplit(url).netloc.lower()
    known = PUBLISHERS.get(host) or PUBLISHERS.get(host.removeprefix("www."))
    if known:
        return known, None
    host = host.removeprefix("www.")
    return "publisher/" + slug(host), host


def regions(text: str) -> dict[str, str]:
    """The generated regions of a file, by marker line, and "" for the hand-written rest."""
    out: dict[str, str] = {"": ""}
    current = ""
    for line in text.splitlines(keepends=True):
        if line.startswith(MARK):
            current = line.rstrip("\n")
            out[current] = ""
        out[current] += line if current == "" or not line.startswith(MARK) else ""
    return out


def hand_written(path: Path) -> str:
    """A data/ file without its generated regions."""
    return regions(path.read_text(encoding="utf-8"))[""]


def write_region(path: Path, marker: str, body: str) -> None:
    """Replace (or add) the region under ``marker`` at the end of ``path``."""
    parts = regions(path.read_text(encoding="utf-8"))
    parts[marker] = body.strip("\n") + "\n"
    text = parts.pop("").rstrip("\n") + "\n"
    for mark, region in parts.items():
        text += f"\n{mark}\n\n{region.strip(chr(10))}\n"
    path.write_text(text, encoding="utf-8")


def curated_graph(skip: str) -> rdflib.Graph:
    """data/ as it stands, without the file ``skip`` (the caller's own output) and without
    the generated regions of sources.ttl."""
    graph = rdflib.Graph()
    for f in sorted(DATA.glob("*.ttl")):
        if f.name != skip:
            text = hand_written(f) if f == SOURCES else f.read_text("utf-8")
            graph.parse(data=text, format="turtle")
    return graph


def write_generated(
    output: str,
    header: str,
    blocks: list[str],
    urls: dict[str, str],
    graph: rdflib.Graph,
    marker: str,
) -> None:
    """Write ``output`` (header, data/'s prefixes, the blocks) and, under ``marker`` in
    sources.ttl, a description of every cited page that data/ does not describe yet (titled
    after what cites it, in square brackets) and of its publisher when new."""
    posts = (DATA / "posts.ttl").read_text(encoding="utf-8")
    prefixes = posts[posts.index("@prefix") : posts.index("# ----")].rstrip()
    (DATA / output).write_text("\n".join([header, prefixes, "", "\n\n".join(blocks), ""]), "utf-8")
    described = {str(s) for s in graph.subjects(RDF.type, NEG.Source)}
    pubs_known = {str(s).split("/id/", 1)[1] for s in graph.subjects(RDF.type, FOAF.Organization)}
    for mark, text in regions(SOURCES.read_text(encoding="utf-8")).items():
        if mark and mark != marker:  # another script's pages and publishers
            described |= set(re.findall(r"^<(https?://[^>]+)> a neg:Source", text, re.M))
            pubs_known |= set(re.findall(r"^<(publisher/[^>]+)> a foaf:Organization", text, re.M))
    out, pubs = [], {}
    for url, label in sorted(urls.items()):
        if url in described:
            continue
        pub, host = publisher_of(url)
        if host and pub not in pubs_known:
            pubs[pub] = host
        out.append(
            f"<{url}> a neg:Source ;\n    dct:title {lit(f'[Page on the {label}]')}@en ;\n"
            f"    dct:publisher <{pub}> ."
        )
    out += [
        f"<{p}> a foaf:Organization ;\n    skos:prefLabel {lit(h)}@en ;\n"
        f"    foaf:homepage <https://{h}/> ."
        for p, h in sorted(pubs.items())
    ]
    write_region(SOURCES, marker, "\n\n".join(out))
