"""The ontology parses, carries its metadata, and documents every term of ours."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, VANN

from nato_eu_graph.namespaces import NEG, ONTOLOGY_IRI
from nato_eu_graph.resources import ontology_dir

ONT = rdflib.URIRef(ONTOLOGY_IRI)
REQUIRED_METADATA = [
    DCTERMS.title,
    DCTERMS.description,
    DCTERMS.license,
    DCTERMS.creator,
    DCTERMS.created,
    OWL.versionIRI,
    OWL.versionInfo,
    VANN.preferredNamespacePrefix,
    VANN.preferredNamespaceUri,
]
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    g = rdflib.Graph()
    for name in ("nato-eu-graph.ttl", "vocabularies.ttl"):
        g.parse(ontology_dir() / name)
    return g


@pytest.mark.parametrize("prop", REQUIRED_METADATA, ids=lambda p: str(p).rsplit("/", 1)[-1])
def test_ontology_metadata(ontology: rdflib.Graph, prop: rdflib.URIRef) -> None:
    assert (ONT, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONT, prop) is not None, f"ontology lacks {prop}"


def test_version_iri_differs_from_ontology_iri(ontology: rdflib.Graph) -> None:
    version = ontology.value(ONT, OWL.versionIRI)
    assert version is not None and version != ONT
    assert str(ontology.value(ONT, VANN.preferredNamespaceUri)) == NEG


def our_terms(g: rdflib.Graph) -> set[rdflib.URIRef]:
    return {
        s
        for t in TERM_TYPES
        for s in g.subjects(RDF.type, t)
        if isinstance(s, rdflib.URIRef) and str(s).startswith(NEG)
    }


def test_every_term_of_ours_is_documented(ontology: rdflib.Graph) -> None:
    terms = our_terms(ontology)
    assert len(terms) > 30
    for term in terms:
        assert ontology.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        assert ontology.value(term, SKOS.definition) is not None, f"{term} has no definition"
        assert ontology.value(term, RDFS.isDefinedBy) == ONT, f"{term} lacks rdfs:isDefinedBy"


def test_properties_have_ranges(ontology: rdflib.Graph) -> None:
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            assert ontology.value(prop, RDFS.range) is not None, f"{prop} has no rdfs:range"


def used_neg_terms(folder: Path, pattern: str) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob(pattern):
        g = rdflib.Graph().parse(path)
        for triple in g:
            found.update(
                str(t) for t in triple if isinstance(t, rdflib.URIRef) and str(t).startswith(NEG)
            )
    return found


def test_every_neg_term_used_anywhere_is_declared(ontology: rdflib.Graph) -> None:
    declared = {str(t) for t in our_terms(ontology)}
    root = ontology_dir().parent
    used = used_neg_terms(root / "data", "*.ttl") | used_neg_terms(root / "ontology", "*.ttl")
    undeclared = sorted(used - declared)
    assert not undeclared, f"used but not declared: {undeclared}"


@pytest.mark.parametrize(
    "scheme,expected",
    [
        ("OperationalDomains", {"air", "land", "maritime", "cyberspace", "space"}),
        ("MeetingRoles", {"host", "guest", "briefer", "co-chair", "chair", "participant"}),
    ],
)
def test_skos_schemes_hold_their_concepts(
    ontology: rdflib.Graph, scheme: str, expected: set[str]
) -> None:
    concepts = set(ontology.subjects(SKOS.inScheme, rdflib.URIRef(NEG + scheme)))
    assert {str(c).rsplit("/", 1)[-1] for c in concepts} == expected


@pytest.mark.parametrize("scheme", ["DocumentTypes", "BodyTypes", "AdoptionKinds", "PostRoles"])
def test_other_schemes_are_not_empty(ontology: rdflib.Graph, scheme: str) -> None:
    concepts = list(ontology.subjects(SKOS.inScheme, rdflib.URIRef(NEG + scheme)))
    assert len(concepts) >= 3
    for c in concepts:
        labels = [
            lab
            for lab in ontology.objects(c, SKOS.prefLabel)
            if isinstance(lab, rdflib.Literal) and lab.language == "en"
        ]
        assert len(labels) == 1, c
