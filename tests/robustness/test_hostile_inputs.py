"""Hostile input for every format `load` reads: each ends within seconds, in bounded
memory, without network, with the project's own one-line error and a hint (exit code 1,
no traceback), and the store's export is byte-identical afterwards.

Big inputs are generated here in tmp_path, never committed. Each case runs the installed
console script under an address-space limit and, where allowed, ``unshare -n``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from nato_eu_graph.ingest.parse import MAX_IRI_CHARS, MAX_LITERAL_CHARS, MAX_NESTING

from .conftest import (
    Run,
    assert_clean_refusal,
    export,
    no_network_prefix,
    run_fenced,
    skip_or_fail_in_ci,
)

MB = 1024 * 1024
SECONDS = 10.0  # "within seconds": every case takes well under 2 on a 2-core machine
PEAK_RSS_MB = 700  # the largest case (a 50 MB file) peaks near 250 MB
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PREFIX = "@prefix ex: <https://example.org/> .\n"
SOURCE = "https://www.nato.int/cps/en/natohq/news_188657.htm"

Writer = Callable[[Path], object]


def text(content: str, encoding: str = "utf-8") -> Writer:
    return lambda path: path.write_bytes(content.encode(encoding))


def raw(content: bytes) -> Writer:
    return lambda path: path.write_bytes(content)


def streamed(head: str, middle: str, times: int, tail: str) -> Writer:
    """A big file written in pieces, so the test itself stays small in memory."""

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8") as out:
            out.write(head)
            chunk = middle * 4096
            for _ in range(times // 4096):
                out.write(chunk)
            out.write(middle * (times % 4096))
            out.write(tail)

    return write


def nested(open_: str, leaf: str, close: str, depth: int, head: str = "", tail: str = "") -> Writer:
    return text(head + open_ * depth + leaf + close * depth + tail)


def rdfxml(body: str, doctype: str = "") -> str:
    return (
        f'<?xml version="1.0"?>\n{doctype}<rdf:RDF xmlns:rdf="{RDF}" '
        f'xmlns:ex="https://example.org/">\n{body}\n</rdf:RDF>\n'
    )


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
    + "]>\n"
)
LAUGH_BODY = (
    '<rdf:Description rdf:about="https://example.org/a"><ex:p>&lol9;</ex:p></rdf:Description>'
)
XXE = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
XXE_BODY = '<rdf:Description rdf:about="https://example.org/a"><ex:p>&x;</ex:p></rdf:Description>'

# name -> (file name, writer, extra CLI args, a phrase the message must contain)
CASES: dict[str, tuple[str, Writer, tuple[str, ...], str]] = {
    # ---------------------------------------------------------------- Turtle
    "ttl-truncated": ("t.ttl", text(PREFIX + 'ex:a ex:b "unterminated'), (), "syntax error"),
    "ttl-bad-iri": ("t.ttl", text("<https://exa mple.org/a> ex:b ex:c .\n"), (), "IRI"),
    "ttl-invalid-utf8": ("t.ttl", raw(PREFIX.encode() + b'ex:a ex:b "\xff\xfe" .\n'), (), "UTF-8"),
    "ttl-nul-bytes": ("t.ttl", raw(PREFIX.encode() + b'ex:a ex:b "x" .\n\x00\x00'), (), "syntax"),
    "ttl-binary-junk": ("t.ttl", raw(bytes(range(256)) * 64), (), "syntax error"),
    "ttl-utf16": ("t.ttl", text(PREFIX + "ex:a ex:b ex:c .\n", "utf-16"), (), "UTF-8"),
    "ttl-empty": ("t.ttl", raw(b""), (), "holds no facts"),
    "ttl-only-prefixes": ("t.ttl", text(PREFIX * 3), (), "holds no facts"),
    "ttl-50MB-literal": (
        "t.ttl",
        streamed(PREFIX + 'ex:a ex:b "', "x", 50 * MB, '" .\n'),
        (),
        "longer than 16 MiB",
    ),
    "ttl-literal-over-limit": (
        "t.ttl",
        streamed(PREFIX + 'ex:a ex:b "', "y", MAX_LITERAL_CHARS + 1, '" .\n'),
        (),
        "a literal of",
    ),
    "ttl-iri-over-limit": (
        "t.ttl",
        streamed(PREFIX + "ex:a ex:b <https://example.org/", "z", MAX_IRI_CHARS, "> .\n"),
        (),
        "an IRI of",
    ),
    "ttl-json-inside": ("t.ttl", text('{"@id": "https://example.org/a"}'), (), "syntax error"),
    # ---------------------------------------------------------------- TriG, N-Triples, N-Quads
    "trig-unclosed-graph": ("t.trig", text(PREFIX + "ex:g { ex:a ex:b ex:c .\n"), (), "syntax"),
    "trig-junk": ("t.trig", text("GRAPH GRAPH {{{ ]]] .\n"), (), "syntax error"),
    "nt-bad-iri": ("t.nt", text("<not an iri> <https://e.org/b> <https://e.org/c> .\n"), (), "IRI"),
    "nt-relative-iri": ("t.nt", text("<a> <b> <c> .\n"), (), "IRI"),
    "nt-50MB-literal": (
        "t.nt",
        streamed('<https://e.org/a> <https://e.org/b> "', "x", 50 * MB, '" .\n'),
        (),
        "longer than 16 MiB",
    ),
    "nq-five-terms": (
        "t.nq",
        text("<https://e.org/a> <https://e.org/b> <https://e.org/c> <https://e.org/g> <x> .\n"),
        (),
        "syntax error",
    ),
    "nq-binary-junk": ("t.nq", raw(os.urandom(8192)), (), "syntax error"),
    # ---------------------------------------------------------------- JSON-LD
    "jsonld-nested-1e5": (
        "t.jsonld",
        nested('{"https://e.org/p": ', '"x"', "}", 100_000),
        (),
        f"deeper than {MAX_NESTING}",
    ),
    "jsonld-nested-5000": (  # below Oxigraph's own limit: it segfaulted here unchecked
        "t.jsonld",
        nested('{"@id": "https://e.org/a", "https://e.org/p": ', '"x"', "}", 5000),
        (),
        f"deeper than {MAX_NESTING}",
    ),
    "jsonld-nested-arrays": (
        "t.jsonld",
        nested("[", "1", "]", 100_000, '{"https://e.org/p": ', "}"),
        (),
        f"deeper than {MAX_NESTING}",
    ),
    "jsonld-remote-context": (
        "t.jsonld",
        text('{"@context": "https://schema.org/", "@id": "https://e.org/a", "name": "x"}'),
        (),
        "remote @context is refused",
    ),
    "jsonld-remote-context-list": (
        "t.jsonld",
        text('{"@context": [{"a": "https://e.org/"}, "http://127.0.0.1:9/c"], "@id": "a:b"}'),
        (),
        "remote @context is refused",
    ),
    "jsonld-context-import": (
        "t.jsonld",
        text('{"@context": {"@import": "http://127.0.0.1:9/c"}, "@id": "https://e.org/a"}'),
        (),
        "remote @context is refused",
    ),
    "json-not-jsonld": ("t.json", text('[1, 2, {"a": [true, null]}]'), (), "holds no facts"),
    "jsonld-bad-iris-only": (
        "t.jsonld",
        text('{"@id": "ht tp://bad iri", "https://e.org/p": "x"}'),
        (),
        "holds no facts",
    ),
    "jsonld-syntax": ("t.jsonld", text('{"@id": '), (), "syntax error"),
    "jsonld-empty": ("t.jsonld", raw(b""), (), "syntax error"),
    # ---------------------------------------------------------------- RDF/XML
    "rdfxml-external-entity": ("t.rdf", text(rdfxml(XXE_BODY, XXE)), (), "DOCTYPE"),
    "rdfxml-billion-laughs": ("t.rdf", text(rdfxml(LAUGH_BODY, BILLION_LAUGHS)), (), "DOCTYPE"),
    "rdfxml-laughs-in-utf16": (
        "t.rdf",
        text(rdfxml(LAUGH_BODY, BILLION_LAUGHS), "utf-16"),
        (),
        "must be UTF-8",
    ),
    "rdfxml-laughs-as-owl": ("t.owl", text(rdfxml(LAUGH_BODY, BILLION_LAUGHS)), (), "DOCTYPE"),
    "rdfxml-nested-5e4": (
        "t.rdf",
        text(rdfxml("<rdf:Description><ex:p>" * 50_000 + "</ex:p></rdf:Description>" * 50_000)),
        (),
        f"deeper than {MAX_NESTING}",
    ),
    "rdfxml-unclosed": (
        "t.rdf",
        text(f'<rdf:RDF xmlns:rdf="{RDF}"><rdf:Description'),
        (),
        "syntax",
    ),
    "rdfxml-undefined-entity": (
        "t.rdf",
        text(
            rdfxml(
                '<rdf:Description rdf:about="https://e.org/a"><ex:p>&u;</ex:p></rdf:Description>'
            )
        ),
        (),
        "entity",
    ),
    # ---------------------------------------------------------------- YAML fact sheets
    "yaml-alias-bomb": (
        "s.yaml",
        text('a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'),
        (),
        "aliases",
    ),
    "yaml-python-tag": (
        "s.yaml",
        text('people: !!python/object/apply:os.system ["id"]\n'),
        (),
        "tag",
    ),
    "yaml-custom-tag": ("s.yaml", text("people:\n  - !thing {id: person/x, name: X}\n"), (), "tag"),
    "yaml-nested-flow-1e5": ("s.yaml", nested("[", "", "]", 100_000, "people: ", "\n"), (), "nest"),
    "yaml-nested-block-3000": (
        "s.yaml",
        text("".join("  " * i + f"k{i}:\n" for i in range(3000)) + "  " * 3000 + "v\n"),
        (),
        f"deeper than {MAX_NESTING}",
    ),
    "yaml-scalar-over-limit": (
        "s.yaml",
        streamed("source: ", "x", MAX_LITERAL_CHARS + 1, "\n"),
        (),
        "longer than the limit",
    ),
    "yaml-50MB": ("s.yaml", streamed("source: ", "x", 50 * MB, "\n"), (), "larger than the limit"),
    "yaml-not-a-mapping": ("s.yaml", text("- a\n- b\n"), (), "mapping of sections"),
    "yaml-nul-bytes": ("s.yaml", raw(b"people:\n  - id: person/x\x00\n"), (), "YAML"),
    "yaml-binary-junk": ("s.yaml", raw(bytes(range(128, 256)) * 8), (), "UTF-8"),
    "yaml-utf16": ("s.yaml", text("people:\n  - id: person/x\n", "utf-16"), (), "UTF-8"),
    "yaml-empty": ("s.yaml", raw(b""), (), "holds no facts"),
    "yaml-two-documents": ("s.yaml", text("people: []\n---\npeople: []\n"), (), "YAML"),
    "yaml-unknown-section": ("s.yaml", text(f"source: {SOURCE}\nrm -rf: []\n"), (), "section"),
    # ---------------------------------------------------------------- CSV fact sheets
    "csv-million-columns": ("m.csv", streamed("state", ",c", 1_000_000, "\n"), (), "columns"),
    "csv-million-cells-row": (
        "m.csv",
        streamed("state,organisation,start,end,source\n", "x,", 1_000_000, "\n"),
        (),
        "cells",
    ),
    "csv-huge-cell": (
        "m.csv",
        streamed(
            'state,organisation,start,end,source\n"', "x", 200_000, f'",NATO,2020-01-01,,{SOURCE}\n'
        ),
        (),
        "CSV error",
    ),
    "csv-empty": ("m.csv", raw(b""), (), "header"),
    "csv-binary-junk": ("m.csv", raw(bytes(range(128, 256)) * 8), (), "UTF-8"),
    "csv-unknown-header": ("m.csv", text("a,b,c\n1,2,3\n"), (), "header"),
    # ---------------------------------------------------------------- names and --format
    "unknown-extension": ("t.xyz", text(PREFIX + "ex:a ex:b ex:c .\n"), (), "RDF format"),
    "yaml-read-as-jsonld": ("s.yaml", text("people: []\n"), ("--format", "jsonld"), "syntax"),
    "turtle-read-as-rdfxml": (
        "t.ttl",
        text(PREFIX + "ex:a ex:b ex:c .\n"),
        ("--format", "rdfxml"),
        "syntax",
    ),
}


@pytest.fixture(scope="module")
def hostile_store(template_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the built store for every case: refusals must leave it as it was."""
    path = tmp_path_factory.mktemp("hostile") / "store"
    shutil.copytree(template_store, path)
    return path


@pytest.fixture(scope="module")
def baseline(hostile_store: Path) -> bytes:
    return export(hostile_store)


def check(run: Run, file: str, phrase: str) -> None:
    assert_clean_refusal(run, file)
    assert phrase in run.stderr, run.stderr[:500]
    assert run.seconds < SECONDS, run.seconds
    assert run.peak_rss_mb < PEAK_RSS_MB, run.peak_rss_mb


def test_there_are_at_least_thirty_cases_across_every_format() -> None:
    assert len(CASES) >= 30
    suffixes = {Path(name).suffix for name, *_ in CASES.values()}
    assert {".yaml", ".csv", ".ttl", ".trig", ".nt", ".nq", ".jsonld", ".rdf"} <= suffixes


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_input_is_refused_cleanly(
    case: str, hostile_store: Path, baseline: bytes, tmp_path: Path
) -> None:
    name, write, args, phrase = CASES[case]
    path = tmp_path / name
    write(path)
    try:
        run = run_fenced("load", str(path), *args, "--store", str(hostile_store))
    finally:
        path.unlink()  # the big ones are 50 MB: do not keep them around
    check(run, str(path), phrase)
    assert export(hostile_store) == baseline


def test_an_endless_device_is_refused_at_once(hostile_store: Path, baseline: bytes) -> None:
    run = run_fenced("load", "/dev/zero", "--format", "turtle", "--store", str(hostile_store))
    check(run, "/dev/zero", "this is a device, not a regular file")
    assert export(hostile_store) == baseline


@pytest.mark.parametrize(
    "args",
    [
        ("load", "{}"),
        ("load", "{}", "--format", "turtle"),
        ("extract", "{}"),
        ("query", "--file", "{}"),
    ],
    ids=["load-sheet", "load-rdf", "extract", "query-file"],
)
def test_a_fifo_with_no_writer_is_refused_not_waited_on(
    hostile_store: Path, baseline: bytes, tmp_path: Path, args: tuple[str, ...]
) -> None:
    fifo = tmp_path / "input.yaml"
    os.mkfifo(fifo)  # nobody will ever write to it: opening it for reading would block
    run = run_fenced(*(a.format(fifo) for a in args), "--store", str(hostile_store))
    check(run, str(fifo), "named pipe (FIFO), not a regular file")
    assert export(hostile_store) == baseline


def test_the_hostile_runs_had_no_network() -> None:
    """Say plainly whether the cases above ran in a network namespace of their own."""
    if not no_network_prefix():
        skip_or_fail_in_ci("unshare -n is not permitted here: cases ran with the host's network")
    probe = run_fenced("--version")
    assert probe.returncode == 0


# ---------------------------------------------------------------------------- fetching


def test_a_remote_context_is_never_fetched(
    listener: tuple[str, list[bytes]], hostile_store: Path, baseline: bytes, tmp_path: Path
) -> None:
    url, hits = listener
    path = tmp_path / "remote.jsonld"
    path.write_text(f'{{"@context": "{url}/ctx", "@id": "https://e.org/a", "name": "x"}}')
    run = run_fenced("load", str(path), "--store", str(hostile_store), network=True)
    check(run, str(path), "nothing is fetched")
    assert hits == []
    assert export(hostile_store) == baseline


def test_owl_imports_is_stored_as_data_and_never_followed(
    listener: tuple[str, list[bytes]], store_copy: Path, tmp_path: Path
) -> None:
    """Decision: owl:imports is accepted as a plain triple; nothing ever dereferences it."""
    url, hits = listener
    path = tmp_path / "imports.ttl"
    path.write_text(
        PREFIX + "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        f"ex:onto a owl:Ontology ; owl:imports <{url}/evil.ttl> .\n"
    )
    before = export(store_copy)
    run = run_fenced("load", str(path), "--store", str(store_copy), network=True)
    assert run.returncode == 0, run.stderr
    run_fenced(
        "query", "--sparql", "SELECT * { ?s ?p ?o }", "--store", str(store_copy), network=True
    )
    assert hits == []
    added = set(export(store_copy).splitlines()) - set(before.splitlines())
    assert any(f"<{url}/evil.ttl>".encode() in line for line in added)
