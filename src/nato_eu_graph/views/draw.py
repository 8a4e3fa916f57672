"""Draw a projected view as one self-contained HTML file, or export it for Gephi.

pyvis renders the page with the project's own template (templates/view.html), which
inlines vis-network (vendored in templates/, with its licence): the file makes no
request of any kind. Data reaches the page only as JSON inside a
``<script type="application/json">`` element, with ``<``, ``>`` and ``&`` escaped, and
the page's script shows it with ``textContent`` and plain-text tooltips; a
Content-Security-Policy admits only the page's own two scripts, by hash. pyvis's own
``add_node``/``from_nx`` (quadratic) and its "href in a title" popup (innerHTML) are not
used: the node and edge lists are filled directly and tooltips live under another key.

Small graphs settle with vis-network's physics in the browser, which then stops; past
``PHYSICS_LIMIT`` nodes positions come from :func:`layout.radial_layout` (linear time)
and physics stays off.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import GraphError
from ..files import write_text_atomic

if TYPE_CHECKING:
    import networkx as nx

from .layout import radial_layout

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_NODES = 5000
PHYSICS_LIMIT = 300
EDGE_LABEL_LIMIT = 400


@dataclass(frozen=True)
class NodeStyle:
    color: str
    shape: str


@dataclass(frozen=True)
class EdgeStyle:
    color: str
    dashes: bool = False
    width: float = 1.5


# One mapping drives both the drawing and the legend.
CLASS_STYLES: dict[str, NodeStyle] = {
    "Organisation": NodeStyle("#d62728", "star"),
    "Body": NodeStyle("#ff7f0e", "diamond"),
    "State": NodeStyle("#1f77b4", "dot"),
    "Person": NodeStyle("#2ca02c", "dot"),
    "Post": NodeStyle("#bcbd22", "square"),
    "Meeting": NodeStyle("#9467bd", "triangle"),
    "Series": NodeStyle("#c5b0d5", "triangleDown"),
    "Document": NodeStyle("#8c564b", "square"),
    "Domain": NodeStyle("#17becf", "hexagon"),
    "Topic": NodeStyle("#e377c2", "dot"),
    "Site": NodeStyle("#7f7f7f", "dot"),
    "Place": NodeStyle("#7f7f7f", "dot"),
    "Other": NodeStyle("#aaaaaa", "dot"),
}
RELATION_STYLES: dict[str, EdgeStyle] = {
    "member-of": EdgeStyle("#9ab4cf", width=1.0),
    "holds": EdgeStyle("#2ca02c", width=2.0),
    "post-in": EdgeStyle("#bcbd22", dashes=True),
    "part-of": EdgeStyle("#ff7f0e", dashes=True),
    "host": EdgeStyle("#d62728", width=2.0),
    "guest": EdgeStyle("#1f77b4", width=2.0),
    "briefer": EdgeStyle("#9467bd", width=2.0),
    "co-chair": EdgeStyle("#e377c2", width=2.0),
    "chair": EdgeStyle("#e377c2", dashes=True, width=2.0),
    "participant": EdgeStyle("#7f7f7f", width=1.5),
    "represented-by": EdgeStyle("#17becf", dashes=True, width=2.0),
    "discussed": EdgeStyle("#8c564b"),
    "in-series": EdgeStyle("#c5b0d5", dashes=True),
    "adopted-by": EdgeStyle("#7f7f7f", width=2.0),
    "adopted-at": EdgeStyle("#bcbd22", dashes=True),
    "recognised": EdgeStyle("#17becf", width=2.0),
    "replaces": EdgeStyle("#8c564b", dashes=True),
}
DEFAULT_EDGE = EdgeStyle("#999999")
# Where one relation's edges carry several labels, the legend names them all.
_LEGEND_LABELS = {"adopted-by": "adopted, approved, endorsed or signed by"}


def relation_of(key: str) -> str:
    """The relation of an edge key (``host~2`` is the second ``host`` edge)."""
    return key.split("~", 1)[0]


# ---------------------------------------------------------------------- page data


def node_tooltip(attrs: Mapping[str, Any]) -> str:
    lines = [str(attrs.get("label", "")), str(attrs.get("class", ""))]
    if attrs.get("date"):
        lines.append(f"date: {attrs['date']}")
    if attrs.get("iri"):
        lines.append(str(attrs["iri"]))
    lines += [f"source: {s}" for s in _as_list(attrs.get("sources"))]
    return "\n".join(line for line in lines if line)


def edge_tooltip(attrs: Mapping[str, Any], source_label: str, target_label: str) -> str:
    lines = [f"{source_label} — {attrs.get('label', '')} → {target_label}"]
    if attrs.get("start") or attrs.get("end"):
        lines.append(f"from {attrs.get('start') or '?'} to {attrs.get('end') or 'now'}")
    if attrs.get("date"):
        lines.append(f"date: {attrs['date']}")
    for day in _as_list(attrs.get("attested")):
        lines.append(f"seen holding on {day}")
    lines += [f"source: {s}" for s in _as_list(attrs.get("sources"))]
    return "\n".join(lines)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def vis_data(
    graph: nx.MultiDiGraph, positions: Mapping[Any, tuple[float, float]] | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network node and edge lists; ids are integers, every text is plain data."""
    ids = {node: i for i, node in enumerate(graph.nodes)}
    nodes = []
    for node, attrs in graph.nodes(data=True):
        cls = str(attrs.get("class") or "Other")
        style = CLASS_STYLES.get(cls, CLASS_STYLES["Other"])
        item: dict[str, Any] = {
            "id": ids[node],
            "label": str(attrs.get("label") or node),
            "tip": node_tooltip(attrs),
            "cls": cls,
            "shape": style.shape,
            "color": style.color,
        }
        if attrs.get("date"):
            item["date"] = str(attrs["date"])
        if positions is not None:
            item["x"], item["y"] = positions[node]
        nodes.append(item)
    labels = {n: str(a.get("label") or n) for n, a in graph.nodes(data=True)}
    show_labels = graph.number_of_edges() <= EDGE_LABEL_LIMIT
    edges = []
    for i, (u, v, key, attrs) in enumerate(graph.edges(keys=True, data=True)):
        rel = str(attrs.get("relation") or relation_of(str(key)))
        line = RELATION_STYLES.get(rel, DEFAULT_EDGE)
        item = {
            "id": i,
            "from": ids[u],
            "to": ids[v],
            "rel": rel,
            "tip": edge_tooltip(attrs, labels[u], labels[v]),
            "color": line.color,
            "dashes": line.dashes,
            "width": line.width,
        }
        if show_labels:
            item["label"] = str(attrs.get("label") or rel)
        for field in ("start", "end", "date"):
            if attrs.get(field):
                item[field] = str(attrs[field])
        if attrs.get("attested"):
            item["attested"] = _as_list(attrs["attested"])
        edges.append(item)
    return nodes, edges


def legend(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """Classes and relations present, with the style each is drawn in."""
    classes: dict[str, int] = {}
    for _, cls in graph.nodes(data="class"):
        name = str(cls or "Other")
        classes[name] = classes.get(name, 0) + 1
    relations: dict[str, tuple[str, int]] = {}
    for _, _, key, attrs in graph.edges(keys=True, data=True):
        rel = str(attrs.get("relation") or relation_of(str(key)))
        label, n = relations.get(rel, (_LEGEND_LABELS.get(rel, str(attrs.get("label") or rel)), 0))
        relations[rel] = (label, n + 1)
    order = list(CLASS_STYLES)
    return {
        "classes": [
            {"name": c, "count": n, **vars(CLASS_STYLES.get(c, CLASS_STYLES["Other"]))}
            for c, n in sorted(classes.items(), key=lambda kv: _rank(order, kv[0]))
        ],
        "relations": [
            {"key": r, "label": label, "count": n, **vars(RELATION_STYLES.get(r, DEFAULT_EDGE))}
            for r, (label, n) in sorted(
                relations.items(), key=lambda kv: _rank(list(RELATION_STYLES), kv[0])
            )
        ],
    }


def _rank(order: list[str], name: str) -> tuple[int, str]:
    return (order.index(name) if name in order else len(order), name)


def vis_options(n_nodes: int, physics: bool) -> dict[str, Any]:
    big = n_nodes > PHYSICS_LIMIT
    options: dict[str, Any] = {
        "nodes": {"size": 12, "borderWidth": 1, "font": {"size": 14, "face": "sans-serif"}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "font": {"size": 10, "align": "middle", "face": "sans-serif"},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        }
    else:
        options["physics"] = {"enabled": False}
    return options


# ---------------------------------------------------------------------- the page


def json_for_script(value: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open markup inside it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@cache
def _assets() -> dict[str, str]:
    """The inlined scripts and style, each checked to be safe to inline, with its hash."""
    vis_js = (TEMPLATES / "vis-network.min.js").read_text(encoding="utf-8")
    # The map file is not shipped; the comment would only make devtools ask for it.
    # split("\n"), not splitlines(): the library holds U+2028 and other line breaks
    # inside string literals that must stay as they are.
    vis_js = "\n".join(
        line for line in vis_js.split("\n") if not line.startswith("//# sourceMappingURL=")
    )
    app_js = (TEMPLATES / "view.js").read_text(encoding="utf-8")
    css = (TEMPLATES / "view.css").read_text(encoding="utf-8")
    for name, text in (("vis-network", vis_js), ("view.js", app_js), ("view.css", css)):
        lowered = text.lower()
        if "</script" in lowered or "<!--" in lowered or "</style" in lowered:
            raise GraphError(f"the bundled {name} cannot be inlined safely", hint="reinstall")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_hash(vis_js)} {_hash(app_js)}",
            f"style-src {_hash(css)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return {"vis_js": vis_js, "app_js": app_js, "css": css, "csp": csp}


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def check_size(graph: nx.MultiDiGraph, max_nodes: int = MAX_NODES) -> None:
    n = graph.number_of_nodes()
    if n > max_nodes:
        raise GraphError(
            f"the view has {n} nodes, more than the {max_nodes} a page can draw readably",
            hint="narrow it: --focus NAME --depth K, --as-of DATE, or --class C",
        )


def render_html(
    graph: nx.MultiDiGraph,
    *,
    heading: str,
    subtitle: str = "",
    max_nodes: int = MAX_NODES,
    links: Iterable[tuple[str, str]] = (),
) -> str:
    """The whole page as text. ``links``: (label, relative file name) for a nav bar."""
    from pyvis.network import Network

    check_size(graph, max_nodes)
    n = graph.number_of_nodes()
    physics = n <= PHYSICS_LIMIT
    positions = None if physics else radial_layout(graph)
    nodes, edges = vis_data(graph, positions)
    net = Network(directed=True, heading=heading, cdn_resources="in_line")
    net.set_template_dir(str(TEMPLATES), "view.html")
    net.nodes, net.edges = nodes, edges
    net.options = vis_options(n, physics)
    meta = {
        "title": heading,
        "subtitle": subtitle,
        "legend": legend(graph),
        "options": net.options,
        "physics": physics,
        "counts": {"nodes": n, "edges": graph.number_of_edges()},
    }
    env = net.templateEnv
    env.filters["jsonscript"] = json_for_script
    env.globals.update(_assets(), meta=meta, links=list(links))
    html: str = net.generate_html()
    return html


def write_html(graph: nx.MultiDiGraph, path: str | os.PathLike[str], **kwargs: Any) -> Path:
    """Render and write the page, UTF-8 on every platform, atomically."""
    return write_text_atomic(path, render_html(graph, **kwargs))


# ---------------------------------------------------------------------- exports


def flat_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings (lists joined with "; "), for GraphML/GEXF."""
    out = graph.copy()
    for _, attrs in out.nodes(data=True):
        _flatten(attrs)
    for _, _, attrs in out.edges(data=True):
        _flatten(attrs)
    _flatten(out.graph)
    return out


def _flatten(attrs: dict[str, Any]) -> None:
    for key, value in list(attrs.items()):
        if value is None:
            del attrs[key]
        elif isinstance(value, list | tuple | set):
            attrs[key] = "; ".join(str(v) for v in value)
        elif not isinstance(value, str | int | float | bool):
            attrs[key] = str(value)


def export_text(graph: nx.MultiDiGraph, fmt: str) -> str:
    """GraphML or GEXF text of the graph (for Gephi, yEd and networkx)."""
    import networkx as nx

    flat = flat_copy(graph)
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(flat)) + "\n"
    if fmt == "gexf":
        return "\n".join(nx.generate_gexf(flat)) + "\n"
    raise GraphError(f"unknown export format {fmt!r}", hint="use html, graphml or gexf")


def write_export(graph: nx.MultiDiGraph, path: str | os.PathLike[str], fmt: str) -> Path:
    return write_text_atomic(path, export_text(graph, fmt))
