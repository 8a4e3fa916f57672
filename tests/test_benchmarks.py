"""The benchmarks keep working: the quick run completes, the generator conforms.

No test here looks at a time: figures depend on the machine, only that they are
produced (and that the generated data is valid and reproducible) is checked.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import generator  # noqa: E402


@pytest.mark.slow
def test_quick_run_prints_ratio_rows() -> None:
    """`run.py --quick` exits 0 and prints a Markdown table whose rows carry ratios."""
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,  # a hang guard, not a performance check
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "| what | size | ours | baseline | ratio | target | holds |" in done.stdout
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")][1:]
    ratios = [r for r in rows if re.search(r"\d× (faster|slower|of floor|the)", r)]
    assert len(ratios) >= 10, done.stdout
    for topic in ("bulk_load", "rdflib", "issue 5", "issue 4", "peak RSS", "views"):
        assert any(topic in r for r in rows), f"no row about {topic}"


def test_generator_is_reproducible_and_prefix_stable(tmp_path: Path) -> None:
    a = generator.write(6000, tmp_path / "a", seed=3)
    b = generator.write(6000, tmp_path / "b", seed=3)
    big = generator.write(12000, tmp_path / "c", seed=3)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert big[1].read_bytes().startswith(a[1].read_bytes())
    assert generator.factsheet(200, seed=3) == generator.factsheet(200, seed=3)


@pytest.mark.slow
def test_generated_data_conforms_to_the_shapes(tmp_path: Path) -> None:
    import rdflib

    from nato_eu_graph.ingest.validate import check

    graph = rdflib.Graph()
    for path in generator.write(10_000, tmp_path, seed=1):
        graph.parse(path, format="nt")
    assert len(graph) >= 10_000
    assert check(graph) == []


def test_sizes_read_as_the_help_says() -> None:
    """As --help says (10k, 100k, 1m or a number of triples), a bare number is that many
    triples: it was read as millions, and --size 10000000 set out to write ten trillion."""
    assert [generator.size_of(s) for s in ("10k", "1m", "2.5m", "10000000", "750")] == [
        10_000,
        1_000_000,
        2_500_000,
        10_000_000,
        750,
    ]


@pytest.mark.slow
def test_site_benchmark_prints_its_rows() -> None:
    """`site_bench.py --quick` exits 0 and prints the curated row with its file count and
    ratios, on the disk and, where Linux has one, on a RAM file system."""
    done = subprocess.run(
        [sys.executable, "site_bench.py", "--quick"],
        cwd=REPO / "benchmarks",
        capture_output=True,
        text=True,
        timeout=600,  # a hang guard, not a performance check
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    rows = [line.split(" | ") for line in done.stdout.splitlines() if line.startswith("| curated")]
    systems = [r[1] for r in rows]
    ram = Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK)
    assert systems == (["disk", "RAM"] if ram else ["disk"]), done.stdout
    for row in rows:
        assert int(row[4]) > 2000  # files: a page, Turtle and JSON-LD per thing
        assert re.fullmatch(r"\d+\.\d×", row[8]) and re.fullmatch(r"\d+\.\d×", row[11])
