"""Who may use a store at the same time (readers share it, a writer has it alone), and
what a write leaves on disk."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from nato_eu_graph.errors import StoreError
from nato_eu_graph.store.embedded import EmbeddedStore

from .conftest import REPO, cli_path, run_cli

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


def test_a_writer_holds_off_readers(store_copy: Path) -> None:
    writer = EmbeddedStore.open(store_copy)
    try:
        proc = run_cli(*COMMON, "--store", str(store_copy))
    finally:
        writer.close()
    assert proc.returncode == 1 and "in use by another process" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert run_cli(*COMMON, "--store", str(store_copy)).returncode == 0


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
