"""The Python API, for notebooks and scripts.

    from nato_eu_graph import Graph

    g = Graph.open()                                  # the default embedded store
    rows = g.query("common-members", date="2021-11-16")
    rows[0]["name"]                                   # 'Belgium'
    rows.to_dataframe()                               # with pandas installed
    net = g.network("network", as_of="2021-11-16")    # a networkx.MultiDiGraph

Rows are plain dicts of Python values (numbers and booleans typed, dates and IRIs as
text); the same queries, parameters and checks as the command line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import GraphError
from .query.catalog import NamedQuery, catalogue, get
from .query.execute import QueryResult, run, run_named
from .store.embedded import EmbeddedStore
from .store.protocol import GraphStore

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd


class Rows(list[dict[str, Any]]):
    """The rows of a SELECT answer, in order, with the names of its columns."""

    def __init__(self, result: QueryResult) -> None:
        from .query.formats import json_value

        super().__init__({v: json_value(r.get(v)) for v in result.variables} for r in result.rows)
        self.variables = list(result.variables)

    def to_dataframe(self) -> pd.DataFrame:
        """A pandas DataFrame (``pip install 'nato-eu-graph[pandas]'``)."""
        try:
            import pandas as pd
        except ImportError:
            raise GraphError(
                "pandas is not installed", hint="pip install 'nato-eu-graph[pandas]'"
            ) from None
        return pd.DataFrame(list(self), columns=self.variables)


class Graph:
    """A handle on one store: named queries, ad hoc SPARQL and network views."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def close(self) -> None:
        """Release an embedded store (and its lock, so the CLI can use it again)."""
        close = getattr(self.store, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @classmethod
    def open(cls, store: str | Path | None = None, *, endpoint: str | None = None) -> Graph:
        """The embedded store at ``store`` (or the default one), or a SPARQL endpoint.

        The embedded store opens read-only: other readers (the CLI's queries, other
        notebooks) can use it at the same time; writers wait until the handle is closed.
        """
        from .store.connect import open_graph

        return cls(open_graph(str(store) if store else None, endpoint, read_only=True))

    @classmethod
    def build(cls, store: str | Path | None = None) -> Graph:
        """Build the curated graph into ``store`` (in memory when None) and open it."""
        from .ingest.build import build

        target = EmbeddedStore.open(store, create=True) if store else EmbeddedStore.in_memory()
        build(target)
        return cls(target)

    def queries(self) -> list[NamedQuery]:
        return list(catalogue().values())

    def query(self, name: str, *, timeout: float | None = None, **params: object) -> Rows:
        """Run a named query; parameters by keyword (dates as ``date`` or 'YYYY-MM-DD').

        Past ``timeout`` seconds a QueryError is raised; the engine cannot be interrupted,
        so the abandoned query goes on in a background thread until it ends.
        """
        given = {k: v.isoformat() if isinstance(v, date) else str(v) for k, v in params.items()}
        return self._rows(run_named(self.store, get(name), given, timeout=timeout))

    def sparql(self, text: str, *, timeout: float | None = None) -> Rows | bool:
        """Run SPARQL text: rows for SELECT, a bool for ASK."""
        result = run(self.store, text, timeout=timeout)
        if result.kind == "ask":
            return bool(result.boolean)
        return self._rows(result)

    def network(
        self,
        view: str = "network",
        *,
        as_of: str | date | None = None,
        focus: str | None = None,
        depth: int = 2,
        classes: tuple[str, ...] = (),
    ) -> nx.MultiDiGraph:
        """A view as a ``networkx.MultiDiGraph`` (parallel relations kept)."""
        from .views.project import view_graph

        return view_graph(self.store, view, as_of=as_of, focus=focus, depth=depth, classes=classes)

    @staticmethod
    def _rows(result: QueryResult) -> Rows:
        if result.kind != "select":
            raise GraphError("this query does not give rows", hint="use it through the CLI")
        return Rows(result)
