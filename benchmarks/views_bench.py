"""Network views at scale: our pages against plain pyvis defaults, in one run.

For synthetic graphs of 100, 1,000 and 5,000 nodes it times
  * writing the file: ``draw.write_html`` (layout included) against pyvis
    ``Network()`` + ``from_nx`` + ``write_html`` with its defaults;
  * the first draw in headless chromium, with no network: from navigation to vis-network's
    first ``afterDrawing`` event (pyvis's default physics draws only once stabilised).
It prints a Markdown table with ratios (baseline / ours). Wall-clock figures vary by
machine; the ratios are what to compare. Run from the repository root:

    .venv/bin/python benchmarks/views_bench.py            # 100, 1000, 5000 nodes
    .venv/bin/python benchmarks/views_bench.py --quick    # 100 nodes, a smoke run
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
from chromium import CHROMIUM, Browser
from generator import view_network as synthetic

from nato_eu_graph.views.draw import MAX_NODES, write_html

# Records the first draw of pyvis's global `network`, whenever the page creates it.
HOOK_PYVIS = """
(function () {
  var held;
  Object.defineProperty(window, 'network', {
    configurable: true,
    get: function () { return held; },
    set: function (v) {
      held = v;
      if (v && v.once) v.once('afterDrawing', function () {
        window.__negFirstDraw = performance.now();
      });
    }
  });
})();
"""


def timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@contextlib.contextmanager
def cwd(folder: Path) -> Iterator[None]:
    """pyvis writes its lib/ folder into the working directory."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def write_ours(graph: nx.MultiDiGraph, path: Path) -> None:
    write_html(graph, path, heading=f"{graph.number_of_nodes()} nodes", max_nodes=MAX_NODES)


def write_pyvis(graph: nx.MultiDiGraph, path: Path) -> None:
    from pyvis.network import Network

    simple = nx.DiGraph()
    simple.add_nodes_from((n, {"label": d["label"]}) for n, d in graph.nodes(data=True))
    simple.add_edges_from(graph.edges())
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(simple)
    with cwd(path.parent):
        net.write_html(path.name)


def first_draw(path: Path, timeout: float) -> float | None:
    """Seconds from navigation to the first drawing; None past ``timeout``.

    A fresh browser each time: pyvis's physics holds the page's main thread, so the
    DevTools answer waits for it, and a page that overran must not slow the next one.
    """
    browser = Browser()
    try:
        browser.page("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK_PYVIS})
        start = time.perf_counter()
        browser.page("Page.navigate", {"url": path.resolve().as_uri()})
        deadline = start + timeout
        while (left := deadline - time.perf_counter()) > 0:
            browser.ws.sock.settimeout(left)
            try:
                if browser.evaluate("window.__negFirstDraw !== undefined"):
                    return time.perf_counter() - start
            except (TimeoutError, RuntimeError):
                return None
            time.sleep(0.02)
        return None
    finally:
        browser.close()


def run(sizes: list[int], timeout: float) -> list[dict[str, Any]]:
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="neg-bench-"))
    # Warm up: imports and the inlined assets are loaded once, outside the timings.
    write_ours(synthetic(10), folder / "warm-ours.html")
    write_pyvis(synthetic(10), folder / "warm-pyvis.html")
    for n in sizes:
        graph = synthetic(n)
        ours, base = folder / f"ours-{n}.html", folder / f"pyvis-{n}.html"
        row: dict[str, Any] = {
            "nodes": n,
            "edges": graph.number_of_edges(),
            "write_ours": timed(lambda g=graph, p=ours: write_ours(g, p)),
            "write_pyvis": timed(lambda g=graph, p=base: write_pyvis(g, p)),
            "size_ours": ours.stat().st_size,
        }
        if CHROMIUM.exists():
            row["draw_ours"] = first_draw(ours, timeout)
            row["draw_pyvis"] = first_draw(base, timeout)
        rows.append(row)
    return rows


def seconds(value: float | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if value is None else f"{value:.2f} s"


def ratio(base: float | None, ours: float | None, timeout: float) -> str:
    if ours is None:
        return "n/a"
    if base is None:
        return f"> {timeout / ours:.0f}x"
    return f"{base / ours:.1f}x"


def table(rows: list[dict[str, Any]], timeout: float) -> str:
    lines = [
        "| nodes | edges | write: ours | write: pyvis | ratio | first draw: ours "
        "| first draw: pyvis | ratio | our file |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        draw_ours, draw_base = r.get("draw_ours"), r.get("draw_pyvis")
        drawn = "draw_ours" in r
        lines.append(
            f"| {r['nodes']:,} | {r['edges']:,} | {r['write_ours']:.2f} s "
            f"| {r['write_pyvis']:.2f} s | {r['write_pyvis'] / r['write_ours']:.1f}x "
            f"| {seconds(draw_ours, timeout) if drawn else 'no chromium'} "
            f"| {seconds(draw_base, timeout) if drawn else 'no chromium'} "
            f"| {ratio(draw_base, draw_ours, timeout) if drawn else '-'} "
            f"| {r['size_ours'] / 1e6:.1f} MB |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 nodes only, a smoke run")
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="give up on a first draw after this"
    )
    args = parser.parse_args()
    sizes = [100] if args.quick else [100, 1000, 5000]
    print(table(run(sizes, args.timeout), args.timeout))


if __name__ == "__main__":
    main()
