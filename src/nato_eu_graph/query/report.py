"""The competency report: every catalogue query run with its example parameters."""

from __future__ import annotations

from ..store.protocol import GraphStore
from .catalog import catalogue
from .execute import run_named
from .formats import render


def competency_report(store: GraphStore) -> str:
    """Markdown: for each query, its question, the parameters used and the answer."""
    parts = ["# Competency questions: answers from the store", ""]
    for q in catalogue().values():
        if q.kind != "query":
            continue
        params = dict(q.example)
        result = run_named(store, q, params)
        shown = ", ".join(f"`{k}={v}`" for k, v in params.items()) or "none"
        parts += [
            f"## {q.title}",
            "",
            q.description,
            "",
            f"`{q.name}`; parameters: {shown}; {len(result.rows)} rows",
            "",
            render(result, "markdown"),
        ]
    return "\n".join(parts)
