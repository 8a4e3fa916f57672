"""The embedded store: an on-disk Oxigraph database, and where to find it.

Every write is one transaction (a first build excepted: see ``add_quads``); a failed write
leaves the store as it was. Queries see the union of all named graphs as default graph.

Commands that only read open the store read-only, taking a shared POSIX lock on its
``LOCK`` file, which RocksDB's writer locks exclusively (Oxigraph leaves a reader beside a
writer undefined). A reader that finds a writer there reads the snapshot the writer
published before it began (store/readers.py): queries never wait for a load.

Each write is flushed from RocksDB's memory tables into its table files before the call
returns, so that a read-only open need not replay the write-ahead log.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from ..errors import QueryError, StoreError
from ..files import sync_folder
from . import readers
from .pause import around_write, hold_at
from .protocol import GraphSize, replace_update
from .readers import SnapshotLock

ENV_STORE = "NATO_EU_GRAPH_STORE"
# Stands in the store's folder while a first build bulk-loads it (see add_quads).
FIRST_BUILD = "nato-eu-graph-first-build"

# Stores are locked by RocksDB; these fragments of its message mean "in use elsewhere".
_LOCK_MARKERS = ("lock", "Resource temporarily unavailable", "WouldBlock")


def default_store_path() -> Path:
    """The per-user data directory, following each platform's convention."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "nato-eu-graph" / "store"


def resolve_store_path(option: str | os.PathLike[str] | None) -> Path:
    """``--store``, else ``$NATO_EU_GRAPH_STORE``, else the per-user default."""
    if option:
        return Path(option)
    env = os.environ.get(ENV_STORE)
    return Path(env) if env else default_store_path()


class EmbeddedStore:
    """A thin wrapper over ``pyoxigraph.Store`` with the operations the library needs."""

    def __init__(
        self, store: ox.Store, path: Path | None, lock: ReaderLock | SnapshotLock | None = None
    ) -> None:
        self._store = store
        self.path = path
        self._lock = lock
        self._snapshot: str | None = None  # a writer's read snapshot (store/readers.py)
        self.read_only = lock is not None

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = False,
        wait: float = 0.0,
        read_only: bool = False,
    ) -> EmbeddedStore:
        """Open the store at ``path``; with ``create`` make it when missing.

        A store that another process holds is retried for up to ``wait`` seconds, so two
        loads started together run one after the other instead of one failing. With
        ``read_only`` the store is shared with other readers (see the module's notes).
        """
        deadline = time.monotonic() + wait
        while True:
            try:
                if read_only and not create and _READER_LOCKS:
                    return cls._open_reader(Path(path))
                return cls._open_once(Path(path), create)
            except StoreError as exc:
                if not exc.locked or time.monotonic() >= deadline:
                    raise
                time.sleep(0.2)

    @classmethod
    def _open_once(cls, target: Path, create: bool) -> EmbeddedStore:
        _check_target(target, create)
        _refuse_if_reading_here(target)
        snapshot = None
        if _READER_LOCKS and not (target / FIRST_BUILD).exists():
            snapshot = readers.publish(target, _lock_shared)  # what readers see meanwhile
        try:
            target.mkdir(parents=True, exist_ok=True)
            opened = cls(_opened(target, ox.Store), target)
            opened._snapshot = snapshot
        except OSError as exc:
            raise _store_error(target, exc) from exc
        _WRITERS.add(_key(target))
        hold_at("writer-held")  # a test runs readers here, beside the writer
        _drop_old_logs(target)
        if (target / FIRST_BUILD).exists():
            opened._restart_first_build(create)
        return opened

    def _restart_first_build(self, create: bool) -> None:
        """A first build was cut short: a build (``create``) starts the store over;
        anything else is refused rather than shown a part of the data."""
        if not create:
            self.close()
            raise _interrupted(self.path)
        assert self.path is not None
        self._store.clear()
        self._store.flush()
        _remove_durably(self.path / FIRST_BUILD)

    @classmethod
    def _open_reader(cls, target: Path) -> EmbeddedStore:
        _check_target(target, create=False)
        if (target / FIRST_BUILD).exists():
            raise _interrupted(target)
        try:
            lock = ReaderLock.take(target)
        except StoreError as exc:
            found = readers.open_snapshot(target) if exc.locked else None
            if found is None:
                raise
            return cls(found[0], target, found[1])  # a writer holds it: read its snapshot
        try:
            return cls(_opened(target, ox.Store.read_only), target, lock)
        except OSError as exc:
            lock.release()
            raise _store_error(target, exc) from exc
        except StoreError:
            lock.release()
            raise

    @classmethod
    def in_memory(cls) -> EmbeddedStore:
        return cls(ox.Store(), None)

    @property
    def location(self) -> str:
        return str(self.path) if self.path else "(in memory)"

    @property
    def journal(self) -> Path | None:
        """The batch journal's folder (store/journal.py); none for a store in memory."""
        from .journal import journal_dir

        return journal_dir(self.path) if self.path else None

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str) -> Any:
        """Run a SPARQL query over the union of all graphs."""
        try:
            return self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}", hint="check the query text") from exc
        except OSError as exc:
            raise StoreError(f"reading {self.location} failed: {exc}") from exc

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_sizes(self) -> list[GraphSize]:
        rows = self.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
        )
        return [GraphSize(r["g"].value, int(r["n"].value)) for r in rows]

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        name = ox.NamedNode(graph) if graph else None
        return iter(self._store.quads_for_pattern(None, None, None, name))

    def __len__(self) -> int:
        return len(self._store)

    # ------------------------------------------------------------------ writing

    def replace_graphs(
        self,
        new: Mapping[str, Iterable[ox.Triple]],
        *,
        drop: Iterable[str] = (),
        meta_delete: str = "",
        meta_insert: Iterable[ox.Triple] = (),
        meta_graph: str = "",
    ) -> None:
        """Drop graphs, add graphs and edit the metadata graph in one transaction."""
        text = replace_update(
            new, drop=drop, meta_delete=meta_delete, meta_insert=meta_insert, meta_graph=meta_graph
        )
        if text:
            self.update(text)

    def add_quads(self, quads: Iterable[ox.Quad], *, bulk: bool = False) -> None:
        """Add quads to any graphs in one transaction: all of them or none.

        ``bulk`` (an empty store written whole, as by a first build): Oxigraph's bulk
        loader instead, four times faster and without a transaction. A marker file stands
        in the store's folder from before the load until it is flushed, so a store cut
        short refuses to be read and the next build starts it over.
        """
        self._check_writable()
        marker = self.path / FIRST_BUILD if self.path and bulk and self._empty() else None
        try:
            if marker is None:
                around_write(lambda: self._store.extend(quads))
            else:
                _write_durably(marker, b"a first build is writing this store\n")
                around_write(lambda: self._store.bulk_extend(quads))
                self._store.flush()
                _remove_durably(marker)
        except OSError as exc:
            raise _store_error(self.path, exc) from exc
        self._settle()

    def _empty(self) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is None

    def update(self, sparql: str) -> None:
        self._check_writable()
        try:
            around_write(lambda: self._store.update(sparql))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL update syntax error: {exc}") from exc
        except OSError as exc:
            raise _store_error(self.path, exc) from exc
        self._settle()

    def _settle(self) -> None:
        """Move a committed write from the log into table files (see the module's notes).
        Best effort: the write is durable in the log already, and a failure here (a full
        disk) must not be told as a failed write; the next read-write open flushes it."""
        with contextlib.suppress(OSError):
            self._store.flush()

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(
                f"the store {self.location} is open read-only here",
                hint="open it for writing (EmbeddedStore.open without read_only)",
            )

    def snapshot(self, folder: Path) -> None:
        """Oxigraph's consistent backup into the new ``folder`` (hard links where it can:
        keep it on the same file system and short-lived; store/backup.py copies it)."""
        try:
            self._store.backup(str(folder))
        except OSError as exc:
            raise _store_error(self.path, exc) from exc

    def close(self) -> None:
        """Release the database and its lock now, not when Python collects the object;
        the store cannot be used afterwards."""
        if hasattr(self, "_store"):
            del self._store
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        elif self.path is not None:
            _WRITERS.discard(_key(self.path))
            if self._snapshot:
                readers.retire(self.path, self._snapshot)
                self._snapshot = None

    def __del__(self) -> None:
        # At interpreter exit the module's globals may be gone already.
        with contextlib.suppress(Exception):
            self.close()

    def flush(self) -> None:
        try:
            self._store.flush()
        except OSError as exc:
            raise _store_error(self.path, exc) from exc


def disk_full(exc: OSError) -> bool:
    """ENOSPC, whether Python saw the errno or RocksDB put it in its message."""
    return exc.errno == errno.ENOSPC or "No space left on device" in str(exc)


def _drop_old_logs(path: Path) -> None:
    """RocksDB keeps every earlier info log (LOG.old.*) at each open; they are text logs,
    not data, and would pile up by the hundred. Safe: we hold the store's lock here."""
    for old in path.glob("LOG.old.*"):
        old.unlink(missing_ok=True)


def _check_target(target: Path, create: bool) -> None:
    if not create and not _looks_like_store(target):
        raise StoreError(
            f"no store at {target}",
            hint=f"build one first: nato-eu-graph build --store {target}",
        )
    if target.exists() and not target.is_dir():
        raise StoreError(f"{target} is a file, not a store directory", hint="pick another path")


def _interrupted(target: Path | None) -> StoreError:
    return StoreError(
        f"the store {target} holds a first build not finished (still running, or cut "
        "short): only part of the data",
        hint="wait for the build to end; if it was stopped, run `nato-eu-graph build` "
        "again for this store: it starts it over",
    )


def _write_durably(file: Path, data: bytes) -> None:
    with open(file, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    sync_folder(file.parent)


def _remove_durably(file: Path) -> None:
    file.unlink(missing_ok=True)
    sync_folder(file.parent)


def _opened(target: Path, opener: Any) -> ox.Store:
    """``opener(path)``, with RocksDB's "Corruption: ..." told as a damaged store."""
    try:
        store: ox.Store = opener(str(target))
    except RuntimeError as exc:
        raise StoreError(
            f"the store {target} is damaged and cannot be opened: {exc}",
            hint="move it aside, then make a new store from a backup (nato-eu-graph "
            "restore BACKUP --store PATH) or from data/ and the batch journal "
            "(nato-eu-graph rebuild --store PATH)",
        ) from exc
    return store


# POSIX locks belong to a process, not to a file handle: a lock taken here would quietly
# merge with RocksDB's own lock on the same file if this process also opened the store
# for writing, and closing any handle on the file drops both. So a process never holds a
# store both ways at once, and its readers of one store share one locked handle.
_WRITERS: set[str] = set()
_READERS: dict[str, tuple[IO[bytes], int]] = {}
_READER_LOCKS = sys.platform != "win32"  # no fcntl there: readers open read-write


def _key(path: Path) -> str:
    return os.path.realpath(path)


def _refuse_if_reading_here(target: Path) -> None:
    if _key(target) in _READERS:
        raise StoreError(
            f"this process has the store {target} open read-only",
            hint="close that handle (Graph.close()) before writing to the store",
        )


class ReaderLock:
    """This process's share of the lock on a store's LOCK file, held by one reader."""

    def __init__(self, key: str) -> None:
        self._key: str | None = key

    @classmethod
    def take(cls, store: Path) -> ReaderLock:
        key = _key(store)
        if key in _WRITERS:
            raise StoreError(
                f"this process has the store {store} open for writing",
                hint="use that handle, or close it before opening the store read-only",
            )
        if key in _READERS:
            handle, count = _READERS[key]
            _READERS[key] = (handle, count + 1)
            return cls(key)
        _READERS[key] = (_lock_shared(store), 1)
        return cls(key)

    def release(self) -> None:
        key, self._key = self._key, None
        if key is None or key not in _READERS:
            return
        handle, count = _READERS[key]
        if count > 1:
            _READERS[key] = (handle, count - 1)
        else:
            del _READERS[key]
            handle.close()  # the last reader in this process: the lock goes

    def __del__(self) -> None:
        # At interpreter exit the module's globals may be gone already.
        with contextlib.suppress(Exception):
            self.release()


def _lock_shared(store: Path) -> IO[bytes]:
    import fcntl

    try:
        handle = open(store / "LOCK", "rb")  # noqa: SIM115  (held while reading)
    except OSError as exc:
        raise _store_error(store, exc) from exc
    try:
        fcntl.lockf(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise in_use(store) from None
    return handle


def in_use(store: Path | None) -> StoreError:
    error = StoreError(
        f"the store {store} is in use by another process",
        hint="wait for the other command to finish, or query a running server with --endpoint",
    )
    error.locked = True
    return error


def _looks_like_store(path: Path) -> bool:
    return path.is_dir() and any(path.glob("CURRENT"))


def _store_error(path: Path | None, exc: OSError) -> StoreError:
    text = str(exc)
    if disk_full(exc):
        return StoreError(
            f"the disk holding the store {path} is full: nothing was written",
            hint="free some space (or move the store and pass --store) and run the command again",
        )
    if any(marker in text for marker in _LOCK_MARKERS):
        return in_use(path)
    return StoreError(f"cannot open or write the store {path}: {text}", hint="check the path")
