"""The ``backup`` and ``restore`` commands: a consistent copy of the embedded store, taken
beside its readers, and a new store made from one.

``register(group)`` adds them to a group; cli/main.py's group calls it when one is run.
"""

from __future__ import annotations

from pathlib import Path

import click


def register(group: click.Group) -> None:
    """Add ``backup`` and ``restore`` to the group."""
    from .main import read_store

    @click.command(name="backup")
    @click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
    @click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help="Store directory. Default: $NATO_EU_GRAPH_STORE, else a per-user data directory.",
    )
    def backup_cmd(folder: Path, store_path: str | None) -> None:
        """Copy the store into FOLDER, a new folder: a consistent copy, taken while others
        read the store (a load waits until it is done). The copy shares no file with the
        store and lists each file's SHA-256; `restore FOLDER` makes a store from it, and
        `info` says when the last backup was taken.
        """
        from ..ingest.build import current_time
        from ..store.backup import backup

        done = backup(read_store(store_path, None), folder, current_time())
        click.echo(
            f"backed up {done.store} into {done.folder}: {done.quads} quads, "
            f"{done.files} files, {done.bytes / 1e6:.1f} MB"
        )

    @click.command(name="restore")
    @click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
    @click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help="The new store to make; it must not exist. Default: $NATO_EU_GRAPH_STORE, "
        "else a per-user data directory.",
    )
    def restore_cmd(folder: Path, store_path: str | None) -> None:
        """Make a new store from the backup in FOLDER, after checking every file of it
        against the backup's checksums. Never writes over a store: move a damaged one
        aside first, or restore to another path and point --store at it.
        """
        from ..store.backup import restore
        from ..store.embedded import resolve_store_path

        done = restore(folder, resolve_store_path(store_path))
        click.echo(f"restored {done.folder} from the backup of {done.taken}: {done.quads} quads")

    group.add_command(backup_cmd)
    group.add_command(restore_cmd)
