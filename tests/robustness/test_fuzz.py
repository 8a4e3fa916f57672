"""Property tests: random input to the fact-sheet reader, the name resolver and the
parameter binder ends in a result or in the project's own errors (GraphError), never
in anything else. Derandomized and bounded, so CI sees the same examples every run."""

from __future__ import annotations

import contextlib
import string
from pathlib import Path
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from nato_eu_graph.errors import GraphError  # noqa: E402
from nato_eu_graph.ingest.resolve import Resolver, expand_iri, normalise  # noqa: E402
from nato_eu_graph.ingest.sections import SECTIONS, read_sheet  # noqa: E402
from nato_eu_graph.ingest.sheet import Reader  # noqa: E402
from nato_eu_graph.ingest.sheet_yaml import load_yaml  # noqa: E402
from nato_eu_graph.query.catalog import NamedQuery, Param  # noqa: E402
from nato_eu_graph.query.execute import bind, convert, inject_values  # noqa: E402
from nato_eu_graph.store.embedded import EmbeddedStore  # noqa: E402

FAST = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def resolver(built_store: EmbeddedStore) -> Resolver:
    return Resolver.from_store(built_store)


def read(resolver: Resolver, raw: bytes) -> None:
    with contextlib.suppress(GraphError):
        read_sheet(Reader("fuzz.yaml", resolver), load_yaml(raw, "fuzz.yaml"))


YAMLISH = st.text(
    alphabet=st.sampled_from([*list(string.printable), "-", ":", "&", "*", "!", "é", "\x00"]),
    max_size=300,
)


@FAST
@given(text=YAMLISH)
def test_yamlish_text_gives_a_sheet_or_a_parse_error(resolver: Resolver, text: str) -> None:
    read(resolver, text.encode("utf-8"))


@FAST
@given(raw=st.binary(max_size=300))
def test_random_bytes_give_a_sheet_or_a_parse_error(resolver: Resolver, raw: bytes) -> None:
    read(resolver, raw)


FIELDS = [
    "id", "label", "name", "person", "post", "start", "end", "state", "organisation",
    "source", "date", "who", "role", "type", "in", "url", "title", "publisher", "by",
    "kind", "domain", "participants", "adoptions", "alt_labels", "ordinal", "attested",
]  # fmt: skip
VALUES = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "NATO",
            "EU",
            "Austria",
            "DGIMS",
            "Wiermann",
            "2020-01-01",
            "2021-13-45",
            "host",
            "https://www.nato.int/cps/en/natohq/news_188657.htm",
            "person/new-one",
            "x",
            "",
        ]
    ),
    st.text(max_size=20),
    st.integers(),
)
ENTRY = st.dictionaries(st.sampled_from(FIELDS), st.recursive(VALUES, st.lists, max_leaves=4))
SHEET = st.dictionaries(
    st.sampled_from([*SECTIONS, "bogus"]),
    st.one_of(VALUES, st.lists(st.one_of(ENTRY, VALUES), max_size=3)),
    max_size=4,
)


@FAST
@given(sheet=SHEET)
def test_structured_sheets_give_a_sheet_or_a_parse_error(
    resolver: Resolver, sheet: dict[str, Any]
) -> None:
    import yaml

    read(resolver, yaml.safe_dump(sheet, allow_unicode=True).encode("utf-8"))


@FAST
@given(name=st.text(max_size=40))
def test_any_name_resolves_or_is_unknown(resolver: Resolver, name: str) -> None:
    normalise(name)
    expand_iri(name)
    try:
        iri = resolver.resolve(name, what="thing")
    except GraphError:
        return
    assert iri.startswith("http")


TYPES = ["xsd:date", "xsd:integer", "xsd:boolean", "xsd:string", "iri", "name"]


@FAST
@given(kind=st.sampled_from(TYPES), raw=st.text(max_size=60))
def test_any_parameter_value_binds_as_a_term_or_is_refused(
    resolver: Resolver, kind: str, raw: str
) -> None:
    param = Param("p", kind, None, "a parameter")
    try:
        term = convert(param, raw, lambda: resolver)
    except GraphError:
        return
    query = NamedQuery("q", Path("q.rq"), "t", "d", (param,))
    bound = inject_values("SELECT ?p WHERE { ?s ?x ?p }", bind(query, {"p": raw}, lambda: resolver))
    # The value is one RDF term inside the VALUES block: the query still parses.
    EmbeddedStore.in_memory().query(bound)
    assert str(term) in bound
