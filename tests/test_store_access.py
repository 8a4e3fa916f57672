"""Who may use a store at the same time (readers share it, a writer has it alone), and
what a write leaves on disk."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from nato_eu_graph.errors import StoreError
from nato_eu_graph.store.embedded import EmbeddedStore
from nato_eu_graph.store.pause import ENV_PAUSE

from .conftest import REPO, cli_path, run_cli
from .test_load import big_ntriples

SHEET = str(REPO / "tests" / "fixtures" / "load" / "meeting.yaml")
COMMON = ("query", "common-members", "--as-of", "2021-11-16", "--format", "json")


def snapshot(store: Path) -> dict[str, tuple[int, int]]:
    """Every file of the store with its size and modification time."""
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in store.iterdir()}


def test_readers_in_two_processes_share_the_store(store_copy: Path) -> None:
    reader = EmbeddedStore.open(store_copy, read_only=True)
    try:
        proc = run_cli(*COMMON, "--store", str(store_copy))
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.count('"name"') == 21
        assert len(reader) > 0
    finally:
        reader.close()


def test_a_reader_holds_off_a_writer_until_it_closes(store_copy: Path) -> None:
    reader = EmbeddedStore.open(store_copy, read_only=True)
    try:
        refused = run_cli("load", SHEET, "--wait", "0", "--store", str(store_copy))
        assert refused.returncode == 1 and "in use by another process" in refused.stderr
        assert "Traceback" not in refused.stderr
        waiting = subprocess.Popen(
            [cli_path(), "load", SHEET, "--wait", "60", "--store", str(store_copy)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(1.0)
        assert waiting.poll() is None, "the writer did not wait for the reader"
    finally:
        reader.close()
    out, err = waiting.communicate(timeout=90)
    assert waiting.returncode == 0, err
    assert "added" in out


def test_a_reader_beside_a_writer_reads_the_state_before_it(store_copy: Path) -> None:
    count = ("query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    before = run_cli(*count, "--store", str(store_copy), check=True).stdout
    writer = EmbeddedStore.open(store_copy)
    try:
        writer.update("INSERT DATA { GRAPH <urn:t:g> { <urn:t:a> <urn:t:b> <urn:t:c> } }")
        during = run_cli(*count, "--store", str(store_copy))
        common = run_cli(*COMMON, "--store", str(store_copy))
    finally:
        writer.close()
    assert during.returncode == 0 and "Traceback" not in during.stderr, during.stderr
    assert during.stdout == before  # the writer's snapshot: its write not yet seen
    assert common.returncode == 0 and common.stdout.count('"name"') == 21
    after = run_cli(*count, "--store", str(store_copy), check=True).stdout
    assert int(after.split()[1]) == int(before.split()[1]) + 1
    # the snapshot is gone with the writer
    assert not list(store_copy.parent.glob(f".{store_copy.name}.read-*"))


@pytest.mark.slow
def test_fifty_queries_beside_a_300k_load_answer_before_or_after(
    store_copy: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big.nt"
    big_ntriples(big, 300_000)
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

    def count() -> int:
        reader = EmbeddedStore.open(store_copy, read_only=True)
        try:
            return int(next(iter(reader.query(query)))["n"].value)
        finally:
            reader.close()

    before = count()
    held = tmp_path / "writer-held"
    load = subprocess.Popen(
        [cli_path(), "load", str(big), "--store", str(store_copy)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, ENV_PAUSE: f"writer-held:{held}"},
    )
    while not held.exists():  # the load has the store open for writing
        assert load.poll() is None, load.communicate()
        time.sleep(0.01)
    answers = [count() for _ in range(25)]  # all while the writer holds the store
    held.unlink()  # the load goes on: validation, the write, the flush
    answers += [count() for _ in range(25)]
    out, err = load.communicate(timeout=600)
    assert load.returncode == 0, err
    after = count()
    assert int(out.split()[1]) == 300_000  # "added 300000 triples from ..."
    assert after > before + 300_000  # the batch and its metadata
    assert answers[:25] == [before] * 25
    assert set(answers) <= {before, after}, sorted(set(answers))


def test_one_process_never_holds_a_store_both_ways(store_copy: Path) -> None:
    # POSIX locks are per process: mixing would merge (and later drop) RocksDB's lock.
    first = EmbeddedStore.open(store_copy, read_only=True)
    second = EmbeddedStore.open(store_copy, read_only=True)
    with pytest.raises(StoreError, match="open read-only"):
        EmbeddedStore.open(store_copy)
    first.close()
    with pytest.raises(StoreError, match="open read-only"):
        EmbeddedStore.open(store_copy)  # the second reader still holds it
    # ...and still holds the lock for the process: another process cannot write.
    refused = run_cli("load", SHEET, "--wait", "0", "--store", str(store_copy))
    assert refused.returncode == 1 and "in use" in refused.stderr
    second.close()
    writer = EmbeddedStore.open(store_copy)
    with pytest.raises(StoreError, match="open for writing"):
        EmbeddedStore.open(store_copy, read_only=True)
    writer.close()
    EmbeddedStore.open(store_copy, read_only=True).close()


def test_reading_commands_write_nothing_into_the_store(store_copy: Path, tmp_path: Path) -> None:
    before = snapshot(store_copy)
    for args in (
        COMMON,
        ("info",),
        ("batches",),
        ("export", "-o", str(tmp_path / "all.nq")),
        ("visualize", "--view", "membership-overlap", "-o", str(tmp_path / "v.html")),
    ):
        proc = run_cli(*args, "--store", str(store_copy))
        assert proc.returncode == 0, (args, proc.stderr)
    assert snapshot(store_copy) == before


def test_a_read_only_handle_refuses_writes_with_a_clear_error(store_copy: Path) -> None:
    reader = EmbeddedStore.open(store_copy, read_only=True)
    try:
        with pytest.raises(StoreError):
            reader.update("INSERT DATA { <urn:t:a> <urn:t:b> <urn:t:c> }")
    finally:
        reader.close()


def test_writes_are_in_the_table_files_when_the_command_returns(tmp_path: Path) -> None:
    # Left in RocksDB's write-ahead log, every read-only open would replay them. A copy
    # of the store without its log files shows what the table files hold.
    store = tmp_path / "store"
    run_cli("build", "--store", str(store), check=True)
    run_cli("load", SHEET, "--store", str(store), check=True)

    def quads(path: Path) -> int:
        reader = EmbeddedStore.open(path, read_only=True)
        try:
            return len(reader)
        finally:
            reader.close()

    copy = tmp_path / "copy"
    shutil.copytree(store, copy)
    for log in copy.glob("*.log"):
        log.unlink()
    assert quads(copy) == quads(store) > 2000
