"""Read RDF files into quads, turning parser failures into ``ParseError`` with a line."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import ParseError

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


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror or exc}", file=str(path)) from exc


def parse_rdf(path: Path, *, fmt: str | None = None, base_iri: str | None = None) -> ParsedFile:
    """Parse one RDF file completely (all or nothing) and return its quads and checksum."""
    raw = read_bytes(path)
    rdf_format = format_for(path, fmt)
    try:
        quads = list(ox.parse(raw, format=rdf_format, base_iri=base_iri))
    except SyntaxError as exc:
        raise ParseError(
            _syntax_message(exc),
            file=str(path),
            line=exc.lineno,
            column=exc.offset,
            hint="fix the syntax at that place and run the command again",
        ) from exc
    except (ValueError, OSError) as exc:
        raise ParseError(f"cannot parse the file: {exc}", file=str(path)) from exc
    return ParsedFile(path, hashlib.sha256(raw).hexdigest(), quads)


def _syntax_message(exc: SyntaxError) -> str:
    text = exc.msg or str(exc)
    # Oxigraph prefixes the position, which the error already carries.
    if ": " in text and text.startswith("Parser error"):
        text = text.split(": ", 1)[1]
    return f"syntax error: {text}"
