"""The embedded store: an on-disk Oxigraph database, and where to find it.

Every write goes through one SPARQL Update request, which Oxigraph applies in a single
transaction: a failed write leaves the store as it was. Queries see the union of all
named graphs as their default graph.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from .errors import QueryError, StoreError

ENV_STORE = "NATO_EU_GRAPH_STORE"

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


@dataclass(frozen=True)
class GraphSize:
    name: str
    triples: int


class GraphStore(Protocol):
    """What the library needs of a store: the embedded one, or a SPARQL endpoint."""

    @property
    def location(self) -> str: ...

    def query(self, sparql: str) -> Any: ...

    def named_graphs(self) -> list[str]: ...

    def graph_sizes(self) -> list[GraphSize]: ...

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]: ...

    def __len__(self) -> int: ...

    def replace_graphs(
        self,
        new: Mapping[str, Iterable[ox.Triple]],
        *,
        drop: Iterable[str] = (),
        meta_delete: str = "",
        meta_insert: Iterable[ox.Triple] = (),
        meta_graph: str = "",
    ) -> None: ...

    def add_quads(self, quads: Iterable[ox.Quad]) -> None: ...

    def update(self, sparql: str) -> None: ...

    def flush(self) -> None: ...


class EmbeddedStore:
    """A thin wrapper over ``pyoxigraph.Store`` with the operations the library needs."""

    def __init__(self, store: ox.Store, path: Path | None) -> None:
        self._store = store
        self.path = path

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, create: bool = False, wait: float = 0.0
    ) -> EmbeddedStore:
        """Open the store at ``path``; with ``create`` make it when missing.

        A store that another process holds is retried for up to ``wait`` seconds, so two
        loads started together run one after the other instead of one failing.
        """
        deadline = time.monotonic() + wait
        while True:
            try:
                return cls._open_once(Path(path), create)
            except StoreError as exc:
                if not exc.locked or time.monotonic() >= deadline:
                    raise
                time.sleep(0.2)

    @classmethod
    def _open_once(cls, target: Path, create: bool) -> EmbeddedStore:
        if not create and not _looks_like_store(target):
            raise StoreError(
                f"no store at {target}",
                hint=f"build one first: nato-eu-graph build --store {target}",
            )
        if target.exists() and not target.is_dir():
            raise StoreError(f"{target} is a file, not a store directory", hint="pick another path")
        try:
            target.mkdir(parents=True, exist_ok=True)
            opened = cls(ox.Store(str(target)), target)
        except OSError as exc:
            raise _store_error(target, exc) from exc
        except RuntimeError as exc:  # RocksDB's "Corruption: ...": damaged files
            raise StoreError(
                f"the store {target} is damaged and cannot be opened: {exc}",
                hint="restore it from a copy, or build a new one and load an export of the "
                "batches (nato-eu-graph export --batches)",
            ) from exc
        _drop_old_logs(target)
        return opened

    @classmethod
    def in_memory(cls) -> EmbeddedStore:
        return cls(ox.Store(), None)

    @property
    def location(self) -> str:
        return str(self.path) if self.path else "(in memory)"

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

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads to any graphs in one transaction: all of them or none."""
        try:
            self._store.extend(quads)
        except OSError as exc:
            raise _store_error(self.path, exc) from exc

    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL update syntax error: {exc}") from exc
        except OSError as exc:
            raise _store_error(self.path, exc) from exc

    def close(self) -> None:
        """Release the database and its lock now, not when Python collects the object;
        the store cannot be used afterwards."""
        del self._store

    def flush(self) -> None:
        try:
            self._store.flush()
        except OSError as exc:
            raise _store_error(self.path, exc) from exc


def replace_update(
    new: Mapping[str, Iterable[ox.Triple]],
    *,
    drop: Iterable[str] = (),
    meta_delete: str = "",
    meta_insert: Iterable[ox.Triple] = (),
    meta_graph: str = "",
) -> str:
    """One SPARQL Update that drops graphs, writes new ones and edits the metadata graph;
    one request is one transaction on Oxigraph, embedded or served."""
    parts = [f"DROP SILENT GRAPH <{g}>" for g in sorted(set(drop) | set(new))]
    if meta_delete:
        parts.append(meta_delete)
    blocks = [graph_block(g, triples) for g, triples in new.items()]
    meta = list(meta_insert)
    if meta:
        blocks.append(graph_block(meta_graph, meta))
    if blocks:
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(parts)


def graph_block(graph: str, triples: Iterable[ox.Triple]) -> str:
    """``GRAPH <g> { ... }`` with the triples in N-Triples syntax, for INSERT DATA."""
    body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
    return f"GRAPH <{graph}> {{\n{body}\n}}"


def disk_full(exc: OSError) -> bool:
    """ENOSPC, whether Python saw the errno or RocksDB put it in its message."""
    return exc.errno == errno.ENOSPC or "No space left on device" in str(exc)


def _drop_old_logs(path: Path) -> None:
    """RocksDB keeps every earlier info log (LOG.old.*) at each open; they are text logs,
    not data, and would pile up by the hundred. Safe: we hold the store's lock here."""
    for old in path.glob("LOG.old.*"):
        old.unlink(missing_ok=True)


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
        error = StoreError(
            f"the store {path} is in use by another process",
            hint="wait for the other command to finish, or query a running server with --endpoint",
        )
        error.locked = True
        return error
    return StoreError(f"cannot open or write the store {path}: {text}", hint="check the path")
