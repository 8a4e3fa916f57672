"""Write the whole site into a folder, atomically: into a fresh folder beside it first,
then swapped into place, so a reader never sees half a site and a failure leaves the old
one. Output is deterministic: the same store (and ``$SOURCE_DATE_EPOCH``) gives the same
bytes.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import sys
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..errors import GraphError
from ..ingest.build import current_time
from ..store.embedded import EmbeddedStore
from ..store.protocol import GraphStore
from ..views.viewset import write_default_set
from .catalogue import query_pages
from .graph import SiteGraph
from .home import all_page, home_page, ontology_page, void
from .pages import rdf_files, thing_page
from .timeline import small_timeline, timeline_page

PEOPLE_AND_POSTS = ("http://xmlns.com/foaf/0.1/Person", "http://www.w3.org/ns/org#Post")


@dataclass(frozen=True)
class Written:
    folder: Path
    pages: int
    files: int
    bytes: int


def write_site(store: GraphStore, folder: str | os.PathLike[str], *, views: bool = True) -> Written:
    """Write the site for ``store`` into ``folder`` (replacing what was there)."""
    target = Path(folder).resolve()
    if target.exists() and not target.is_dir():
        raise GraphError(f"{target} is not a folder", hint="give a folder for the site (-o DIR)")
    target.parent.mkdir(parents=True, exist_ok=True)
    when = current_time()
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        pages, count, size = _write_all(store, fresh, when, views)
        _swap(fresh, target)
    except OSError as exc:  # a full disk or a folder not ours: the old site stays
        shutil.rmtree(fresh, ignore_errors=True)
        raise GraphError(
            f"could not write the site into {target}: {exc.strerror or exc}",
            hint="check that the folder can be written and the disk has room",
        ) from exc
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return Written(target, pages, count, size)


def _write_all(store: GraphStore, root: Path, when: datetime, views: bool) -> tuple[int, int, int]:
    """Write every file; return (pages, files, bytes).

    The store is read once, into the site's index and into a copy in memory that answers
    the catalogue's queries and draws the views: Oxigraph answers them two to three times
    faster from memory than from its files, and a remote store is asked once, not once
    for each query. Every page then shows the same state of the store."""
    quads = list(store.quads())
    g = SiteGraph.from_quads(quads)
    copy = EmbeddedStore.in_memory()
    copy.add_quads(quads)
    del quads
    today = when.date()
    with _ThingWriters(g, root, today) as things:
        # The store's part (the queries) runs here while the workers write the pages.
        out: dict[str, str | bytes] = {
            "index.html": home_page(g, when),
            "all.html": all_page(g),
            "timeline.html": timeline_page(g, today),
            "ontology.html": ontology_page(g),
            "void.ttl": void(g, when),
        }
        out.update(query_pages(copy, g))
        files = _Files(root)
        for rel_path, data in sorted(out.items()):
            files.write(rel_path, data if isinstance(data, bytes) else data.encode("utf-8"))
        pages, count, size = things.result()
    pages += sum(1 for p in out if p.endswith(".html"))
    if views:
        write_default_set(copy, root / "views", today=today)
        for p in (root / "views").rglob("*"):
            if p.is_file():
                count, size = count + 1, size + p.stat().st_size
    return pages, count + files.count, size + files.bytes


class _Files:
    """Writes files under a root, counting them (the folders made once each)."""

    def __init__(self, root: Path) -> None:
        self.root, self.count, self.bytes = root, 0, 0
        self._made: set[Path] = set()

    def write(self, rel_path: str, data: bytes) -> None:
        file = self.root / rel_path
        if file.parent not in self._made:
            file.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(file.parent)
        file.write_bytes(data)
        self.count, self.bytes = self.count + 1, self.bytes + len(data)


def _thing_files(g: SiteGraph, iri: str, today: date) -> list[tuple[str, bytes]]:
    """A thing's page (with its small timeline for a person or post), Turtle and JSON-LD."""
    path = g.paths[iri]
    html = thing_page(g, iri)
    if g.types.get(iri, set()) & set(PEOPLE_AND_POSTS):
        svg = small_timeline(g, path, iri, today)
        if svg:
            html = html.replace("\n<h2>Names</h2>", "\n" + svg + "\n<h2>Names</h2>", 1)
    ttl, jsonld = rdf_files(g, iri)
    stem = path.removesuffix(".html")
    return [(path, html.encode("utf-8")), (stem + ".ttl", ttl), (stem + ".jsonld", jsonld)]


def _write_things(
    g: SiteGraph, root: Path, today: date, part: int, parts: int
) -> tuple[int, int, int]:
    files = _Files(root)
    things = g.things[part::parts]
    for iri in things:
        for rel_path, data in _thing_files(g, iri, today):
            files.write(rel_path, data)
    return len(things), files.count, files.bytes


# What forked workers read: set before the fork, so that they share it without a copy.
_SHARED: tuple[SiteGraph, Path, date] | None = None


def _work(part: int, parts: int) -> tuple[int, int, int]:
    assert _SHARED is not None
    return _write_things(*_SHARED, part, parts)


class _ThingWriters:
    """The thing pages, written by forked worker processes while the caller queries the
    store (pyoxigraph holds the GIL while it answers, so threads would not overlap), or
    here, in order, where ``fork`` is not the way processes start (macOS, Windows)."""

    def __init__(self, g: SiteGraph, root: Path, today: date) -> None:
        self.args, self.parts = (g, root, today), min(os.cpu_count() or 1, 4)
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[tuple[int, int, int]]] = []

    def __enter__(self) -> _ThingWriters:
        global _SHARED
        if sys.platform == "linux" and self.parts > 1:
            _SHARED = self.args
            self.pool = ProcessPoolExecutor(self.parts, mp_context=mp.get_context("fork"))
            self.futures = [self.pool.submit(_work, k, self.parts) for k in range(self.parts)]
        return self

    def result(self) -> tuple[int, int, int]:
        if self.pool is None:
            return _write_things(*self.args, 0, 1)
        done = [f.result() for f in self.futures]
        pages, count, size = (sum(x) for x in zip(*done, strict=True))
        return pages, count, size

    def __exit__(self, *exc: object) -> None:
        global _SHARED
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        _SHARED = None


def _swap(fresh: Path, target: Path) -> None:
    os.chmod(fresh, 0o755)
    if not target.exists():
        fresh.rename(target)
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
