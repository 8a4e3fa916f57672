"""The ``extract`` command: a press release in, a fact-sheet draft out.

``register(group)`` adds it to a group; cli/main.py's group calls it when ``extract`` is run.
The library is imported inside the command, so
``nato-eu-graph --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

StoreOption = Callable[[Callable[..., Any]], Callable[..., Any]]


def _day(value: str | None) -> Any:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date as YYYY-MM-DD", param_hint="--date"
        ) from None


def extract_command(store_option: StoreOption) -> click.Command:
    @click.command()
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write the draft to this file (default: print it).",
    )
    @click.option(
        "--date",
        "day",
        metavar="YYYY-MM-DD",
        default=None,
        help="The release's date, when its first lines do not give it.",
    )
    @click.option("--source", metavar="URL", default=None, help="The release's web address.")
    @store_option
    def extract(
        file: Path,
        output: Path | None,
        day: str | None,
        source: str | None,
        store_path: str | None,
        endpoint: str | None,
    ) -> None:
        """Read a press release (text or HTML) and write a fact-sheet draft for `load`.

        The draft names the meeting the release reports (date, place, series, host,
        guests, stand-ins, briefers and their topics, the next meeting planned) with the
        graph's own names; each statement has its evidence and a confidence in a comment.
        Names the graph does not know are listed as commented entries to declare.
        Nothing is fetched. See docs/extract.md.
        """
        from ..extract.draft import render_draft, summary
        from ..extract.knowledge import Knowledge
        from ..extract.release import extract_file
        from ..store.connect import open_graph

        knowledge = Knowledge.from_store(open_graph(store_path, endpoint, read_only=True))
        result = extract_file(file, knowledge, day=_day(day), source=source)
        draft = render_draft(result)
        if output is None:
            click.echo(draft, nl=False)
            for note in result.notes:
                click.echo(f"note: {note}", err=True)
            return
        from ..files import write_text_atomic

        write_text_atomic(output, draft)
        click.echo(f"wrote {output}: {summary(result)}")
        for note in result.notes:
            click.echo(f"note: {note}", err=True)

    return extract


def register(group: click.Group) -> None:
    """Add ``extract`` to the group."""
    from .main import store_option

    group.add_command(extract_command(store_option), name="extract")
