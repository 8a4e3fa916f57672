"""The ``backup``, ``restore`` and ``rebuild`` commands: a consistent copy of the embedded
store, taken beside its readers; a new store made from one; and a new store made from
ontology/, data/ and the batch journal.

``register(group)`` adds them to a group; cli/main.py's group calls it when one is run.
"""

from __future__ import annotations

from pathlib import Path

import click

new_store = click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="The new store to make; it must not exist. Default: $NATO_EU_GRAPH_STORE, "
    "else a per-user data directory.",
)


def register(group: click.Group) -> None:
    """Add ``backup``, ``restore`` and ``rebuild`` to the group."""
    from .main import read_store, store_path_option

    @click.command(name="backup")
    @click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
    @store_path_option
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
    @new_store
    def restore_cmd(folder: Path, store_path: str | None) -> None:
        """Make a new store from the backup in FOLDER, after checking every file of it
        against the backup's checksums. Never writes over a store: move a damaged one
        aside first, or restore to another path and point --store at it.
        """
        from ..store.backup import restore
        from ..store.embedded import resolve_store_path

        done = restore(folder, resolve_store_path(store_path))
        click.echo(f"restored {done.folder} from the backup of {done.taken}: {done.quads} quads")

    @click.command(name="rebuild")
    @new_store
    @click.option(
        "--journal",
        "journal_path",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None,
        help="The batch journal to replay. Default: the one beside --store "
        "(STORE.journal, or $NATO_EU_GRAPH_JOURNAL).",
    )
    @click.option(
        "--skip-validation",
        is_flag=True,
        help="Do not check data/ against the SHACL shapes first.",
    )
    def rebuild_cmd(
        store_path: str | None, journal_path: Path | None, skip_validation: bool
    ) -> None:
        """Make a new store from ontology/, data/ and the batch journal: every batch
        loaded, exactly as it was committed, and every unload, in their order. For a store
        that is damaged (move it aside first) or lost; it never writes over a store.
        """
        from ..ingest.rebuild import rebuild
        from ..store.embedded import resolve_store_path

        done = rebuild(
            resolve_store_path(store_path), source=journal_path, validate=not skip_validation
        )
        click.echo(
            f"rebuilt {done.store} from ontology/, data/ and {done.journal}: "
            f"{done.loads} loads, {done.unloads} unloads replayed; {done.quads} quads in all"
        )

    group.add_command(backup_cmd)
    group.add_command(restore_cmd)
    group.add_command(rebuild_cmd)
