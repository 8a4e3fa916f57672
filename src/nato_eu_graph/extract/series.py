"""The series of a meeting, from who meets and how the release names the meeting.

Releases rarely name a series the way the graph labels it: "EUMS-IMS Directors General
Conference", "EUMS/IMS Director Generals Conference", "the second of their bi-annual DG's
conferences" all name the IMS–EUMS Directors General conferences. So a series is found in
three ways, surest first: its label in the text; the bodies or posts that meet in it named
in one sentence with a meeting word; the series of a recorded meeting the text names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..namespaces import ID
from .knowledge import Knowledge
from .model import Analysed, Statement, Thing

NOCASE = re.IGNORECASE
MEETING_WORD = re.compile(
    r"\b(?:conferences?|meetings?|met|meet|talks|session|consultations|dialogue|summit|"
    r"gathering|convened|hosted|welcomed)\b",
    NOCASE,
)


@dataclass(frozen=True)
class Rule:
    """A series recognised by all of ``needs`` (each a pattern or the graph's things)."""

    series: str  # the series' id under ID
    needs: tuple[re.Pattern[str], ...]
    things: tuple[frozenset[str], ...] = ()  # per need: IRIs whose mention also satisfies it


def _any(*slugs: str) -> frozenset[str]:
    return frozenset(ID + s for s in slugs)


RULES = [
    Rule(
        "meeting-series/ims-eums-dg-conference",
        (
            re.compile(r"\b(?:IMS|DGIMS|DG IMS|International Military Staff)\b", NOCASE),
            re.compile(
                r"\b(?:EUMS|DGEUMS|DG EUMS|EU Military Staff|European Union Military Staff)\b",
                NOCASE,
            ),
        ),
        (_any("organisation/ims", "post/dgims"), _any("organisation/eums", "post/dgeums")),
    ),
    Rule(
        "meeting-series/nac-psc",
        (
            re.compile(r"\b(?:North Atlantic Council|NAC)\b"),
            re.compile(r"\b(?:Political and Security Committee|PSC)\b"),
        ),
        (
            _any("organisation/north-atlantic-council"),
            _any("organisation/eu-political-and-security-committee"),
        ),
    ),
    Rule(
        "meeting-series/eumc-chods-with-cmc",
        (
            re.compile(
                r"\b(?:EU Military Committee|European Union Military Committee|EUMC|CEUMC|"
                r"EU (?:Chiefs of Defen[cs]e|CHODs?)\b[^.]*\bMilitary Committee)\b",
                NOCASE,
            ),
            re.compile(r"\b(?:Chiefs of Defen[cs]e|CHODs?)\b"),
        ),
        (_any("organisation/eumc", "post/ceumc"),),
    ),
    Rule(
        "meeting-series/eu-nato-task-force-resilience",
        (re.compile(r"\bTask Force\b", NOCASE), re.compile(r"\bresilien\w*", NOCASE)),
    ),
    Rule(
        "meeting-series/nato-summit",
        (re.compile(r"\bSummit\b"), re.compile(r"\b(?:NATO|Allied|Allies|Alliance)\b")),
    ),
]


AHEAD = re.compile(
    r"\b(?:ahead of|upcoming|next|preparations? for|forthcoming|before|prepar\w+|"
    r"in anticipation of|in (?:the )?light of|in view of|"
    r"outcomes? of|since|following|after|decisions? (?:of|taken at)|margins of|sidelines of|"
    r"eve of|occasion of|(?:report|assessment|work|recommendations|findings|members) of)\s+"
    r"(?:the\s+)?(?:\S+\s+){0,3}$",
    NOCASE,
)


IN_PASSING = "named only in passing"
OPENING = 3  # the title and the first body sentences say what the release reports


def find_series(sentences: list[Analysed], knowledge: Knowledge) -> Statement | None:
    """The series of the meeting reported: named or recognised by who met, in the opening
    of the release first; then anywhere; then named only in passing ("ahead of the NATO
    Summit"); then the series of a recorded meeting the text names."""
    opening = _opening(sentences)
    later = [s for s in sentences if s not in opening]
    for group in (opening, later):
        found = _named(group, knowledge, in_passing=False) or _by_rule(group, knowledge)
        if found:
            return found
    return _named(sentences, knowledge, in_passing=True) or _of_recorded_meeting(
        sentences, knowledge
    )


def _opening(sentences: list[Analysed]) -> list[Analysed]:
    header = [s for s in sentences if s.sentence.header]
    body = [s for s in sentences if not s.sentence.header and not s.sentence.foreign]
    return header + body[:OPENING]


def _by_rule(sentences: list[Analysed], knowledge: Knowledge) -> Statement | None:
    """The first rule (in the order of RULES: the most specific series first) that some
    sentence about a meeting satisfies."""
    for rule in RULES:
        for s in sentences:
            if s.sentence.foreign or not MEETING_WORD.search(s.text):
                continue
            present = {m.iri for m in s.mentions + s.nested}
            if not _holds(rule, s.text, present):
                continue
            iri = ID + rule.series
            if iri not in knowledge.resolver.entities:
                continue
            name = knowledge.name_for(iri, "series")
            return Statement(
                name, s.text, 0.85, Thing(iri, name, "series"), note="who met, and how"
            )
    return None


def _holds(rule: Rule, text: str, present: set[str]) -> bool:
    for k, pattern in enumerate(rule.needs):
        things = rule.things[k] if k < len(rule.things) else frozenset()
        hits = [h for h in pattern.finditer(text) if not AHEAD.search(text[: h.start()])]
        if not (hits or present & things):  # "in light of the Chicago Summit": in passing
            return False
    return True


def _named(
    sentences: list[Analysed], knowledge: Knowledge, *, in_passing: bool
) -> Statement | None:
    for s in sentences:
        for m in s.mentions:
            if m.kind == "series" and in_passing == bool(AHEAD.search(s.text[: m.start])):
                thing = Thing(m.iri, knowledge.name_for(m.iri, "series"), "series")
                weight = 0.6 if in_passing else 0.9
                note = IN_PASSING if in_passing else ""
                return Statement(thing.name, s.text, round(weight * m.score, 2), thing, note=note)
    return None


def _of_recorded_meeting(sentences: list[Analysed], knowledge: Knowledge) -> Statement | None:
    """ "the second biennial IMS-EUMS meeting" may be a label of the graph's meeting."""
    of_meeting = {m: s for m, _, s in knowledge.meetings if s}
    for s in sentences:
        for m in s.mentions:
            if m.kind == "meeting" and m.iri in of_meeting:
                iri = of_meeting[m.iri]
                thing = Thing(iri, knowledge.name_for(iri, "series"), "series")
                note = f"'{m.text}' names a meeting of this series in the graph"
                return Statement(thing.name, s.text, round(0.8 * m.score, 2), thing, note=note)
    return None
