"""The static site at two sizes, against exporting the same store as Turtle; and the
timeline's first draw in headless chromium with 1,000 and 5,000 items.

  * ``site -o DIR`` (the library's ``write_site``, views left out) on the curated store and
    on the curated store plus 100k synthetic triples (benchmarks/generator.py): pages,
    files, MB, seconds, and the ratio to ``export --format turtle`` of the same store
    (target: within 10×);
  * a timeline page of N synthetic items opened in chromium with no network: from
    navigation to the first drawn items (``.vis-item`` in the page).

Wall-clock figures vary by machine; the ratios are what to compare. From the repository
root:

    .venv/bin/python benchmarks/site_bench.py            # curated and 100k; 1,000 and 5,000 items
    .venv/bin/python benchmarks/site_bench.py --quick    # curated; 1,000 items
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import generator
from chromium import CHROMIUM, Browser

from nato_eu_graph.ingest.build import SourceFile, build, curated_files
from nato_eu_graph.ingest.export import export
from nato_eu_graph.site.html import json_for_script, page
from nato_eu_graph.site.timeline import _asset
from nato_eu_graph.site.write import write_site
from nato_eu_graph.store.embedded import EmbeddedStore


def store_of(root: Path, synthetic: int) -> EmbeddedStore:
    files = list(curated_files())
    if synthetic:
        for p in generator.write(synthetic, root / "gen", 1):
            files.append(SourceFile("curated", f"benchmarks/{p.name}", p))
    store = EmbeddedStore.open(root / "store", create=True)
    build(store, validate=False, files=files)
    store.flush()
    return store


RUNS = 3  # runs of each side; the medians are compared
RAM = Path("/dev/shm")  # a RAM file system on Linux: what the site costs without the disk


def site_rows(label: str, synthetic: int, where: str | None) -> list[str]:
    """The site against the export, written where asked and, when there is one, on a RAM
    file system: the disk's cost of creating files differs by more than ten times from
    machine to machine and from run to run, and the bare loop beside each row shows it."""
    with tempfile.TemporaryDirectory(dir=where) as tmp:
        root = Path(tmp)
        store = store_of(root, synthetic)
        rows = [site_row(label, synthetic, store, root, "disk")]
        if RAM.is_dir() and os.access(RAM, os.W_OK):
            with tempfile.TemporaryDirectory(dir=RAM) as ram:
                rows.append(site_row(label, synthetic, store, Path(ram), "RAM"))
        store.close()
    return rows


def site_row(label: str, synthetic: int, store: EmbeddedStore, out: Path, fs: str) -> str:
    # Each side the median of three runs, taken in turn: one run of either can be slowed
    # several times over by the file system or another process.
    turtles, sites = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        (out / "graph.ttl").write_bytes(export(store, fmt="turtle"))
        turtles.append(time.perf_counter() - start)
        start = time.perf_counter()
        written = write_site(store, out / "site", views=False)
        sites.append(time.perf_counter() - start)
    shutil.rmtree(out / "site")
    bare = statistics.median(
        bare_files(out / "bare", written.files, written.bytes) for _ in range(RUNS)
    )
    turtle, seconds = statistics.median(turtles), statistics.median(sites)
    ratio = seconds / turtle if turtle else float("inf")
    verdict = "met" if ratio <= 10 else "NOT met"
    return (
        f"| {label} | {fs} | {store_triples_note(synthetic)} | {written.pages} | "
        f"{written.files} | {written.bytes / 1e6:.1f} | {seconds:.2f} | {turtle:.2f} | "
        f"{ratio:.1f}× | ≤ 10× {verdict} | {bare:.2f} | {bare / turtle:.1f}× | "
        f"{seconds / bare:.1f}× |"
    )


def bare_files(folder: Path, count: int, size: int) -> float:
    """Seconds to write ``count`` files of ``size`` bytes in all, 40 to a folder, in a bare
    loop: what the file system alone asks of a site of that many files."""
    chunk = b"x" * (size // max(count, 1))
    start = time.perf_counter()
    for i in range(count):
        sub = folder / str(i // 40)
        if i % 40 == 0:
            sub.mkdir(parents=True)
        (sub / f"{i}.html").write_bytes(chunk)
    seconds = time.perf_counter() - start
    shutil.rmtree(folder)
    return seconds


def store_triples_note(synthetic: int) -> str:
    return f"curated + {synthetic:,}" if synthetic else "curated"


def timeline_html(n: int) -> str:
    start = date(1999, 1, 1)
    items = [
        {
            "id": f"i{k}",
            "group": f"g{k % 20}",
            "content": f"item {k}",
            "title": f"item {k}",
            "text": f"item {k}",
            "start": (start + timedelta(days=k * 3)).isoformat(),
            "type": "point",
            "href": "",
        }
        for k in range(n)
    ]
    groups = [{"id": f"g{k}", "content": f"group {k}", "kind": "series"} for k in range(20)]
    body = (
        '<div id="filters"></div><input type="date" id="day"><span id="held"></span>'
        '<div id="timeline"></div><ul id="on-day"></ul>'
    )
    data = json_for_script(json.dumps({"items": items, "groups": groups}))
    return page(
        "timeline.html",
        "Timeline",
        body,
        scripts=(_asset("vis-timeline-graph2d.min.js"), _asset("timeline.js")),
        styles=(_asset("vis-timeline-graph2d.min.css"),),
        data=data,
    )


def first_draw(browser: Browser, n: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "timeline.html"
        path.write_text(timeline_html(n), encoding="utf-8")
        start = time.perf_counter()
        browser.open(path)
        browser.wait_for("document.querySelectorAll('.vis-item').length > 0", timeout=120)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="curated only; 1,000 items")
    parser.add_argument(
        "--dir", help="where to write the store and site (default: the temporary folder)"
    )
    args = parser.parse_args()
    print(
        "| store | file system | triples | pages | files | MB | site s | export turtle s "
        "| site / export | target | same files, bare loop s | bare loop / export "
        "| site / bare loop |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|")
    print("\n".join(site_rows("curated", 0, args.dir)))
    if not args.quick:
        print("\n".join(site_rows("100k", 100_000, args.dir)))
    if not CHROMIUM.exists():
        print("\n(no chromium: the timeline rows need Debian's chromium)")
        return
    print("\n| timeline items | first draw s |\n|---:|---:|")
    browser = Browser()
    try:
        for n in (1000,) if args.quick else (1000, 5000):
            print(f"| {n:,} | {first_draw(browser, n):.2f} |")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
