"""A store behind a SPARQL 1.1 endpoint: every GraphStore operation as one HTTP request.

Queries and writes go as ``POST`` of an URL-encoded form (``query=`` or ``update=``), the
one way of the SPARQL 1.1 Protocol every engine tried accepts (Virtuoso 7 never answers a
direct ``application/sparql-query`` POST), with the standard library only. Answers come
back as the very objects ``pyoxigraph.Store.query`` returns, so the library runs unchanged
on a remote store.

The endpoint must show the union of its named graphs as the default graph (Oxigraph:
``--union-default-graph``; docs/scaling.md lists the setting of other engines): queries
are sent as written, never rewritten. Each write is one update request, which Oxigraph
applies in one transaction; other engines differ (docs/scaling.md).

Only the graphs nato-eu-graph writes (under ``https://w3id.org/nato-eu-graph/graph/``) are
listed, counted and exported: an engine's own graphs (Virtuoso keeps several) and other
datasets on the same server are left alone.

Credentials come from the environment only. A bearer token is sent with every request; a
user and password answer the server's challenge, HTTP Basic or Digest (Virtuoso's
authenticated endpoint asks for Digest and refuses a Basic header sent unasked). Redirects are never
followed (urllib would turn the POST into a GET and drop the query, or send it to another
host), and loopback endpoints bypass any proxy.
"""

from __future__ import annotations

import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .. import __version__
from ..errors import GraphError, QueryError, StoreError
from ..namespaces import GRAPH
from .http import AUTH_HINT, env_credentials, env_headers, opener
from .protocol import GraphSize, graph_block, replace_update
from .staged import STAGING, staged_write

ENV_UPDATE_ENDPOINT = "NATO_EU_GRAPH_UPDATE_ENDPOINT"
ENV_TIMEOUT = "NATO_EU_GRAPH_ENDPOINT_TIMEOUT"
ENV_STEP = "NATO_EU_GRAPH_ENDPOINT_STEP"
DEFAULT_STEP = 1000  # triples per update request; Virtuoso 7 refuses 2,000 of ours
DEFAULT_TIMEOUT = 120.0  # seconds without a byte from the server; queries have their own

# Only the graphs nato-eu-graph writes: an engine's own graphs are not the store's.
OURS = f'FILTER(STRSTARTS(STR(?g), "{GRAPH}") && !STRSTARTS(STR(?g), "{STAGING}"))'
RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.8"
RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,  # the old N-Triples media type (Virtuoso)
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
URL_HINT = (
    "check the URL: `nato-eu-graph serve` answers at http://HOST:PORT/sparql, Fuseki at "
    "http://HOST:3030/DATASET, GraphDB at http://HOST:7200/repositories/ID (docs/scaling.md)"
)

# The prologue (PREFIX, BASE, comments) before a query's form keyword.
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>)*", re.I)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


@dataclass(frozen=True)
class _Answer:
    body: bytes
    media_type: str  # lower case, without parameters


class RemoteStore:
    """A SPARQL 1.1 Query/Update endpoint that looks like the embedded store."""

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        credentials: tuple[str, str] | None = None,
        step: int = DEFAULT_STEP,
    ) -> None:
        self.url = _checked_url(url)
        self.update_url = _checked_url(update_url) if update_url else self.url
        self._headers = {"User-Agent": f"nato-eu-graph/{__version__}", **(headers or {})}
        self.timeout = timeout
        self.step = step
        self._opener = opener(self.url, self.update_url, credentials=credentials)

    @classmethod
    def connect(cls, url: str) -> RemoteStore:
        """The endpoint at ``url``, with update URL, credentials and timeout from the env."""
        return cls(
            url,
            update_url=os.environ.get(ENV_UPDATE_ENDPOINT) or None,
            headers=env_headers(os.environ),
            timeout=_timeout(os.environ.get(ENV_TIMEOUT, "")),
            credentials=env_credentials(os.environ),
            step=_step(os.environ.get(ENV_STEP, "")),
        )

    @property
    def location(self) -> str:
        return self.url

    @property
    def journal(self) -> Path | None:
        """None: an endpoint keeps its own logs (docs/scaling.md)."""
        return None

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str) -> Any:
        """QuerySolutions, QueryBoolean or an iterator of Triples, as pyoxigraph gives."""
        form = query_form(sparql)
        graph = form in ("CONSTRUCT", "DESCRIBE")
        accept = GRAPH_ACCEPT if graph else RESULTS_ACCEPT
        if form is None:  # unrecognised: let the server choose, read what comes back
            accept = f"{RESULTS_ACCEPT}, {GRAPH_ACCEPT}"
        answer = self._send(self.url, "query", sparql, accept)
        if graph and not answer.body:  # an empty graph, whatever the media type says
            return iter([])
        if answer.media_type in GRAPH_FORMATS and (graph or form is None):
            return iter(_triples(answer))
        return _boolean(_solutions(answer)) if form == "ASK" else _solutions(answer)

    def named_graphs(self) -> list[str]:
        return sorted(g for g in self.every_graph() if _ours(g))

    def every_graph(self) -> list[str]:
        """Every named graph of the endpoint, its own and staging graphs too."""
        names = self._graph_names("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        if not names:  # Virtuoso answers an empty pattern with one unbound row: ask for triples
            names = self._graph_names("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return names

    def _graph_names(self, sparql: str) -> list[str]:
        rows = self.query(sparql)
        return sorted(r["g"].value for r in rows if isinstance(r["g"], ox.NamedNode))

    def graph_sizes(self) -> list[GraphSize]:
        rows = self.query(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }} "
            "GROUP BY ?g ORDER BY ?g"
        )
        return [GraphSize(r["g"].value, int(r["n"].value)) for r in rows]

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads of one named graph, or of all of them (SPARQL cannot name the
        endpoint's own default graph while it stands for the union)."""
        only = f"VALUES ?g {{ <{graph}> }}" if graph else ""
        rows = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ {only} GRAPH ?g {{ ?s ?p ?o }} {OURS} }}")
        return iter([ox.Quad(r["s"], r["p"], _canonical(r["o"]), r["g"]) for r in rows])

    def __len__(self) -> int:
        rows = list(
            self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }}")
        )
        return int(rows[0]["n"].value) if rows else 0

    # ------------------------------------------------------------------ writing

    def replace_graphs(
        self,
        new: Mapping[str, Iterable[ox.Triple]],
        *,
        drop: Iterable[str] = (),
        meta_delete: str = "",
        meta_insert: Iterable[ox.Triple] = (),
        meta_graph: str = "",
    ) -> None:
        """The same single update request as ``EmbeddedStore.replace_graphs`` sends, or,
        past ``step`` triples, the same change staged and committed by one request."""
        graphs = {g: list(ts) for g, ts in new.items()}
        meta = list(meta_insert)
        if sum(map(len, graphs.values())) + len(meta) > self.step:
            added = {**graphs, meta_graph: meta} if meta else graphs
            dropped = set(drop) | set(graphs)
            staged_write(
                self.every_graph,
                self.update,
                added,
                drop=dropped,
                meta_delete=meta_delete,
                step=self.step,
            )
            return
        text = replace_update(
            graphs, drop=drop, meta_delete=meta_delete, meta_insert=meta, meta_graph=meta_graph
        )
        if text:
            self.update(text)

    def add_quads(self, quads: Iterable[ox.Quad], *, bulk: bool = False) -> None:
        """One INSERT DATA request: all the quads or none (on transactional engines); past
        ``step`` triples, staged and committed by one request. ``bulk`` changes nothing:
        an endpoint has no bulk loader reachable through SPARQL."""
        by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
        default: list[ox.Triple] = []
        for q in quads:
            if isinstance(q.graph_name, ox.NamedNode):
                by_graph[q.graph_name.value].append(q.triple)
            else:
                default.append(q.triple)
        if not default and sum(map(len, by_graph.values())) > self.step:
            staged_write(self.every_graph, self.update, by_graph, step=self.step)
            return
        blocks = [f"{t.subject} {t.predicate} {t.object} ." for t in default]
        blocks += [graph_block(g, triples) for g, triples in by_graph.items()]
        if blocks:
            self.update("INSERT DATA {\n" + "\n".join(blocks) + "\n}")

    def update(self, sparql: str) -> None:
        self._send(self.update_url, "update", sparql, "*/*")

    def flush(self) -> None:
        """Nothing to do: the server makes each update durable before it answers."""

    # ------------------------------------------------------------------ HTTP

    def _send(self, url: str, field: str, text: str, accept: str) -> _Answer:
        body = urllib.parse.urlencode({field: text}).encode("ascii")
        headers = {
            **self._headers,
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": accept,
        }
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        is_update = field == "update"
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                media = (
                    response.headers.get_content_type()
                    if "Content-Type" in response.headers
                    else ""
                )
                return _Answer(response.read(), media)
        except urllib.error.HTTPError as exc:
            raise _http_error(url, exc, is_update, len(body)) from None
        except TimeoutError:
            raise QueryError(
                f"no answer from {url} within {self.timeout:g} s",
                hint=f"the server may be overloaded or the request too heavy; "
                f"{ENV_TIMEOUT} sets how long to wait",
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            raise _unreachable(url, exc) from None
        except ValueError as exc:  # urllib's Digest handler met a challenge it cannot answer
            raise StoreError(
                f"{url} asks for credentials in a way nato-eu-graph cannot give ({exc})",
                hint=AUTH_HINT,
            ) from None


# ---------------------------------------------------------------------------- helpers


BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


def _canonical(term: Any) -> Any:
    """A boolean in its canonical form: Virtuoso gives ``"1"^^xsd:boolean`` for true."""
    if isinstance(term, ox.Literal) and term.datatype == BOOLEAN and term.value in ("1", "0"):
        return ox.Literal("true" if term.value == "1" else "false", datatype=BOOLEAN)
    return term


def _ours(graph: str) -> bool:
    return graph.startswith(GRAPH) and not graph.startswith(STAGING)


def query_form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, read after the prologue; None if unclear."""
    start = _PROLOGUE.match(sparql)
    found = _FORM.match(sparql, start.end() if start else 0)
    return found.group(1).upper() if found else None


def _solutions(answer: _Answer) -> Any:
    fmt = RESULT_FORMATS.get(answer.media_type)
    if fmt is None:
        raise StoreError(
            f"the endpoint answered with {answer.media_type or 'nothing'}, "
            "not SPARQL query results",
            hint=URL_HINT,
        )
    try:  # parse once to the end: errors surface here, not while the caller iterates
        first = ox.parse_query_results(answer.body, fmt)
        if isinstance(first, ox.QuerySolutions):
            for _ in first:
                pass
    except (SyntaxError, ValueError) as exc:
        raise _bad_answer(answer, exc) from None
    return ox.parse_query_results(answer.body, fmt)


def _boolean(result: Any) -> Any:
    """Virtuoso 7 answers an ASK with a pattern as one row of ``__ASK_RETVAL`` (1 or 0)
    instead of a boolean: read it as the boolean it stands for."""
    if not isinstance(result, ox.QuerySolutions):
        return result
    values = [row[0] for row in result if len(row) == 1]
    truth = bool(values) and getattr(values[0], "value", "0") not in ("0", "false")
    body = b'{"head": {}, "boolean": %s}' % (b"true" if truth else b"false")
    return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)


def _triples(answer: _Answer) -> list[ox.Triple]:
    try:
        return [q.triple for q in ox.parse(answer.body, GRAPH_FORMATS[answer.media_type])]
    except (SyntaxError, ValueError) as exc:
        raise _bad_answer(answer, exc) from None


def _bad_answer(answer: _Answer, exc: Exception) -> QueryError:
    # Oxigraph streams results: a query cancelled by --timeout ends in a plain message.
    tail = answer.body[-200:].decode("utf-8", "replace").strip().splitlines()
    said = f" (the server said: {tail[-1][-120:]})" if tail else ""
    return QueryError(
        f"the endpoint's answer is cut short or malformed: {exc}{said}",
        hint="a server-side query timeout does this; raise it (nato-eu-graph serve --timeout)",
    )


def _http_error(url: str, exc: urllib.error.HTTPError, is_update: bool, size: int) -> GraphError:
    status = f"{exc.code} {exc.reason}"
    said = _server_message(exc)
    what = "update" if is_update else "query"
    if 300 <= exc.code < 400:
        target = exc.headers.get("Location", "?")
        return StoreError(
            f"{url} redirects to {target} ({status}); redirects are not followed",
            hint="give the final URL with --endpoint if you trust it",
        )
    if exc.code == 401 or (exc.code == 403 and not is_update):
        return StoreError(f"{url} refused the {what} ({status}){said}", hint=AUTH_HINT)
    if is_update and exc.code in (403, 404, 405, 415):
        return StoreError(
            f"{url} refused the update ({status}){said}",
            hint="this command writes: point --endpoint (or "
            f"{ENV_UPDATE_ENDPOINT}) at an endpoint that accepts updates, such as "
            "`nato-eu-graph serve --writable`, with credentials allowed to write",
        )
    if exc.code in (404, 405, 406, 415):
        return StoreError(f"no SPARQL endpoint at {url} ({status}){said}", hint=URL_HINT)
    if exc.code == 413:
        return StoreError(
            f"{url} refused a {size}-byte {what} as too large ({status})",
            hint="load fewer files per command, or raise the server's request size limit",
        )
    if exc.code == 400:
        return QueryError(f"the endpoint rejected the {what}{said}", hint="check the SPARQL text")
    if "timeout" in said.lower() or "cancel" in said.lower():
        return QueryError(
            f"the endpoint gave up on the {what} ({status}){said}",
            hint="raise the server's query timeout (nato-eu-graph serve --timeout)",
        )
    return StoreError(f"the endpoint {url} failed ({status}){said}", hint="see the server's log")


def _server_message(exc: urllib.error.HTTPError) -> str:
    """The first line of the server's explanation, tags stripped, kept short."""
    try:
        raw = exc.read(4096).decode("utf-8", "replace")
    except OSError:
        return ""
    text = re.sub(r"<[^>]*>", " ", raw) if "html" in exc.headers.get_content_type() else raw
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return f": {lines[0][:200]}" if lines else ""


def _unreachable(url: str, exc: BaseException) -> StoreError:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        detail = "timed out"
    elif isinstance(reason, ConnectionRefusedError):
        detail = "connection refused"
    elif isinstance(reason, socket.gaierror):
        detail = "unknown host"
    else:
        detail = str(reason) or type(reason).__name__
    return StoreError(
        f"cannot reach the SPARQL endpoint {url}: {detail}",
        hint=f"is the server running? (`nato-eu-graph serve` starts one); {URL_HINT}",
    )


def _checked_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(
            f"{url!r} is not an http(s) URL of a SPARQL endpoint",
            hint="for example: --endpoint http://127.0.0.1:7878/sparql",
        )
    if parts.username or parts.password:
        raise StoreError(
            "credentials in the endpoint URL are refused (they would show in the process list)",
            hint=AUTH_HINT,
        )
    return url


def _step(raw: str) -> int:
    if not raw.strip():
        return DEFAULT_STEP
    if not raw.strip().isdigit() or int(raw) < 1:
        raise StoreError(f"{ENV_STEP}={raw!r} is not a number of triples", hint="e.g. 1000")
    return int(raw)


def _timeout(raw: str) -> float:
    if not raw.strip():
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise StoreError(f"{ENV_TIMEOUT}={raw!r} is not a number of seconds", hint="e.g. 300")
    return value
