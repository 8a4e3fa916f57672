"""The batch journal: every batch a load commits, exactly as committed (N-Quads: the
batch's graph and its metadata, with who loaded it, when and from which file), and every
unload, in a folder beside the store. ``rebuild`` makes a store again from ontology/,
data/ and the journal alone, so a store damaged or lost comes back with every batch.

Entries are numbered in the order of their commits: ``000001-load-<batch>.nq`` (beside it
``.sha256``, its digest) and ``000002-unload-<batch>.json``. Each is written in two steps
around the store's commit: first as ``.pending`` (synced), then, once the store has
committed, renamed to its final name (synced) before the command reports success. A
pending entry left by a killed process is settled by the next write to the store: kept
when the store holds what it says (the commit happened), dropped when not. ``rebuild``
reads final entries only.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError
from ..files import sync_folder
from .pause import pause_at

ENV_JOURNAL = "NATO_EU_GRAPH_JOURNAL"
_NAME = re.compile(r"^(\d{6})-(load|unload)-([A-Za-z0-9._-]+)\.(nq|json)(\.pending)?$")


@dataclass(frozen=True)
class Entry:
    seq: int
    kind: str  # "load" or "unload"
    batch: str
    path: Path
    pending: bool


def journal_dir(store_path: Path) -> Path:
    """``$NATO_EU_GRAPH_JOURNAL``, else ``<store>.journal`` beside the store's folder."""
    env = os.environ.get(ENV_JOURNAL, "").strip()
    return Path(env) if env else store_path.with_name(store_path.name + ".journal")


def entries(folder: Path) -> list[Entry]:
    """The journal's entries in commit order (pending ones too)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if m:
            found.append(Entry(int(m[1]), m[2], m[3], path, bool(m[5])))
    return sorted(found, key=lambda e: e.seq)


def begin_load(folder: Path, batch: str, quads: Iterable[ox.Quad]) -> Entry:
    """Write a load's entry as pending: N-Quads and their digest."""
    data = ox.serialize(sorted(quads, key=str), format=ox.RdfFormat.N_QUADS) or b""
    entry = _begin(folder, "load", batch, "nq", data)
    _write(entry.path.with_name(entry.path.name + ".sha256"), _digest(data).encode("ascii"))
    return entry


def begin_unload(folder: Path, batch: str, graph: str) -> Entry:
    data = json.dumps({"batch": batch, "graph": graph}, sort_keys=True).encode("utf-8")
    return _begin(folder, "unload", batch, "json", data)


def commit(entry: Entry) -> None:
    """The store has committed: the entry becomes final."""
    pause_at("journal-commit")  # a fault test kills here: store committed, entry pending
    final = entry.path.with_name(entry.path.name.removesuffix(".pending"))
    digest = entry.path.with_name(entry.path.name + ".sha256")
    if digest.exists():
        os.rename(digest, final.with_name(final.name + ".sha256"))
    os.rename(entry.path, final)
    sync_folder(final.parent)


def abandon(entry: Entry) -> None:
    """The store did not commit: the entry goes."""
    for path in (entry.path, entry.path.with_name(entry.path.name + ".sha256")):
        path.unlink(missing_ok=True)
    sync_folder(entry.path.parent)


def read_load(entry: Entry) -> list[ox.Quad]:
    """A final load entry's quads, checked against its digest."""
    try:
        data = entry.path.read_bytes()
        expected = entry.path.with_name(entry.path.name + ".sha256").read_text("ascii").strip()
    except OSError:
        data, expected = b"", "missing"
    if _digest(data) != expected:
        raise StoreError(
            f"the journal entry {entry.path} does not match its checksum",
            hint="it was damaged after it was written; restore the journal from a backup",
        )
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))


def read_unload(entry: Entry) -> str:
    """The graph an unload entry removed."""
    try:
        return str(json.loads(entry.path.read_text(encoding="utf-8"))["graph"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(
            f"the journal entry {entry.path} cannot be read",
            hint="restore the journal from a backup",
        ) from exc


def _begin(folder: Path, kind: str, batch: str, ext: str, data: bytes) -> Entry:
    if not re.fullmatch(r"[A-Za-z0-9._-]+", batch):
        raise StoreError(f"{batch!r} cannot name a journal entry", hint="")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot make the batch journal's folder {folder}: {exc.strerror or exc}",
            hint="set NATO_EU_GRAPH_JOURNAL to a folder that can be written; nothing was "
            "written to the store",
        ) from exc
    seq = max((e.seq for e in entries(folder)), default=0) + 1
    path = folder / f"{seq:06d}-{kind}-{batch}.{ext}.pending"
    _write(path, data)
    pause_at("journal-written")  # a fault test kills here: entry pending, store unchanged
    return Entry(seq, kind, batch, path, True)


def _write(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        sync_folder(path.parent)
    except OSError as exc:
        path.unlink(missing_ok=True)
        why = "the disk is full" if exc.errno == errno.ENOSPC else exc.strerror or str(exc)
        raise StoreError(
            f"cannot write the batch journal {path.parent}: {why}",
            hint="free some space, or set NATO_EU_GRAPH_JOURNAL to a folder that can be "
            "written; nothing was loaded",
        ) from exc


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def settle(folder: Path, graphs: set[str], meta_graph: str) -> None:
    """Decide the pending entries a killed process left, from the store's named graphs:
    a load whose batch graph is there, or an unload whose graph is gone, was committed."""
    for entry in entries(folder):
        if not entry.pending:
            continue
        if entry.kind == "load":
            quads = ox.parse(entry.path.read_bytes(), format=ox.RdfFormat.N_QUADS)
            batch = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
            done = bool(batch - {meta_graph}) and batch - {meta_graph} <= graphs
        else:
            done = read_unload(entry) not in graphs
        (commit if done else abandon)(entry)
