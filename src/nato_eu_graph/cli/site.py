"""The ``site`` command: the whole graph as one static folder to publish or hand over.

``register(group)`` adds it to a group; cli/main.py's group calls it when ``site`` is run.
"""

from __future__ import annotations

from pathlib import Path

import click


def register(group: click.Group) -> None:
    """Add ``site`` to the group."""
    from .main import store_option

    @click.command(name="site")
    @click.option(
        "-o",
        "--output",
        type=click.Path(file_okay=False, path_type=Path),
        required=True,
        help="The folder to write the site into (replaced as a whole when done).",
    )
    @click.option("--no-views", is_flag=True, help="Leave out the network views.")
    @store_option
    def site(output: Path, no_views: bool, store_path: str | None, endpoint: str | None) -> None:
        """Write the graph as a static site: a page per named thing (its names, every
        fact about it with dates and sources, its Turtle and JSON-LD beside it), a
        timeline, the named queries with their answers, the coverage report, the network
        views, a search over every name, and the dataset's VoID and DCAT description.

        The folder opens offline (nothing is fetched) or can be served as it is; see
        docs/publishing.md for serving it and redirecting the graph's addresses to it.
        Set SOURCE_DATE_EPOCH for byte-identical output from the same store.
        """
        from ..site.write import write_site
        from ..store.connect import open_graph

        written = write_site(
            open_graph(store_path, endpoint, read_only=True), output, views=not no_views
        )
        click.echo(
            f"wrote {written.folder}: {written.pages} pages, {written.files} files, "
            f"{written.bytes / 1e6:.1f} MB"
        )

    group.add_command(site)
