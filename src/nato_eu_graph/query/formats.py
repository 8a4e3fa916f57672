"""Write query results as text: table, CSV, TSV, JSON, JSON Lines, Markdown, SPARQL-JSON
for SELECT and ASK; Turtle, N-Triples or JSON-LD for CONSTRUCT and DESCRIBE."""

from __future__ import annotations

import json
from collections.abc import Callable

import pyoxigraph as ox

from ..errors import QueryError
from ..namespaces import XSD, compact
from .execute import QueryResult, Term

TABLE_FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown", "sparql-json")
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
ALL_FORMATS = (*TABLE_FORMATS, *GRAPH_FORMATS)

_NUMERIC = {
    XSD + t
    for t in (
        "integer",
        "decimal",
        "double",
        "float",
        "nonNegativeInteger",
        "positiveInteger",
        "long",
        "int",
    )
}


def render(result: QueryResult, fmt: str) -> str:
    """The whole answer in one format, ending with a newline where the format has lines."""
    if result.kind == "graph":
        if fmt not in GRAPH_FORMATS:
            raise QueryError(
                f"a CONSTRUCT or DESCRIBE answer cannot be written as {fmt}",
                hint=f"use --format {' or '.join(GRAPH_FORMATS)}",
            )
        from ..ingest.export import to_bytes

        return to_bytes(result.triples, GRAPH_FORMATS[fmt]).decode("utf-8")
    if fmt not in TABLE_FORMATS:
        raise QueryError(
            f"a SELECT or ASK answer cannot be written as {fmt}",
            hint=f"use --format one of {', '.join(TABLE_FORMATS)}",
        )
    return _WRITERS[fmt](result)


def plain(term: Term | None) -> str:
    """A term as text for tables and CSV: IRIs and literals by their value."""
    return "" if term is None else term.value


def json_value(term: Term | None) -> object:
    """A term as a JSON value: numbers and booleans typed, everything else a string."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt in _NUMERIC:
            number = float(term.value)
            return int(number) if number.is_integer() and "." not in term.value else number
        if dt == XSD + "boolean":
            return term.value in ("true", "1")
    return term.value


def _rows(result: QueryResult) -> list[list[str]]:
    if result.kind == "ask":
        return [["true" if result.boolean else "false"]]
    return [[plain(r.get(v)) for v in result.variables] for r in result.rows]


def _header(result: QueryResult) -> list[str]:
    return ["answer"] if result.kind == "ask" else result.variables


def _delimited(delimiter: str) -> Callable[[QueryResult], str]:
    def write(result: QueryResult) -> str:
        import csv  # only the delimited formats need it
        import io

        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(_header(result))
        writer.writerows(_rows(result))
        return out.getvalue()

    return write


def _table(result: QueryResult) -> str:
    header = _header(result)
    rows = [[compact(c) for c in row] for row in _rows(result)]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _markdown(result: QueryResult) -> str:
    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    header = _header(result)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(compact(c)) for c in r) + " |" for r in _rows(result)]
    return "\n".join(lines) + "\n"


def _records(result: QueryResult) -> list[dict[str, object]]:
    return [{v: json_value(r.get(v)) for v in result.variables} for r in result.rows]


def _json(result: QueryResult) -> str:
    if result.kind == "ask":
        return json.dumps(result.boolean) + "\n"
    return json.dumps(_records(result), ensure_ascii=False, indent=2) + "\n"


def _jsonl(result: QueryResult) -> str:
    if result.kind == "ask":
        return json.dumps({"answer": result.boolean}) + "\n"
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(result))


def _sparql_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def _sparql_json(result: QueryResult) -> str:
    """The W3C SPARQL 1.1 Query Results JSON Format."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
    bindings = [{k: _sparql_term(v) for k, v in r.items() if v is not None} for r in result.rows]
    doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_WRITERS: dict[str, Callable[[QueryResult], str]] = {
    "table": _table,
    "csv": _delimited(","),
    "tsv": _delimited("\t"),
    "json": _json,
    "jsonl": _jsonl,
    "markdown": _markdown,
    "sparql-json": _sparql_json,
}
