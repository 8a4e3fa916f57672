"""Council conclusions published under their own heading ("Council conclusions on the third
progress report on ..."): the Council adopted them, and a progress report they are on was
presented to it. The heading is the conclusions' name."""

from __future__ import annotations

import re

from ..namespaces import ID
from .candidates import slug
from .knowledge import Knowledge
from .model import NEW, AdoptionDraft, Analysed, Candidate, Statement, Thing

HEADING = re.compile(
    r"^\s*(?P<label>Council conclusions (?:on|of|regarding|concerning|about) [^.;:]+?)\s*\.?\s*$"
)
COUNCIL = ID + "organisation/council-of-the-eu"
MAX_WORDS = 40


def heading_conclusions(
    sentences: list[Analysed], knowledge: Knowledge
) -> tuple[list[Candidate], list[AdoptionDraft]]:
    """The conclusions a heading names, adopted by the Council (no day: the heading gives
    none), and the graph's progress report named in it, presented to the Council."""
    if COUNCIL not in knowledge.resolver.entities:
        return [], []
    for s in sentences:
        hit = None if s.sentence.foreign else HEADING.match(s.text)
        if hit is None or len(s.text.split()) > MAX_WORDS:
            continue
        label = hit.group("label")
        ident = "document/" + slug(label)[:60].strip("-")
        council = knowledge.name_for(COUNCIL, "agent")
        by = Statement(council, s.text, 0.75, Thing(COUNCIL, council, "organisation"))
        doc = Statement(label, s.text, 0.75, Thing(NEW + ident, label, "document"))
        out = [AdoptionDraft(doc, by, "adopted", None, s.text, 0.75)]
        out += [
            AdoptionDraft(report, by, "presented", None, s.text, 0.7)
            for report in _reports_in(s, knowledge)
        ]
        return [Candidate("document", label, ident, s.text, 0.7)], out
    return [], []


def _reports_in(s: Analysed, knowledge: Knowledge) -> list[Statement]:
    out = []
    for m in s.mentions:
        if m.kind == "document" and knowledge.doc_types.get(m.iri, "").endswith("/progress-report"):
            name = knowledge.name_for(m.iri, "document")
            out.append(Statement(name, s.text, 0.7, Thing(m.iri, name, "document")))
    return out
