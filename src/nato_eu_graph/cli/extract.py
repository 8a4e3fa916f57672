"""The ``extract`` command (press releases in, fact-sheet drafts out) and ``extract-eval``
(how well drafts match a curator's expected facts).

``register(group)`` adds them to a group; cli/main.py's group calls it when either is run.
The library is imported inside the commands, so ``nato-eu-graph --help`` stays fast.
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


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def extract_command(store_option: StoreOption) -> click.Command:
    @click.command()
    @click.argument(
        "releases", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="RELEASE..."
    )
    @click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        default=None,
        help="Write the draft to this file; with several releases or a folder, the folder "
        "to write one draft per release and summary.tsv into.",
    )
    @click.option(
        "--date",
        "day",
        metavar="YYYY-MM-DD",
        default=None,
        help="The release's date, when its first lines do not give it (one release only).",
    )
    @click.option(
        "--source",
        metavar="URL",
        default=None,
        help="The release's web address (one release only).",
    )
    @store_option
    def extract(
        releases: tuple[Path, ...],
        output: Path | None,
        day: str | None,
        source: str | None,
        store_path: str | None,
        endpoint: str | None,
    ) -> None:
        """Read press releases (text or HTML) and write fact-sheet drafts for `load`.

        Each draft says what kind of release it read (staff conference, council or leaders'
        meeting, signing, progress report, endorsement, appointment, recognition, or
        unknown) and drafts its facts with the graph's own names: meetings with their
        date, place, series, ordinal, participants and subjects; documents, adoptions,
        tenures and recognitions. Every statement has its evidence and a confidence in a
        comment; names the graph does not know are offered as commented entries to
        declare. Give one release to print its draft (or write it with -o FILE), or
        several releases or folders with -o FOLDER for one draft each and a summary table.
        Nothing is fetched. See docs/extract.md.
        """
        from ..extract.knowledge import Knowledge
        from ..store.connect import open_graph

        batch = len(releases) > 1 or any(r.is_dir() for r in releases)
        if batch and (day or source):
            raise click.UsageError("--date and --source apply to one release at a time")
        if batch and output is None:
            raise click.UsageError("several releases need -o FOLDER for their drafts")
        knowledge = Knowledge.from_store(open_graph(store_path, endpoint, read_only=True))
        if batch:
            _batch(list(releases), knowledge, output)  # type: ignore[arg-type]
        else:
            _single(releases[0], knowledge, output, day, source)

    return extract


def _single(
    release: Path, knowledge: Any, output: Path | None, day: str | None, source: str | None
) -> None:
    from ..extract.draft import render_draft, summary
    from ..extract.release import extract_file
    from ..files import write_text_atomic

    result = extract_file(release, knowledge, day=_day(day), source=source)
    draft = render_draft(result)
    if output is None:
        click.echo(draft, nl=False)
    else:
        write_text_atomic(output, draft)
        click.echo(f"wrote {output}: {summary(result)}")
    for note in result.notes:
        click.echo(f"note: {note}", err=True)


def _batch(paths: list[Path], knowledge: Any, out_dir: Path) -> None:
    from ..extract.batch import releases_in, run_batch, summary, write_summary

    rows = run_batch(releases_in(paths), knowledge, out_dir)
    click.echo(_table(summary(rows)))
    table = write_summary(rows, out_dir)
    failed = [r for r in rows if r.error]
    click.echo(f"wrote {len(rows) - len(failed)} drafts and {table}")
    if failed:
        raise click.ClickException(
            f"{len(failed)} release(s) could not be read (see the note column); "
            "the others were drafted"
        )


def eval_command(store_option: StoreOption) -> click.Command:
    @click.command(name="extract-eval")
    @click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
    @click.option(
        "--drafts",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Also keep the drafts in this folder.",
    )
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json"]),
        default="table",
        help="table for people, json for programs.",
    )
    @click.option("-v", "--verbose", is_flag=True, help="List each missed and extra fact.")
    @store_option
    def extract_eval(
        folder: Path,
        drafts: Path | None,
        fmt: str,
        verbose: bool,
        store_path: str | None,
        endpoint: str | None,
    ) -> None:
        """Score `extract` on an evaluation folder: precision and recall per fact type.

        The folder holds releases and, beside each, <name>.expected.yaml with the facts a
        curator draws from it (tests/extract_eval/README.md). Every release is drafted, its
        facts are read back from the draft and compared with the expected ones after both
        are resolved to the graph's things. Prints a row per fact type, per kind of release
        and over all facts.
        """
        import json

        from ..extract.evaluate import evaluate
        from ..extract.knowledge import Knowledge
        from ..store.connect import open_graph

        knowledge = Knowledge.from_store(open_graph(store_path, endpoint, read_only=True))
        score = evaluate(folder, knowledge, drafts)
        rows = score.rows()
        if fmt == "json":
            keys = ("facts", "right", "expected", "found", "precision", "recall")
            click.echo(json.dumps([dict(zip(keys, r, strict=True)) for r in rows], indent=2))
        else:
            head = ["facts", "right", "expected", "found", "precision", "recall"]
            body = [[r[0], *map(str, r[1:4]), f"{r[4]:.2f}", f"{r[5]:.2f}"] for r in rows]
            click.echo(_table([head, *body]))
        if verbose:
            for line in score.differences():
                click.echo(line)

    return extract_eval


def register(group: click.Group) -> None:
    """Add ``extract`` and ``extract-eval`` to the group."""
    from .main import store_option

    group.add_command(extract_command(store_option), name="extract")
    group.add_command(eval_command(store_option), name="extract-eval")
