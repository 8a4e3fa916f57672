"""Commands that build and change the store, and those that read it whole: build, info,
load, batches, unload, export. Loaded by cli/main.py's group when one of them is run."""

from __future__ import annotations

import click

from .main import list_format_option, open_store, read_store, store_option, wait_option


@click.command()
@store_option
@click.option("--force", is_flag=True, help="Reload every curated file, changed or not.")
@click.option(
    "--skip-validation",
    is_flag=True,
    help="Do not check data/ against the SHACL shapes first (faster; for benchmarks).",
)
def build(store_path: str | None, endpoint: str | None, force: bool, skip_validation: bool) -> None:
    """Load ontology/ and data/ into the store, one named graph per file.

    Files whose checksum did not change are left as they are; graphs of loaded batches
    are never touched. The whole rebuild is one transaction. A first build into an
    empty store uses Oxigraph's bulk loader instead, several times faster: a store
    whose first build was cut short says so, and the next build starts it over.
    """
    from ..ingest.build import build as run_build

    store = open_store(store_path, endpoint, create=True, wait=30.0)
    report = run_build(store, validate=not skip_validation, force=force)
    for f in report.files:
        if f.status != "unchanged":
            click.echo(f"{f.status:9} {f.relpath} ({f.triples} triples)")
    click.echo(
        f"store {store.location}: {report.count('added')} added, "
        f"{report.count('replaced')} replaced, "
        f"{report.count('unchanged')} unchanged, {report.count('removed')} removed; "
        f"{len(store)} quads in all"
    )


@click.command()
@store_option
def info(store_path: str | None, endpoint: str | None) -> None:
    """Show the store's location, its named graphs with triple counts, and counts per class."""
    from ..namespaces import compact
    from ..store.info import store_info

    details = store_info(read_store(store_path, endpoint))
    click.echo(f"store: {details.location}")
    click.echo(f"graphs: {len(details.graphs)}, triples: {details.triples}")
    if details.last_backup:
        click.echo(f"last backup: {details.last_backup[0]} into {details.last_backup[1]}")
    for g in details.graphs:
        click.echo(f"  {g.triples:>7}  {g.kind or '-':9} {g.name}")
    click.echo("classes:")
    for cls, n in details.classes:
        click.echo(f"  {n:>7}  {compact(cls)}")


@click.command(name="export")
@store_option
@click.option(
    "--format",
    "fmt",
    default=None,
    type=click.Choice(["nquads", "trig", "turtle", "ntriples", "jsonld"]),
    help="The RDF format; turtle and ntriples merge the selected graphs. Default: from the "
    "extension of -o, else nquads.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to this file (atomically) instead of standard output.",
)
@click.option(
    "--graph",
    "graphs",
    multiple=True,
    metavar="IRI",
    help="Export only this named graph; repeat for more.",
)
@click.option(
    "--batches",
    "only_batches",
    is_flag=True,
    help="Export the loaded batches with their metadata, for `load` to restore exactly "
    "(trig or nquads).",
)
def export_cmd(
    store_path: str | None,
    endpoint: str | None,
    fmt: str | None,
    output: str | None,
    graphs: tuple[str, ...],
    only_batches: bool,
) -> None:
    """Write the store, or selected graphs, in a standard RDF format (byte-stable).

    `export --batches -o b.trig`, then `build` and `load b.trig` into a fresh store, gives
    the same store again (byte for byte when SOURCE_DATE_EPOCH fixes the build time).
    """
    from ..ingest.export import export as run_export
    from ..ingest.export import export_batches

    if fmt is None:
        fmt = _format_from_name(output)
    store = read_store(store_path, endpoint)
    if only_batches:
        data = export_batches(store, "nquads" if fmt == "nquads" else "trig")
    else:
        data = run_export(store, fmt, list(graphs) or None)
    if output:
        from ..files import write_bytes_atomic

        write_bytes_atomic(output, data)
    else:
        import sys

        sys.stdout.buffer.write(data)


def _format_from_name(output: str | None) -> str:
    from pathlib import Path

    from ..ingest.parse import EXTENSIONS

    guess = EXTENSIONS.get(Path(output).suffix.lower(), "") if output else ""
    return guess if guess in ("nquads", "trig", "turtle", "ntriples", "jsonld") else "nquads"


LOAD_FORMATS = ["yaml", "csv", "turtle", "trig", "ntriples", "nquads", "jsonld", "rdfxml"]


@click.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=str)
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(LOAD_FORMATS),
    default=None,
    help="The format of every file; by default each file's extension decides.",
)
@click.option(
    "--by",
    default=None,
    help="Who loads (recorded in PROV). Default: $NATO_EU_GRAPH_CURATOR, else the login name.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Read, resolve and validate, print what would be added, write nothing.",
)
@wait_option
@store_option
def load(
    files: tuple[str, ...],
    fmt: str | None,
    by: str | None,
    dry_run: bool,
    wait: float,
    store_path: str | None,
    endpoint: str | None,
) -> None:
    """Load fact sheets (YAML, CSV) or RDF files as batches, validated and atomic.

    Each file becomes one batch (a named graph with PROV metadata). Every file is checked
    before anything is written; a failed load changes nothing. A file loaded before
    (same checksum) adds nothing. See docs/fact-sheets.md for the fact-sheet format.
    """
    import sys
    from pathlib import Path

    from ..ingest.load import load_files

    store = open_store(store_path, endpoint, wait=wait)
    paths = [Path(f) for f in files]
    steps = 2 * len(paths) + 1
    with click.progressbar(
        length=steps, label="loading", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as bar:
        report = load_files(
            store, paths, fmt=fmt, by=by, dry_run=dry_run, progress=lambda _stage: bar.update(1)
        )
    for file, old in report.skipped:
        click.echo(f"unchanged {file}: loaded before as batch {old.id}; nothing added")
    from ..namespaces import compact

    verb = "would add" if dry_run else "added"
    for info, counts in zip(report.added, report.summaries, strict=True):
        click.echo(
            f"{verb} {info.triples} triples from {info.file}"
            + ("" if dry_run else f" as batch {info.id}")
        )
        for rdf_type, n in counts.items():
            click.echo(f"  {n:>5} {compact(rdf_type)}")


@click.command()
@list_format_option
@store_option
def batches(fmt: str, store_path: str | None, endpoint: str | None) -> None:
    """List the loaded batches: id, file, checksum, triples, when and by whom."""
    import json
    from dataclasses import asdict

    from ..ingest.batches import loaded_batches

    found = loaded_batches(read_store(store_path, endpoint))
    if fmt == "json":
        click.echo(json.dumps([asdict(b) for b in found], indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo("no loaded batches")
    for b in found:
        click.echo(f"{b.id}  {b.triples:>7} triples  {b.loaded_at}  {b.loaded_by}  {b.file}")


@click.command()
@click.argument("batch")
@wait_option
@store_option
def unload(batch: str, wait: float, store_path: str | None, endpoint: str | None) -> None:
    """Remove one loaded batch: its graph and its metadata, in one transaction.

    BATCH is the id that `nato-eu-graph batches` lists (or a unique prefix of it).
    """
    from ..ingest.batches import unload as run_unload

    store = open_store(store_path, endpoint, wait=wait)
    found = run_unload(store, batch)
    click.echo(f"removed batch {found.id} ({found.triples} triples from {found.file})")


def register(group: click.Group) -> None:
    """Add this module's commands to the group (cli/main.py's, when one of them is run)."""
    for command in (build, info, export_cmd, load, batches, unload):
        group.add_command(command)
