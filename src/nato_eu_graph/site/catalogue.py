"""The query catalogue as pages: each named query with its title, description,
parameters, SPARQL text and its answer for its example parameters (links to the pages of
the things in it); and the coverage report (the gaps a curator should fill).
"""

from __future__ import annotations

from ..errors import QueryError
from ..query.catalog import NamedQuery, catalogue
from ..query.coverage import as_text, coverage
from ..query.execute import QueryResult, run_named
from ..store.protocol import GraphStore
from .graph import SiteGraph
from .html import esc, link, page, table

TIMEOUT = 10.0  # seconds for one query's answer on a page: a large store may take longer


def query_pages(store: GraphStore, g: SiteGraph, timeout: float = TIMEOUT) -> dict[str, str]:
    """Path -> page, for every catalogue query, its index and the coverage report. A query
    that takes longer than ``timeout`` gets its page without its answer, saying so."""
    out: dict[str, str] = {}
    rows = []
    answers: dict[str, QueryResult] = {}  # those without parameters, which coverage reuses
    for q in catalogue().values():
        if q.kind != "query":
            continue
        path = f"queries/{q.name}.html"
        out[path] = _query_page(store, g, q, path, timeout, answers)
        rows.append([link("queries/index.html", path, q.name), esc(q.title)])
    body = (
        "<h1>Named queries</h1><p>Each query with its parameters, its SPARQL and its answer "
        "for its example parameters. Run any of them with <code>nato-eu-graph query "
        "NAME</code>.</p>"
        + table(["query", "question"], rows)
        + '<p><a href="coverage.html">Coverage: what the graph holds and the gaps to fill</a></p>'
    )
    out["queries/index.html"] = page("queries/index.html", "Named queries", body)
    try:
        found = coverage(store, timeout=timeout, answers=answers)
        report = f"<pre>{esc(as_text(found, markdown=True))}</pre>"
    except QueryError:
        report = _too_long("nato-eu-graph coverage", timeout)
    out["queries/coverage.html"] = page(
        "queries/coverage.html", "Coverage", f"<h1>Coverage</h1>{report}"
    )
    return out


def _too_long(command: str, timeout: float) -> str:
    return (
        f"<p>Not computed: it took longer than {timeout:g} s on this store. Run "
        f"<code>{esc(command)}</code> for the answer.</p>"
    )


def _query_page(
    store: GraphStore,
    g: SiteGraph,
    q: NamedQuery,
    path: str,
    timeout: float,
    answers: dict[str, QueryResult],
) -> str:
    params = dict(q.example)
    command = f"nato-eu-graph query {q.name}" + "".join(f" -p {k}={v}" for k, v in params.items())
    try:
        result = run_named(store, q, params, timeout=timeout)
        if not params:
            answers[q.name] = result
    except QueryError:
        body = (
            f"<h1>{esc(q.title)}</h1><p>{esc(q.description)}</p>"
            + _too_long(command, timeout)
            + f"<h2>SPARQL</h2><pre>{esc(q.text)}</pre>"
        )
        return page(path, q.title, body)
    ptable = table(
        ["parameter", "type", "meaning", "example"],
        [
            [esc(p.name), esc(p.type), esc(p.description), esc(params.get(p.name, ""))]
            for p in q.params
        ],
    )
    head = list(result.variables)
    rows = [[_cell(g, path, r.get(v)) for v in head] for r in result.rows[:500]]
    more = (
        f'<p class="muted">{len(result.rows) - 500} more rows not shown.</p>'
        if len(result.rows) > 500
        else ""
    )
    body = (
        f"<h1>{esc(q.title)}</h1><p>{esc(q.description)}</p>"
        f'<p class="muted"><code>nato-eu-graph query {esc(q.name)}'
        + "".join(f" -p {esc(k)}={esc(v)}" for k, v in params.items())
        + "</code></p>"
        + ("<h2>Parameters</h2>" + ptable if q.params else "")
        + f"<h2>Answer ({len(result.rows)} rows)</h2>"
        + (table(head, rows) or "<p>No rows.</p>")
        + more
        + f"<h2>SPARQL</h2><pre>{esc(q.text)}</pre>"
    )
    return page(path, q.title, body)


def _cell(g: SiteGraph, path: str, term: object) -> str:
    if term is None:
        return ""
    text = getattr(term, "value", str(term))
    if text in g.paths:
        return link(path, g.paths[text], g.label(text))
    return esc(text)
