"""What a meeting was about: the documents, domains and topics its sentences discuss."""

from __future__ import annotations

from datetime import date

from .cues import DISCUSS, is_meeting_sentence
from .knowledge import Knowledge
from .model import Analysed, Statement, Thing
from .names import Mention


def find_about(sentences: list[Analysed], knowledge: Knowledge, day: date) -> list[Statement]:
    """Documents, domains and topics: sure in a briefing or a discussion of the meeting,
    likely in other sentences about it, a guess elsewhere (domains, being common words,
    only a weak one)."""
    best: dict[str, Statement] = {}
    for s in sentences:
        meeting, discussed = is_meeting_sentence(s), bool(DISCUSS.search(s.text))
        for m in s.subjects():
            if not issued_by(m, knowledge, day):
                continue
            base = 0.85 if meeting and discussed else 0.75 if meeting else 0.6
            if not meeting and _is_domain(m, knowledge):
                base = 0.4
            confidence = round(base * m.score, 2)
            if m.iri not in best or best[m.iri].confidence < confidence:
                name = knowledge.name_for(m.iri, "subject")
                best[m.iri] = Statement(name, s.text, confidence, Thing(m.iri, name, m.kind))
    return sorted(best.values(), key=lambda a: -a.confidence)


def issued_by(m: Mention, knowledge: Knowledge, day: date) -> bool:
    """A document issued after the meeting can only have been discussed in draft; keep it
    when named outright, drop it when only a plural ("the Joint Declarations") named it."""
    issued = knowledge.issued.get(m.iri)
    return issued is None or issued <= day or m.score >= 1.0


def _is_domain(m: Mention, knowledge: Knowledge) -> bool:
    from .names import SUBJECT_SCHEMES

    domains = knowledge.resolver.schemes.get(SUBJECT_SCHEMES[0], set())
    return m.iri in domains
