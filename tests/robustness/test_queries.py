"""Queries: SERVICE is refused unless enabled, however it is written; a refused query
reaches no server (a local listener counts connections); the gate is what holds, since
with --allow-service the same query does connect. Runaway queries and parameter
injection are covered in tests/test_query.py; this adds what was missing."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from nato_eu_graph.errors import QueryError
from nato_eu_graph.query.catalog import catalogue, parse_header
from nato_eu_graph.query.execute import refuse_service, run, run_named
from nato_eu_graph.store.embedded import EmbeddedStore

from .conftest import run_fenced

SNEAKY = {
    "lower-case": "SELECT * WHERE {{ service <{u}> {{ ?s ?p ?o }} }}",
    "mixed-case": "SELECT * WHERE {{ SeRvIcE SILENT <{u}> {{ ?s ?p ?o }} }}",
    "after-a-comment": "# a harmless query\nSELECT * WHERE {{ # look\n"
    " SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "in-a-subquery": "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }} }}",
    "no-spaces": "SELECT*WHERE{{SERVICE<{u}>{{?s?p?o}}}}",
    # A '#' inside a long string is not a comment: the old scanner took it for one.
    "after-a-long-string": 'SELECT * WHERE {{ BIND("""x\n# """ AS ?a)'
    " SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "long-single-quotes": "SELECT * WHERE {{ BIND('''x\n# ''' AS ?a)"
    " SERVICE <{u}> {{ ?s ?p ?o }} }}",
    # '<' ... '>' around it is a comparison, not an IRI: the old scanner skipped it.
    "between-comparisons": "SELECT * WHERE {{ BIND(<{u}> AS ?e) "
    "FILTER(?z<0||EXISTS{{SERVICE?e{{?s?p?o}}}}||1>2) }}",
    "in-exists": "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
}


@pytest.mark.parametrize("case", list(SNEAKY))
def test_service_is_refused_however_written(case: str, listener: tuple[str, list[bytes]]) -> None:
    url, hits = listener
    sparql = SNEAKY[case].format(u=url + "/sparql")
    with pytest.raises(QueryError, match="SERVICE") as caught:
        run(EmbeddedStore.in_memory(), sparql, timeout=5)
    assert "--allow-service" in caught.value.hint
    assert hits == []


def test_the_gate_is_what_holds(listener: tuple[str, list[bytes]]) -> None:
    """With SERVICE allowed the same query does connect: the listener would have seen it."""
    url, hits = listener
    with contextlib.suppress(Exception):  # the listener answers no SPARQL; connecting counts
        run(
            EmbeddedStore.in_memory(),
            SNEAKY["lower-case"].format(u=url + "/sparql"),
            allow_service=True,
        )
    assert hits


@pytest.mark.parametrize(
    "sparql",
    [
        'SELECT * WHERE { BIND("SERVICE" AS ?x) }',
        "SELECT * WHERE { BIND('''a SERVICE b''' AS ?x) }",
        "SELECT * WHERE { ?s <https://e.org/SERVICE> ?o }",
        "# SERVICE <http://e.org/> in a comment\nSELECT * WHERE { ?s ?p ?o }",
    ],
)
def test_the_word_in_strings_iris_and_comments_is_no_service(sparql: str) -> None:
    refuse_service(sparql)


def test_service_in_a_named_query_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sneaky.rq"
    path.write_text(
        "# title: Looks harmless\n# description: but federates\n"
        "# param: who xsd:string = x   a name\n"
        "SELECT * WHERE {\n  # nothing to see\n"
        "  service <http://127.0.0.1:9/sparql> { ?s ?p ?o }\n}\n",
        encoding="utf-8",
    )
    named = parse_header(path)
    with pytest.raises(QueryError, match=r"sneaky.rq:6: SERVICE"):
        run_named(EmbeddedStore.in_memory(), named, {"who": "y"})


def test_no_catalogue_query_uses_service() -> None:
    for named in catalogue().values():
        refuse_service(named.text, str(named.path))


def test_a_query_file_with_service_is_refused_by_the_cli(store_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text(
        SNEAKY["after-a-long-string"].format(u="http://127.0.0.1:9/s"), encoding="utf-8"
    )
    proc = run_fenced("query", "--file", str(path), "--store", str(store_copy))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"Error: {path}:2: SERVICE" in proc.stderr and "--allow-service" in proc.stderr


def test_a_runaway_query_in_a_fenced_process_stops(store_copy: Path) -> None:
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    proc = run_fenced("query", "--sparql", cross, "--timeout", "1", "--store", str(store_copy))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "longer than 1 s" in proc.stderr and proc.seconds < 10
