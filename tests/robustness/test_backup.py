"""Backups: taken beside a reader, restored into a new store whose export is the store's,
byte for byte; and what breaks them (a store with flipped bytes or gone, a backup killed
or out of disk, a damaged backup) loses nothing and is told in one line."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from nato_eu_graph.store.backup import MANIFEST
from nato_eu_graph.store.embedded import EmbeddedStore

from ..conftest import cli_path, killed_at, run_cli
from .conftest import export, skip_or_fail_in_ci
from .test_faults import can_mount_tmpfs, on_small_disk

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def one_line_error(proc: object, *fragments: str) -> None:
    assert getattr(proc, "returncode", None) == 1
    err = str(getattr(proc, "stderr", ""))
    assert "Traceback" not in err and err.startswith("Error: ") and "\nhint: " in err, err
    for fragment in fragments:
        assert fragment in err, err


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    run_cli("build", "--store", str(path), env=EPOCH, check=True)
    return path


def test_a_backup_taken_beside_a_reader_restores_the_same_store(
    store: Path, tmp_path: Path
) -> None:
    before = export(store)
    reader = EmbeddedStore.open(store, read_only=True)  # another process reading throughout
    try:
        taken = run_cli("backup", str(tmp_path / "b1"), "--store", str(store), check=True)
        assert len(reader) > 0
    finally:
        reader.close()
    assert "7" in taken.stdout and str(tmp_path / "b1") in taken.stdout
    info = run_cli("info", "--store", str(store), check=True).stdout
    assert f"into {tmp_path / 'b1'}" in info.splitlines()[2]
    # a copy, not hard links: a byte flipped in the store cannot reach the backup
    assert all(f.stat().st_nlink == 1 for f in (tmp_path / "b1").iterdir())
    run_cli("restore", str(tmp_path / "b1"), "--store", str(tmp_path / "new"), check=True)
    assert export(tmp_path / "new") == before


def test_backup_and_restore_refuse_what_would_overwrite(store: Path, tmp_path: Path) -> None:
    run_cli("backup", str(tmp_path / "b"), "--store", str(store), check=True)
    one_line_error(run_cli("backup", str(tmp_path / "b"), "--store", str(store)), "exists already")
    one_line_error(
        run_cli("restore", str(tmp_path / "b"), "--store", str(store)), "never writes over"
    )
    one_line_error(run_cli("restore", str(store), "--store", str(tmp_path / "x")), MANIFEST)
    assert not (tmp_path / "x").exists()


def test_a_damaged_backup_is_found_before_anything_is_restored(store: Path, tmp_path: Path) -> None:
    run_cli("backup", str(tmp_path / "b"), "--store", str(store), check=True)
    table = max((tmp_path / "b").glob("*.sst"), key=lambda f: f.stat().st_size)
    flip(table)
    one_line_error(
        run_cli("restore", str(tmp_path / "b"), "--store", str(tmp_path / "new")),
        "is damaged",
        table.name,
    )
    assert not (tmp_path / "new").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("fault", ["flipped bytes", "store deleted"])
def test_a_lost_store_comes_back_from_its_backup(store: Path, tmp_path: Path, fault: str) -> None:
    before = export(store)
    run_cli("backup", str(tmp_path / "b"), "--store", str(store), check=True)
    if fault == "store deleted":
        shutil.rmtree(store)
    else:
        for table in store.glob("*.sst"):
            flip(table)
        broken = run_cli("export", "--store", str(store))
        one_line_error(broken, "damaged", "nato-eu-graph restore")
        shutil.move(store, tmp_path / "damaged")
    run_cli("restore", str(tmp_path / "b"), "--store", str(store), check=True)
    assert export(store) == before


@pytest.mark.slow
def test_sigkill_during_a_backup_leaves_no_backup_and_the_store_as_it_was(
    store: Path, tmp_path: Path
) -> None:
    before = export(store)
    target = tmp_path / "b"
    status = killed_at("during-backup", tmp_path, "backup", str(target), "--store", str(store))
    assert status == -signal.SIGKILL
    assert not target.exists()  # only a backup that is whole has its name
    assert export(store) == before
    run_cli("backup", str(target), "--store", str(store), check=True)  # clears the leftovers
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    run_cli("restore", str(target), "--store", str(tmp_path / "new"), check=True)
    assert export(tmp_path / "new") == before


@pytest.mark.slow
def test_a_full_disk_during_a_backup_fails_cleanly(store: Path, tmp_path: Path) -> None:
    why = can_mount_tmpfs()
    if why:
        skip_or_fail_in_ci(why)
    before = export(store)
    mnt = tmp_path / "mnt"
    script = (
        f"{cli_path()} backup {mnt}/b --store {store} 2> {tmp_path}/err; "
        f"echo $? > {tmp_path}/rc; ls -a {mnt} > {tmp_path}/left"
    )
    proc = on_small_disk(script, "256k", mnt)  # the store's files take about 3 MB
    assert proc.returncode == 0, proc.stderr
    err = (tmp_path / "err").read_text()
    assert (tmp_path / "rc").read_text().strip() == "1"
    assert "Traceback" not in err and "the backup into" in err and "room" in err, err
    assert (tmp_path / "left").read_text().split() == [".", ".."]  # nothing half-written
    assert export(store) == before


def flip(file: Path) -> None:
    data = bytearray(file.read_bytes())
    for at in range(len(data) // 3, len(data) // 3 + 64):
        data[at] ^= 0xFF
    file.write_bytes(bytes(data))
