"""What a meeting was about: the documents, domains and topics its sentences discuss."""

from __future__ import annotations

import re
from datetime import date

from ..ingest.resolve import normalise
from ..namespaces import ID, NEG
from .cues import DISCUSS, is_meeting_sentence
from .knowledge import Knowledge
from .model import Analysed, Statement, Thing
from .names import Mention


def find_about(
    sentences: list[Analysed], knowledge: Knowledge, day: date | None
) -> list[Statement]:
    """Documents, domains and topics: sure in a briefing or a discussion of the meeting,
    likely in other sentences about it, a guess elsewhere (domains, being common words,
    only a weak one)."""
    best: dict[str, Statement] = {}
    for s in sentences:
        meeting, discussed = is_meeting_sentence(s), bool(DISCUSS.search(s.text))
        capabilities = CAPABILITIES.search(s.text)
        if (
            capabilities
            and discussed
            and (meeting or DISCUSSED_HERE.search(s.text[: capabilities.start()]))
        ):
            iri = ID + "cooperation-area/defence-capabilities"  # "EU military capabilities"
            if iri in knowledge.resolver.entities and iri not in best:
                name = knowledge.name_for(iri, "subject")
                best[iri] = Statement(name, s.text, 0.75, Thing(iri, name, "concept"))
        common = COMMON_SET.search(s.text)
        if common and (meeting or discussed) and not REPORT_ON.search(s.text[: common.start()]):
            for iri in knowledge.proposal_sets():  # "the common set of proposals": every set
                issued = knowledge.issued.get(iri)
                if day is not None and issued is not None and issued > day:
                    continue
                name = knowledge.name_for(iri, "subject")
                confidence = 0.8 if discussed else 0.7
                if iri not in best or best[iri].confidence < confidence:
                    best[iri] = Statement(name, s.text, confidence, Thing(iri, name, "document"))
        written_out = COOPERATION_WRITTEN_OUT.search(s.text)
        if written_out and DISCUSSED_HERE.search(s.text[: written_out.start()]):
            iri = ID + "topic/eu-nato-cooperation"
            name = knowledge.name_for(iri, "subject")
            confidence = 0.85 if meeting or discussed else 0.75
            if iri not in best or best[iri].confidence < confidence:
                best[iri] = Statement(name, s.text, confidence, Thing(iri, name, "concept"))
        for m in s.subjects():
            if not issued_by(m, knowledge, day) or _modifier(m, s, knowledge):
                continue
            if m.iri in GENERIC_TOPICS and not DISCUSSED_HERE.search(s.text[: m.start]):
                continue
            base = 0.85 if meeting and discussed else 0.75 if meeting else 0.6
            if not meeting and _is_domain(m, knowledge):
                base = 0.4
            confidence = round(base * m.score, 2)
            if m.iri not in best or best[m.iri].confidence < confidence:
                name = knowledge.name_for(m.iri, "subject")
                best[m.iri] = Statement(name, s.text, confidence, Thing(m.iri, name, m.kind))
    return sorted(best.values(), key=lambda a: -a.confidence)


# Topics nearly every release names: a subject only when the meeting is said to take them up.
GENERIC_TOPICS = {ID + "topic/eu-nato-cooperation"}
DISCUSSED_HERE = re.compile(
    r"\b(?:session|sessions|discussion|discussions|exchange|talks|focus(?:ed|sed)?|"
    r"discussed|dedicated|devoted|centred|centered|agenda|examined|reviewed|views|update|"
    r"updated|strengthen|strengthening|deepen|deepening|enhance|enhancing|explore|explored|"
    r"exploring|avenues|importance|value)\s+(?:\w+\s+){0,3}?"
    r"(?:on|to|about|of|for)?\s*(?:the\s+|closer\s+|deeper\s+|further\s+|increased\s+)?$",
    re.IGNORECASE,
)
CAPABILITIES = re.compile(
    r"\b(?:military|defence|defense) capabilities\b|"
    r"\bcapabilit(?:y|ies) (?:development|priorities|targets|initiatives|planning)\b",
    re.IGNORECASE,
)
COMMON_SET = re.compile(r"\bthe common set of proposals\b", re.IGNORECASE)
REPORT_ON = re.compile(r"\breport on (?:the )?(?:implementation of )?$", re.IGNORECASE)
# "NATO's cooperation with the European Union", "cooperation between the EU and NATO"
COOPERATION_WRITTEN_OUT = re.compile(
    r"\b(?:NATO['’]s cooperation with (?:the )?(?:EU|European Union)|"
    r"(?:EU|European Union)['’]s cooperation with NATO|cooperation between (?:the )?"
    r"(?:EU|European Union) and NATO|"
    r"cooperation between NATO and (?:the )?(?:EU|European Union))\b",
    re.IGNORECASE,
)
MODIFIED = re.compile(
    r"\s+(?:defen[cs]e|security|attacks?|threats?|activities|policy|strategy|capabilities|"
    r"centre|center|command|agency|domain|assets|situational|operations|incidents?)\b",
    re.IGNORECASE,
)


def _modifier(m: Mention, s: Analysed, knowledge: Knowledge) -> bool:
    """A domain's word used as an adjective ("cyber defence", "space policy") does not make
    the domain a subject; inside a topic's name ("NATO space activities") it does."""
    if not _is_domain(m, knowledge):
        return False
    if m.nested:
        outer = next(
            (o for o in s.mentions if o.start <= m.start and m.end <= o.end and o is not m), None
        )
        in_area = outer is not None and outer.iri in knowledge.resolver.schemes.get(
            NEG + "CooperationAreas", set()
        )
        # "space" inside the topic "NATO space activities" is the domain; inside the area
        # "security and defence in space" the area says it already.
        return in_area or normalise(m.text) != normalise(knowledge.label(m.iri))
    return bool(MODIFIED.match(s.text[m.end :]))


def issued_by(m: Mention, knowledge: Knowledge, day: date | None) -> bool:
    """A document issued after the meeting can only have been discussed in draft; keep it
    when named outright, drop it when only a plural ("the Joint Declarations") named it."""
    issued = knowledge.issued.get(m.iri)
    return day is None or issued is None or issued <= day or m.score >= 1.0


def _is_domain(m: Mention, knowledge: Knowledge) -> bool:
    from .names import SUBJECT_SCHEMES

    domains = knowledge.resolver.schemes.get(SUBJECT_SCHEMES[0], set())
    return m.iri in domains
