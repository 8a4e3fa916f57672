"""Load new facts: read, resolve, validate against the shapes, then commit atomically.

Each file becomes a batch: a named graph of its own, described in the metadata graph
(see batches). All the files of one call are checked before anything is written, and
all are written in one transaction, so a failed load leaves the store exactly as it was.
A file already loaded (same checksum) adds nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pyoxigraph as ox

from ..errors import ParseError, ValidationError
from ..namespaces import META_GRAPH, RDF, SKOS
from ..store.embedded import EmbeddedStore
from ..store.protocol import GraphStore
from .batches import BATCH_GRAPH, BatchInfo, curator, description, loaded_batches
from .build import current_time
from .journaled import journaled
from .parse import EXTENSIONS, MAX_RDF_BYTES, parse_rdf, read_bytes
from .resolve import Resolver

if TYPE_CHECKING:
    from .validate import Violation

SHEET_EXTENSIONS = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv"}
SHOWN = 8  # problems quoted in one error message
Progress = Callable[[str], None]


@dataclass
class Batch:
    """One file, read and resolved, ready to validate and commit."""

    path: Path
    sha256: str
    triples: list[ox.Triple]
    lines: dict[str, int] = field(default_factory=dict)  # node IRI -> line in the file
    kind: str = "rdf"
    restored: BatchInfo | None = None  # a batch from `export --batches`, kept as it was
    declared: dict[str, int] = field(default_factory=dict)  # new things a sheet declares
    meta: list[ox.Triple] = field(default_factory=list)  # its description, for a restore

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class LoadReport:
    added: list[BatchInfo] = field(default_factory=list)
    summaries: list[dict[str, int]] = field(default_factory=list)  # per added batch: type -> n
    skipped: list[tuple[str, BatchInfo]] = field(default_factory=list)  # (file, existing)
    dry_run: bool = False


# ---------------------------------------------------------------------------- reading


def sheet_kind(path: Path, fmt: str | None) -> str:
    """``yaml``, ``csv`` or an RDF format name."""
    if fmt in ("yaml", "csv"):
        return fmt
    return (
        fmt
        or SHEET_EXTENSIONS.get(path.suffix.lower())
        or EXTENSIONS.get(path.suffix.lower(), "")
        or "unknown"
    )


def size_limit(path: Path, fmt: str | None) -> int:
    """Bytes one file may have: fact sheets are written by hand, RDF files may be dumps."""
    from .factsheet import MAX_SHEET_BYTES

    return MAX_SHEET_BYTES if sheet_kind(path, fmt) in ("yaml", "csv") else MAX_RDF_BYTES


@dataclass
class Names:
    """How a load finds the things a sheet names: by index lookups of the names it
    spells exactly, and by every label of the store only when a name needs more."""

    store: GraphStore
    _full: Resolver | None = None

    def partial(self, names: list[str]) -> Resolver:
        return Resolver.partial(self.store, names, vocabularies=True)

    def full(self) -> Resolver:
        if self._full is None:
            self._full = Resolver.from_store(self.store)
        return self._full

    def existing(self, iris: Iterable[str]) -> set[str]:
        """Those of ``iris`` the store says something about: one query per 500."""
        found: set[str] = set()
        for chunk in _chunks(sorted(set(iris)), 500):
            values = " ".join(f"<{iri}>" for iri in chunk)
            rows = self.store.query(
                f"SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}"
            )
            found |= {r["s"].value for r in rows}
        return found


def read_batches(path: Path, fmt: str | None, names: Names) -> list[Batch]:
    """One batch for a file; for an export of batches, each batch it holds."""
    kind = sheet_kind(path, fmt)
    if kind in ("yaml", "csv"):
        from .factsheet import read_csv_sheet, read_yaml_sheet

        reader = read_yaml_sheet if kind == "yaml" else read_csv_sheet
        sheet, digest = reader(path, names.partial, upgrade=names.full, existing=names.existing)
        if not sheet.triples:
            raise _empty(path, kind)
        lines = {**sheet.lines, **sheet.declared}
        return [Batch(path, digest, sheet.triples, lines, kind, declared=dict(sheet.declared))]
    parsed = parse_rdf(path, fmt=kind if kind != "unknown" else None)
    restored = _restored_batches(path, parsed.quads)
    if restored:
        return restored
    triples = list(dict.fromkeys(q.triple for q in parsed.quads))  # graphs are flattened
    if not triples:
        raise _empty(path, kind)
    return [Batch(path, parsed.sha256, triples, _rdf_lines(path, triples), "rdf")]


def _empty(path: Path, kind: str) -> ParseError:
    """A file that says nothing is a mistake (plain JSON read as JSON-LD, say), not a batch."""
    hint = "an empty file adds nothing: check it is the file you meant"
    if kind == "jsonld":
        hint = "JSON-LD needs an inline @context and @id; plain JSON gives no triples"
    elif kind in ("yaml", "csv"):
        hint = "add facts to a section (see docs/fact-sheets.md)"
    return ParseError("the file holds no facts", file=str(path), hint=hint)


def _restored_batches(path: Path, quads: list[ox.Quad]) -> list[Batch]:
    """Batches of an ``export --batches`` file: graph, id and description kept."""
    by_graph: dict[str, list[ox.Triple]] = {}
    meta: list[ox.Triple] = []
    for q in quads:
        name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        if name == META_GRAPH:
            meta.append(q.triple)
        elif name.startswith(BATCH_GRAPH):
            by_graph.setdefault(name, []).append(q.triple)
    if not by_graph:
        return []
    store = EmbeddedStore.in_memory()
    store.add_quads(
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(META_GRAPH)) for t in meta
    )
    described = {b.graph: b for b in loaded_batches(store)}
    out = []
    for graph, triples in sorted(by_graph.items()):
        info = described.get(graph)
        if info is None:
            raise ParseError(
                f"the graph <{graph}> has no batch description in <{META_GRAPH}>",
                file=str(path),
                hint="export batches with: nato-eu-graph export --batches",
            )
        own = description(info)
        out.append(
            Batch(path, info.sha256, triples, _rdf_lines(path, triples), "restore", info, meta=own)
        )
    return out


def _rdf_lines(path: Path, triples: Sequence[ox.Triple]) -> dict[str, int]:
    """The first line that names each subject, for messages (best effort, one pass)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    first: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        for match in _NAME.finditer(line):
            full, local = match.group(1), match.group(2)
            for key in (full, _tail(full)) if full else (local,):
                first.setdefault(key, number)
    lines: dict[str, int] = {}
    for t in triples:
        if isinstance(t.subject, ox.NamedNode) and t.subject.value not in lines:
            iri = t.subject.value
            found = first.get(iri) or first.get(_tail(iri))
            if found:
                lines[iri] = found
    return lines


# IRIs as written (<...>, possibly relative) and the local part of prefixed names.
_NAME = re.compile(r"<([^<>\s]+)>|(?<![\w<])[A-Za-z][\w-]*:([\w-]+)")


def _tail(iri: str) -> str:
    return re.split(r"[/#]", iri)[-1]


# ---------------------------------------------------------------------------- validation


def context_for(store: GraphStore, batch: Batch) -> list[ox.Triple]:
    """What the shapes need from the store: the full description of subjects the batch
    extends, and the types, labels and schemes of the nodes it refers to."""
    subjects = {t.subject for t in batch.triples if isinstance(t.subject, ox.NamedNode)}
    objects = {t.object for t in batch.triples if isinstance(t.object, ox.NamedNode)}
    found: list[ox.Triple] = []
    for chunk in _chunks(sorted(subjects, key=str), 500):
        found += store.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {' '.join(map(str, chunk))} }} "
            f"?s ?p ?o }}"
        )
    for chunk in _chunks(sorted(objects - subjects, key=str), 500):
        found += store.query(
            # The properties as a FILTER, not a second VALUES: Oxigraph would read every
            # triple of those properties in the store instead of looking up each node.
            f"""CONSTRUCT {{ ?o ?p ?v }} WHERE {{ VALUES ?o {{ {" ".join(map(str, chunk))} }}
                ?o ?p ?v FILTER(?p IN (<{RDF}type>, <{SKOS}prefLabel>, <{SKOS}inScheme>)) }}"""
        )
    return found


T = TypeVar("T")


def _chunks(items: list[T], size: int) -> Iterable[list[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def validate_batch(store: GraphStore, batch: Batch) -> None:
    """SHACL on the batch plus what it touches, on an in-memory rdflib graph."""
    from .build import to_rdflib
    from .validate import check

    context = context_for(store, batch)
    # Every shape targets a class, so nodes with no type anywhere cannot be focus nodes:
    # leaving their triples out keeps large untyped batches cheap to check.
    typed = {t.subject for t in [*batch.triples, *context] if t.predicate.value == RDF + "type"}
    checked = [t for t in batch.triples if t.subject in typed]
    graph = to_rdflib([*checked, *context])
    ours = {t.subject.value for t in checked if isinstance(t.subject, ox.NamedNode)}
    problems = [v for v in check(graph) if v.focus in ours]
    if problems:
        raise ValidationError(
            f"{batch.path}: {len(problems)} problem{'s' if len(problems) > 1 else ''} "
            f"with the shapes:\n"
            + "\n".join(_where(batch, v) for v in problems[:SHOWN])
            + (f"\n... and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""),
            violations=[str(v) for v in problems],
            hint="see docs/fact-sheets.md and docs/data-conventions.md",
        )


def _where(batch: Batch, v: Violation) -> str:
    line = batch.lines.get(v.focus)
    return f"  {batch.path}{f':{line}' if line else ''}: {v}"


def load_files(
    store: GraphStore,
    paths: Sequence[Path],
    *,
    fmt: str | None = None,
    by: str | None = None,
    dry_run: bool = False,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> LoadReport:
    """Read, validate and commit files as batches; all of them or none."""
    step = progress or (lambda _: None)
    report = LoadReport(dry_run=dry_run)
    existing = {b.sha256: b for b in loaded_batches(store)}
    names = Names(store)

    batches: list[Batch] = []
    seen: set[str] = set()
    for path in paths:
        step(f"reading {path.name}")
        digest = hashlib.sha256(read_bytes(path, size_limit(path, fmt))).hexdigest()
        if digest in existing:  # checked before parsing: a reload must not fail on ids
            report.skipped.append((str(path), existing[digest]))
            step("skipped")
            continue
        if digest in seen:
            step("skipped")
            continue
        seen.add(digest)
        for batch in read_batches(path, fmt, names):
            if batch.restored and batch.restored.sha256 in existing:
                report.skipped.append((str(path), existing[batch.restored.sha256]))
                continue
            _check_declared_once(batches, batch)
            validate_batch(store, batch)
            batches.append(batch)
        step(f"validated {path.name}")
    stamp = now or current_time()
    who = curator(by)
    infos = [b.restored or _info(b, stamp, who) for b in batches]
    if not dry_run and batches:
        step("committing")
        per_batch = [(i, _quads(b, i)) for b, i in zip(batches, infos, strict=True)]
        with journaled(store, [(i.id, qs) for i, qs in per_batch]):
            store.add_quads([q for _, qs in per_batch for q in qs])
    report.added = infos
    report.summaries = [summary(b) for b in batches]
    return report


def _check_declared_once(earlier: list[Batch], batch: Batch) -> None:
    """Two files of one call must not both declare the same new thing."""
    for other in earlier:
        for iri in batch.declared.keys() & other.declared.keys():
            raise ParseError(
                f"{iri} is declared here and in {other.path}:{other.declared[iri]}",
                file=str(batch.path),
                line=batch.declared[iri],
                hint="declare each new thing in one file only",
            )


def summary(batch: Batch) -> dict[str, int]:
    """How many nodes of each type a batch adds: what a dry run shows."""
    counts: dict[str, int] = {}
    for t in batch.triples:
        if t.predicate.value == RDF + "type" and isinstance(t.object, ox.NamedNode):
            counts[t.object.value] = counts.get(t.object.value, 0) + 1
    return dict(sorted(counts.items()))


def _info(batch: Batch, stamp: datetime, who: str) -> BatchInfo:
    batch_id = f"{stamp.strftime('%Y%m%dT%H%M%SZ')}-{batch.sha256[:8]}"
    return BatchInfo(
        batch_id,
        BATCH_GRAPH + batch_id,
        str(batch.path),
        batch.sha256,
        len(batch.triples),
        stamp.isoformat(),
        who,
    )


def _quads(batch: Batch, info: BatchInfo) -> list[ox.Quad]:
    g = ox.NamedNode(info.graph)
    quads = [ox.Quad(t.subject, t.predicate, t.object, g) for t in batch.triples]
    return quads + [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(META_GRAPH))
        for t in description(info)
    ]
