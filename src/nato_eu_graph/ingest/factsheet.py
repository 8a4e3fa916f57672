"""Fact sheets: YAML (and CSV for memberships and tenures) for people who don't write RDF.

A fact sheet names things by any name the graph knows; new things are declared with an
``id``. Reading a sheet gives triples plus, for every node it wrote, the line it came
from, so that later errors (resolution, shapes) can point at the line. This module holds
the entry points and the CSV reader; the format is described in docs/fact-sheets.md.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ParseError
from .parse import MiB, read_bytes
from .resolve import Resolver
from .sections import Handler, membership, read_sheet, tenure
from .sheet import Existing, Reader, Sheet
from .sheet_yaml import Mapping, decode, load_yaml

MAX_SHEET_BYTES = 16 * MiB  # a sheet is written by hand: 1,000 facts take about 200 KB


Resolving = Resolver | Callable[[list[str]], Resolver]


def _resolver_for(resolving: Resolving, names: list[str]) -> Resolver:
    """A resolver as given, or one made for the values the sheet actually holds."""
    return resolving if isinstance(resolving, Resolver) else resolving(names)


def scalars(doc: Any) -> list[str]:
    """Every text value of a parsed sheet: the names it may refer things by."""
    if isinstance(doc, dict):
        return [v for value in doc.values() for v in scalars(value)]
    if isinstance(doc, list):
        return [v for value in doc for v in scalars(value)]
    return [doc] if isinstance(doc, str) else []


def read_yaml_sheet(
    path: Path,
    resolver: Resolving,
    *,
    upgrade: Callable[[], Resolver] | None = None,
    existing: Existing | None = None,
) -> tuple[Sheet, str]:
    raw = read_bytes(path, MAX_SHEET_BYTES)
    doc = load_yaml(raw, str(path))
    reader = Reader(
        str(path), _resolver_for(resolver, scalars(doc)), upgrade=upgrade, existing=existing
    )
    sheet = read_sheet(reader, doc)
    reader.check_new_ids()
    return sheet, hashlib.sha256(raw).hexdigest()


CSV_KINDS = {
    "memberships": ({"state", "organisation", "start"}, membership),
    "tenures": ({"person", "post"}, tenure),
}
MAX_CSV_COLUMNS = 64


def read_csv_sheet(
    path: Path,
    resolver: Resolving,
    *,
    upgrade: Callable[[], Resolver] | None = None,
    existing: Existing | None = None,
) -> tuple[Sheet, str]:
    """A CSV of memberships or tenures, one fact a row; the header says which."""
    raw = read_bytes(path, MAX_SHEET_BYTES)
    text = decode(raw, str(path))
    first = text.split("\n", 1)[0]
    if first.count(",") >= MAX_CSV_COLUMNS:
        raise ParseError(
            f"the header has more than {MAX_CSV_COLUMNS} columns",
            file=str(path),
            line=1,
            hint="a fact-sheet CSV has at most a dozen columns",
        )
    reader_csv = csv.reader(io.StringIO(text))
    cells = [c.strip() for c in text.replace("\n", ",").split(",") if c.strip()]
    r = Reader(str(path), _resolver_for(resolver, cells), upgrade=upgrade, existing=existing)
    try:
        _csv_sheet(r, reader_csv)
    except csv.Error as exc:  # e.g. a cell past csv's field size limit (128 KiB)
        raise ParseError(
            f"CSV error: {exc}",
            file=str(path),
            line=reader_csv.line_num,
            hint="check the quoting; cells hold short values",
        ) from None
    r.check_new_ids()
    return r.sheet, hashlib.sha256(raw).hexdigest()


def _csv_sheet(r: Reader, rows: Iterator[list[str]]) -> None:
    header = [h.strip() for h in next(rows, [])]
    kind = next((k for k, (needed, _) in CSV_KINDS.items() if needed <= set(header)), None)
    if kind is None:
        raise r.fail(
            "the CSV header names neither memberships nor tenures",
            1,
            hint="memberships: state,organisation,start,end,source; "
            "tenures: person,post,start,end,attested,source",
        )
    _csv_rows(r, rows, CSV_KINDS[kind][1], header)


def _csv_rows(r: Reader, rows: Iterator[list[str]], handler: Handler, header: list[str]) -> None:
    width = len(header)
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            raise r.fail(
                f"this row has {len(row)} cells, the header {width}",
                number,
                hint="give every row one cell per header column (empty cells are fine)",
            )
        m = Mapping({h: (c.strip() or None) for h, c in zip(header, row, strict=True)})
        m.line, m.key_lines = number, {}
        handler(r, m)
