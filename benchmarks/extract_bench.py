"""``extract`` in batches against one run per release, in one run.

It makes N releases (the evaluation set's releases, copied under new names until there
are N), builds a store, then times
  * one batch: ``nato-eu-graph extract FOLDER -o DRAFTS`` (the graph's names read once);
  * N single runs: ``nato-eu-graph extract RELEASE -o DRAFT``, one process each (what a
    curator's shell loop does);
and prints a Markdown table: seconds, seconds per release and the ratio single/batch
(target: at least 5). It runs the installed ``nato-eu-graph`` command alone, no test
extras. Run from the repository root:

    .venv/bin/python benchmarks/extract_bench.py            # 100 releases
    .venv/bin/python benchmarks/extract_bench.py --quick    # 10 releases, a smoke run
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO / "tests" / "extract_eval"
CLI = [sys.executable, "-m", "nato_eu_graph"]


def releases(folder: Path, n: int) -> list[Path]:
    """N release files in ``folder``, copied from the evaluation set in turn."""
    sources = sorted(p for p in EVAL.iterdir() if p.suffix in (".txt", ".html"))
    out = []
    for k in range(n):
        src = sources[k % len(sources)]
        dst = folder / f"{k:03d}-{src.name}"
        shutil.copyfile(src, dst)
        out.append(dst)
    return out


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=REPO)
    return time.perf_counter() - start


def run(n: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        store = root / "store"
        subprocess.run([*CLI, "build", "--store", str(store)], check=True, capture_output=True)
        inbox = root / "in"
        inbox.mkdir()
        files = releases(inbox, n)
        batch = timed(
            [*CLI, "extract", str(inbox), "-o", str(root / "batch"), "--store", str(store)]
        )
        drafted = len(list((root / "batch").glob("*.yaml")))
        singles_dir = root / "single"
        singles_dir.mkdir()
        single = 0.0
        for f in files:
            out = singles_dir / f"{f.stem}.yaml"
            single += timed([*CLI, "extract", str(f), "-o", str(out), "--store", str(store)])
        if drafted != n or len(list(singles_dir.glob("*.yaml"))) != n:
            raise SystemExit(f"expected {n} drafts each way, got {drafted} in the batch")
    ratio = single / batch if batch else float("inf")
    return [
        "| releases | batch s | s per release (batch) | single runs s | s per release (single) "
        "| single / batch | target |",
        "|---:|---:|---:|---:|---:|---:|---|",
        f"| {n} | {batch:.1f} | {batch / n:.3f} | {single:.1f} | {single / n:.3f} | "
        f"{ratio:.1f}× | ≥ 5× {'met' if ratio >= 5 else 'NOT met'} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10 releases, a smoke run")
    parser.add_argument("-n", type=int, default=None, help="how many releases (default 100)")
    args = parser.parse_args()
    n = args.n or (10 if args.quick else 100)
    print("\n".join(run(n)))


if __name__ == "__main__":
    main()
