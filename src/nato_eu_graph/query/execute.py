"""Run queries: bind typed parameters as RDF terms and collect the answers.

Parameters are bound with a ``VALUES`` block placed first in the outermost ``WHERE``
group, built from RDF terms, never by pasting text into the query: any SPARQL 1.1 engine
then sees the same bound query, and a value can never become syntax.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..errors import QueryError, UnknownEntityError
from ..namespaces import XSD
from ..store.protocol import GraphStore
from .catalog import NamedQuery, Param

if TYPE_CHECKING:  # the resolver is imported when a parameter needs it: `query` starts fast
    from ..ingest.resolve import Resolver

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass
class QueryResult:
    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def values(self) -> list[dict[str, str | None]]:
        """Rows with every term as its lexical value (IRIs as strings)."""
        return [{k: (v.value if v is not None else None) for k, v in r.items()} for r in self.rows]


def bind(
    query: NamedQuery,
    given: Mapping[str, str],
    resolver: Callable[[], Resolver] | None = None,
    *,
    today: date | None = None,
) -> dict[str, Term]:
    """Turn ``NAME=VALUE`` strings into RDF terms, checking each against its type."""
    for name in given:
        query.param(name)  # unknown parameter names are errors
    bound: dict[str, Term] = {}
    for p in query.params:
        raw = given.get(p.name, p.default)
        if raw is None:
            raise QueryError(
                f"query {query.name!r} needs the parameter {p.name!r} ({p.type})",
                hint=f"add -p {p.name}=VALUE" + (f"  ({p.description})" if p.description else ""),
            )
        bound[p.name] = convert(p, raw, resolver, today=today)
    return bound


def convert(
    p: Param, raw: str, resolver: Callable[[], Resolver] | None, *, today: date | None = None
) -> Term:
    """One parameter value as an RDF term of the parameter's type."""
    if p.type == "xsd:date":
        return ox.Literal(_date(p, raw, today).isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if p.type == "xsd:integer":
        if not re.fullmatch(r"[+-]?\d+", raw.strip()):
            raise _bad(p, raw, "a whole number")
        return ox.Literal(str(int(raw)), datatype=ox.NamedNode(XSD + "integer"))
    if p.type == "xsd:boolean":
        folded = raw.strip().lower()
        if folded not in {"true", "false", "1", "0", "yes", "no"}:
            raise _bad(p, raw, "true or false")
        value = "true" if folded in {"true", "1", "yes"} else "false"
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "boolean"))
    if p.type == "xsd:string":
        return ox.Literal(raw)
    if p.type == "iri":
        from ..ingest.resolve import expand_iri

        iri = expand_iri(raw)
        if iri is None:
            raise _bad(p, raw, "an IRI such as https://w3id.org/nato-eu-graph/id/organisation/nato")
        return _named_node(p, iri)
    return _resolve(p, raw, resolver)


def _date(p: Param, raw: str, today: date | None) -> date:
    if raw.strip().lower() == "today":
        return today or date.today()
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise _bad(p, raw, "a date as YYYY-MM-DD (or 'today')") from None


def _resolve(p: Param, raw: str, resolver: Callable[[], Resolver] | None) -> ox.NamedNode:
    if resolver is None:
        from ..ingest.resolve import expand_iri

        iri = expand_iri(raw)
        if iri is None:
            raise _bad(p, raw, "an IRI (names need a store to resolve against)")
        return _named_node(p, iri)
    try:
        return ox.NamedNode(resolver().resolve(raw, what=p.name))
    except UnknownEntityError as exc:
        raise QueryError(f"parameter {p.name!r}: {exc.message}", hint=exc.hint) from None


def _named_node(p: Param, iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise _bad(p, iri, "a valid IRI") from None


def _bad(p: Param, raw: str, expected: str) -> QueryError:
    return QueryError(f"parameter {p.name!r}: {raw!r} is not {expected}", hint=p.description)


def inject_values(sparql: str, bindings: Mapping[str, Term]) -> str:
    """Put ``VALUES (?a ?b) { (termA termB) }`` first inside the outermost WHERE group."""
    if not bindings:
        return sparql
    at = _where_brace(sparql)
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(str(v) for v in bindings.values())
    block = f"VALUES ({names}) {{ ({terms}) }}"
    bound = sparql[: at + 1] + f"\n  {block}\n" + sparql[at + 1 :]
    # also where the query asks for them (catalog.py): the terms are RDF terms, never text
    return _HERE.sub(lambda m: m.group(1) + block, bound)


_HERE = re.compile(r"^([ \t]*)# parameters here[ \t]*$", re.MULTILINE)


# Comments, strings and IRIs are skipped when looking for keywords in a query's text,
# read as SPARQL's grammar reads them: long strings first (a '#' or quote inside one
# starts nothing), and IRIREF's own characters (so "?a<?b||EXISTS{SERVICE ?s {}}&&?c>?d"
# is not mistaken for an IRI and skipped). Both were ways to slip SERVICE through.
_SKIP = (
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*"
)
_TOKEN = re.compile(_SKIP + r"|\bWHERE\b|\{", re.IGNORECASE)


def _where_brace(sparql: str) -> int:
    """Offset of the ``{`` that opens the outermost WHERE group (comments and strings skipped)."""
    seen_where = False
    for m in _TOKEN.finditer(sparql):
        token = m.group(0)
        if token.upper() == "WHERE":
            seen_where = True
        elif token == "{" and seen_where:
            return m.start()
    raise QueryError(
        "the query has no WHERE clause to bind parameters in",
        hint="write the pattern as 'WHERE { ... }'",
    )


def run(
    store: GraphStore,
    sparql: str,
    bindings: Mapping[str, Term] | None = None,
    *,
    timeout: float | None = None,
    allow_service: bool = False,
    source: str = "query",
) -> QueryResult:
    """Run SPARQL on the store (union default graph) and collect the whole answer.

    The text is checked first (syntax errors name the line and column of the text as
    written, before parameters are bound); SERVICE is refused unless ``allow_service``;
    past ``timeout`` seconds a QueryError is raised and the answer abandoned.
    """
    if not allow_service:
        refuse_service(sparql, source)
    check_syntax(sparql, source)
    bound = inject_values(sparql, bindings or {})
    if not allow_service:
        refuse_service(bound, source)  # again on what runs: bound values are terms, never syntax
    return _within(timeout, lambda: collect(store.query(bound)))


_SERVICE = re.compile(_SKIP + r"|\bSERVICE\b", re.IGNORECASE)


def refuse_service(sparql: str, source: str = "query") -> None:
    """Federated queries reach other servers: only when the user asks for it."""
    for m in _SERVICE.finditer(sparql):
        if m.group(0).upper() == "SERVICE":
            line = sparql.count("\n", 0, m.start()) + 1
            raise QueryError(
                f"{source}:{line}: SERVICE (a federated query to another server) is refused",
                hint="pass --allow-service if you mean to query a remote endpoint",
            )


_POSITION = re.compile(r"at (\d+):(\d+)")


def check_syntax(sparql: str, source: str = "query") -> None:
    """Parse the query as written (against an empty store) to report errors in place."""
    try:
        answer = ox.Store().query(sparql)
    except SyntaxError as exc:
        text = str(exc.msg or exc)
        where = _POSITION.search(text)
        place = f"{source}:{where.group(1)}:{where.group(2)}" if where else source
        detail = re.sub(r"^error\s*(at \d+:\d+)?:?\s*", "", text)
        raise QueryError(
            f"{place}: SPARQL syntax error: {detail}", hint="fix the query at that line and column"
        ) from None
    del answer  # evaluated lazily: nothing was computed


def _within(timeout: float | None, work: Callable[[], QueryResult]) -> QueryResult:
    """Run ``work`` in a thread (Oxigraph releases the GIL) and give up after ``timeout``."""
    if timeout is None:
        return work()
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = work()
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(
            f"the query ran longer than {timeout:g} s and was stopped",
            hint="narrow it (a date, a LIMIT, fewer OPTIONALs) or raise --timeout",
        )
    if "error" in box:
        raise box["error"]
    return box["result"]  # type: ignore[no-any-return]


def collect(answer: Any) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]
        rows = [{n: s[n] for n in names} for s in answer]
        return QueryResult("select", variables=names, rows=rows)
    return QueryResult("graph", triples=list(answer))


def run_named(
    store: GraphStore,
    query: NamedQuery,
    params: Mapping[str, str] | None = None,
    *,
    today: date | None = None,
    timeout: float | None = None,
) -> QueryResult:
    """Run a catalogue query with ``NAME=VALUE`` parameters, names resolved on the store."""
    cache: list[Resolver] = []
    names = [
        v
        for k, v in (params or {}).items()
        if k in {p.name for p in query.params if p.type == "name"}
    ]

    def resolver() -> Resolver:
        # Only the names this call uses: a store of a million triples need not be read.
        if not cache:
            from ..ingest.resolve import Resolver

            cache.append(Resolver.for_names(store, names))
        return cache[0]

    bindings = bind(query, params or {}, resolver, today=today)
    return run(store, query.text, bindings, timeout=timeout, source=str(query.path))
