"""Writes of batches that the store's journal records (store/journal.py): the entries go
pending before the store's commit, final after it, and away if it fails. A store without
a journal (an endpoint, one in memory) writes as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import META_GRAPH
from ..store import journal
from ..store.protocol import GraphStore


@contextmanager
def journaled(store: GraphStore, loads: Sequence[tuple[str, list[ox.Quad]]]) -> Iterator[None]:
    """Around the commit of ``loads`` (batch id, its quads as committed)."""
    with _entries(store, lambda folder: [journal.begin_load(folder, b, q) for b, q in loads]):
        yield


@contextmanager
def journaled_unload(store: GraphStore, batch: str, graph: str) -> Iterator[None]:
    """Around the commit of an unload."""
    with _entries(store, lambda folder: [journal.begin_unload(folder, batch, graph)]):
        yield


@contextmanager
def _entries(store: GraphStore, begin: Callable[[Path], list[journal.Entry]]) -> Iterator[None]:
    folder = store.journal
    if folder is None:
        yield
        return
    journal.settle(folder, set(store.named_graphs()), META_GRAPH)
    pending = begin(folder)
    try:
        yield
    except BaseException:
        for entry in pending:
            journal.abandon(entry)
        raise
    for entry in pending:
        journal.commit(entry)
