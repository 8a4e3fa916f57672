"""Documentation: the generated ontology page names every term of ours."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, SKOS

from nato_eu_graph.namespaces import NEG

from .conftest import REPO


def test_generated_ontology_docs_cover_every_term() -> None:
    page = (REPO / "docs" / "ontology.html").read_text(encoding="utf-8")
    g = rdflib.Graph().parse(REPO / "ontology" / "nato-eu-graph.ttl")
    terms = {
        str(s)
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme)
        for s in g.subjects(RDF.type, t)
        if str(s).startswith(NEG)
    }
    assert terms
    missing = sorted(t for t in terms if t not in page)
    assert not missing, f"regenerate with scripts/make-docs.py; missing: {missing}"
