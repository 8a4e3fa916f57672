"""What the name finder returns: a known thing named in a sentence (``Mention``), a
capitalised name that matched nothing (``Unknown``), and the words it reads (``Token``).
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_TOKENS = 12  # the longest run of words looked up as one name


@dataclass(frozen=True)
class Mention:
    """A known thing named in a sentence, at ``start:end`` of the sentence's text."""

    iri: str
    kind: str
    text: str
    start: int
    end: int
    score: float = 1.0  # 1 for an exact label, the difflib ratio for a near-miss
    rank: str = ""  # a rank or title written before the name
    nested: bool = False  # inside a longer name (a domain inside a topic's name)


@dataclass(frozen=True)
class Unknown:
    """A capitalised name the graph does not know, with the rank or title before it."""

    text: str
    start: int
    end: int
    rank: str = ""
    titled: bool = False  # after a rank, a title or a post: surely a person's name
    acronym: str = ""  # written just after it in brackets: "EU Satellite Centre (SatCen)"
    head: str = ""  # organisation, place or document: what its last word says it names


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
