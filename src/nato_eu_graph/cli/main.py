"""The command line: parse arguments, call the library, print. Nothing else lives here.

This module holds the group, the options commands share and the console script; the
commands live in cli/store, cli/query, cli/views, cli/extract and cli/serve, and the
group imports a module only when one of its commands runs (or --help lists them all).
Heavy libraries (rdflib plugins, pyshacl, networkx, pyvis) are imported inside the
commands that use them, so ``--help`` and ``query`` start fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import __version__
from ..errors import GraphError

F = TypeVar("F", bound=Callable[..., Any])


class UserError(click.ClickException):
    """A user's mistake: one line, a hint, exit code 1, no traceback."""

    def __init__(self, error: GraphError) -> None:
        super().__init__(error.message)
        self.hint = error.hint

    def format_message(self) -> str:
        return f"{self.message}\nhint: {self.hint}" if self.hint else self.message


# Where each command is defined: the module's register() adds its commands to the group.
COMMANDS = {
    **dict.fromkeys(("build", "info", "load", "batches", "unload", "export"), "store"),
    **dict.fromkeys(("queries", "query", "report", "coverage"), "query"),
    **dict.fromkeys(("visualize", "path", "centrality"), "views"),
    **dict.fromkeys(("extract", "extract-eval"), "extract"),
    **dict.fromkeys(("backup", "restore", "rebuild"), "backup"),
    "serve": "serve",
    "site": "site",
}


class Group(click.Group):
    """Typed errors become one-line messages; commands are loaded when first asked for."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GraphError as exc:
            raise UserError(exc) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            from importlib import import_module

            import_module(f"{__package__}.{COMMANDS[cmd_name]}").register(self)
        return self.commands.get(cmd_name)


def store_option(func: F) -> F:
    """--store and --endpoint: which graph a command works on."""
    func = click.option(
        "--endpoint",
        default=None,
        metavar="URL",
        help="Work on this SPARQL 1.1 endpoint instead of the embedded store "
        "(default: $NATO_EU_GRAPH_ENDPOINT). Credentials come from the environment.",
    )(func)
    return store_path_option(func)


def store_path_option(func: F) -> F:
    """--store alone: for commands on the embedded store only."""
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


def open_store(
    store_path: str | None, endpoint: str | None, *, create: bool = False, wait: float = 0.0
) -> Any:
    """The store for a command that writes."""
    from ..store.connect import open_graph

    return open_graph(store_path, endpoint, create=create, wait=wait)


def read_store(store_path: str | None, endpoint: str | None) -> Any:
    """The store for a command that only reads: shared with other readers."""
    from ..store.connect import open_graph

    return open_graph(store_path, endpoint, read_only=True)


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
