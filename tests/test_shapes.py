"""The SHACL shapes of ontology/shapes/ and the validation module.

Fixtures live in tests/shapes/: ``valid/<Shape>[__<variant>].ttl`` must conform and
``invalid/<Shape>__<reason>.ttl`` must fail with exactly the reasons its leading
``# expect: <ConstraintComponent> <path or ->`` lines give. Each is merged with
tests/shapes/context.ttl, which holds the nodes the fixtures refer to.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, SH

from nato_eu_graph.errors import ValidationError
from nato_eu_graph.ingest.validate import (
    SHAPES_NS,
    Violation,
    check,
    ensure_valid,
    load_ontology,
    load_shapes,
    short,
)

FIXTURES = Path(__file__).parent / "shapes"
CONTEXT = FIXTURES / "context.ttl"
VALID = sorted((FIXTURES / "valid").glob("*.ttl"))
INVALID = sorted((FIXTURES / "invalid").glob("*.ttl"))
EXPECT = "# expect:"


def fixture(path: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(CONTEXT, format="turtle")
    graph.parse(path, format="turtle")
    return graph


def expected_reasons(path: Path) -> set[tuple[str, str]]:
    """The ``# expect:`` lines at the top of a fixture, as (component, path) pairs."""
    reasons = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith(EXPECT):
            break
        component, prop = line[len(EXPECT) :].split()
        reasons.add((component, prop))
    return reasons


def reason(violation: Violation) -> tuple[str, str]:
    component = violation.constraint.rsplit("#", 1)[-1]
    return component, short(violation.path) if violation.path else "-"


def shape_of(path: Path) -> str:
    return path.stem.split("__", 1)[0]


def named_node_shapes() -> set[str]:
    shapes = load_shapes()
    return {
        str(s)[len(SHAPES_NS) :]
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if isinstance(s, rdflib.URIRef) and str(s).startswith(SHAPES_NS)
    }


def test_context_conforms() -> None:
    graph = rdflib.Graph().parse(CONTEXT, format="turtle")
    assert check(graph) == []


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_conforms(path: Path) -> None:
    violations = check(fixture(path))
    assert violations == [], "\n".join(map(str, violations))


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_fails_for_its_reason(path: Path) -> None:
    want = expected_reasons(path)
    assert want, f"{path.name} does not start with an '{EXPECT} <Component> <path>' line"
    violations = check(fixture(path))
    got = {reason(v) for v in violations}
    assert got == want, "\n".join(map(str, violations))
    own_subjects = {str(s) for s in rdflib.Graph().parse(path, format="turtle").subjects()}
    assert {v.focus for v in violations} <= own_subjects, "a violation outside the fixture"


def test_every_node_shape_has_valid_and_invalid_fixtures() -> None:
    shapes = named_node_shapes()
    assert shapes, "no node shapes found in ontology/shapes/"
    assert shapes - {shape_of(p) for p in VALID} == set(), "shapes without a valid fixture"
    assert shapes - {shape_of(p) for p in INVALID} == set(), "shapes without an invalid fixture"


def test_every_fixture_names_a_shape() -> None:
    unknown = {p.name for p in VALID + INVALID if shape_of(p) not in named_node_shapes()}
    assert unknown == set()


def test_every_node_shape_is_documented() -> None:
    shapes = load_shapes()
    for local in named_node_shapes():
        shape = rdflib.URIRef(SHAPES_NS + local)
        assert shapes.value(shape, rdflib.RDFS.label) is not None, local
        assert shapes.value(shape, rdflib.RDFS.comment) is not None, local


def test_shapes_pass_shacl_for_shacl() -> None:
    from pyshacl import validate

    shapes = rdflib.Graph()
    shapes += load_shapes()
    conforms, _, text = validate(rdflib.Graph(), shacl_graph=shapes, meta_shacl=True, advanced=True)
    assert conforms, text


def test_shacl_for_shacl_catches_a_broken_shape() -> None:
    from pyshacl import validate
    from pyshacl.errors import ReportableRuntimeError

    shapes = rdflib.Graph()
    shapes += load_shapes()
    broken = rdflib.BNode()
    shapes.add((rdflib.URIRef(SHAPES_NS + "StateShape"), SH.property, broken))
    shapes.add((broken, SH.path, rdflib.URIRef("https://schema.org/name")))
    shapes.add((broken, SH.minCount, rdflib.Literal("one")))
    with pytest.raises(ReportableRuntimeError):
        validate(rdflib.Graph(), shacl_graph=shapes, meta_shacl=True, advanced=True)


def test_ontology_holds_the_vocabularies() -> None:
    ontology = load_ontology()
    space = rdflib.URIRef("https://w3id.org/nato-eu-graph/id/domain/space")
    assert (space, RDF.type, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#Concept")) in (
        ontology
    )


def test_violations_are_sorted_and_readable() -> None:
    violations = check(fixture(FIXTURES / "invalid" / "StateShape__two-english-preflabels.ttl"))
    assert violations == sorted(violations, key=lambda v: (v.focus, v.path or "", v.constraint))
    line = str(violations[0])
    assert line.startswith("id:state/belgium skos:prefLabel: ")
    assert "sh:QualifiedMaxCountConstraintComponent" in line
    assert "negsh:EnglishPrefLabel" in line


def test_violation_str_compacts_values() -> None:
    violations = check(fixture(FIXTURES / "invalid" / "MembershipShape__start-gyear.ttl"))
    assert [v.value for v in violations] == ['"1949"^^<http://www.w3.org/2001/XMLSchema#gYear>']
    assert '(value: "1949"^^xsd:gYear)' in str(violations[0])
    assert violations[0].shape == SHAPES_NS + "MembershipShape"


def test_ensure_valid_passes_conforming_data() -> None:
    ensure_valid(fixture(FIXTURES / "valid" / "TenureShape.ttl"), source="tenure.ttl")


def test_ensure_valid_raises_with_a_summary() -> None:
    data = fixture(FIXTURES / "invalid" / "MembershipShape__no-source.ttl")
    data.parse(FIXTURES / "invalid" / "TenureShape__no-source.ttl", format="turtle")
    with pytest.raises(ValidationError) as caught:
        ensure_valid(data, source="batch.ttl")
    error = caught.value
    assert error.message.startswith("2 violations of the SHACL shapes in batch.ttl:")
    assert "id:membership/nato-france dct:source" in error.message
    assert error.hint == "see docs/data-conventions.md"
    assert len(error.violations) == 2


def test_ensure_valid_shortens_long_lists() -> None:
    data = rdflib.Graph().parse(CONTEXT, format="turtle")
    neg = rdflib.Namespace("https://w3id.org/nato-eu-graph/ontology#")
    for n in range(8):
        data.add(
            (rdflib.URIRef(f"https://w3id.org/nato-eu-graph/id/state/s{n}"), RDF.type, neg.State)
        )
    with pytest.raises(ValidationError) as caught:
        ensure_valid(data)
    assert "8 violations of the SHACL shapes in the data:" in caught.value.message
    assert caught.value.message.endswith("... and 3 more")
    assert len(caught.value.violations) == 8


def test_importing_validate_does_not_import_pyshacl() -> None:
    code = "import sys, nato_eu_graph.ingest.validate; print('pyshacl' in sys.modules)"
    src = str(Path(__file__).resolve().parent.parent / "src")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src},
    )
    assert out.stdout.strip() == "False"
