"""Faults: SIGKILL during a build, a full disk under the store and under an output file,
an injected write error. Each leaves a store that opens and holds what it held before.
(SIGKILL during a load and two loads at once are in tests/test_load.py.)"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from nato_eu_graph.errors import GraphError, StoreError
from nato_eu_graph.files import write_bytes_atomic
from nato_eu_graph.ingest.load import load_files
from nato_eu_graph.store.embedded import FIRST_BUILD, EmbeddedStore
from nato_eu_graph.store.pause import POINTS

from ..conftest import cli_path, killed_at, run_cli
from ..test_load import big_ntriples
from .conftest import export, skip_or_fail_in_ci

MEETING = Path(__file__).parents[1] / "fixtures" / "load" / "meeting.yaml"
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}  # the same build time: identical exports


@pytest.mark.slow
@pytest.mark.parametrize("point", POINTS)
def test_sigkill_during_a_rebuild_leaves_the_store_as_it_was(tmp_path: Path, point: str) -> None:
    store = tmp_path / "store"
    run_cli("build", "--store", str(store), env=EPOCH, check=True)
    before = export(store)
    status = killed_at(point, tmp_path, "build", "--force", "--store", str(store), env=EPOCH)
    assert status == -signal.SIGKILL
    # All or nothing: a forced rebuild of the same files at the same time writes the same
    # quads, so any half-done state would show here.
    assert export(store) == before
    run_cli("build", "--force", "--store", str(store), env=EPOCH, check=True)
    assert export(store) == before


@pytest.mark.slow
@pytest.mark.parametrize("point", POINTS)
def test_sigkill_during_a_first_build_leaves_a_usable_store(tmp_path: Path, point: str) -> None:
    reference = tmp_path / "reference"
    run_cli("build", "--store", str(reference), env=EPOCH, check=True)
    store = tmp_path / "store"
    status = killed_at(point, tmp_path, "build", "--store", str(store), env=EPOCH)
    assert status == -signal.SIGKILL
    # A first build bulk-loads (no transaction): cut short, the store says so and is
    # never read in part; once the load is flushed it opens, complete.
    info = run_cli("info", "--store", str(store))
    if (store / FIRST_BUILD).exists():
        assert info.returncode == 1 and "Traceback" not in info.stderr
        assert "first build not finished (still running, or cut short)" in info.stderr
        assert "run `nato-eu-graph build` again" in info.stderr
        for args in (("query", "common-members"), ("load", str(MEETING))):
            refused = run_cli(*args, "--store", str(store))
            assert refused.returncode == 1 and "cut short" in refused.stderr, args
    else:
        assert info.returncode == 0, info.stderr
    run_cli("build", "--store", str(store), env=EPOCH, check=True)  # starts it over
    assert not (store / FIRST_BUILD).exists()
    assert export(store) == export(reference)


# ---------------------------------------------------------------------------- disk full


def can_mount_tmpfs() -> str:
    """Why a private tmpfs is impossible here, or "" when it works."""
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
        text=True,
        timeout=10,
    )
    return "" if probe.returncode == 0 else f"cannot mount a tmpfs: {probe.stderr.strip()}"


def on_small_disk(script: str, size: str, mount: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a private mount namespace with a tmpfs of ``size`` at ``mount``."""
    mount.mkdir()
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size={size} tmpfs {mount} && {script}"],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_a_full_disk_under_the_store_fails_cleanly_and_loses_nothing(
    store_copy: Path, tmp_path: Path
) -> None:
    why = can_mount_tmpfs()
    if why:
        skip_or_fail_in_ci(why)
    big = tmp_path / "big.nt"
    big_ntriples(big, 150_000)  # about 20 MB in the store: more than the disk has left
    before = export(store_copy)
    size_kb = sum(f.stat().st_size for f in store_copy.iterdir()) // 1024 + 3 * 1024
    mnt, out = tmp_path / "mnt", tmp_path / "after"
    cli = cli_path()
    script = (
        f"cp -a {store_copy} {mnt}/store && "
        # the batch journal elsewhere: this is the store's disk filling up
        f"{{ NATO_EU_GRAPH_JOURNAL={tmp_path}/journal {cli} load {big} --store {mnt}/store "
        f"2> {tmp_path}/err; echo $? > {tmp_path}/rc; }}"
        f" && {cli} export --store {mnt}/store > {tmp_path}/in-place.nq"
        f" && cp -a {mnt}/store {out}"
    )
    proc = on_small_disk(script, f"{size_kb}k", mnt)
    assert proc.returncode == 0, proc.stderr
    err = (tmp_path / "err").read_text()
    assert (tmp_path / "rc").read_text().strip() == "1"
    assert "Traceback" not in err
    assert "is full" in err and "hint: free some space" in err, err
    assert (tmp_path / "in-place.nq").read_bytes() == before  # opens on the full disk
    assert export(out) == before


@pytest.mark.slow
def test_a_full_disk_under_an_output_keeps_the_old_file(store_copy: Path, tmp_path: Path) -> None:
    why = can_mount_tmpfs()
    if why:
        skip_or_fail_in_ci(why)
    mnt = tmp_path / "mnt"
    cli = cli_path()
    script = (
        f"echo old > {mnt}/x.nq && "
        f"{{ {cli} export --store {store_copy} -o {mnt}/x.nq 2> {tmp_path}/err; "
        f"echo $? > {tmp_path}/rc; }} && cat {mnt}/x.nq > {tmp_path}/kept && "
        f"ls -a {mnt} > {tmp_path}/listing"
    )
    proc = on_small_disk(script, "64k", mnt)
    assert proc.returncode == 0, proc.stderr
    err = (tmp_path / "err").read_text()
    assert (tmp_path / "rc").read_text().strip() == "1" and "Traceback" not in err
    assert f"cannot write {mnt}/x.nq: the disk is full" in err and "hint:" in err
    assert (tmp_path / "kept").read_text() == "old\n"
    assert (tmp_path / "listing").read_text().split() == [".", "..", "x.nq"]  # no temp left


class FullDisk:
    """Stands in for pyoxigraph.Store: reads pass through, every write fails with ENOSPC."""

    def __init__(self, real: ox.Store) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def extend(self, _quads: object) -> None:
        raise OSError(errno.ENOSPC, "IO error: No space left on device")

    def update(self, _sparql: str) -> None:
        raise OSError(errno.ENOSPC, "IO error: No space left on device")


def test_an_injected_write_error_is_a_clear_store_error(store_copy: Path) -> None:
    sheet = Path(__file__).parent.parent / "fixtures" / "load" / "meeting.yaml"
    store = EmbeddedStore.open(store_copy)
    before = sorted(map(str, store.quads()))
    store._store = FullDisk(store._store)  # type: ignore[assignment]
    with pytest.raises(StoreError, match="is full: nothing was written") as caught:
        load_files(store, [sheet])
    assert "free some space" in caught.value.hint
    assert sorted(map(str, store.quads())) == before


def test_a_failure_mid_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.nq"
    target.write_bytes(b"old\n")

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)  # after the data went into the temp file
    with pytest.raises(GraphError, match="the disk is full"):
        write_bytes_atomic(target, b"new\n" * 1000)
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.nq"]


def test_a_failed_rename_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.nq"
    target.write_bytes(b"old\n")

    def refuse(_src: object, _dst: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(GraphError, match="Permission denied"):
        write_bytes_atomic(target, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.nq"]


def test_a_damaged_store_is_a_clear_error(store_copy: Path) -> None:
    (store_copy / "CURRENT").write_bytes(b"MANIFEST-0000")  # truncated, as a full disk may
    proc = run_cli("info", "--store", str(store_copy))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "is damaged" in proc.stderr and "hint:" in proc.stderr
