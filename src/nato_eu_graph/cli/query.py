"""Commands for researchers' questions: queries, query, report, coverage. Loaded by
cli/main.py's group when one of them is run; ``query`` is the one that must start fast."""

from __future__ import annotations

import click

from .main import list_format_option, read_store, store_option


def _read_query(path: str) -> str:
    from ..errors import QueryError
    from ..files import read_regular

    limit = 1 << 20  # a query is written by hand: a few kilobytes
    try:
        raw = read_regular(path, limit)
        if len(raw) > limit:
            raise QueryError(f"{path}: the query is larger than 1 MiB", hint="is this a query?")
        return raw.decode("utf-8")
    except OSError as exc:
        raise QueryError(
            f"{path}: cannot read the query: {exc.strerror or exc}",
            hint="give the path of a .rq file",
        ) from None
    except UnicodeDecodeError as exc:
        raise QueryError(f"{path}: cannot read the query: {exc}", hint="save it as UTF-8") from None


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="-p/--param")
        out[name.strip()] = value
    return out


@click.command()
@list_format_option
def queries(fmt: str) -> None:
    """List the named queries: name, title, description and typed parameters."""
    import json

    from ..query.catalog import catalogue

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


@click.command()
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

    from ..query import catalog
    from ..query.execute import run, run_named
    from ..query.formats import render

    chosen = [x for x in (name, query_file, sparql) if x]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of NAME, --file or --sparql")
    given = _params(params)
    if as_of:
        given.setdefault("date", as_of)
    store = read_store(store_path, endpoint)
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


@click.command()
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
    from ..query.report import competency_report

    text = competency_report(read_store(store_path, endpoint))
    if output:
        from ..files import write_text_atomic

        write_text_atomic(output, text)
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@click.command()
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
    help="table for people, json for programs, markdown for docs/coverage.md.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to this file instead of standard output.",
)
def coverage(store_path: str | None, endpoint: str | None, fmt: str, output: str | None) -> None:
    """What the graph holds per area and year, and the gaps a curator should fill.

    Facts per area and year; for each meeting series with a rhythm, the years with fewer
    meetings than it; for each post, the days with no recorded holder between tenures;
    facts per source publisher; the share of people, states and organisations with a
    Wikidata identifier; and the facts without a source (there should be none).
    """
    from ..query.coverage import as_json, as_text
    from ..query.coverage import coverage as measure

    found = measure(read_store(store_path, endpoint))
    text = as_json(found) if fmt == "json" else as_text(found, markdown=fmt == "markdown")
    if output:
        from ..files import write_text_atomic

        write_text_atomic(output, text)
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


def register(group: click.Group) -> None:
    """Add this module's commands to the group (cli/main.py's, when one of them is run)."""
    for command in (queries, query, report, coverage):
        group.add_command(command)
