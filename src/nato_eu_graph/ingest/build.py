"""Build the graph: load ontology/ and data/ into the store, one named graph per file.

A rebuild replaces the graphs of files that changed (by checksum), drops those of files
that are gone, and leaves unchanged files and every other graph (loaded batches) alone,
all in one transaction. The metadata graph records each file, its checksum and the time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .. import __version__
from ..namespaces import DCT, FILE, GRAPH, META_GRAPH, NEG, PROV, RDF, RDFS, XSD
from ..resources import data_dir, ontology_dir
from ..store.protocol import GraphStore
from .describe import Tally, description_current, refresh_description
from .parse import ParsedFile, parse_rdf

if TYPE_CHECKING:
    import rdflib

CURATED_KINDS = ("ontology", "curated")
SOFTWARE_AGENT = f"https://w3id.org/nato-eu-graph/agent/nato-eu-graph/{__version__}"


@dataclass(frozen=True)
class SourceFile:
    kind: str  # "ontology" or "curated"
    relpath: str  # e.g. "data/states.ttl": stable across machines
    path: Path

    @property
    def graph(self) -> str:
        return GRAPH + self.relpath


@dataclass(frozen=True)
class FileResult:
    relpath: str
    graph: str
    triples: int
    status: str  # added, replaced, unchanged, removed


@dataclass(frozen=True)
class BuildReport:
    files: list[FileResult]

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)


def current_time() -> datetime:
    """Now, to the second; ``$SOURCE_DATE_EPOCH`` (the reproducible-builds convention)
    fixes it, so that two builds of the same files give byte-identical exports."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def curated_files() -> list[SourceFile]:
    """The ontology and data files that make up the curated graph, in a stable order."""
    found = [SourceFile("ontology", f"ontology/{p.name}", p) for p in _rdf_files(ontology_dir())]
    found += [SourceFile("curated", f"data/{p.name}", p) for p in _rdf_files(data_dir())]
    return found


def _rdf_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in {".ttl", ".trig"} and p.is_file())


def parse_all(files: Iterable[SourceFile]) -> dict[SourceFile, ParsedFile]:
    return {f: parse_rdf(f.path) for f in files}


def validate_curated(parsed: dict[SourceFile, ParsedFile]) -> None:
    """Check the curated data against the shapes; raise ValidationError if it breaks them."""
    from .validate import ensure_valid  # pyshacl is heavy: only for builds that validate

    data = [t for f, p in parsed.items() if f.kind == "curated" for t in p.triples()]
    ensure_valid(to_rdflib(data), source="data/")


def to_rdflib(triples: list[ox.Triple]) -> rdflib.Graph:
    """Copy triples into an rdflib Graph (through N-Triples, the cheapest exact route)."""
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph


def recorded_checksums(store: GraphStore) -> dict[str, str]:
    """Graph -> checksum of the curated files the store was last built from."""
    rows = store.query(
        f"""SELECT ?g ?sum WHERE {{ GRAPH <{META_GRAPH}> {{
              ?g <{NEG}batchKind> ?kind ; <{PROV}wasDerivedFrom> ?file .
              ?file <{NEG}sha256> ?sum .
              FILTER(?kind IN ("ontology", "curated")) }} }}"""
    )
    return {r["g"].value: r["sum"].value for r in rows}


def build(
    store: GraphStore,
    *,
    validate: bool = True,
    force: bool = False,
    now: datetime | None = None,
    files: list[SourceFile] | None = None,
) -> BuildReport:
    """Bring the store's curated graphs in line with ontology/ and data/ (or ``files``)."""
    parsed = parse_all(curated_files() if files is None else files)
    if validate:
        validate_curated(parsed)
    before = recorded_checksums(store)
    stamp = now or current_time()
    results: list[FileResult] = []
    changed: dict[SourceFile, ParsedFile] = {}
    for f, p in parsed.items():
        old = before.get(f.graph)
        if old == p.sha256 and not force:
            results.append(FileResult(f.relpath, f.graph, len(p.quads), "unchanged"))
            continue
        changed[f] = p
        status = "added" if old is None else "replaced"
        results.append(FileResult(f.relpath, f.graph, len(p.quads), status))
    kept = {f.graph for f in parsed}
    removed = sorted(g for g in before if g not in kept)
    results += [FileResult(g.removeprefix(GRAPH), g, 0, "removed") for g in removed]
    touched = [f.graph for f in changed] + removed
    meta = [t for f, p in changed.items() for t in _meta_triples(f, p, stamp)]
    existing = set(store.named_graphs())
    described: list[ox.Triple] | None = None
    if not removed and not any(f.graph in existing for f in changed):
        # Only new graphs: one insert of quads, far cheaper than the text of a SPARQL
        # update (a first build of a million triples: 4.3 GB as update text); into an
        # empty store, by the bulk loader (the store guards against a cut-short load).
        # Into an empty store, the store is these quads: count them as they go.
        tally = None if existing else Tally()
        store.add_quads(_as_quads(changed, meta, tally), bulk=not existing)
        if tally is not None:
            described = tally.description(stamp)
    else:
        store.replace_graphs(
            {f.graph: p.triples() for f, p in changed.items()},
            drop=removed,
            meta_delete=_meta_delete(touched),
            meta_insert=meta,
            meta_graph=META_GRAPH,
        )
    if changed or removed or not description_current(store):
        # The dataset's VoID/DCAT, counted afresh; also after a build killed between its
        # commit and this step, so that the next build mends it.
        refresh_description(store, stamp, described)
    return BuildReport(results)


def _as_quads(
    changed: dict[SourceFile, ParsedFile], meta: list[ox.Triple], tally: Tally | None
) -> Iterator[ox.Quad]:
    """The files' quads in their graphs, then the metadata, as a stream: each file's parsed
    quads are let go once written (a first build of ten million triples held them twice
    over, and a set of them for the counts)."""
    for f, p in changed.items():
        graph = ox.NamedNode(f.graph)
        for q in p.quads:
            quad = ox.Quad(q.subject, q.predicate, q.object, graph)
            if tally is not None:
                tally.see(quad)
            yield quad
        p.quads.clear()  # counted in the report already
    graph = ox.NamedNode(META_GRAPH)
    yield from (ox.Quad(t.subject, t.predicate, t.object, graph) for t in meta)


def _meta_delete(graphs: list[str]) -> str:
    """Remove what the metadata graph says about these graphs and their files."""
    ops = []
    for g in graphs:
        file_iri = FILE + g.removeprefix(GRAPH)
        for node in (g, file_iri):
            ops.append(f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ <{node}> ?p ?o }} }}")
    return " ;\n".join(ops)


def _meta_triples(f: SourceFile, p: ParsedFile, stamp: datetime) -> list[ox.Triple]:
    g, file_iri, agent = (
        ox.NamedNode(f.graph),
        ox.NamedNode(FILE + f.relpath),
        ox.NamedNode(SOFTWARE_AGENT),
    )

    def iri(local: str) -> ox.NamedNode:
        return ox.NamedNode(local)

    def lit(value: str, datatype: str = XSD + "string") -> ox.Literal:
        return ox.Literal(value, datatype=ox.NamedNode(datatype))

    return [
        ox.Triple(g, iri(RDF + "type"), iri(NEG + "Batch")),
        ox.Triple(g, iri(RDF + "type"), iri(PROV + "Entity")),
        ox.Triple(g, iri(RDFS + "label"), lit(f.relpath)),
        ox.Triple(g, iri(NEG + "batchKind"), lit(f.kind)),
        # xsd:integer: Oxigraph stores a nonNegativeInteger as one, other engines keep the type
        ox.Triple(g, iri(NEG + "tripleCount"), lit(str(len(p.quads)), XSD + "integer")),
        ox.Triple(g, iri(PROV + "generatedAtTime"), lit(stamp.isoformat(), XSD + "dateTime")),
        ox.Triple(g, iri(PROV + "wasDerivedFrom"), file_iri),
        ox.Triple(g, iri(PROV + "wasAttributedTo"), agent),
        ox.Triple(file_iri, iri(RDF + "type"), iri(PROV + "Entity")),
        ox.Triple(file_iri, iri(DCT + "title"), lit(f.relpath)),
        ox.Triple(file_iri, iri(NEG + "sha256"), lit(p.sha256)),
        ox.Triple(agent, iri(RDF + "type"), iri(PROV + "SoftwareAgent")),
        ox.Triple(agent, iri(RDFS + "label"), lit(f"nato-eu-graph {__version__}")),
    ]
