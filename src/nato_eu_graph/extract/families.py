"""Dated documents of one name: "the Joint Declaration" is one of those of 2016, 2018 and
2023, told apart by the year or number written near it, or by the release's year; a plural
("the Joint Declarations") names several.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .mentions import MAX_TOKENS, Mention, Token

if TYPE_CHECKING:
    from .names import NameIndex


def _core(name: str) -> str:
    """A dated document's name without its year or the organisations before it."""
    name = re.sub(r"\s+of$", "", name)
    return re.sub(r"^(?:eu-nato|nato-eu|eu|nato)\s+", "", name)


_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def _singular_documents(
    text: str, taken: list[Mention], index: NameIndex, year: int | None
) -> list[Mention]:
    """ "the Joint Declaration signed in Warsaw in July 2016", "the second Joint
    Declaration", "the 2023 Joint Declaration", "the Joint Declarations of 2016 and 2018":
    members of a family of dated documents, told by the year or number written near them
    (or, for "the new Joint Declaration", by the release's year)."""
    out = []
    for core, members in index.singular.items():
        words = r"[\s\-–]+".join(re.escape(w) for w in core.split())
        pattern = rf"\b(?:(?:EU|NATO)(?:[\-–](?:NATO|EU))?\s+)?{words}(?P<plural>s)?\b"
        for hit in re.finditer(pattern, text, re.IGNORECASE):
            if any(m.start < hit.end() and hit.start() < m.end for m in taken):
                continue
            chosen = sorted(members)
            if hit.group("plural"):
                iris = _pick_many(text, hit.end(), chosen, year)
            else:
                one = _pick(text, hit.start(), hit.end(), chosen, year)
                iris = [one] if one else []
            for iri in iris:
                out.append(Mention(iri, "document", hit.group(0), hit.start(), hit.end(), 0.85))
            if not iris:  # a family's name, not a new document: the curator tells which
                out.append(Mention("", "family", hit.group(0), hit.start(), hit.end(), 0.0))
    return out


def _pick_many(text: str, end: int, members: list[tuple[int, str]], year: int | None) -> list[str]:
    after = re.split(r"[;.]", text[end : end + 40])[0]
    years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", after)}
    listed = [iri for y, iri in members if y in years]
    if listed:
        return listed
    return [iri for y, iri in members if year is None or y <= year]


_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"


def _pick(
    text: str, start: int, end: int, members: list[tuple[int, str]], year: int | None
) -> str | None:
    years = dict(members)
    if len(members) == 1:
        return members[0][1]  # the one document of that name
    before = text[max(0, start - 25) : start]
    window = re.split(r"[;.]", text[end : end + 70])[0]
    after = re.split(r"\band\b", window)[0]
    near = [int(y) for y in _YEAR.findall(before)[-1:]] + [int(y) for y in _YEAR.findall(after)[:1]]
    for y in near:
        if y in years:
            return years[y]
    word = re.search(r"\b(first|second|third|fourth|fifth)\s+(?:\S+\s+)?$", before, re.IGNORECASE)
    if word:
        k = _ORDINAL_WORDS[word.group(1).lower()]
        if k <= len(members):
            return members[k - 1][1]
    if year is None:
        return None
    if re.search(rf"\b(?:last|in)\s+(?:{_MONTHS})\b|\blast year\b", window):
        last = re.search(r"\blast (?:year|" + _MONTHS + r")\b", window)
        target = year - 1 if last and "year" in last.group(0) else year
        if last and "year" not in last.group(0):
            target = year - 1 if re.search(r"\blast\b", last.group(0)) else year
        if target in years:
            return years[target]
    if year in years and re.search(r"\bsign\w*\s+(?:a|an|the)?\s*(?:new\s+)?$", before):
        return years[year]  # "today signed a joint declaration"
    if re.search(r"\b(?:new|latest|this year's|today's)\s+$", before, re.IGNORECASE):
        past = [iri for y, iri in members if y <= year]
        return past[-1] if past else None
    return None


def _plural_documents(
    text: str, toks: list[Token], found: list[Mention], index: NameIndex
) -> list[Mention]:
    """Dated documents behind a plural outside other names ("the NATO-EU Joint
    Declarations" names those of 2016, 2018 and 2023; extraction keeps the earlier ones)."""
    out: dict[str, Mention] = {}
    for a in range(len(toks)):
        for b in range(a + 1, min(len(toks), a + MAX_TOKENS)):
            start, end = toks[a].start, toks[b].end
            if any(m.start < end and start < m.end for m in found):
                continue
            for _, iri in index.family(text[start:end]):
                out.setdefault(iri, Mention(iri, "document", text[start:end], start, end, 0.8))
    return list(out.values())
