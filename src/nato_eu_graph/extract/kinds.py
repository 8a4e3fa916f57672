"""What kind of release this is: the facts each kind yields differ (docs/extract.md).

Each kind has its cue words; the title and the first sentences of the body weigh most,
since a release says what it is about at the start. A release that matches no kind well
is ``unknown``: the draft then keeps only the facts it states outright.
"""

from __future__ import annotations

import re

from .model import Analysed, Statement

NOCASE = re.IGNORECASE
_LEADERS = (
    r"Secretary General|President of the European (?:Council|Commission)|High Representative|"
    r"HR/VP|Prime Minister|President|EU leaders|Foreign Ministers|Defence Ministers|"
    r"Ministers of (?:Foreign Affairs|Defence)|European Council"
)
_MEET = (
    r"met|meet|meets|meeting|talks|visit(?:ed|s)?|joint press conference|press conference|"
    r"addressed|attended|took part|participated|welcomed|hosted|joins|joined|travelled"
)
_STAFFS = r"IMS|EUMS|International Military Staff|EU Military Staff|European Union Military Staff"
_STAFF_MEET = r"conferences?|talks|meeting|hosted|welcomed|visit|co-?chaired"
# (kind, cue, weight): the strongest cues first; "unknown" wins below MIN_SCORE.
CUES: list[tuple[str, re.Pattern[str], float]] = [
    # "Council conclusions on the third progress report ...": the Council adopting them
    ("endorsement", re.compile(r"^\s*Council conclusions (?:on|of|regarding|concerning)\b"), 4.0),
    (
        "progress-report",
        re.compile(r"(?<!next )(?<!upcoming )(?<!forthcoming )\bprogress reports?\b", NOCASE),
        3.0,
    ),
    (
        "appointment",
        re.compile(
            r"\b(?:appoint(?:s|ed|ment)|(?:took|takes|take) over (?:as|from|at the helm|the helm)|"
            r"hand(?:ed|s|ing)? over to|chang(?:ed|es) hands|"
            r"(?:took|takes|take) office as|"
            r"assum(?:ed|es) (?:the )?(?:post|office|duties|functions|role)|"
            r"(?:took|takes|take) up (?:his|her|the|their) (?:post|duties|functions|position)|"
            r"handover ceremony|hand(?:ed|s)? over (?:the )?(?:post|command|duties|office)|"
            r"change of (?:command|leadership|office)|succeed(?:s|ed|ing)? \w+ \w+ as|"
            r"new (?:Director General|Chair(?:man)?|Secretary General|Deputy Secretary General)|"
            r"new (?:head|chief|commander) of\b|(?:takes|took) over\s*$|"
            r"\b(?:bid|bids|bade|bidding) (?:a )?(?:\w+ )?farewell to|"
            r"\benter(?:ed|s)? (?:into )?office as)",
            NOCASE,
        ),
        2.5,
    ),
    (
        "recognition",
        re.compile(
            r"\brecogni[sz](?:e|es|ed|ing)\b[^.]{0,80}\b(?:operational domain|domain of "
            r"operations|as a domain)",
            NOCASE,
        ),
        3.0,
    ),
    (
        "signing",
        re.compile(
            r"\bsign(?:ed|ing|s)?\b[^.]{0,120}\b(?:declaration|arrangement|agreement|"
            r"memorandum|letter|exchange of letters)|\b(?:declaration|arrangement|agreement)"
            r"[^.]{0,60}\bsigned\b",
            NOCASE,
        ),
        2.5,
    ),
    (
        "endorsement",
        re.compile(
            r"\b(?:endorsed|endorses|endorse|endorsing|approved|approves|approve|approving|"
            r"adopted|adopts|adopt|adopting|"
            r"welcomed the adoption)\b"
            r"[^.]{0,160}\b(?:proposals|declaration|strategy|concept|compass|policy|"
            r"framework|conclusions|set|plan|report)\b",
            NOCASE,
        ),
        2.0,
    ),
    (
        "council-meeting",
        re.compile(
            r"\b(?:North Atlantic Council|NAC)\b[^.]*\b(?:Political and Security Committee|PSC)\b|"
            r"\b(?:PSC|Political and Security Committee)\b[^.]*\b(?:North Atlantic Council|NAC)\b|"
            r"\b(?:EU Military Committee|European Union Military Committee|EUMC)\b[^.]*"
            r"\b(?:met|meet|meets|meeting|session|conference|discuss\w*|gathered)\b|"
            r"\b(?:met|meet|meets|meeting|session|conference)\b[^.]*\b(?:EU Military Committee|"
            r"European Union Military Committee|EUMC)\b|"
            r"\bChiefs of Defen[cs]e\b|\bCHODs?\b",
            NOCASE,
        ),
        2.0,
    ),
    (
        "staff-conference",
        re.compile(
            rf"\b(?:{_STAFFS}|DGIMS|DGEUMS)\b[^.]*\b(?:{_STAFF_MEET})\b|"
            rf"\b(?:{_STAFF_MEET})\b[^.]*\b(?:{_STAFFS})\b|"
            r"\bstaff[- ]to[- ]staff\b|\bDirectors?'? General(?:'s)? conferences?|"
            r"\bDirector Generals'? conferences?|\bDG'?s conferences?|\bmilitary staffs\b",
            NOCASE,
        ),
        2.0,
    ),
    (
        "leaders-meeting",
        re.compile(
            rf"\b(?:{_LEADERS})\b[^.]*\b(?:{_MEET})\b|\b(?:{_MEET})\b[^.]*\b(?:{_LEADERS})\b|"
            r"\bjoint press conference\b|\bpress conference\b",
            NOCASE,
        ),
        2.0,
    ),
]
MIN_SCORE = 1.5
OPENING = 4  # body sentences that count as the opening


def classify(sentences: list[Analysed], title: str | None) -> Statement:
    """The kind of the release, with the sentence that decided it."""
    scores: dict[str, float] = {}
    evidence: dict[str, str] = {}
    body = [s for s in sentences if not s.sentence.header and not s.sentence.foreign]
    texts = [(title or "", 2.0, True)]
    texts += [(s.text, 1.5, True) for s in sentences if s.sentence.header]
    texts += [(s.text, 1.5 if k < OPENING else 0.5, _dated(s)) for k, s in enumerate(body)]
    for text, weight, dated in texts:
        for kind, cue, strength in CUES:
            if kind == "signing" and not dated:
                continue  # "the Declaration signed in Warsaw in July 2016" is background
            if cue.search(text):
                scores[kind] = scores.get(kind, 0.0) + weight * strength
                evidence.setdefault(kind, text)
    if not scores:
        return Statement("unknown", "no sentence reads like a kind the extractor knows", 0.5)
    order = [kind for kind, _, _ in CUES]
    best = max(scores, key=lambda k: (scores[k], -order.index(k)))
    if scores[best] < MIN_SCORE * 2:
        return Statement("unknown", evidence[best], 0.5, note=f"weak cue for {best}")
    total = sum(scores.values())
    return Statement(best, evidence[best], round(min(0.95, 0.5 + scores[best] / total / 2), 2))


def _dated(s: Analysed) -> bool:
    return any(d.precision == "day" for d in s.dates) or bool(
        re.search(r"\btoday\b", s.text, NOCASE)
    )


MEETING_KINDS = ("staff-conference", "council-meeting", "leaders-meeting", "signing", "unknown")
