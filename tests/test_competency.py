"""Competency questions: exact answers, on Oxigraph (the store) and on rdflib alike."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from nato_eu_graph.ingest.build import curated_files
from nato_eu_graph.ingest.resolve import Resolver
from nato_eu_graph.query.catalog import catalogue, get
from nato_eu_graph.query.execute import QueryResult, bind, inject_values, run_named
from nato_eu_graph.store.embedded import EmbeddedStore

from .competency_cases import CASES, Case, render_doc

REPO = Path(__file__).resolve().parent.parent


def pick(values: list[dict[str, str | None]], case: Case) -> list[tuple[str, ...]]:
    return [tuple(v.get(c) or "" for c in case.columns) for v in values]


def check(found: list[tuple[str, ...]], case: Case) -> None:
    if "subset" in case.tags:
        missing = set(case.expected) - set(found)
        assert not missing, f"{case.id}: missing {sorted(missing)}"
    elif case.ordered:
        assert found == case.expected, case.id
    else:
        assert sorted(found) == sorted(case.expected), case.id


@pytest.fixture(scope="module")
def reference() -> rdflib.Dataset:
    """rdflib's in-memory engine over the same files, union default graph."""
    ds = rdflib.Dataset(default_union=True)
    for f in curated_files():
        ds.graph(rdflib.URIRef(f.graph)).parse(f.path)
    return ds


def rdflib_answer(
    ds: rdflib.Dataset, store: EmbeddedStore, case: Case
) -> list[dict[str, str | None]]:
    query = get(case.query)
    bound = bind(query, case.params, lambda: Resolver.from_store(store))
    result = ds.query(inject_values(query.text, bound))
    names = [str(v) for v in result.vars or []]
    return [{n: (str(r[n]) if r[n] is not None else None) for n in names} for r in result]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.id}-{c.query}")
def test_answer_on_oxigraph(built_store: EmbeddedStore, case: Case) -> None:
    result: QueryResult = run_named(built_store, get(case.query), case.params)
    check(pick(result.values(), case), case)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.id}-{c.query}")
def test_answer_on_rdflib(
    reference: rdflib.Dataset, built_store: EmbeddedStore, case: Case
) -> None:
    check(pick(rdflib_answer(reference, built_store, case), case), case)


def test_every_catalogue_query_has_a_competency_case() -> None:
    covered = {c.query for c in CASES}
    queries = {name for name, q in catalogue().items() if q.kind == "query"}
    assert queries - covered == set()
    assert len(queries) >= 20


def test_every_query_example_runs(built_store: EmbeddedStore) -> None:
    for q in catalogue().values():
        if q.kind == "query":
            result = run_named(built_store, q, dict(q.example))
            assert result.kind == "select", q.name


def test_competency_doc_is_current() -> None:
    doc = (REPO / "docs" / "competency-questions.md").read_text(encoding="utf-8")
    assert doc == render_doc(), "regenerate with: python scripts/make-competency-doc.py"
