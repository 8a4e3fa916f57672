"""Readers beside a writer: a query never fails because a load or a build holds the store.

RocksDB lets one process write a store and no one read it meanwhile (Oxigraph calls a
reader beside a writer undefined), so a writer, before it takes the store, publishes a
*read snapshot*: Oxigraph's consistent backup of the store as it is (hard links: cheap)
in a folder beside it, named in the store's ``nato-eu-graph-read-snapshot`` file. A
reader that finds the store held opens that snapshot instead, read-only: it answers with
the state before the write, never a mix, and the writer's all-or-nothing promise is
untouched. Once the writer is done, readers open the store again and see its new state.

Each reader holds a shared lock on the snapshot's ``READERS`` file; a snapshot is removed
only when no reader holds it (by its writer at exit, or by the next writer), so a reader
never loses the files under it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from ..files import sync_folder

POINTER = "nato-eu-graph-read-snapshot"
READERS = "READERS"


class SnapshotLock:
    """A reader's shared lock on one read snapshot."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle: IO[bytes] | None = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()


def publish(store: Path, lock_shared: Callable[[Path], IO[bytes]]) -> str | None:
    """Before a writer takes ``store``: a snapshot of it for readers, named in the pointer
    file; returns its name. ``lock_shared(store)`` takes a reader's lock (held while the
    snapshot is made)."""
    if not (store / "CURRENT").exists() or not (store / "LOCK").exists():
        return None  # no store yet, or one never opened (a restored backup): no readers
    retire_old(store)
    snap = store.parent / f".{store.name}.read-{os.getpid()}-{time.time_ns()}"
    held = lock_shared(store)
    try:
        ox.Store.read_only(str(store)).backup(str(snap))
    finally:
        held.close()
    (snap / READERS).touch()
    tmp = store / (POINTER + ".tmp")
    tmp.write_text(snap.name, encoding="utf-8")
    os.replace(tmp, store / POINTER)
    sync_folder(store)
    atexit.register(retire, store, snap.name)  # also when the writer is never closed
    return snap.name


def open_snapshot(store: Path) -> tuple[ox.Store, SnapshotLock] | None:
    """The published snapshot, opened read-only with a reader's lock; None if there is
    none (or it went away meanwhile)."""
    import fcntl

    try:
        name = (store / POINTER).read_text(encoding="utf-8").strip()
        handle = open(store.parent / name / READERS, "rb")  # noqa: SIM115 (held while reading)
    except OSError:
        return None
    try:
        fcntl.lockf(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        return ox.Store.read_only(str(store.parent / name)), SnapshotLock(handle)
    except OSError:
        handle.close()
        return None


def retire(store: Path, name: str) -> None:
    """The writer is done: readers go back to the store; the snapshot goes if unused."""
    with contextlib.suppress(OSError):
        if (store / POINTER).read_text(encoding="utf-8").strip() == name:
            (store / POINTER).unlink()
    _remove_if_unused(store.parent / name)


def retire_old(store: Path) -> None:
    """Remove the snapshots no one reads any more (of writers long gone)."""
    current = ""
    with contextlib.suppress(OSError):
        current = (store / POINTER).read_text(encoding="utf-8").strip()
    for snap in store.parent.glob(f".{store.name}.read-*"):
        if snap.name != current:
            _remove_if_unused(snap)


def _remove_if_unused(snap: Path) -> None:
    import fcntl

    try:
        handle = open(snap / READERS, "rb+")  # noqa: SIM115
    except OSError:
        shutil.rmtree(snap, ignore_errors=True)  # half made: no reader can hold it
        return
    try:
        fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return  # a reader holds it: the next writer tries again
    shutil.rmtree(snap, ignore_errors=True)  # with the lock held: no reader can come in
    handle.close()
