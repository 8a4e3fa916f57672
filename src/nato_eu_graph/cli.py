"""The command line: parse arguments, call the library, print. Nothing else lives here.

Heavy libraries (rdflib plugins, pyshacl, networkx, pyvis) are imported inside the
commands that use them, so ``--help`` and ``query`` start fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from . import __version__
from .errors import GraphError

F = TypeVar("F", bound=Callable[..., Any])


class UserError(click.ClickException):
    """A user's mistake: one line, a hint, exit code 1, no traceback."""

    def __init__(self, error: GraphError) -> None:
        super().__init__(error.message)
        self.hint = error.hint

    def format_message(self) -> str:
        return f"{self.message}\nhint: {self.hint}" if self.hint else self.message


class Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GraphError as exc:
            raise UserError(exc) from None


def store_option(func: F) -> F:
    """--store and --endpoint: which graph a command works on."""
    func = click.option(
        "--endpoint",
        default=None,
        metavar="URL",
        help="Work on this SPARQL 1.1 endpoint instead of the embedded store "
        "(default: $NATO_EU_GRAPH_ENDPOINT). Credentials come from the environment.",
    )(func)
    return click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help="Store directory. Default: $NATO_EU_GRAPH_STORE, else a per-user data directory.",
    )(func)


def list_format_option(func: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json"]),
        default="table",
        show_default=True,
        help="table for people, json for programs.",
    )(func)


def wait_option(func: F) -> F:
    return click.option(
        "--wait",
        default=30.0,
        show_default=True,
        metavar="SECONDS",
        help="How long to wait for a store another process is using.",
    )(func)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nato-eu-graph")
def main() -> None:
    """nato-eu-graph: a dated, sourced knowledge graph of NATO-EU institutional relations.

    Build the graph into an embedded Oxigraph store, inspect it, and query it.
    Every command that touches the graph takes --store.
    """


@main.command()
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
    are never touched. The whole rebuild is one transaction.
    """
    from .build import build as run_build

    store = _open_store(store_path, endpoint, create=True, wait=30.0)
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


@main.command()
@store_option
def info(store_path: str | None, endpoint: str | None) -> None:
    """Show the store's location, its named graphs with triple counts, and counts per class."""
    from .info import store_info
    from .namespaces import compact

    details = store_info(_read_store(store_path, endpoint))
    click.echo(f"store: {details.location}")
    click.echo(f"graphs: {len(details.graphs)}, triples: {details.triples}")
    for g in details.graphs:
        click.echo(f"  {g.triples:>7}  {g.kind or '-':9} {g.name}")
    click.echo("classes:")
    for cls, n in details.classes:
        click.echo(f"  {n:>7}  {compact(cls)}")


def _open_store(
    store_path: str | None, endpoint: str | None, *, create: bool = False, wait: float = 0.0
) -> Any:
    """The store for a command that writes."""
    from .connect import open_graph

    return open_graph(store_path, endpoint, create=create, wait=wait)


def _read_store(store_path: str | None, endpoint: str | None) -> Any:
    """The store for a command that only reads: shared with other readers."""
    from .connect import open_graph

    return open_graph(store_path, endpoint, read_only=True)


def _read_query(path: str) -> str:
    from pathlib import Path

    from .errors import QueryError

    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query: {exc}", hint="save it as UTF-8") from None


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="-p/--param")
        out[name.strip()] = value
    return out


@main.command()
@list_format_option
def queries(fmt: str) -> None:
    """List the named queries: name, title, description and typed parameters."""
    import json

    from .catalog import catalogue

    entries = list(catalogue().values())
    if fmt == "json":
        doc = [
            {
                "name": q.name,
                "kind": q.kind,
                "title": q.title,
                "description": q.description,
                "params": [
                    {
                        "name": p.name,
                        "type": p.type,
                        "default": p.default,
                        "description": p.description,
                    }
                    for p in q.params
                ],
            }
            for q in entries
        ]
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
        return
    for q in entries:
        click.echo(f"{q.name}{'  [view]' if q.kind == 'view' else ''}\n  {q.title}")
        for p in q.params:
            default = f" = {p.default}" if p.default else " (required)"
            click.echo(f"  -p {p.name}: {p.type}{default}  {p.description}")


@main.command()
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter of the named query; repeat for more.",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Shorthand for -p date=DATE on queries that take a date.",
)
@click.option(
    "--file",
    "query_file",
    type=click.Path(dir_okay=False, exists=True),
    help="Run the SPARQL in this file instead of a named query.",
)
@click.option("--sparql", help="Run this SPARQL text instead of a named query.")
@click.option(
    "--format",
    "fmt",
    metavar="FORMAT",
    default=None,
    help="table, csv, tsv, json, jsonl, markdown or sparql-json for SELECT/ASK; "
    "turtle, ntriples or jsonld for CONSTRUCT/DESCRIBE. "
    "Default: table on a terminal, csv when piped (turtle for graphs).",
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    metavar="SECONDS",
    help="Stop a query that runs longer than this.",
)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Allow SERVICE (federated queries that reach other servers); refused by default.",
)
@store_option
def query(
    name: str | None,
    timeout: float,
    allow_service: bool,
    params: tuple[str, ...],
    as_of: str | None,
    query_file: str | None,
    sparql: str | None,
    fmt: str | None,
    store_path: str | None,
    endpoint: str | None,
) -> None:
    """Run a named query from the catalogue, a query file, or SPARQL text.

    Examples: nato-eu-graph query common-members --as-of 2021-11-16;
    nato-eu-graph query members-on-date -p org=EU -p date=2020-01-31 --format json
    """
    import sys

    from . import catalog
    from .formats import render
    from .query import run, run_named

    chosen = [x for x in (name, query_file, sparql) if x]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of NAME, --file or --sparql")
    given = _params(params)
    if as_of:
        given.setdefault("date", as_of)
    store = _read_store(store_path, endpoint)
    if name:
        result = run_named(store, catalog.get(name), given, timeout=timeout)
    else:
        if given:
            raise click.UsageError("-p and --as-of go with named queries only")
        text = _read_query(query_file) if query_file else str(sparql)
        source = query_file or "--sparql"
        result = run(store, text, timeout=timeout, allow_service=allow_service, source=source)
    if fmt is None:
        graph = result.kind == "graph"
        fmt = "turtle" if graph else ("table" if sys.stdout.isatty() else "csv")
    click.echo(render(result, fmt), nl=False)


@main.command()
@store_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to this Markdown file instead of standard output.",
)
def report(store_path: str | None, endpoint: str | None, output: str | None) -> None:
    """Run every catalogue query with its example parameters and write a Markdown report."""
    from .report import competency_report

    text = competency_report(_read_store(store_path, endpoint))
    if output:
        from .files import write_text_atomic

        write_text_atomic(output, text)
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@main.command(name="export")
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
    from .export import export as run_export
    from .export import export_batches

    if fmt is None:
        fmt = _format_from_name(output)
    store = _read_store(store_path, endpoint)
    if only_batches:
        data = export_batches(store, "nquads" if fmt == "nquads" else "trig")
    else:
        data = run_export(store, fmt, list(graphs) or None)
    if output:
        from .files import write_bytes_atomic

        write_bytes_atomic(output, data)
    else:
        import sys

        sys.stdout.buffer.write(data)


from .cli_views import register as _register_views  # noqa: E402  (light: click only)

_register_views(main, store_option)

from .cli_extract import register as _register_extract  # noqa: E402  (light: click only)

_register_extract(main, store_option)

from .cli_serve import register as _register_serve  # noqa: E402  (light: click only)

_register_serve(main, store_option)


def _format_from_name(output: str | None) -> str:
    from pathlib import Path

    from .parse import EXTENSIONS

    guess = EXTENSIONS.get(Path(output).suffix.lower(), "") if output else ""
    return guess if guess in ("nquads", "trig", "turtle", "ntriples", "jsonld") else "nquads"


def entry() -> None:
    """The console script: the click group, quiet when a reader closes the pipe early."""
    import gc
    import os
    import sys

    try:
        main()
    except BrokenPipeError:
        # `nato-eu-graph info | head`: stop quietly; point stdout at devnull so the
        # interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    finally:
        # The process ends now: spare the interpreter's last garbage collections a scan
        # of every object alive (a sixth of a quick query's time). Nothing is lost: the
        # objects would only be freed by the exit.
        gc.freeze()


LOAD_FORMATS = ["yaml", "csv", "turtle", "trig", "ntriples", "nquads", "jsonld", "rdfxml"]


@main.command()
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

    from .load import load_files

    store = _open_store(store_path, endpoint, wait=wait)
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
    from .namespaces import compact

    verb = "would add" if dry_run else "added"
    for info, counts in zip(report.added, report.summaries, strict=True):
        click.echo(
            f"{verb} {info.triples} triples from {info.file}"
            + ("" if dry_run else f" as batch {info.id}")
        )
        for rdf_type, n in counts.items():
            click.echo(f"  {n:>5} {compact(rdf_type)}")


@main.command()
@list_format_option
@store_option
def batches(fmt: str, store_path: str | None, endpoint: str | None) -> None:
    """List the loaded batches: id, file, checksum, triples, when and by whom."""
    import json
    from dataclasses import asdict

    from .load import loaded_batches

    found = loaded_batches(_read_store(store_path, endpoint))
    if fmt == "json":
        click.echo(json.dumps([asdict(b) for b in found], indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo("no loaded batches")
    for b in found:
        click.echo(f"{b.id}  {b.triples:>7} triples  {b.loaded_at}  {b.loaded_by}  {b.file}")


@main.command()
@click.argument("batch")
@wait_option
@store_option
def unload(batch: str, wait: float, store_path: str | None, endpoint: str | None) -> None:
    """Remove one loaded batch: its graph and its metadata, in one transaction.

    BATCH is the id that `nato-eu-graph batches` lists (or a unique prefix of it).
    """
    from .load import unload as run_unload

    store = _open_store(store_path, endpoint, wait=wait)
    found = run_unload(store, batch)
    click.echo(f"removed batch {found.id} ({found.triples} triples from {found.file})")
