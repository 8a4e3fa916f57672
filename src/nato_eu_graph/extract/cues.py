"""The words that signal what a sentence reports: a meeting, a host or guest, a co-chair,
an attendee, a briefing, a stand-in, a topic, an ordinal, the next meeting.
"""

from __future__ import annotations

import re

from .model import Analysed

NOCASE = re.IGNORECASE
MEETING = re.compile(
    r"\b(?:meetings?|met|meet|conference|talks|session|forum|agenda|discuss\w*|brief\w*|"
    r"host\w*|welcom\w*|participants|exchanges?|consultations|dialogue|gathering|event|"
    r"co-?chair\w*|delegations?)\b",
    NOCASE,
)
DISCUSS = re.compile(
    r"\b(?:discuss\w*|agenda|issues?|topics?|focus\w*|addressed|exchanged?|reviewed|"
    r"covered|reported|report on|progress|brief\w*|informed|updated?|centred|centered)\b",
    NOCASE,
)
NEXT = re.compile(
    r"\bnext\s+(?:\S+\s+){0,3}?(?:meeting|conference|session|round|edition|talks|gathering)\b|"
    r"\bwill\s+(?:next\s+)?(?:meet|convene)\s+again\b|\bnext\s+(?:meet|convene)\w*\b",
    NOCASE,
)
HOST_ACTIVE = re.compile(
    r"\b(?:hosts|hosted|welcomes|welcomed|received|receives|will host|to host|will welcome)\b",
    NOCASE,
)
WELCOME = re.compile(r"\bwelcom", NOCASE)
VISIT = re.compile(
    r"\b(?:travelled|traveled|came|went|paid a visit|visited|visits|was received)\b", NOCASE
)
ACCOMPANIED = re.compile(r"\b(?:was|were) accompanied by\b", NOCASE)
HOST_PASSIVE = re.compile(
    r"\b(?:hosted|received|welcomed|invited)\s+by\b|\bat the invitation of\b|"
    r"\bas (?:the )?guests? of\b",
    NOCASE,
)
ATTEND = re.compile(
    r"\b(?:attended|participated|took part|joined|addressed|opened|spoke (?:to|at))\b", NOCASE
)
JOINED_BY = re.compile(r"\b(?:were|was|are|is) joined (?:\w+ ){0,2}?by\b|\bjoined by\b", NOCASE)
INVITED = re.compile(r"\b(?:was|were|is|are|had been|has been) invited\b", NOCASE)
SPEAKER = re.compile(r"^\s*(?:\([^)]{0,120}\))?\s*:")
REMOTE = re.compile(
    r"\b(?:by |via |through |in a )?(?:video-?conference|video link|videolink|virtual(?:ly)? "
    r"meeting|held (?:virtually|online)|met (?:virtually|online))\b",
    NOCASE,
)
COCHAIR = re.compile(r"\bco-?chair(?:ed|s|ing)?\b", NOCASE)
CHAIRED_BY = re.compile(r"(?<!co-)(?<!co)\b(?:chaired|presided(?: over)?|led)\s+by\b", NOCASE)
CHAIRED = re.compile(r"(?<!co-)(?<!co)\b(?:chaired|chairs|presided over)\b", NOCASE)
MET = re.compile(r"\b(?:met|meet|meets)\b", NOCASE)
SIGNED = re.compile(r"\bsign(?:ed|s|ing)?\b", NOCASE)
BEHALF = re.compile(
    r"\b(?:on behalf of|standing in for|stood in for|stands in for|in place of|"
    r"deputi[sz]ing for|replacing)\b",
    NOCASE,
)
REPRESENTED_BY = re.compile(r"\brepresented by\b", NOCASE)
BRIEF_BY = re.compile(
    r"\b(?:briefings?|presentations?|updates?|brief|address|intervention|briefed)\s+"
    r"(?:\w+\s+){0,2}?(?:by|from)\b",
    NOCASE,
)
BRIEF_ACTIVE = re.compile(
    r"\b(?:briefed|presented|updated|informed|(?:gave|delivered|provided)\b[^.]{0,60}?\b"
    r"an?\s+(?:\w+\s+)?(?:briefing|presentation|update|overview))\b",
    NOCASE,
)
DISCUSSED_WITH = re.compile(
    r"\b(?:discussed|exchanged views|talks|spoke|met|consulted)\b[^.]{0,100}?\bwith\b", NOCASE
)
ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:\S+\s+){0,1}$")
PREPOSITION = re.compile(
    r"\b(?:of|at|in|to|from|for|with|by|on|between|behalf)\s+(?:the\s+)?$", NOCASE
)


def is_meeting_sentence(s: Analysed) -> bool:
    return bool(MEETING.search(s.text)) and not NEXT.search(s.text)
