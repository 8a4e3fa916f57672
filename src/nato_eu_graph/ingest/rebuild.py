"""A store made again from ontology/, data/ and the batch journal alone: for a store
damaged or lost with its disk (docs/safety.md). The journal's loads are replayed exactly
as they were committed, and its unloads after them, in the order of their commits.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import StoreError
from ..namespaces import FILE
from ..store import journal
from ..store.embedded import EmbeddedStore
from .batches import remove_batch
from .build import build


@dataclass(frozen=True)
class Rebuilt:
    store: Path
    journal: Path
    loads: int
    unloads: int
    quads: int


def rebuild(
    target: Path, *, source: Path | None = None, validate: bool = True, now: datetime | None = None
) -> Rebuilt:
    """Build a new store at ``target`` and replay the journal in ``source`` (default: the
    target's own journal folder) into it; the journal then continues beside the target."""
    if target.exists():
        raise StoreError(
            f"{target} exists; rebuild makes a new store and never writes over one",
            hint="move the damaged store aside (or give another --store), then rebuild",
        )
    own = journal.journal_dir(target)
    folder = source or own
    final = [e for e in journal.entries(folder) if not e.pending]
    if not final and not folder.is_dir():
        raise StoreError(
            f"there is no batch journal at {folder}",
            hint="give the journal's folder with --journal (it was beside the old store)",
        )
    replay = [(e, journal.read_load(e) if e.kind == "load" else None) for e in final]
    store = EmbeddedStore.open(target, create=True)
    try:
        build(store, validate=validate, now=now)
        for entry, quads in replay:
            if quads is not None:
                store.add_quads(quads)
            else:
                graph = journal.read_unload(entry)
                remove_batch(store, graph, f"{FILE}batch/{entry.batch}")
        quads_in_all = len(store)
    finally:
        store.close()
    if folder.resolve() != own.resolve():
        own.mkdir(parents=True, exist_ok=True)
        for file in sorted(folder.iterdir()):
            if file.is_file() and ".pending" not in file.name:
                shutil.copy2(file, own / file.name)
    loads = sum(1 for e, q in replay if q is not None)
    return Rebuilt(target, own, loads, len(replay) - loads, quads_in_all)
