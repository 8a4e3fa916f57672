"""Commands for network views: visualize, path, centrality.

``register(group)`` adds them to a group; cli/main.py's group calls it when one of them is
run. Like every command, they import networkx, pyvis and
the library inside the function, so ``nato-eu-graph --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

# cli.store_option: a decorator adding --store and --endpoint.
StoreOption = Callable[[Callable[..., Any]], Callable[..., Any]]

SUFFIXES = {".html": "html", ".htm": "html", ".graphml": "graphml", ".gexf": "gexf"}


def _open_store(store_path: str | None, endpoint: str | None) -> Any:
    from ..store.connect import open_graph

    return open_graph(store_path, endpoint, read_only=True)  # views only read


def _as_of(value: str | None) -> str:
    """A day as YYYY-MM-DD; default today. Bad input is a usage error, not a traceback."""
    from datetime import date

    if value is None or value.strip().lower() == "today":
        return date.today().isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date as YYYY-MM-DD", param_hint="--as-of"
        ) from None


def visualize_command(store_option: StoreOption) -> click.Command:
    @click.command()
    @click.option("--view", metavar="NAME", help="A view of the catalogue (default: network).")
    @click.option(
        "--all", "all_views", is_flag=True, help="Write the default set and index.html into -o."
    )
    @click.option("--as-of", "as_of", metavar="DATE", help="The day to look at (default today).")
    @click.option("--focus", metavar="NAME", help="Keep only what is near this thing.")
    @click.option(
        "--depth",
        type=click.IntRange(0, 20),
        default=2,
        show_default=True,
        help="Steps from --focus to keep.",
    )
    @click.option(
        "--class",
        "classes",
        multiple=True,
        metavar="CLASS",
        help="Keep only nodes of this class (State, Person, Meeting...); repeat for more.",
    )
    @click.option(
        "-o",
        "--output",
        required=True,
        type=click.Path(path_type=Path),
        help="The file to write (FILE.html, .graphml, .gexf), or the folder for the default set.",
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["html", "graphml", "gexf"]),
        default=None,
        help="Default: from the file's suffix, else html.",
    )
    @click.option("--open", "open_file", is_flag=True, help="Open the page in a browser after.")
    @click.option(
        "--max-nodes",
        type=click.IntRange(1),
        default=5000,
        show_default=True,
        help="Refuse to draw more nodes than this.",
    )
    @store_option
    def visualize(
        view: str | None,
        all_views: bool,
        as_of: str | None,
        focus: str | None,
        depth: int,
        classes: tuple[str, ...],
        output: Path,
        fmt: str | None,
        open_file: bool,
        max_nodes: int,
        store_path: str | None,
        endpoint: str | None,
    ) -> None:
        """Draw a view as one self-contained HTML file (offline, no request leaves it).

        Examples: nato-eu-graph visualize --all -o out/views;
        nato-eu-graph visualize --as-of 2021-11-16 --focus "IMS-EUMS meeting of 16 November
        2021" --depth 2 -o meeting.html; nato-eu-graph visualize --view membership-overlap
        -o overlap.graphml
        """
        narrowed = view or focus or classes or as_of or fmt
        if all_views or (not narrowed and output.suffix.lower() not in SUFFIXES):
            if view or focus or classes or (fmt not in (None, "html")):
                raise click.UsageError("--all writes the default set; it takes only -o and --as-of")
            _write_set(_open_store(store_path, endpoint), output, as_of, max_nodes, open_file)
            return
        kind = fmt or SUFFIXES.get(output.suffix.lower(), "html")
        _write_one(
            _open_store(store_path, endpoint),
            view or "network",
            _as_of(as_of),
            focus,
            depth,
            classes,
            output,
            kind,
            max_nodes,
        )
        if open_file and kind == "html":
            click.launch(str(output))

    return visualize


def _write_set(
    store: Any, folder: Path, as_of: str | None, max_nodes: int, open_file: bool
) -> None:
    from datetime import date

    from ..views.viewset import write_default_set

    today = date.fromisoformat(_as_of(as_of))
    for page in write_default_set(store, folder, today=today, max_nodes=max_nodes):
        click.echo(f"wrote {page.path} ({page.nodes} nodes, {page.edges} edges)")
    click.echo(f"wrote {folder / 'index.html'}")
    if open_file:
        click.launch(str(folder / "index.html"))


def _write_one(
    store: Any,
    view: str,
    as_of: str,
    focus: str | None,
    depth: int,
    classes: tuple[str, ...],
    output: Path,
    kind: str,
    max_nodes: int,
) -> None:
    from ..query.catalog import get
    from ..views.draw import check_size, write_export, write_html
    from ..views.project import view_graph
    from ..views.viewset import subtitle

    graph = view_graph(store, view, as_of=as_of, focus=focus, depth=depth, classes=classes)
    if kind == "html":
        center = graph.graph.get("focus")
        label = str(graph.nodes[center]["label"]) if center else ""
        heading = get(view).title + (f" — around {label}" if label else "")
        write_html(
            graph,
            output,
            heading=heading,
            subtitle=subtitle(view, as_of, label, depth),
            max_nodes=max_nodes,
        )
    else:
        check_size(graph, max_nodes)
        write_export(graph, output, kind)
    click.echo(f"wrote {output} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")


def path_command(store_option: StoreOption) -> click.Command:
    @click.command()
    @click.argument("source", metavar="A")
    @click.argument("target", metavar="B")
    @click.option("--as-of", "as_of", metavar="DATE", help="The day to look at (default today).")
    @click.option("--view", default="network", show_default=True, help="The view to search in.")
    @click.option(
        "--limit",
        type=click.IntRange(1),
        default=5,
        show_default=True,
        help="At most this many paths.",
    )
    @store_option
    def path(
        source: str,
        target: str,
        as_of: str | None,
        view: str,
        limit: int,
        store_path: str | None,
        endpoint: str | None,
    ) -> None:
        """The shortest connections between two things, with the relations on the way.

        Example: nato-eu-graph path Wiermann "Hervé Bléjean" --as-of 2021-11-16
        """
        from ..views.analyse import shortest_paths
        from ..views.project import resolve_in, view_graph

        store = _open_store(store_path, endpoint)
        day = _as_of(as_of)
        graph = view_graph(store, view, as_of=day)
        a, b = resolve_in(store, graph, source), resolve_in(store, graph, target)
        found = shortest_paths(graph, a, b, limit=limit)
        label = graph.nodes
        if not found:
            click.echo(
                f"no connection between {label[a]['label']} and {label[b]['label']} "
                f"in {view} as of {day}"
            )
            raise click.exceptions.Exit(1)
        for i, steps in enumerate(found, 1):
            click.echo(f"path {i} ({len(steps)} steps), as of {day}:")
            click.echo(f"  {label[a]['label']}")
            for step in steps:
                arrows = [f"—{r}→" for r in step.forward] + [f"←{r}—" for r in step.backward]
                click.echo(f"    {' '.join(arrows)} {label[step.target]['label']}")

    return path


def centrality_command(store_option: StoreOption) -> click.Command:
    @click.command()
    @click.option("--as-of", "as_of", metavar="DATE", help="The day to look at (default today).")
    @click.option(
        "--top", type=click.IntRange(1), default=10, show_default=True, help="How many to list."
    )
    @click.option("--view", default="network", show_default=True, help="The view to rank in.")
    @store_option
    def centrality(
        as_of: str | None, top: int, view: str, store_path: str | None, endpoint: str | None
    ) -> None:
        """The best-connected things: betweenness (who sits between whom) and degree."""
        from ..views.analyse import centrality as rank
        from ..views.project import view_graph

        day = _as_of(as_of)
        graph = view_graph(_open_store(store_path, endpoint), view, as_of=day)
        click.echo(f"{view} as of {day}: {graph.number_of_nodes()} nodes")
        click.echo(f"{'rank':>4}  {'betweenness':>11}  {'degree':>6}  {'class':12}  name")
        for i, r in enumerate(rank(graph, top=top), 1):
            click.echo(f"{i:>4}  {r.betweenness:>11.3f}  {r.degree:>6}  {r.cls:12}  {r.label}")

    return centrality


def register(group: click.Group) -> None:
    """Add visualize, path and centrality to the group."""
    from .main import store_option

    group.add_command(visualize_command(store_option), name="visualize")
    group.add_command(path_command(store_option), name="path")
    group.add_command(centrality_command(store_option), name="centrality")
