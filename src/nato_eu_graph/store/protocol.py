"""What every store offers, embedded or remote: the ``GraphStore`` protocol, and the
SPARQL Update that replaces whole named graphs in one request, shared by both kinds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import pyoxigraph as ox


class GraphSize(NamedTuple):  # a NamedTuple, not a dataclass: cheaper to define at start-up
    name: str
    triples: int


class GraphStore(Protocol):
    """What the library needs of a store: the embedded one, or a SPARQL endpoint."""

    @property
    def location(self) -> str: ...

    @property
    def journal(self) -> Path | None: ...

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

    def add_quads(self, quads: Iterable[ox.Quad], *, bulk: bool = False) -> None: ...

    def update(self, sparql: str) -> None: ...

    def flush(self) -> None: ...


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
