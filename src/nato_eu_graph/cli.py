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
    return click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help="Store directory. Default: $NATO_EU_GRAPH_STORE, else a per-user data directory.",
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
def build(store_path: str | None, force: bool, skip_validation: bool) -> None:
    """Load ontology/ and data/ into the store, one named graph per file.

    Files whose checksum did not change are left as they are; graphs of loaded batches
    are never touched. The whole rebuild is one transaction.
    """
    from .build import build as run_build
    from .store import EmbeddedStore, resolve_store_path

    path = resolve_store_path(store_path)
    store = EmbeddedStore.open(path, create=True)
    report = run_build(store, validate=not skip_validation, force=force)
    for f in report.files:
        if f.status != "unchanged":
            click.echo(f"{f.status:9} {f.relpath} ({f.triples} triples)")
    click.echo(
        f"store {path}: {report.count('added')} added, {report.count('replaced')} replaced, "
        f"{report.count('unchanged')} unchanged, {report.count('removed')} removed; "
        f"{len(store)} quads in all"
    )


@main.command()
@store_option
def info(store_path: str | None) -> None:
    """Show the store's location, its named graphs with triple counts, and counts per class."""
    from .info import store_info
    from .namespaces import compact
    from .store import EmbeddedStore, resolve_store_path

    details = store_info(EmbeddedStore.open(resolve_store_path(store_path)))
    click.echo(f"store: {details.location}")
    click.echo(f"graphs: {len(details.graphs)}, triples: {details.triples}")
    for g in details.graphs:
        click.echo(f"  {g.triples:>7}  {g.kind or '-':9} {g.name}")
    click.echo("classes:")
    for cls, n in details.classes:
        click.echo(f"  {n:>7}  {compact(cls)}")
