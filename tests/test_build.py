"""Building the store: one graph per file, PROV metadata, idempotence, other graphs kept."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest

from nato_eu_graph.errors import ParseError
from nato_eu_graph.ingest.build import SourceFile, build, curated_files
from nato_eu_graph.ingest.describe import DATASET, describe_store
from nato_eu_graph.ingest.export import export
from nato_eu_graph.namespaces import GRAPH, META_GRAPH, NEG
from nato_eu_graph.store.embedded import FIRST_BUILD, EmbeddedStore

OTHER = "https://example.org/graph/not-curated"


def test_each_file_gets_its_own_graph(built_store: EmbeddedStore) -> None:
    graphs = set(built_store.named_graphs())
    files = curated_files()
    assert {f.graph for f in files} <= graphs
    assert META_GRAPH in graphs
    assert any(f.relpath.startswith("data/") for f in files), "data/ is empty"


def test_metadata_records_checksum_time_and_count(built_store: EmbeddedStore) -> None:
    for f in curated_files():
        rows = list(
            built_store.query(
                f"""SELECT ?sum ?time ?n WHERE {{ GRAPH <{META_GRAPH}> {{
                  <{f.graph}> <http://www.w3.org/ns/prov#generatedAtTime> ?time ;
                      <{NEG}tripleCount> ?n ;
                      <http://www.w3.org/ns/prov#wasDerivedFrom> ?file .
                  ?file <{NEG}sha256> ?sum }} }}"""
            )
        )
        assert len(rows) == 1, f.relpath
        assert rows[0]["sum"].value == hashlib.sha256(f.path.read_bytes()).hexdigest()
        size = next(g.triples for g in built_store.graph_sizes() if g.name == f.graph)
        assert int(rows[0]["n"].value) == size


def test_two_builds_in_a_row_give_the_same_export(fresh_store: EmbeddedStore) -> None:
    first = build(fresh_store, validate=False)
    assert first.count("added") == len(curated_files())
    before = export(fresh_store)
    second = build(fresh_store, validate=False)
    assert second.count("unchanged") == len(curated_files())
    assert export(fresh_store) == before


def test_forced_rebuild_keeps_content(fresh_store: EmbeddedStore) -> None:
    build(fresh_store, validate=False)
    before = {q for q in fresh_store.quads() if q.graph_name != ox.NamedNode(META_GRAPH)}
    report = build(fresh_store, validate=False, force=True)
    assert report.count("replaced") == len(curated_files())
    after = {q for q in fresh_store.quads() if q.graph_name != ox.NamedNode(META_GRAPH)}
    assert after == before


def test_rebuild_leaves_other_graphs_alone(fresh_store: EmbeddedStore) -> None:
    build(fresh_store, validate=False)
    quad = ox.Quad(
        ox.NamedNode("https://example.org/s"),
        ox.NamedNode("https://example.org/p"),
        ox.Literal("kept"),
        ox.NamedNode(OTHER),
    )
    fresh_store.update(f"INSERT DATA {{ GRAPH <{OTHER}> {{ {quad.triple} . }} }}")
    build(fresh_store, validate=False, force=True)
    assert list(fresh_store.quads(OTHER)) == [quad]


def test_changed_and_removed_files_are_replaced_and_dropped(
    fresh_store: EmbeddedStore, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    a.write_text("<https://example.org/a> <https://example.org/p> 1 .\n")
    b.write_text("<https://example.org/b> <https://example.org/p> 2 .\n")
    files = [SourceFile("curated", "data/a.ttl", a), SourceFile("curated", "data/b.ttl", b)]
    build(fresh_store, validate=False, files=files)
    a.write_text("<https://example.org/a> <https://example.org/p> 3 .\n")
    report = build(fresh_store, validate=False, files=files[:1])
    assert {(f.relpath, f.status) for f in report.files} == {
        ("data/a.ttl", "replaced"),
        ("data/b.ttl", "removed"),
    }
    assert GRAPH + "data/b.ttl" not in fresh_store.named_graphs()
    values = [q.object.value for q in fresh_store.quads(GRAPH + "data/a.ttl")]
    assert values == ["3"]
    meta = export(fresh_store, graphs=[META_GRAPH]).decode()
    assert "data/b.ttl" not in meta


def test_a_file_that_does_not_parse_changes_nothing(
    fresh_store: EmbeddedStore, tmp_path: Path
) -> None:
    build(fresh_store, validate=False)
    before = export(fresh_store)
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e "open\n')
    with pytest.raises(ParseError) as info:
        build(
            fresh_store,
            validate=False,
            files=[*curated_files(), SourceFile("curated", "data/bad.ttl", bad)],
        )
    assert "bad.ttl:3" in str(info.value)
    assert export(fresh_store) == before


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PERSON = "http://xmlns.com/foaf/0.1/Person"


def test_build_keeps_the_datasets_description(built_store: EmbeddedStore) -> None:
    """VoID and DCAT in the metadata graph, counted on the graphs a build wrote."""
    void = "http://rdfs.org/ns/void#"
    dataset = "https://w3id.org/nato-eu-graph/dataset"
    ask = f"SELECT ?n WHERE {{ GRAPH <{META_GRAPH}> {{ <{dataset}> <{void}triples> ?n }} }}"
    stated = int(next(iter(built_store.query(ask)))["n"].value)
    counted = sum(1 for q in built_store.quads() if q.graph_name != ox.NamedNode(META_GRAPH))
    assert stated == counted > 6000
    people = built_store.query(
        f"""SELECT ?n WHERE {{ GRAPH <{META_GRAPH}> {{ <{dataset}> <{void}classPartition> ?c .
              ?c <{void}class> <http://xmlns.com/foaf/0.1/Person> ; <{void}entities> ?n }} }}"""
    )
    persons = {
        q.subject
        for q in built_store.quads()
        if q.predicate == ox.NamedNode(str(RDF_TYPE)) and q.object == ox.NamedNode(str(PERSON))
    }
    assert int(next(iter(people))["n"].value) == len(persons) >= 84


def test_a_first_build_bulk_loads_and_counts_what_the_store_holds(tmp_path: Path) -> None:
    """A first build goes through the bulk loader and describes the dataset from the quads
    it wrote; the description is the one the store's own counts give, and a rebuild into
    the same store (transactional) leaves the same data."""
    when = datetime(2026, 1, 1, tzinfo=UTC)
    store = EmbeddedStore.open(tmp_path / "store", create=True)
    build(store, validate=False, now=when)
    assert not (tmp_path / "store" / FIRST_BUILD).exists()

    def description() -> set[ox.Triple]:
        return {
            q.triple
            for q in store.quads(META_GRAPH)
            if q.subject.value == DATASET or q.subject.value.startswith(DATASET + "/")
        }

    # Through a store of its own, as Oxigraph writes a dateTime in its canonical form.
    counted = ox.Store()
    counted.extend(ox.Quad(*t, ox.NamedNode(META_GRAPH)) for t in describe_store(store, when))
    assert description() == {q.triple for q in counted} != set()
    first = export(store, fmt="nquads")
    build(store, validate=False, force=True, now=when)
    assert export(store, fmt="nquads") == first
