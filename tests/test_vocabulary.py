"""Offline vocabulary checks: reused terms exist, one schema.org namespace, nothing added
to other namespaces. Term lists of the reused vocabularies are kept in tests/vocab/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import rdflib

from nato_eu_graph.resources import ontology_dir

VOCAB = Path(__file__).parent / "vocab"


@cache
def term_lists() -> dict[str, frozenset[str]]:
    lists: dict[str, frozenset[str]] = {}
    for path in VOCAB.glob("*.txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        ns = next(line.split(": ", 1)[1] for line in lines if line.startswith("# namespace: "))
        lists[ns] = frozenset(line for line in lines if line and not line.startswith("#"))
    return lists


def rdf_files() -> list[Path]:
    root = ontology_dir().parent
    return sorted([*(root / "ontology").rglob("*.ttl"), *(root / "data").glob("*.ttl")])


def iris_in(path: Path) -> set[str]:
    g = rdflib.Dataset() if path.suffix == ".trig" else rdflib.Graph()
    g.parse(path)
    return {
        str(t)
        for triple in g.triples((None, None, None))
        for t in triple
        if isinstance(t, rdflib.URIRef)
    }


@pytest.mark.parametrize("path", rdf_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reused_terms_exist(path: Path) -> None:
    unknown = []
    for iri in iris_in(path):
        for ns, terms in term_lists().items():
            if iri.startswith(ns) and iri[len(ns) :] not in terms:
                unknown.append(iri)
    assert not unknown, f"terms not in their vocabulary: {sorted(unknown)}"


@pytest.mark.parametrize("path", rdf_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_one_schema_org_namespace(path: Path) -> None:
    assert "http://schema.org/" not in path.read_text(encoding="utf-8")


def test_term_lists_are_real() -> None:
    # Guard against an empty or truncated list making the check above vacuous.
    lists = term_lists()
    assert "Membership" in lists["http://www.w3.org/ns/org#"]
    assert "superEvent" in lists["https://schema.org/"]
    assert "NotAThing" not in lists["https://schema.org/"]
    assert len(lists) >= 10
