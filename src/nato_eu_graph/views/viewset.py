"""The default set of views, written into one folder with an index page that links them."""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import GraphError
from ..files import write_text_atomic
from ..store.protocol import GraphStore
from .draw import MAX_NODES, write_html
from .project import view_graph

SEED_DAY = "2021-11-16"
SEED_MEETING = "id:meeting/ims-eums-2021-11-16"


@dataclass(frozen=True)
class Spec:
    """One page of the set: which view, as of when, around what."""

    file: str
    heading: str
    view: str
    as_of: str | None = None  # None: today
    focus: str | None = None
    depth: int = 2


DEFAULT_SET: tuple[Spec, ...] = (
    Spec("whole-graph.html", "The whole graph today", "network"),
    Spec(f"graph-{SEED_DAY}.html", f"The graph as of {SEED_DAY}", "network", SEED_DAY),
    Spec(
        f"meeting-{SEED_DAY}.html",
        f"The IMS–EUMS conference of {SEED_DAY} and everything within two steps",
        "network",
        SEED_DAY,
        SEED_MEETING,
        2,
    ),
    Spec("membership-overlap.html", "NATO and EU membership overlap today", "membership-overlap"),
    Spec(
        "documents-domains.html",
        "Strategic documents and operational domains today",
        "documents-domains",
    ),
)


@dataclass(frozen=True)
class Written:
    path: Path
    heading: str
    nodes: int
    edges: int


def subtitle(view: str, as_of: str, focus_label: str = "", depth: int = 0) -> str:
    text = f"view {view}, as of {as_of}"
    if focus_label:
        text += f", within {depth} steps of {focus_label}"
    return text


def write_default_set(
    store: GraphStore,
    folder: str | os.PathLike[str],
    *,
    today: date | None = None,
    max_nodes: int = MAX_NODES,
) -> list[Written]:
    """Write every page of :data:`DEFAULT_SET` and ``index.html`` into ``folder``."""
    root = Path(folder)
    try:
        root.mkdir(parents=True, exist_ok=True)  # the folder asked for, and only that
    except OSError as exc:
        raise GraphError(
            f"cannot create the folder {root}: {exc.strerror or exc}",
            hint="check the path and its permissions",
        ) from exc
    day = (today or date.today()).isoformat()
    written = []
    for spec in DEFAULT_SET:
        as_of = spec.as_of or day
        graph = view_graph(store, spec.view, as_of=as_of, focus=spec.focus, depth=spec.depth)
        focus = graph.graph.get("focus")
        label = str(graph.nodes[focus]["label"]) if focus else ""
        path = write_html(
            graph,
            root / spec.file,
            heading=spec.heading,
            subtitle=subtitle(spec.view, as_of, label, spec.depth),
            max_nodes=max_nodes,
            links=[("all views", "index.html")],
        )
        written.append(
            Written(path, spec.heading, graph.number_of_nodes(), graph.number_of_edges())
        )
    write_text_atomic(root / "index.html", index_html(written))
    return written


def index_html(pages: list[Written]) -> str:
    """A plain page linking the views by relative file name; no script, no request."""
    items = "\n".join(
        f'<li><a href="{html.escape(p.path.name)}">{html.escape(p.heading)}</a>'
        f" <span>({p.nodes} nodes, {p.edges} edges)</span></li>"
        for p in pages
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>nato-eu-graph network views</title>
</head>
<body>
<h1>nato-eu-graph network views</h1>
<p>Each page is a single file that works offline: open it in any browser.</p>
<ul>
{items}
</ul>
</body>
</html>
"""
