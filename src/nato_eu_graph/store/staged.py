"""Large writes to an endpoint, sent in steps and committed by one request.

Engines cap what one update may hold: Virtuoso 7 refuses an INSERT DATA whose SQL
translation passes 10,000 lines (a few thousand triples). A write larger than the
endpoint's step is therefore sent into *staging graphs* first, a step per request, and then
put in place by one last request that drops what it replaces, edits the metadata and
copies the staging graphs into their targets. Until that request the store's own graphs
are untouched: a failed step drops the staging graphs, and a writer killed between steps
leaves them for the next write, which drops every staging graph first. The last request
is as atomic as the engine makes one update request (docs/scaling.md says which are).

Staging graphs live under ``https://w3id.org/nato-eu-graph/graph/staging/``; the remote
store lists, counts and exports none of them. Triples that share a blank node go in one
step, since each request gives a blank node label a new node.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox

from ..namespaces import STAGING_GRAPHS
from .protocol import graph_block

STAGING = STAGING_GRAPHS


def staged_write(
    graphs: Callable[[], list[str]],
    update: Callable[[str], None],
    new: Mapping[str, Sequence[ox.Triple]],
    *,
    drop: Iterable[str] = (),
    meta_delete: str = "",
    step: int,
) -> None:
    """Stage ``new`` (graph -> triples) in steps of ``step`` triples, then commit in one
    request: the graphs in ``drop`` dropped, ``meta_delete`` run, the staged triples added."""
    drop_staging(graphs(), update)
    run = STAGING + uuid.uuid4().hex + "/"
    staged = {g: f"{run}{k}" for k, g in enumerate(sorted(new))}
    try:
        for block in _steps(new, staged, step):
            update("INSERT DATA {\n" + block + "\n}")
    except BaseException:
        _drop(update, staged.values())
        raise
    parts = [f"DROP SILENT GRAPH <{g}>" for g in sorted(set(drop))]
    if meta_delete:
        parts.append(meta_delete)
    for target, stage in sorted(staged.items()):
        parts.append(
            f"INSERT {{ GRAPH <{target}> {{ ?s ?p ?o }} }} "
            f"WHERE {{ GRAPH <{stage}> {{ ?s ?p ?o }} }}"
        )
    parts += [f"DROP SILENT GRAPH <{s}>" for s in sorted(staged.values())]
    try:
        update(" ;\n".join(parts))
    except BaseException:
        _drop(update, staged.values())
        raise


def drop_staging(graphs: list[str], update: Callable[[str], None]) -> None:
    """Drop the staging graphs a killed writer left (``graphs``: every named graph)."""
    _drop(update, [g for g in graphs if g.startswith(STAGING)])


def _drop(update: Callable[[str], None], graphs: Iterable[str]) -> None:
    names = sorted(graphs)
    if names:
        update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in names))


def _steps(
    new: Mapping[str, Sequence[ox.Triple]], staged: Mapping[str, str], step: int
) -> Iterator[str]:
    """INSERT DATA bodies of about ``step`` triples each; triples with a blank node all go
    in the first step, so that each blank node stays one node."""
    with_blank = {g: [t for t in ts if _has_blank(t)] for g, ts in new.items()}
    plain = [(g, t) for g, ts in sorted(new.items()) for t in ts if not _has_blank(t)]
    first = [graph_block(staged[g], ts) for g, ts in sorted(with_blank.items()) if ts]
    size = sum(len(ts) for ts in with_blank.values())
    start = 0
    if first:
        take = max(0, step - size)
        first += _blocks(plain[:take], staged)
        start = take
        yield "\n".join(first)
    for k in range(start, len(plain), step):
        yield "\n".join(_blocks(plain[k : k + step], staged))


def _blocks(pairs: Sequence[tuple[str, ox.Triple]], staged: Mapping[str, str]) -> list[str]:
    by_graph: dict[str, list[ox.Triple]] = {}
    for g, t in pairs:
        by_graph.setdefault(g, []).append(t)
    return [graph_block(staged[g], ts) for g, ts in by_graph.items()]


def _has_blank(t: ox.Triple) -> bool:
    return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
