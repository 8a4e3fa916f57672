"""Recognitions: an organisation recognising a domain (space, cyberspace) as an
operational domain, on a day.
"""

from __future__ import annotations

import re
from datetime import date

from ..namespaces import ID
from .knowledge import Knowledge
from .model import Analysed, RecognitionDraft, Statement, Thing

NOCASE = re.IGNORECASE
RECOGNISE = re.compile(
    r"\brecogni[sz](?:e|es|ed|ing)\b(?P<what>[^.]{0,80}?)\bas\s+(?:an?\s+|the\s+)?"
    r"(?:(?:new|fifth|fourth|operational)\s+)*(?:operational\s+)?domain",
    NOCASE,
)
DOMAINS = {"space": "domain/space", "cyberspace": "domain/cyberspace", "cyber": "domain/cyberspace"}
BY_NATO = re.compile(r"\b(?:NATO|Allies|Allied|Alliance|North Atlantic Council)\b")
BY_EU = re.compile(r"\b(?:EU|European Union|Council of the EU|European Council)\b")
FUTURE = re.compile(
    r"\b(?:will|would|could|may|expected to|plan(?:s|ned)? to|to be)\s+(?:\w+\s+)?recogni", NOCASE
)


def find_recognitions(
    sentences: list[Analysed], knowledge: Knowledge, anchor: date | None
) -> list[RecognitionDraft]:
    out: list[RecognitionDraft] = []
    seen: set[str] = set()
    for s in sentences:
        if s.sentence.foreign:
            continue
        hit = RECOGNISE.search(s.text)
        if not hit or FUTURE.search(s.text[: hit.end()]):
            continue
        word = re.search(r"\b(cyberspace|cyber|space)\b", hit.group("what"), NOCASE)
        if not word:
            continue
        iri = ID + DOMAINS[word.group(1).lower()]
        if iri in seen or iri not in knowledge.resolver.entities:
            continue
        seen.add(iri)
        by_iri = ID + (
            "organisation/nato"
            if BY_NATO.search(s.text) or not BY_EU.search(s.text)
            else "organisation/eu"
        )
        by_name = knowledge.name_for(by_iri, "agent")
        name = knowledge.label(iri)
        when = next((Statement(d.iso, s.text, 0.85) for d in s.dates if d.precision == "day"), None)
        if when is None and anchor is not None:
            when = Statement(anchor.isoformat(), s.text, 0.6, note="no day given: the release's")
        out.append(
            RecognitionDraft(
                Statement(name, s.text, 0.9, Thing(iri, name, "concept")),
                Statement(by_name, s.text, 0.8, Thing(by_iri, by_name, "organisation")),
                when,
                s.text,
                0.85,
            )
        )
    return out
