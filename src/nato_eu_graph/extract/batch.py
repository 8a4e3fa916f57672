"""Many releases at once: one draft per release in a folder, and a summary of them.

The graph's names are read once for the whole batch. A meeting two releases report (same
day, and the same series or the same people) is drafted from the first release only; the
later draft says which draft holds it. A release that cannot be read is reported in the
summary and the others are still drafted: one bad file loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import GraphError, ParseError
from ..files import write_text_atomic
from .draft import render_draft
from .knowledge import Knowledge
from .model import Extraction, MeetingDraft
from .release import extract_file

SUFFIXES = (".txt", ".html", ".htm", ".xhtml")


@dataclass
class Row:
    """One release of a batch and what became of it."""

    release: Path
    draft: Path | None = None
    date: str = ""
    kind: str = ""
    facts: int = 0
    unknown: int = 0  # names the graph does not know, offered to declare
    lowest: float | None = None
    duplicate_of: str = ""
    error: str = ""


def releases_in(paths: list[Path]) -> list[Path]:
    """The releases named, with the releases inside any folder named (by name order)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.exists():
            out.append(path)
        else:
            raise ParseError(
                "no such file or folder", file=str(path), hint="give releases or folders of them"
            )
    if not out:
        raise ParseError(
            "no releases found (.txt or .html files)",
            file=", ".join(map(str, paths)),
            hint="a batch reads the .txt and .html files of the folders it is given",
        )
    return list(dict.fromkeys(out))


def run_batch(releases: list[Path], knowledge: Knowledge, out_dir: Path) -> list[Row]:
    """Draft every release into ``out_dir``; the rows say what each gave."""
    out_dir.mkdir(parents=True, exist_ok=True)
    seen: dict[tuple[str, ...], str] = {}  # meeting key -> the draft that holds it
    used: set[str] = set()
    rows = []
    for release in releases:
        row = Row(release)
        rows.append(row)
        try:
            ex = extract_file(release, knowledge)
        except GraphError as exc:
            row.error = exc.message
            continue
        target = _draft_path(out_dir, release, used)
        _drop_duplicates(ex, seen, target.name, row)
        write_text_atomic(target, render_draft(ex))
        row.draft = target
        row.date = ex.release_date.value if ex.release_date else ""
        row.kind = ex.kind.value
        row.facts = ex.facts()
        row.unknown = len(ex.candidates) + len(ex.documents)
        row.lowest = ex.lowest_confidence()
    return rows


def _draft_path(out_dir: Path, release: Path, used: set[str]) -> Path:
    name, n = f"{release.stem}.yaml", 2
    while name in used:
        name, n = f"{release.stem}-{n}.yaml", n + 1
    used.add(name)
    return out_dir / name


def _drop_duplicates(
    ex: Extraction, seen: dict[tuple[str, ...], str], draft: str, row: Row
) -> None:
    kept = []
    for meeting in ex.meetings:
        keys = _keys(meeting)
        first = next((seen[k] for k in keys if k in seen), None)
        if first is None:
            for k in keys:
                seen[k] = draft
            kept.append(meeting)
            continue
        row.duplicate_of = first
        ex.notes.append(
            f"the meeting of {meeting.date.value if meeting.date else '?'} "
            f"({meeting.label}) is drafted in {first} already: left out here"
        )
    ex.meetings = kept


def _keys(m: MeetingDraft) -> list[tuple[str, ...]]:
    """What makes two releases' meetings one: the day, and the series or the people."""
    if m.date is None:
        return []
    keys: list[tuple[str, ...]] = []
    if m.series and m.series.thing:
        keys.append((m.date.value, m.series.thing.iri))
    people = sorted(p.who.iri for p in m.participants if p.who.kind == "person")
    if len(people) >= 2:
        keys.append((m.date.value, *people))
    return keys


def summary(rows: list[Row]) -> list[list[str]]:
    """The summary table: a header row, then one row per release."""
    table = [["release", "date", "kind", "facts", "unknown names", "lowest confidence", "note"]]
    for r in rows:
        note = r.error or (f"same meeting as {r.duplicate_of}" if r.duplicate_of else "")
        table.append(
            [
                r.release.name,
                r.date or ("" if r.error else "TODO"),
                r.kind,
                str(r.facts) if not r.error else "",
                str(r.unknown) if not r.error else "",
                f"{r.lowest:.2f}" if r.lowest is not None else "",
                note,
            ]
        )
    return table


def write_summary(rows: list[Row], out_dir: Path) -> Path:
    """The summary as tab-separated values beside the drafts."""
    path = out_dir / "summary.tsv"
    lines = ["\t".join(cell.replace("\t", " ") for cell in row) for row in summary(rows)]
    write_text_atomic(path, "\n".join(lines) + "\n")
    return path
