"""Backups of the embedded store, and restoring one into a new store.

A backup is taken through a read-only open, beside other readers: Oxigraph's own backup
(a consistent RocksDB checkpoint) goes first into a snapshot folder beside the store, where
it costs hard links only; the snapshot is then copied file by file into the backup folder,
so that the backup shares no file with the store (a byte flipped in one would otherwise be
flipped in both). The backup is written under a temporary name and renamed into place once
complete, with a manifest of each file's SHA-256: a backup that exists is whole, and
``restore`` checks every file before it copies any. A backup cut short leaves only the
temporary folder, which the next backup removes.

``restore`` never writes over a store: it makes a new one, which must not exist yet.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypedDict

from ..errors import StoreError
from ..files import sync_folder
from .embedded import EmbeddedStore
from .pause import pause_at

MANIFEST = "nato-eu-graph-backup.json"
LAST_BACKUP = "nato-eu-graph-last-backup.json"  # in the store's folder: for `info`
FORMAT = 1


class Manifest(TypedDict):
    format: int
    taken: str
    store: str
    quads: int
    files: dict[str, str]  # file name -> SHA-256


@dataclass(frozen=True)
class Backup:
    folder: Path
    taken: str  # ISO 8601, UTC
    store: str
    quads: int
    files: int
    bytes: int


def backup(store: EmbeddedStore, folder: Path, when: datetime) -> Backup:
    """Copy ``store`` (opened read-only) into the new ``folder``."""
    if store.path is None:
        raise StoreError("an in-memory store cannot be backed up", hint="give --store DIR")
    target = folder.resolve()
    if target.exists():
        raise StoreError(
            f"{target} exists already; a backup goes into a new folder",
            hint="give a folder that does not exist yet (a dated name, for example)",
        )
    source = store.path.resolve()
    if target == source or source in target.parents:
        raise StoreError(f"{target} is inside the store", hint="back up to a folder outside it")
    target.parent.mkdir(parents=True, exist_ok=True)
    snapshot = source.parent / f".{source.name}.snapshot-{os.getpid()}"
    partial = target.parent / f".{target.name}.partial"
    for leftover in (partial, *_dead_snapshots(source)):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        quads = len(store)  # our read lock keeps writers out until the backup is done
        store.snapshot(snapshot)
        sums = _copy(snapshot, partial)
        manifest: Manifest = {
            "format": FORMAT,
            "taken": when.isoformat(),
            "store": str(source),
            "quads": quads,
            "files": sums,
        }
        _write_synced(partial / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
        os.rename(partial, target)
        sync_folder(target.parent)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise StoreError(
            f"the backup into {target} failed: {exc.strerror or exc}",
            hint="check that the folder can be written and the disk has room; the store "
            "is unchanged",
        ) from exc
    finally:
        shutil.rmtree(snapshot, ignore_errors=True)
    size = sum((target / name).stat().st_size for name in sums)
    record = {"taken": when.isoformat(), "folder": str(target)}
    _write_synced(source / LAST_BACKUP, json.dumps(record))
    return Backup(target, when.isoformat(), str(source), quads, len(sums), size)


def restore(folder: Path, new_store: Path) -> Backup:
    """Check the backup in ``folder`` and copy it into ``new_store``, which must not exist."""
    source, target = folder.resolve(), new_store.resolve()
    manifest = _manifest(source)
    if target.exists():
        raise StoreError(
            f"{target} exists; restore makes a new store and never writes over one",
            hint="give a path that does not exist yet, then use it with --store",
        )
    for name, expected in sorted(manifest["files"].items()):
        if _sha256(source / name) != expected:
            raise StoreError(
                f"the backup {source} is damaged: {name} is not the file it backed up",
                hint="restore from another backup, or rebuild the store from its sources",
            )
    partial = target.parent / f".{target.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        _copy(source, partial, skip=MANIFEST)
        os.rename(partial, target)
        sync_folder(target.parent)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise StoreError(
            f"restoring into {target} failed: {exc.strerror or exc}",
            hint="check that the folder can be written and the disk has room",
        ) from exc
    files = manifest["files"]
    size = sum((target / name).stat().st_size for name in files)
    restored = EmbeddedStore.open(target)  # new and ours alone: opened to be checked
    quads = len(restored)
    restored.close()
    if quads != manifest["quads"]:
        raise StoreError(
            f"the restored store {target} holds {quads} quads, the backup {manifest['quads']}",
            hint="restore from another backup",
        )
    return Backup(target, manifest["taken"], manifest["store"], quads, len(files), size)


def last_backup(store_path: Path) -> tuple[str, str] | None:
    """(when, folder) of the last backup taken of the store, if any."""
    try:
        record = json.loads((store_path / LAST_BACKUP).read_text(encoding="utf-8"))
        return str(record["taken"]), str(record["folder"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _manifest(folder: Path) -> Manifest:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        manifest = Manifest(
            format=int(data["format"]),
            taken=str(data["taken"]),
            store=str(data["store"]),
            quads=int(data["quads"]),
            files={str(k): str(v) for k, v in dict(data["files"]).items()},
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(
            f"{folder} is not a nato-eu-graph backup (no readable {MANIFEST})",
            hint="give the folder that `nato-eu-graph backup` wrote",
        ) from exc
    if manifest["format"] != FORMAT:
        raise StoreError(
            f"{folder} is a backup of format {manifest['format']}, which this version cannot read",
            hint="restore it with the version of nato-eu-graph that wrote it",
        )
    return manifest


def _dead_snapshots(source: Path) -> list[Path]:
    """Snapshot folders of backups killed before they removed them (their process gone)."""
    dead = []
    for folder in source.parent.glob(f".{source.name}.snapshot-*"):
        pid = folder.name.rsplit("-", 1)[-1]
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            dead.append(folder)
        except (ValueError, PermissionError):
            continue  # not ours to judge
    return dead


def _copy(source: Path, target: Path, skip: str = "") -> dict[str, str]:
    """Copy the files of ``source`` into the new folder ``target``, each synced; return
    name -> SHA-256. Copies, never hard links."""
    target.mkdir()
    sums: dict[str, str] = {}
    for file in sorted(source.iterdir()):
        if not file.is_file() or file.name == skip:
            continue
        digest = hashlib.sha256()
        with file.open("rb") as src, (target / file.name).open("wb") as dst:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        sums[file.name] = digest.hexdigest()
        pause_at("during-backup")  # a fault test kills here, with a file copied
    sync_folder(target)
    return sums


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    try:
        with file.open("rb") as src:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def _write_synced(file: Path, text: str) -> None:
    tmp = file.with_name(file.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, file)
    sync_folder(file.parent)
