"""Write the whole site into a folder, atomically: into a fresh folder beside it first,
then swapped into place, so a reader never sees half a site and a failure leaves the old
one. Output is deterministic: the same store (and ``$SOURCE_DATE_EPOCH``) gives the same
bytes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import GraphError
from ..ingest.build import current_time
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
        pages = _write_all(store, fresh, when, views)
        count, size = _measure(fresh)
        _swap(fresh, target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return Written(target, pages, count, size)


def _write_all(store: GraphStore, root: Path, when: datetime, views: bool) -> int:
    g = SiteGraph.from_store(store)
    today = when.date()
    out: dict[str, str | bytes] = {}
    for iri in g.things:
        path = g.paths[iri]
        html = thing_page(g, iri)
        if g.types.get(iri, set()) & set(PEOPLE_AND_POSTS):
            svg = small_timeline(g, path, iri, today)
            html = (
                html.replace("\n<h2>Names</h2>", "\n" + svg + "\n<h2>Names</h2>", 1)
                if svg
                else html
            )
        out[path] = html
        ttl, jsonld = rdf_files(g, iri)
        stem = path.removesuffix(".html")
        out[stem + ".ttl"], out[stem + ".jsonld"] = ttl, jsonld
    out["index.html"] = home_page(g, when)
    out["all.html"] = all_page(g)
    out["timeline.html"] = timeline_page(g, today)
    out["ontology.html"] = ontology_page(g)
    out["void.ttl"] = void(g, when)
    out.update(query_pages(store, g))
    for rel_path, data in sorted(out.items()):
        file = root / rel_path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    if views:
        write_default_set(store, root / "views", today=today)
    return sum(1 for p in out if p.endswith(".html"))


def _measure(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


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
