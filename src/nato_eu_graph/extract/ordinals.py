"""Ordinals in a release: a meeting's or a report's number in its series ("the 22nd
iteration", "the twentieth conference"), told apart from its number within a year ("the
second of their bi-annual conferences", "the first meeting of 2015"), which is no ordinal.
"""

from __future__ import annotations

import re

_NAMES = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
WORDS = {name: k + 1 for k, name in enumerate(_NAMES)}
WORDS |= {f"twenty-{name}": 20 + k + 1 for k, name in enumerate(_NAMES[:9])}
WORDS["thirtieth"] = 30

NOCASE = re.IGNORECASE
ORDINAL = re.compile(
    r"\b(?P<n>\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b",
    NOCASE,
)
# What an ordinal of a meeting is followed by: "22nd iteration of the bi-annual ...
# Conference", "20th EUMS-IMS Directors General Conference", "17th edition".
MEETING_NOUN = re.compile(
    r"^\s+(?:(?:iteration|edition|round|session|meeting|conference|annual|bi-annual|"
    r"biannual|joint|informal|IMS|EUMS|NATO|EU|of|the|their|our|[A-Z][\w'’./-]*)\s+){0,8}?"
    r"(?:iteration|edition|round|session|meeting|conference|talks)s?\b",
    NOCASE,
)
WITHIN_YEAR = re.compile(
    r"^\s+(?:\S+\s+){0,5}?(?:of|in)\s+(?:the\s+|this\s+)?(?:year\b|(?:19|20)\d\d\b|their\s+"
    r"(?:bi-?annual|biannual|twice-yearly|semi-annual|regular)|its kind this year)|"
    r"^\s+(?:time|meeting|conference|session)s?\s+(?:this|of the|in)\s+(?:year|(?:19|20)\d\d)",
    NOCASE,
)
POSSESSIVE = re.compile(r"\b(?:his|her|their|its|my|our)\s+$", NOCASE)
NOT_MEETING = re.compile(r"^\s+(?:anniversary|century|progress report|report|package)", NOCASE)
NEXT = re.compile(r"\b(?:next|upcoming|following|forthcoming|will|future)\b[^.]{0,40}$", NOCASE)
LATER = re.compile(
    r"^\s+(?:\w+\s+){0,2}?(?:will|shall|is to|to be held|is planned|is scheduled)\b", NOCASE
)


def number(text: str) -> int | None:
    text = text.lower()
    digits = re.match(r"\d+", text)
    return int(digits.group(0)) if digits else WORDS.get(text)


def meeting_ordinal(text: str, *, ahead: bool = False) -> tuple[int, str] | None:
    """The series ordinal of the meeting a sentence reports, with its words; None when the
    sentence gives none (or only a number within the year, or the next meeting's). With
    ``ahead``, the sentence announces the meeting itself ("will take place on ...")."""
    for hit in ORDINAL.finditer(text):
        after = text[hit.end() :]
        if NOT_MEETING.match(after) or WITHIN_YEAR.match(after):
            continue
        noun = MEETING_NOUN.match(after)
        if not noun:
            continue
        if hit.group("n").lower() == "first" or POSSESSIVE.search(text[: hit.start()]):
            continue  # "his first meeting with the Chiefs": his, not the series'

        if NEXT.search(text[: hit.start()]) or (not ahead and LATER.match(after[noun.end() :])):
            continue  # "the 23rd conference will be hosted..."
        n = number(hit.group("n"))
        if n and n < 200:
            return n, hit.group(0)
    return None


def within_year(text: str) -> str | None:
    """ "the second of their bi-annual conferences": the number within the year, as written."""
    for hit in ORDINAL.finditer(text):
        if WITHIN_YEAR.match(text[hit.end() :]):
            return hit.group(0)
    return None
