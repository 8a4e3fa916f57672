"""The curated data: conforms to the shapes, covers the source article, cites sources."""

from __future__ import annotations

import pytest

from nato_eu_graph.ingest.build import curated_files, parse_all, to_rdflib
from nato_eu_graph.ingest.resolve import Resolver
from nato_eu_graph.ingest.validate import check
from nato_eu_graph.namespaces import ID, NEG, WD
from nato_eu_graph.query.execute import run
from nato_eu_graph.store.embedded import EmbeddedStore

# Every name the source article uses for each thing it names, as the article spells it.
ARTICLE_NAMES: dict[str, list[str]] = {
    "organisation/ims": [
        "NATO International Military Staff",
        "International Military Staff",
        "IMS",
        "SIM",
    ],
    "organisation/eums": ["European Union Military Staff", "EUMS"],
    "organisation/nato": ["NATO", "NATO."],
    "organisation/eu": ["EU", "European Union"],
    "organisation/eeas": ["EEAS"],
    "organisation/eeas-security-and-defence-policy-directorate": [
        "EEAS Security and Defense Policy Branch"
    ],
    "organisation/act": ["Allied Supreme Transformation Command"],
    "organisation/nato-space-centre": ["NATO Space Center"],
    "person/hans-werner-wiermann": [
        "Lieutenant General Hans-Werner Wiermann",
        "Lieutenant General Hans-Werner Wierman",
        "Lieutenant General Wiermann",
        "Wiermann",
    ],
    "person/giovanni-manione": ["Lieutenant General Giovanni Manione", "Giovanni Manione"],
    "person/herve-blejean": ["Deputy Admiral Hervé Blejean"],
    "post/dgims": ["Director-General of NATO International Military Staff"],
    "post/deputy-dgeums": ["Deputy Director-General of the European Union Military Staff"],
    "post/dgeums": ["Director General of the European Union Military Staff"],
    "site/nato-headquarters": ["NATO headquarters"],
    "meeting/ims-eums-2021-11-16": [
        "second biennial IMS-EUMS meeting",
        "second edition of the joint meeting",
        "IMS-EUMS personal meeting",
    ],
    "document/eu-strategic-compass": ["EU Strategic Compass"],
    "document/nato-strategic-concept-2022": ["Strategic Concept"],
    "topic/joint-declaration-implementation": ["NATO-EU Joint Declarations"],
    "topic/ims-eums-joint-work-plan": ["joint work plan"],
    "topic/staff-to-staff-cooperation": ["staff-to-staff cooperation"],
    "topic/nato-space-activities": ["NATO space activities"],
    "topic/covid-19-health-measures": ["COVID 19 Pandemic", "health crisis"],
    "domain/space": ["space"],
    "domain/air": ["air"],
    "domain/land": ["land"],
    "domain/maritime": ["sea"],
    "domain/cyberspace": ["cybernetics"],
    "state/germany": ["Germany"],
}
# Where a name is also a document type or another kind of thing, the article's context
# gives the kind: resolution then filters by class, as fact sheets and parameters do.
KIND = {"Strategic Concept": [NEG + "StrategicDocument"]}


@pytest.fixture(scope="module")
def resolver(built_store: EmbeddedStore) -> Resolver:
    return Resolver.from_store(built_store)


CASES = [(iri, name) for iri, names in ARTICLE_NAMES.items() for name in names]


@pytest.mark.parametrize("iri,name", CASES, ids=[f"{n}" for _, n in CASES])
def test_article_names_resolve(resolver: Resolver, iri: str, name: str) -> None:
    assert resolver.resolve(name, types=KIND.get(name, ())) == ID + iri


def test_curated_data_conforms_to_the_shapes() -> None:
    parsed = parse_all(f for f in curated_files() if f.kind == "curated")
    data = to_rdflib([t for p in parsed.values() for t in p.triples()])
    assert len(data) > 1000
    assert check(data) == []


def test_every_cited_source_is_described(built_store: EmbeddedStore) -> None:
    result = run(
        built_store,
        f"""
        SELECT DISTINCT ?src WHERE {{ ?fact <http://purl.org/dc/terms/source> ?src
          FILTER NOT EXISTS {{ ?src a <{NEG}Source> ;
                                    <http://purl.org/dc/terms/title> ?t ;
                                    <http://purl.org/dc/terms/publisher> ?p }} }}""",
    )
    assert result.values() == []


def test_every_source_is_cited(built_store: EmbeddedStore) -> None:
    result = run(
        built_store,
        f"""
        SELECT ?src WHERE {{ ?src a <{NEG}Source>
          FILTER NOT EXISTS {{ ?fact <http://purl.org/dc/terms/source> ?src }} }}""",
    )
    assert result.values() == []


@pytest.mark.parametrize(
    "thing,item", [("organisation/nato", "Q7184"), ("organisation/eu", "Q458")]
)
def test_checked_wikidata_links(built_store: EmbeddedStore, thing: str, item: str) -> None:
    result = run(built_store, f"SELECT ?o WHERE {{ <{ID}{thing}> <https://schema.org/sameAs> ?o }}")
    assert [r["o"] for r in result.values()] == [WD + item]


def test_as_of_queries_avoid_optional_end_dates() -> None:
    # "Ended before D" must be FILTER NOT EXISTS: an OPTIONAL end date compared in a FILTER
    # makes the engine visit every interval, however many there are.
    import re

    from nato_eu_graph.query.catalog import catalogue

    checked = 0
    for q in catalogue().values():
        dates = [p.name for p in q.params if p.type == "xsd:date"]
        if not dates:
            continue
        checked += 1
        optional_ends = re.findall(r"OPTIONAL\s*\{[^}]*schema:endDate\s+\?(\w+)", q.text)
        for line in q.text.splitlines():
            if "FILTER" in line and "NOT EXISTS" not in line:
                for end in optional_ends:
                    if f"?{end}" in line and any(f"?{d}" in line for d in dates):
                        pytest.fail(f"{q.name}: compares optional ?{end} with a date: {line}")
    assert checked >= 6
