"""Benchmarks at scale: load, query, start-up, loading facts, views and memory.

Every row compares a figure for nato-eu-graph with a baseline measured in the same run
and states the ratio, the target and whether it holds. Heavy steps run as child
processes (this file with ``--child``), so each one's peak memory is its own and a slow
baseline can be stopped at a timeout and reported as "> N s". Run from anywhere:

    .venv/bin/python benchmarks/run.py --quick                  # smallest size, < 2 min
    .venv/bin/python benchmarks/run.py --sizes 10k,100k,1m --output out/benchmarks.md
    .venv/bin/python benchmarks/run.py --only startup           # the issue 5 rows, < 1 min
    .venv/bin/python benchmarks/run.py --only factload --sizes 1m  # the issue 4 row

The package is byte-compiled first, as ``pip install`` does: a checkout run with
PYTHONDONTWRITEBYTECODE would otherwise compile every module of ours at each start-up
while the libraries it is compared with start from their compiled files.

Tests never look at the figures; tests/test_benchmarks.py only checks that this runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "benchmarks")]

import generator  # noqa: E402

SEED = 1
RDFLIB_MAX = 1_000_000  # triples: rdflib baselines (and the SHACL build) above this need tens of GB
DAY = "2015-06-01"  # for as-of queries on synthetic things
CURATED_QUERY = ["common-members", "-p", "date=2021-11-16", "--format", "json"]
NAME_QUERY = ["members-on-date", "-p", "org=NATO", "-p", "date=2021-11-16", "--format", "json"]
# As-of queries whose answer does not grow with the data: their time should stay flat.
FLAT = {"common-members", "members-on-date", "states-in-one-only", "post-holder-on-date"}
FLAT |= {"domains-on-date", "syn:members-on-date", "syn:post-holder-on-date"}
# Catalogue queries on cluster 0 of the synthetic data, present at every size.
SYNTHETIC = [
    ("syn:members-on-date", "members-on-date", {"org": "id:organisation/syn-o0", "date": DAY}),
    ("syn:post-holder-on-date", "post-holder-on-date", {"post": "id:post/syn-o0-b0-0", "date": DAY}),  # noqa: E501
    ("syn:series-meetings", "series-meetings", {"series": "id:meeting-series/syn-o0-s0"}),
    ("syn:meeting-participants", "meeting-participants", {"meeting": "id:meeting/syn-o0-s0-m3"}),
    ("syn:bodies-under", "bodies-under", {"org": "id:organisation/syn-o0"}),
    ("syn:person-posts", "person-posts", {"person": "id:person/syn-o0-h0"}),
]  # fmt: skip


@dataclass
class Row:
    what: str
    size: str
    ours: str
    base: str
    ratio: str
    target: str = "—"
    holds: str = "—"


@dataclass
class Child:
    seconds: float
    rss_mb: float
    lines: list[dict[str, Any]]
    timed_out: bool
    code: int
    stderr: str

    @property
    def ok(self) -> bool:
        return not self.timed_out and self.code == 0

    def get(self, key: str) -> Any:
        return next((d[key] for d in reversed(self.lines) if key in d), None)


@dataclass
class Settings:
    sizes: list[str]
    quick: bool
    tmp: Path
    only: str | None = None
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def timeout(self, full: float, quick: float) -> float:
        return quick if self.quick else full


# ---------------------------------------------------------------------------- processes


def run_child(cmd: list[str], timeout: float, cwd: Path | None = None) -> Child:
    """Run ``cmd``; wall time, its own peak RSS (wait4), JSON lines from its stdout."""
    env = {k: v for k, v in os.environ.items() if k != "NATO_EU_GRAPH_ENDPOINT"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, env=env)
        waited: list[tuple[int, Any]] = []
        thread = threading.Thread(target=lambda: waited.append(os.wait4(proc.pid, 0)[1:]))
        thread.start()
        thread.join(timeout)
        timed_out = thread.is_alive()
        if timed_out:
            proc.kill()
            thread.join()
        seconds = time.perf_counter() - start
        status, usage = waited[0]
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4 already
        out.seek(0)
        err.seek(0)
        lines = [json.loads(x) for x in out.read().decode().splitlines() if x.startswith("{")]
        return Child(
            seconds,
            usage.ru_maxrss / 1024,
            lines,
            timed_out,
            proc.returncode,
            err.read().decode(errors="replace")[-2000:],
        )


def child(task: str, args: dict[str, Any], timeout: float) -> Child:
    return run_child(child_cmd(task, args), timeout)


def child_cmd(task: str, args: dict[str, Any]) -> list[str]:
    return [sys.executable, __file__, "--child", task, json.dumps(args)]


def run_items(
    task: str, args: dict[str, Any], items: list[list[Any]], per_item: float, startup: float
) -> list[dict[str, Any]]:
    """Run a child that prints one JSON line per item (a native call that SIGALRM cannot
    interrupt). An item that overruns ``per_item`` is recorded with ``seconds: None`` and
    the child is restarted on the items after it."""
    done: list[dict[str, Any]] = []
    remaining = list(items)
    while remaining:
        with subprocess.Popen(
            child_cmd(task, {**args, "queries": remaining}),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        ) as proc:
            lines: queue.Queue[str | None] = queue.Queue()
            threading.Thread(target=read_lines, args=(proc, lines), daemon=True).start()
            got = collect_items(lines, len(remaining), per_item, startup)
            done += got
            if len(got) < len(remaining):
                proc.kill()
                done.append({"label": remaining[len(got)][0], "seconds": None, "rows": None})
            remaining = remaining[len(got) + 1 :]
    return done


def read_lines(proc: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.put(line)
    lines.put(None)


def collect_items(
    lines: queue.Queue[str | None], wanted: int, per_item: float, startup: float
) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = []
    wait = per_item + startup
    while len(got) < wanted:
        try:
            line = lines.get(timeout=wait)
        except queue.Empty:
            return got
        if line is None:
            raise RuntimeError(f"the {wanted - len(got)} items left ended the child early")
        if line.startswith("{"):
            got.append(json.loads(line))
        wait = per_item
    return got


def cli() -> list[str]:
    script = Path(sys.executable).parent / "nato-eu-graph"
    return [str(script)] if script.exists() else [sys.executable, "-m", "nato_eu_graph"]


def emit(**data: Any) -> None:
    print(json.dumps(data), flush=True)


class Timeout(Exception):
    pass


def alarm(seconds: float) -> None:
    """Interrupt pure-Python work (rdflib) after ``seconds``; 0 cancels."""

    def raise_timeout(signum: int, frame: Any) -> None:
        raise Timeout

    signal.signal(signal.SIGALRM, raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)


# ---------------------------------------------------------------------------- child tasks


def task_build(args: dict[str, Any]) -> None:
    """Our build path (`nato-eu-graph build`'s code) with the given files as data."""
    from nato_eu_graph.ingest.build import SourceFile, build
    from nato_eu_graph.store.embedded import EmbeddedStore

    files = [SourceFile(kind, rel, Path(p)) for kind, rel, p in args["files"]]
    store = EmbeddedStore.open(args["store"], create=True)
    start = time.perf_counter()
    report = build(store, validate=args["validate"], files=files)
    store.flush()
    emit(seconds=time.perf_counter() - start, triples=sum(f.triples for f in report.files))


def task_bulk(args: dict[str, Any]) -> None:
    """pyoxigraph's own bulk loader, one named graph per file: the floor."""
    import pyoxigraph as ox

    store = ox.Store(args["store"])
    start = time.perf_counter()
    for _, rel, path in args["files"]:
        graph = ox.NamedNode("https://w3id.org/nato-eu-graph/graph/" + rel)
        store.bulk_load(path=path, to_graph=graph)
    store.flush()
    emit(seconds=time.perf_counter() - start, triples=len(store))


def task_bind(args: dict[str, Any]) -> None:
    """Each competency query with its parameters bound, as both engines will run it."""
    from nato_eu_graph.ingest.resolve import Resolver
    from nato_eu_graph.query import catalog
    from nato_eu_graph.query.execute import bind, inject_values
    from nato_eu_graph.store.embedded import EmbeddedStore

    store = EmbeddedStore.open(args["store"])
    resolver = Resolver.from_store(store)
    for label, name, params in args["queries"]:
        query = catalog.get(name)
        emit(label=label, text=inject_values(query.text, bind(query, params, lambda: resolver)))


def task_oxq(args: dict[str, Any]) -> None:
    """The bound queries through our library, on the built store."""
    from nato_eu_graph.query.execute import run
    from nato_eu_graph.store.embedded import EmbeddedStore

    store = EmbeddedStore.open(args["store"])
    for label, text in args["queries"]:
        seconds, rows = repeat(lambda t=text: len(run(store, t).rows))
        emit(label=label, seconds=seconds, rows=rows)


def task_rdfq(args: dict[str, Any]) -> None:
    """What a user of rdflib alone does: parse the same files, ask the same SPARQL."""
    import rdflib

    dataset = rdflib.Dataset(default_union=True)
    start = time.perf_counter()
    try:
        alarm(args["parse_timeout"])
        for _, rel, path in args["files"]:
            graph = dataset.graph(rdflib.URIRef("https://w3id.org/nato-eu-graph/graph/" + rel))
            graph.parse(path, format="nt" if path.endswith(".nt") else "turtle")
        alarm(0)
    except Timeout:
        emit(parse_seconds=None)
        return
    emit(parse_seconds=time.perf_counter() - start, triples=len(dataset))
    for label, text in args["queries"]:
        try:
            alarm(args["query_timeout"])
            seconds, rows = repeat(lambda t=text: len(list(dataset.query(t))))
            alarm(0)
            emit(label=label, seconds=seconds, rows=rows)
        except Timeout:
            emit(label=label, seconds=None, rows=None)


def repeat(action: Callable[[], int]) -> tuple[float, int]:
    """Median of three runs when one run is quick (< 1 s), else the one run."""
    times, result = [], 0
    for _ in range(3):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
        if times[0] >= 1.0:
            break
    return statistics.median(times), result


TASKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "build": task_build,
    "bulk": task_bulk,
    "bind": task_bind,
    "oxq": task_oxq,
    "rdfq": task_rdfq,
}


# ---------------------------------------------------------------------------- formatting


def secs(value: float | None, timeout: float = 0) -> str:
    if value is None:
        return f"> {timeout:.0f} s"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def rate(triples: int, seconds: float | None, timeout: float) -> str:
    if seconds is None:
        return f"< {triples / timeout:,.0f} triples/s"
    return f"{triples / seconds:,.0f} triples/s"


def faster(
    ours: float | None, base: float | None, t_ours: float, t_base: float | None = None
) -> tuple[str, float | None, str]:
    """base/ours as text, its value, and whether the value is a bound: ">" when the
    baseline timed out (we are at least this much faster), "<" when we timed out."""
    t_base = t_ours if t_base is None else t_base
    if ours is None and base is None:
        return "n/a (both timed out)", None, ""
    x, bound = (t_base if base is None else base) / (t_ours if ours is None else ours), ""
    if base is None:
        bound = ">"
    elif ours is None:
        bound = "<"
    text = f"{x:.1f}× faster" if x >= 1 else f"{1 / x:.1f}× slower"
    return (f"{bound} {text}" if bound else text), x, bound


def at_least(value: float | None, bound: str, target: float) -> str:
    """Does ``value`` (maybe a bound) meet ``value >= target``?"""
    if value is None:
        return "unknown"
    if value >= target:
        return "unknown (we timed out)" if bound == "<" else "yes"
    return "unknown (baseline timed out)" if bound == ">" else "**no**"


def verdict(value: float | None, ok: bool) -> str:
    if value is None:
        return "unknown"
    return "yes" if ok else "**no**"


def mb(value: float) -> str:
    return f"{value:,.0f} MB"


def table(rows: list[Row]) -> str:
    head = "| what | size | ours | baseline | ratio | target | holds |\n" + "|---" * 2 + "|---:" * 3
    head += "|---|---|"
    body = [
        f"| {r.what} | {r.size} | {r.ours} | {r.base} | {r.ratio} | {r.target} | {r.holds} |"
        for r in rows
    ]
    return "\n".join([head, *body])


# ---------------------------------------------------------------------------- data


def curated() -> list[list[str]]:
    from nato_eu_graph.ingest.build import curated_files

    return [[f.kind, f.relpath, str(f.path)] for f in curated_files()]


def synthetic_files(paths: list[Path]) -> list[list[str]]:
    # Kind "curated": the synthetic files are treated as data/ files, validation included.
    return [["curated", f"benchmarks/{p.name}", str(p)] for p in paths]


def generate(s: Settings, size: str) -> list[list[str]]:
    start = time.perf_counter()
    paths = generator.write(generator.size_of(size), s.tmp / size, SEED)
    n = sum(1 for p in paths for _ in p.open("rb"))
    s.notes.append(
        f"{size}: generated {n:,} synthetic triples in {time.perf_counter() - start:.1f} s "
        f"(N-Triples, seed {SEED})"
    )
    return curated() + synthetic_files(paths)


def failed(s: Settings, what: str, c: Child) -> bool:
    """Record a child that broke (not one that timed out); True when it broke."""
    if c.timed_out or c.code == 0:
        return False
    s.problems.append(f"{what} failed (exit {c.code}): {c.stderr.strip()[-600:]}")
    return True


# ---------------------------------------------------------------------------- measurements


@dataclass
class SizeResult:
    size: str
    triples: int = 0
    build: Child | None = None
    bulk: Child | None = None
    cli_query: Child | None = None
    rdf: Child | None = None
    ours_q: dict[str, dict[str, Any]] = field(default_factory=dict)
    base_q: dict[str, dict[str, Any]] = field(default_factory=dict)
    store: Path | None = None


def measure_load(s: Settings, size: str, files: list[list[str]], res: SizeResult) -> None:
    store = s.tmp / size / "store"
    res.store = store
    res.build = child(
        "build", {"store": str(store), "files": files, "validate": False}, s.timeout(1800, 120)
    )
    if failed(s, f"build {size}", res.build):
        return
    res.triples = res.build.get("triples") or 0
    bulk_store = s.tmp / size / "bulk"
    res.bulk = child("bulk", {"store": str(bulk_store), "files": files}, s.timeout(900, 60))
    failed(s, f"bulk load {size}", res.bulk)
    shutil.rmtree(bulk_store, ignore_errors=True)
    ours = res.build.get("seconds")
    floor = res.bulk.get("seconds")
    if ours and floor:
        ratio = floor / ours
        s.rows.append(
            Row(
                "build throughput (`build --skip-validation` path) vs pyoxigraph bulk_load",
                size,
                rate(res.triples, ours, 1),
                rate(res.triples, floor, 1),
                f"{ratio:.2f}× of floor",
                "≥ 0.5×",
                verdict(ratio, ratio >= 0.5),
            )
        )
    measure_validated_build(s, size, files, res)


def measure_validated_build(
    s: Settings, size: str, files: list[list[str]], res: SizeResult
) -> None:
    """`build` as curators run it, SHACL validation included, against the same floor."""
    if generator.size_of(size) > RDFLIB_MAX:
        return  # pyshacl works on an rdflib copy of the data: tens of GB at this size
    store = s.tmp / size / "validated"
    limit = s.timeout(180, 90)
    c = child("build", {"store": str(store), "files": files, "validate": True}, limit)
    shutil.rmtree(store, ignore_errors=True)
    if failed(s, f"validated build {size}", c) or res.bulk is None:
        return
    seconds = None if c.timed_out else c.get("seconds")
    floor = res.bulk.get("seconds") or 0.0
    ratio, bound = floor / (seconds or limit), "" if seconds else "< "
    holds = "**no**" if ratio < 0.5 else "unknown" if bound else "yes"
    s.rows.append(
        Row(
            "build throughput with SHACL validation (`build`) vs pyoxigraph bulk_load",
            size,
            rate(res.triples, seconds, limit),
            rate(res.triples, floor, 1),
            f"{bound}{ratio:.3f}× of floor",
            "≥ 0.5×",
            holds,
        )
    )
    if c.timed_out:
        s.notes.append(
            f"{size}: validated build stopped after {limit:.0f} s; peak RSS so far {mb(c.rss_mb)}"
        )


def measure_queries(s: Settings, size: str, files: list[list[str]], res: SizeResult) -> None:
    assert res.store is not None
    bound = child("bind", {"store": str(res.store), "queries": competency_queries()}, 600)
    if failed(s, f"binding the queries on {size}", bound):
        return
    texts = [[d["label"], d["text"]] for d in bound.lines if "text" in d]
    per_query = s.timeout(60, 10)
    found = run_items("oxq", {"store": str(res.store)}, texts, per_query, 60)
    res.ours_q = {d["label"]: d for d in found}
    res.cli_query = run_child([*cli(), "query", *CURATED_QUERY, "--store", str(res.store)], 600)
    failed(s, f"`query common-members` on {size}", res.cli_query)
    if generator.size_of(size) > RDFLIB_MAX:  # rdflib would need tens of GB: ours only
        for label, ours in sorted(res.ours_q.items()):
            s.rows.append(
                Row(
                    f"query `{label}` ({ours['rows']} rows), Oxigraph (rdflib not run)",
                    size,
                    secs(ours["seconds"], per_query),
                    "—",
                    "—",
                )
            )
        return
    parse_limit, rdflib_limit = s.timeout(900, 60), s.timeout(20, 10)
    args = {
        "files": files,
        "queries": texts,
        "parse_timeout": parse_limit,
        "query_timeout": rdflib_limit,
    }
    res.rdf = child("rdfq", args, parse_limit + rdflib_limit * len(texts) + 120)
    failed(s, f"rdflib queries {size}", res.rdf)
    res.base_q = {d["label"]: d for d in res.rdf.lines if "label" in d}
    rdflib_parse_row(s, size, res, parse_limit)
    query_rows(s, size, res, (per_query, rdflib_limit))
    name_resolution_row(s, size, res)


def competency_queries() -> list[list[Any]]:
    """Each catalogue query with its own example parameters (as the competency report runs
    them), then the catalogue queries on synthetic things."""
    from nato_eu_graph.query.catalog import catalogue

    queries = [q for q in catalogue().values() if q.kind == "query"]
    curated = [[q.name, q.name, dict(q.example)] for q in queries]
    return [*curated, *[[label, name, params] for label, name, params in SYNTHETIC]]


def rdflib_parse_row(s: Settings, size: str, res: SizeResult, limit: float) -> None:
    if res.rdf is None or res.build is None or not res.build.get("seconds"):
        return
    ours = res.build.get("seconds")
    base = res.rdf.get("parse_seconds")
    text, value, bound = faster(ours, base, limit)
    s.rows.append(
        Row(
            "build throughput (`build --skip-validation` path) vs rdflib parse into a Dataset",
            size,
            rate(res.triples, ours, 1),
            rate(res.triples, base, limit),
            text,
            "≥ 8× faster",
            at_least(value, bound, 8),
        )
    )


def query_rows(s: Settings, size: str, res: SizeResult, limits: tuple[float, float]) -> None:
    """One row per query and one for the total; ``limits``: (ours, rdflib) timeouts."""
    target = "≥ 10× faster" if size == "1m" else "—"
    sums = {"ours": 0.0, "base": 0.0}
    partial = {"ours": False, "base": False}
    for label, ours in res.ours_q.items():
        base = res.base_q.get(label, {"seconds": None, "rows": None})
        for side, value, limit in (
            ("ours", ours["seconds"], limits[0]),
            ("base", base["seconds"], limits[1]),
        ):
            sums[side] += limit if value is None else value
            partial[side] |= value is None
        s.rows.append(query_row(label, size, ours, base, limits, target))
    text, value, bound = faster(
        None if partial["ours"] else sums["ours"],
        None if partial["base"] else sums["base"],
        sums["ours"],
        sums["base"],
    )
    s.rows.append(
        Row(
            f"all {len(res.ours_q)} competency queries, total time",
            size,
            ("> " if partial["ours"] else "") + secs(sums["ours"]),
            ("> " if partial["base"] else "") + secs(sums["base"]),
            text,
            target,
            at_least(value, bound, 10) if target != "—" else "—",
        )
    )


def query_row(
    label: str,
    size: str,
    ours: dict[str, Any],
    base: dict[str, Any],
    limits: tuple[float, float],
    target: str,
) -> Row:
    text, value, bound = faster(ours["seconds"], base["seconds"], *limits)
    rows = next((n for n in (ours["rows"], base["rows"]) if n is not None), "?")
    note = ""
    if None not in (ours["rows"], base["rows"]) and ours["rows"] != base["rows"]:
        note = f" (**rows differ: {ours['rows']} vs {base['rows']}**)"
    return Row(
        f"query `{label}` ({rows} rows), Oxigraph vs rdflib in memory{note}",
        size,
        secs(ours["seconds"], limits[0]),
        secs(base["seconds"], limits[1]),
        text,
        target,
        at_least(value, bound, 10) if target != "—" else "—",
    )


def name_resolution_row(s: Settings, size: str, res: SizeResult) -> None:
    """A named query with a name parameter builds the resolver from every label."""
    assert res.store is not None
    ours = median_run([*cli(), "query", *NAME_QUERY, "--store", str(res.store)], 3)
    base = median_run([*cli(), "query", *NAME_QUERY, "--store", str(s.tmp / "curated")], 3)
    text, *_ = faster(ours, base, 600)
    s.rows.append(
        Row(
            "whole-process `query members-on-date -p org=NATO` (name resolved) vs the same "
            "on the curated store",
            size,
            secs(ours),
            secs(base),
            text,
            "— (none set; ideally flat)",
        )
    )


def median_run(cmd: list[str], n: int, timeout: float = 600) -> float | None:
    times = []
    for _ in range(n):
        c = run_child(cmd, timeout)
        if not c.ok:
            return None
        times.append(c.seconds)
    return statistics.median(times)


def paired_medians(ours: list[str], base: list[str], n: int) -> tuple[float | None, float | None]:
    """Median wall times of two commands run turn about (after one unmeasured warm-up
    each), so a slow spell of the machine weighs on both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for i in range(n + 1):
        for cmd, out in ((ours, times[0]), (base, times[1])):
            c = run_child(cmd, 600)
            if not c.ok:
                return None, None
            if i:
                out.append(c.seconds)
    return statistics.median(times[0]), statistics.median(times[1])


def growth_rows(s: Settings, results: list[SizeResult]) -> None:
    small, large = results[0], results[-1]
    limit = s.timeout(60, 10)  # the Oxigraph per-query timeout
    for label, big in large.ours_q.items():
        little = small.ours_q.get(label, {}).get("seconds")
        if not little:
            continue
        flat = label in FLAT
        grown = (big["seconds"] or limit) / little
        mark = "" if big["seconds"] else "> "
        b_small = small.base_q.get(label, {}).get("seconds")
        b_large = large.base_q.get(label, {}).get("seconds")
        s.rows.append(
            Row(
                f"growth of `{label}` time "
                + ("(as-of, answer size fixed)" if flat else "(answer may grow)"),
                f"{small.size}→{large.size}",
                f"{mark}×{grown:.1f}",
                f"×{b_large / b_small:.1f}" if b_small and b_large else "n/a (timed out)",
                "—",
                "flat (≤ 2×)" if flat else "—",
                verdict(grown, grown <= 2) if flat else "—",
            )
        )


def memory_rows(s: Settings, res: SizeResult) -> None:
    if res.build and res.bulk and res.build.ok:
        s.rows.append(
            Row(
                "peak RSS of the build process vs pyoxigraph bulk_load process",
                res.size,
                mb(res.build.rss_mb),
                mb(res.bulk.rss_mb),
                f"{res.build.rss_mb / res.bulk.rss_mb:.1f}× the memory",
            )
        )
    if res.cli_query and res.cli_query.ok and res.rdf is None:
        s.rows.append(
            Row(
                "peak RSS of `query common-members` (whole process)",
                res.size,
                mb(res.cli_query.rss_mb),
                "—",
                "—",
                "< 1 GB",
                verdict(res.cli_query.rss_mb, res.cli_query.rss_mb < 1024),
            )
        )
    if res.cli_query and res.cli_query.ok and res.rdf:
        s.rows.append(
            Row(
                "peak RSS of `query common-members` (whole process) vs rdflib parse + query "
                "process",
                res.size,
                mb(res.cli_query.rss_mb),
                mb(res.rdf.rss_mb) + (" (stopped)" if res.rdf.timed_out else ""),
                f"{res.rdf.rss_mb / res.cli_query.rss_mb:.1f}× less",
                "< 1 GB",
                verdict(res.cli_query.rss_mb, res.cli_query.rss_mb < 1024),
            )
        )


# ---------------------------------------------------------------------------- once per run


def build_curated_stores(s: Settings) -> None:
    """The curated store (the real `build`, validated) and curated + synthetic common part."""
    c = run_child([*cli(), "build", "--store", str(s.tmp / "curated")], 300)
    failed(s, "nato-eu-graph build (curated)", c)
    common = generator.write(1, s.tmp / "common", SEED)[:1]
    files = curated() + synthetic_files(common)
    c = child(
        "build", {"store": str(s.tmp / "curated-common"), "files": files, "validate": False}, 300
    )
    failed(s, "build curated + common", c)


def startup_rows(s: Settings) -> None:
    n = 3 if s.quick else 11
    query_cmd = [*cli(), "query", *CURATED_QUERY, "--store", str(s.tmp / "curated")]
    ours, bare = paired_medians(query_cmd, [sys.executable, "-c", "import pyoxigraph"], n)
    if ours and bare:
        s.rows.append(
            Row(
                "whole-process `query common-members` start-up vs `python -c 'import pyoxigraph'`",
                "curated",
                secs(ours),
                secs(bare),
                f"{ours / bare:.1f}× the bare import",
                "— (none set)",
            )
        )
    script = s.tmp / "rdflib_only.py"
    script.write_text(RDFLIB_SCRIPT, encoding="utf-8")
    data = str(generator_data_dir())
    from nato_eu_graph.resources import queries_dir

    query = str(queries_dir() / "common-members.rq")
    ours, base = paired_medians(
        query_cmd, [sys.executable, str(script), data, query, "2021-11-16"], n
    )
    text, value, bound = faster(ours, base, 600)
    s.rows.append(
        Row(
            "issue 5: whole-process `query common-members -p date=2021-11-16 --format json` vs "
            "a script that parses data/ with rdflib and asks the same SPARQL",
            "curated",
            secs(ours),
            secs(base),
            text,
            "≥ 5× faster",
            at_least(value, bound, 5),
        )
    )


def generator_data_dir() -> Path:
    from nato_eu_graph.resources import data_dir

    return data_dir()


RDFLIB_SCRIPT = '''"""What a user of rdflib alone writes: parse data/, ask the query, print JSON."""
import json
import sys
from pathlib import Path

import rdflib

graph = rdflib.Graph()
for path in sorted(Path(sys.argv[1]).glob("*.ttl")):
    graph.parse(path, format="turtle")
date = rdflib.Literal(sys.argv[3], datatype=rdflib.XSD.date)
rows = graph.query(Path(sys.argv[2]).read_text(), initBindings={"date": date})
print(json.dumps([{str(k): str(v) for k, v in row.asdict().items()} for row in rows], indent=2))
'''


def fact_load_rows(s: Settings, res: SizeResult) -> None:
    """The same 1,000-fact sheet into the largest store and into the curated one."""
    if res.store is None or not res.store.exists():
        return
    sheet = s.tmp / "sheet.yaml"
    sheet.write_text(generator.factsheet(1000, SEED), encoding="utf-8")
    big = run_child(
        [*cli(), "load", str(sheet), "--store", str(res.store), "--by", "benchmark"], 900
    )
    small = run_child(
        [*cli(), "load", str(sheet), "--store", str(s.tmp / "curated-common"), "--by", "benchmark"],
        900,
    )
    if failed(s, f"load sheet into {res.size}", big) | failed(s, "load sheet into curated", small):
        return
    slower = big.seconds / small.seconds
    s.rows.append(
        Row(
            "issue 4: whole-process `load` of a 1,000-fact YAML sheet, into the big store vs "
            "into the curated store (+ the 700-triple synthetic common part it names)",
            f"{res.size} ({res.triples:,} triples)",
            secs(big.seconds),
            secs(small.seconds),
            f"{slower:.1f}× the curated time",
            "≤ 2×",
            verdict(slower, slower <= 2),
        )
    )


def views_rows(s: Settings) -> None:
    import views_bench

    sizes = [100] if s.quick else [100, 1000, 5000]
    limit = s.timeout(60, 30)
    before = tempfile.tempdir
    tempfile.tempdir = str(s.tmp)  # views_bench's own temporary folder goes with ours
    try:
        results = views_bench.run(sizes, limit)
    finally:
        tempfile.tempdir = before
    for r in results:
        size = f"{r['nodes']:,} nodes"
        text, *_ = faster(r["write_ours"], r["write_pyvis"], 0)
        s.rows.append(
            Row(
                "views: write the HTML file vs pyvis defaults",
                size,
                secs(r["write_ours"]),
                secs(r["write_pyvis"]),
                text,
            )
        )
        if "draw_ours" not in r:
            s.rows.append(
                Row(
                    "views: first draw in headless chromium",
                    size,
                    "skipped",
                    "skipped",
                    "no /usr/bin/chromium",
                )
            )
            continue
        text, *_ = faster(r["draw_ours"], r["draw_pyvis"], limit)
        ours = secs(r["draw_ours"], limit)
        s.rows.append(
            Row(
                "views: first draw in headless chromium vs pyvis defaults",
                size,
                ours,
                secs(r["draw_pyvis"], limit),
                text,
            )
        )


# ---------------------------------------------------------------------------- report


def proc_field(path: str, key: str) -> str:
    """The first ``key: value`` of a /proc file, or "unknown" off Linux."""
    if not Path(path).exists():
        return "unknown"
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    line = next((x for x in text.splitlines() if x.startswith(key)), "")
    return line.split(":", 1)[1].strip() if ":" in line else "unknown"


def machine() -> list[str]:
    cpu = proc_field("/proc/cpuinfo", "model name")
    kb = proc_field("/proc/meminfo", "MemTotal").split()[0]
    memory = f"{int(kb) / 1024 / 1024:.1f} GiB" if kb.isdigit() else "unknown"
    versions = ", ".join(
        f"{p} {version(p)}"
        for p in ("nato-eu-graph", "pyoxigraph", "rdflib", "pyshacl", "pyvis", "networkx")
    )
    return [
        f"- machine: {os.cpu_count()} CPUs (nproc), {memory} memory, CPU {cpu}, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; {versions}",
        f"- chromium: {'present' if Path('/usr/bin/chromium').exists() else 'absent'}",
    ]


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def report(s: Settings, command: str, elapsed: float) -> str:
    parts = [
        "## Results",
        "",
        f"Command: `{command}` ({elapsed / 60:.1f} min)",
        "",
        *machine(),
        "",
        table(s.rows),
        "",
        *[f"- {n}" for n in s.notes],
    ]
    if s.problems:
        parts += ["", "### Failures", "", *[f"- {p}" for p in s.problems]]
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------------------- main


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="the smallest size only (< 2 min)")
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k,100k,1m")
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    parser.add_argument(
        "--only",
        choices=["startup", "factload"],
        help="only the start-up rows (issue 5), or only the fact-sheet load row (issue 4, "
        "on the largest of --sizes)",
    )
    parser.add_argument("--child", nargs=2, metavar=("TASK", "JSON"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def sizes_of(text: str, quick: bool) -> list[str]:
    sizes = sorted((x.strip().lower() for x in text.split(",") if x.strip()), key=generator.size_of)
    return sizes[:1] if quick else sizes


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.child:
        TASKS[args.child[0]](json.loads(args.child[1]))
        return 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="neg-bench-") as tmp:
        s = Settings(sizes_of(args.sizes, args.quick), args.quick, Path(tmp), args.only)
        precompile()
        step(s, "all", run_all, s)  # whatever breaks, the rows measured so far are printed
    command = "python benchmarks/run.py " + " ".join(sys.argv[1:] if argv is None else argv)
    text = report(s, command.strip(), time.perf_counter() - started)
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    return 1 if s.problems else 0


def precompile() -> None:
    """Byte-compile our package (pip does it at install; an editable checkout may not)."""
    import compileall

    import nato_eu_graph

    compileall.compile_dir(Path(nato_eu_graph.__file__).parent, quiet=1)


def run_all(s: Settings) -> None:
    step(s, "curated stores", build_curated_stores, s)
    if s.only == "factload":
        res = SizeResult(s.sizes[-1])
        step(s, f"load {res.size}", measure_load, s, res.size, generate(s, res.size), res)
        step(s, "fact sheet", fact_load_rows, s, res)
        return
    step(s, "start-up", startup_rows, s)
    if s.only == "startup":
        return
    results = []
    for size in s.sizes:
        res = SizeResult(size)
        files = generate(s, size)
        step(s, f"load {size}", measure_load, s, size, files, res)
        step(s, f"queries {size}", measure_queries, s, size, files, res)
        results.append(res)
        if size != s.sizes[-1] and res.store:
            shutil.rmtree(res.store, ignore_errors=True)  # disk: keep only the largest
    if len(results) > 1:
        step(s, "growth", growth_rows, s, results)
    step(s, "memory", memory_rows, s, results[-1])
    step(s, "fact sheet", fact_load_rows, s, results[-1])
    step(s, "views", views_rows, s)


def step(s: Settings, name: str, action: Callable[..., None], *args: Any) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {name}", file=sys.stderr, flush=True)
    try:
        action(*args)
    except Exception as exc:  # one broken step must not hide the others' figures
        s.problems.append(f"{name}: {type(exc).__name__}: {exc}")


if __name__ == "__main__":
    sys.exit(main())
