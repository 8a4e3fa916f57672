"""The researcher workflow: the catalogue, every output format read back, typed
parameters, injection, timeouts, syntax errors, start-up cost, the Python API."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from nato_eu_graph.cli.main import main

from .competency_cases import CASES, Case
from .conftest import REPO, run_cli

FORMATS = ("csv", "tsv", "json", "jsonl", "sparql-json", "markdown", "table")


def cli(store: Path, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--store", str(store)])
    assert result.exit_code == 0, result.output
    return result.output


def parse(fmt: str, text: str) -> list[dict[str, str]]:
    """Read an answer back the way a user's tool would."""
    if fmt in ("csv", "tsv"):
        return list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
    if fmt == "json":
        return [{k: "" if v is None else str(v) for k, v in r.items()} for r in json.loads(text)]
    if fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        return [{k: "" if v is None else str(v) for k, v in r.items()} for r in rows]
    if fmt == "sparql-json":
        doc = json.loads(text)
        return [
            {v: b.get(v, {}).get("value", "") for v in doc["head"]["vars"]}
            for b in doc["results"]["bindings"]
        ]
    lines = [ln for ln in text.splitlines() if ln.startswith("|")]
    header = [c.strip() for c in lines[0].strip("|").split(" | ")]
    return [
        dict(zip(header, [c.strip() for c in ln.strip("|").split(" | ")], strict=True))
        for ln in lines[2:]
    ]


def expected_rows(case: Case, rows: list[dict[str, str]]) -> list[tuple[str, ...]]:
    return [tuple(r.get(c) or "" for c in case.columns) for r in rows]


@pytest.fixture(scope="module")
def shared_copy(tmp_path_factory: pytest.TempPathFactory, template_store: Path) -> Path:
    import shutil

    path = tmp_path_factory.mktemp("query") / "store"
    shutil.copytree(template_store, path)
    return path


@pytest.mark.parametrize("fmt", FORMATS[:-1])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_query_in_every_format_reads_back(shared_copy: Path, case: Case, fmt: str) -> None:
    args = ["query", case.query, "--format", fmt]
    for k, v in case.params.items():
        args += ["-p", f"{k}={v}"]
    found = expected_rows(case, parse(fmt, cli(shared_copy, *args)))
    if fmt == "markdown":  # Markdown shows IRIs in compact form, as people read them
        found = [
            tuple(re.sub(r"^id:", "https://w3id.org/nato-eu-graph/id/", v) for v in row)
            for row in found
        ]
    if "subset" in case.tags:
        assert set(case.expected) <= set(found)
    elif case.ordered:
        assert found == case.expected
    else:
        assert sorted(found) == sorted(case.expected)


def test_table_format_and_csv_default_when_piped(store_copy: Path) -> None:
    piped = run_cli(
        "query", "common-members", "--as-of", "2021-11-16", "--store", str(store_copy), check=True
    ).stdout
    assert piped.splitlines()[0] == "state,name"
    table = cli(store_copy, "query", "common-members", "--as-of", "2021-11-16", "--format", "table")
    assert "(21 rows)" in table and "id:state/belgium" in table


def test_catalogue_lists_typed_parameters(shared_copy: Path) -> None:
    doc = json.loads(CliRunner().invoke(main, ["queries", "--format", "json"]).output)
    byname = {q["name"]: q for q in doc}
    assert {
        "name": "date",
        "type": "xsd:date",
        "default": "today",
        "description": "the day to look at",
    } in byname["common-members"]["params"]
    assert byname["network"]["kind"] == "view"
    assert len([q for q in doc if q["kind"] == "query"]) >= 20


def test_get_reads_one_file_and_agrees_with_the_whole_catalogue() -> None:
    from nato_eu_graph.errors import QueryError
    from nato_eu_graph.query.catalog import catalogue, get

    whole = catalogue()
    assert {name: get(name) for name in whole} == whole
    for bad in ("../queries/common-members", "views/network", "common-members.rq", ""):
        with pytest.raises(QueryError, match="no named query"):
            get(bad)


def test_get_reports_a_query_and_a_view_of_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nato_eu_graph.errors import QueryError
    from nato_eu_graph.query import catalog

    (tmp_path / "views").mkdir()
    for path in (tmp_path / "twin.rq", tmp_path / "views" / "twin.rq"):
        path.write_text("# title: Twin\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    monkeypatch.setattr(catalog, "queries_dir", lambda: tmp_path)
    catalog.catalogue.cache_clear()
    try:
        with pytest.raises(QueryError, match="a query named 'twin' exists already"):
            catalog.get("twin")
    finally:
        catalog.catalogue.cache_clear()


@pytest.mark.parametrize(
    "args,message",
    [
        (["common-members", "-p", "date=2021-02-30"], "'2021-02-30' is not a date"),
        (
            ["members-on-date", "-p", "org=Atlantis Pact"],
            "parameter 'org': no org is known by the name 'Atlantis Pact'",
        ),
        (["members-on-date"], "needs the parameter 'org'"),
        (["common-members", "-p", "nope=1"], "has no parameter 'nope'"),
        (["facts-from-source", "-p", "source=not an iri"], "is not an IRI"),
        (["no-such-query"], "no named query 'no-such-query'"),
    ],
)
def test_bad_parameters_are_clear_errors(store_copy: Path, args: list[str], message: str) -> None:
    proc = run_cli("query", *args, "--store", str(store_copy))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert message in proc.stderr, proc.stderr


INJECTIONS = [
    '"} ; DROP ALL ; {"',
    "x' } DROP ALL { '",
    '\\" } ; CLEAR DEFAULT ; # ',
    "<http://evil> } INSERT DATA { <a> <b> <c> } {",
]


@pytest.mark.parametrize("text", INJECTIONS)
def test_string_parameters_cannot_inject(store_copy: Path, text: str) -> None:
    before = run_cli("export", "--store", str(store_copy), check=True).stdout
    proc = run_cli(
        "query",
        "search-names",
        "-p",
        f"text={text}",
        "--format",
        "json",
        "--store",
        str(store_copy),
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []  # taken as a literal that matches no name
    assert run_cli("export", "--store", str(store_copy), check=True).stdout == before


def test_string_parameter_matches_as_a_literal(store_copy: Path) -> None:
    rows = json.loads(
        run_cli(
            "query",
            "search-names",
            "-p",
            "text=military staff",
            "--format",
            "json",
            "--store",
            str(store_copy),
            check=True,
        ).stdout
    )
    names = {r["name"] for r in rows}
    assert {"NATO International Military Staff", "European Union Military Staff"} <= names


def test_syntax_error_in_a_query_file_names_line_and_column(
    store_copy: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?s WHERE {\n  ?s ?p ?o .\n  OPTIONAL ?s ?p ?o .\n}\n", encoding="utf-8")
    proc = run_cli("query", "--file", str(bad), "--store", str(store_copy))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{bad}:3:12: SPARQL syntax error" in proc.stderr


def test_service_is_refused_by_default(store_copy: Path) -> None:
    proc = run_cli(
        "query",
        "--sparql",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "--store",
        str(store_copy),
    )
    assert proc.returncode == 1 and "SERVICE" in proc.stderr and "--allow-service" in proc.stderr


def test_a_runaway_query_stops_at_the_timeout(store_copy: Path) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
    proc = run_cli(
        "query", "--sparql", runaway, "--timeout", "1", "--store", str(store_copy), timeout=60
    )
    assert proc.returncode == 1
    assert "ran longer than 1 s" in proc.stderr and "Traceback" not in proc.stderr


def test_query_imports_no_heavy_library(store_copy: Path) -> None:
    code = (
        "import sys\n"
        "from nato_eu_graph.cli.main import main\n"
        "try:\n"
        f"    main(['query', 'common-members', '--as-of', '2021-11-16', '--format', 'json',"
        f" '--store', {str(store_copy)!r}])\n"
        "except SystemExit:\n    pass\n"
        "print('HEAVY=' + ','.join(m for m in ('pyvis', 'networkx', 'pyshacl', 'rdflib')"
        " if m in sys.modules))\n"
        "print('COMMANDS=' + ','.join(sorted(m.split('.')[-1] for m in sys.modules"
        " if m.startswith('nato_eu_graph.cli.') and m != 'nato_eu_graph.cli.main')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert '"name": "Belgium"' in out.stdout
    assert out.stdout.strip().splitlines()[-2:] == ["HEAVY=", "COMMANDS=query"]


def test_the_documented_python_example_runs() -> None:
    doc = (REPO / "docs" / "python-api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", doc, flags=re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "docs/python-api.md", "exec"), {})


def test_python_api_rows_and_network(built_store: object) -> None:
    from nato_eu_graph import Graph

    g = Graph(built_store)  # type: ignore[arg-type]
    rows = g.query("post-holder-on-date", post="DGIMS", date="2022-07-14")
    assert sorted(r["name"] for r in rows) == ["Hans-Werner Wiermann", "Janusz Adamczak"]
    assert rows.variables == ["person", "name", "from", "to"]
    counts = g.query("membership-counts", date="2021-11-16")
    assert {r["name"]: r["members"] for r in counts} == {
        "European Union": 27,
        "North Atlantic Treaty Organization": 30,
    }
    net = g.network("membership-overlap", as_of="2021-11-16")
    assert net.number_of_nodes() > 30
    assert g.sparql("ASK { ?s ?p ?o }") is True


def test_an_open_python_handle_shares_with_readers_and_holds_off_writers(
    store_copy: Path,
) -> None:
    from nato_eu_graph import Graph

    sheet = str(REPO / "tests" / "fixtures" / "load" / "meeting.yaml")
    with Graph.open(store_copy) as g:
        assert len(g.query("common-members", date="2021-11-16")) == 21
        read = run_cli("info", "--store", str(store_copy))
        assert read.returncode == 0, read.stderr
        held = run_cli("load", sheet, "--wait", "0", "--store", str(store_copy))
        assert held.returncode == 1 and "in use" in held.stderr
    loaded = run_cli("load", sheet, "--wait", "0", "--store", str(store_copy))
    assert loaded.returncode == 0, loaded.stderr


def test_parameters_are_bound_where_a_query_asks_for_them_too() -> None:
    """`# parameters here` in a nested group gets the same VALUES block as the outermost
    WHERE (Virtuoso does not see the outer binding inside an OPTIONAL's filter)."""
    import pyoxigraph as ox

    from nato_eu_graph.query.execute import inject_values

    text = (
        "SELECT ?p ?h WHERE {\n  ?p a <urn:Post> .\n  OPTIONAL {\n    # parameters here\n"
        "    ?t <urn:post> ?p ; <urn:holder> ?h ; <urn:from> ?f . FILTER(?f <= ?date)\n  }\n}"
    )
    day = ox.Literal("2021-11-16", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    bound = inject_values(text, {"date": day})
    block = 'VALUES (?date) { ("2021-11-16"^^<http://www.w3.org/2001/XMLSchema#date>) }'
    assert bound.count(block) == 2 and "# parameters here" not in bound
    assert bound.index(block) < bound.index("?p a <urn:Post>")  # first in the outer group
    assert "    " + block + "\n    ?t <urn:post>" in bound  # and in the OPTIONAL, indented
    assert inject_values(text, {}) == text
    store = ox.Store()  # the bound text is valid SPARQL and answers
    store.add(ox.Quad(ox.NamedNode("urn:p1"), ox.NamedNode(RDF_TYPE), ox.NamedNode("urn:Post")))
    assert [str(r["p"]) for r in store.query(bound)] == ["<urn:p1>"]


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
