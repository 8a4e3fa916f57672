"""Read RDF files into quads, turning parser failures into ``ParseError`` with a line.

Input may come from anyone, so reading is bounded before a parser sees it: a size limit
per file, a nesting limit for JSON-LD and RDF/XML (Oxigraph's JSON-LD parser overflows
its stack a few thousand levels deep, and its RDF/XML parser slows quadratically with
depth), no DOCTYPE in RDF/XML (Oxigraph expands internal entities: billion laughs), no
remote JSON-LD context (nothing is fetched), and a length limit on literals and IRIs.
The limits and the reasons for them are listed in docs/safety.md.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

import pyoxigraph as ox

from ..errors import ParseError
from ..files import NotAFile, read_regular

MiB = 1024 * 1024
MAX_RDF_BYTES = 256 * MiB  # one RDF file; bounds the memory a load needs
MAX_LITERAL_CHARS = 1 * MiB  # one literal (a label, a title, a whole abstract fits)
MAX_IRI_CHARS = 8192  # one IRI; real ones are a few hundred characters
MAX_NESTING = 100  # JSON-LD and RDF/XML (and YAML sheets) nested this deep at most

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}

EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "ntriples",
    ".nq": "nquads",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "rdfxml",
    ".owl": "rdfxml",
    ".xml": "rdfxml",
}


@dataclass(frozen=True)
class ParsedFile:
    path: Path
    sha256: str
    quads: list[ox.Quad]

    def triples(self) -> list[ox.Triple]:
        return [q.triple for q in self.quads]


def format_for(path: Path, name: str | None = None) -> ox.RdfFormat:
    """The RDF format named, or else the one the file's extension implies."""
    key = name or EXTENSIONS.get(path.suffix.lower())
    if key is None or key not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise ParseError(
            f"cannot tell the RDF format of this file (extension {path.suffix or 'none'!r})",
            file=str(path),
            hint=f"rename it with a known extension or pass --format ({known})",
        )
    return FORMATS[key]


def read_bytes(path: Path, limit: int = MAX_RDF_BYTES) -> bytes:
    """The whole file, refused past ``limit`` bytes; only regular files are read (a FIFO
    with no writer would block, a device may never end)."""
    try:
        raw = read_regular(path, limit)
    except NotAFile as exc:
        raise ParseError(
            f"this is {exc.strerror}",
            file=str(path),
            hint="save the data to a file first and give its path",
        ) from None
    except OSError as exc:
        raise ParseError(
            f"cannot read the file: {exc.strerror or exc}",
            file=str(path),
            hint="check the path and that you may read it",
        ) from exc
    if len(raw) > limit:
        raise ParseError(
            f"the file is larger than the limit of {_size(limit)}",
            file=str(path),
            hint="split it into smaller files (each one becomes a batch)",
        )
    return raw


def parse_rdf(path: Path, *, fmt: str | None = None, base_iri: str | None = None) -> ParsedFile:
    """Parse one RDF file completely (all or nothing) and return its quads and checksum."""
    raw = read_bytes(path)
    rdf_format = format_for(path, fmt)
    check_safe(raw, rdf_format, str(path))
    try:
        quads = list(ox.parse(raw, format=rdf_format, base_iri=base_iri))
    except SyntaxError as exc:
        raise _syntax_error(exc, str(path)) from None
    except MemoryError as exc:  # Oxigraph caps one token at 16 MiB
        raise _too_long(str(path), "a literal or IRI longer than 16 MiB") from exc
    except (ValueError, OSError) as exc:
        raise ParseError(
            f"cannot parse the file: {exc}",
            file=str(path),
            hint="check the file is the format its extension (or --format) says",
        ) from exc
    if len(raw) > min(MAX_LITERAL_CHARS, MAX_IRI_CHARS):
        check_terms(quads, str(path))
    return ParsedFile(path, hashlib.sha256(raw).hexdigest(), quads)


# ---------------------------------------------------------------------------- checks


def check_safe(raw: bytes, rdf_format: ox.RdfFormat, file: str) -> None:
    """Refuse what would make a parser fetch, expand or recurse without bound."""
    if rdf_format == ox.RdfFormat.RDF_XML:
        _refuse_doctype(raw, file)
        _xml_nesting(raw, file)
    elif rdf_format == ox.RdfFormat.JSON_LD:
        _json_nesting(raw, file)


def _refuse_doctype(raw: bytes, file: str) -> None:
    """A DOCTYPE can declare entities: external ones read files, nested ones explode."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:  # UTF-16 would hide a DOCTYPE from the byte search below
        raise ParseError(
            "RDF/XML must be UTF-8",
            file=file,
            hint="save the file as UTF-8 (Oxigraph reads no other encoding)",
        ) from None
    match = re.search(rb"<!(DOCTYPE|ENTITY)", raw, re.IGNORECASE)
    if match:
        raise ParseError(
            "RDF/XML with a DOCTYPE or entity declarations is refused",
            file=file,
            line=raw[: match.start()].count(b"\n") + 1,
            hint="remove the <!DOCTYPE ...> block; entities can read local files or "
            "expand without bound",
        )


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _xml_nesting(raw: bytes, file: str) -> None:
    """Depth of the element tree, by expat (C, streaming); bad XML is left to Oxigraph."""
    parser = expat.ParserCreate()
    depth = [0]

    def start(_name: str, _attrs: object) -> None:
        depth[0] += 1
        if depth[0] > MAX_NESTING:
            raise _TooDeep(parser.CurrentLineNumber)

    def end(_name: str) -> None:
        depth[0] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(raw, True)
    except _TooDeep as exc:
        raise _too_deep(file, exc.line) from None
    except expat.ExpatError:
        return


_JSON_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _json_nesting(raw: bytes, file: str) -> None:
    """Depth of arrays and objects, strings skipped; stops at the first level too deep."""
    depth = 0
    for m in _JSON_TOKEN.finditer(raw):
        token = m.group(0)
        if token in (b"[", b"{"):
            depth += 1
            if depth > MAX_NESTING:
                raise _too_deep(file, raw.count(b"\n", 0, m.start()) + 1)
        elif token in (b"]", b"}"):
            depth -= 1


def _too_deep(file: str, line: int) -> ParseError:
    return ParseError(
        f"the file nests deeper than {MAX_NESTING} levels",
        file=file,
        line=line,
        hint="flatten it: give nested nodes an @id (JSON-LD) or rdf:about (RDF/XML)",
    )


def check_terms(quads: list[ox.Quad], file: str) -> None:
    """Every literal and IRI within its length limit."""
    for q in quads:
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, ox.Literal) and len(term.value) > MAX_LITERAL_CHARS:
                raise _too_long(file, f"a literal of {len(term.value):,} characters")
            if isinstance(term, ox.NamedNode) and len(term.value) > MAX_IRI_CHARS:
                raise _too_long(file, f"an IRI of {len(term.value):,} characters")


def _too_long(file: str, what: str) -> ParseError:
    return ParseError(
        f"{what}; the limits are {MAX_LITERAL_CHARS:,} characters for a literal and "
        f"{MAX_IRI_CHARS:,} for an IRI",
        file=file,
        hint="keep long texts in a document the graph points to (dct:source), not in it",
    )


def _size(n: int) -> str:
    return f"{n // MiB} MiB" if n >= MiB and n % MiB == 0 else f"{n:,} bytes"


def _syntax_error(exc: SyntaxError, file: str) -> ParseError:
    text = exc.msg or str(exc)
    if "LoadDocumentCallback" in text:  # a remote @context or @import: never fetched
        return ParseError(
            "JSON-LD with a remote @context is refused: nothing is fetched from the network",
            file=file,
            hint="put the context in the file itself (an inline @context object)",
        )
    return ParseError(
        _syntax_message(exc),
        file=file,
        line=exc.lineno,
        column=exc.offset,
        hint="fix the syntax at that place and run the command again",
    )


def _syntax_message(exc: SyntaxError) -> str:
    text = exc.msg or str(exc)
    # Oxigraph prefixes the position, which the error already carries.
    if ": " in text and text.startswith("Parser error"):
        text = text.split(": ", 1)[1]
    return f"syntax error: {text}"
