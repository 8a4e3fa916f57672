"""Dates in a release, absolute and relative, resolved against the release's own date.

"16 November 2021", "16-November-2021", "November 16, 2021", "2021-11-16", "16.11.2021"
are absolute. "yesterday", "today", "on Tuesday", "next May", "on 26 November" (no year)
and "next month" are relative: they need the day the release was written, and, where the
text leaves it open, the tense of the sentence ("will meet on 3 December" is ahead).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "month", "year"]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + "|".join(sorted((m.title() for m in MONTHS), key=len, reverse=True))
_MONTH += r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FUTURE = re.compile(
    r"\b(?:will|shall|scheduled|planned|upcoming|forthcoming|next|expected|to be held|"
    r"is to|are to|going to)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date found in a sentence; ``value`` is its first day (of the month or year)."""

    text: str
    start: int
    end: int
    value: date
    precision: Precision
    relative: bool
    last: date | None = None  # the last day of a range ("16-17 November 2021")

    @property
    def iso(self) -> str:
        if self.precision == "day":
            return self.value.isoformat()
        if self.precision == "month":
            return self.value.isoformat()[:7]
        return str(self.value.year)


# Each pattern: (regex, whether it needs the release date). Earlier patterns win overlaps.
_ABSOLUTE = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(
        rf"\b(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s*[-–]\s*{_DAY}[\s-]+(?:of\s+)?{_MONTH}"
        rf"(?:[\s,-]+{_YEAR})?\b"
    ),
    re.compile(rf"\b{_DAY}[\s-]+(?:of\s+)?{_MONTH}(?:[\s,-]+{_YEAR})?\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b(?!\d)"),
    re.compile(r"\b(?P<day>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b"),
]
_RELATIVE_MONTH = re.compile(
    rf"\b(?P<cue>next|last|this|coming|in|early|late|mid|mid-|by|until|since|of)\s+{_MONTH}\b"
)
_RELATIVE_DAY = re.compile(
    r"\b(?P<word>yesterday|today|tonight|tomorrow|this morning|this afternoon|"
    r"this evening|earlier today)\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<cue>last|next|this|on)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b"
)
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<cue>next|last|this|coming)\s+(?P<unit>month|year)\b", re.IGNORECASE
)
_DAY_WORDS = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "tomorrow": 1,
}


def find_dates(text: str, ref: date | None = None) -> list[DateMention]:
    """Every date in ``text``; relative ones only when the release date ``ref`` is known."""
    future = bool(_FUTURE.search(text))
    found: list[DateMention] = []
    for mention in _candidates(text, ref, future):
        if not any(mention.start < f.end and f.start < mention.end for f in found):
            found.append(mention)
    # "on Thursday 26 May", "Tuesday (4 November)": the weekday names the date beside it
    found = [m for m in found if not (_WEEKDAY.fullmatch(m.text) and _beside_date(m, found, text))]
    return sorted(found, key=lambda m: m.start)


def _beside_date(weekday: DateMention, found: list[DateMention], text: str) -> bool:
    return any(
        f is not weekday
        and not _WEEKDAY.fullmatch(f.text)
        and f.precision == "day"
        and re.fullmatch(r"[\s,(]*", text[weekday.end : f.start])
        for f in found
        if f.start >= weekday.end
    )


def _candidates(text: str, ref: date | None, future: bool) -> Iterator[DateMention]:
    for pattern in _ABSOLUTE:
        for m in pattern.finditer(text):
            mention = _absolute(m, ref, future)
            if mention:
                yield mention
    if ref is None:
        return
    for m in _RELATIVE_DAY.finditer(text):
        day = ref + timedelta(days=_DAY_WORDS[m.group("word").lower()])
        yield DateMention(m.group(0), m.start(), m.end(), day, "day", True)
    for m in _WEEKDAY.finditer(text):
        yield _weekday(m, ref, future)
    for m in _RELATIVE_MONTH.finditer(text):
        mention = _relative_month(m, ref, future)
        if mention:
            yield mention
    for m in _RELATIVE_PERIOD.finditer(text):
        yield _period(m, ref)


def _absolute(m: re.Match[str], ref: date | None, future: bool) -> DateMention | None:
    groups = m.groupdict()
    month = int(groups["m"]) if groups.get("m") else MONTHS[groups["month"].lower()]
    year = int(groups["year"]) if groups.get("year") else None
    day = int(groups["day"]) if groups.get("day") else None
    if year is None:
        if ref is None:
            return None
        year = nearest_year(ref, month, day or 1, future)
    try:
        value = date(year, month, day or 1)
        first = date(year, month, int(groups["first"])) if groups.get("first") else None
    except ValueError:
        return None  # "31 November": not a date
    relative = groups.get("year") is None
    precision: Precision = "day" if day else "month"
    if first is not None and first < value:
        return DateMention(m.group(0), m.start(), m.end(), first, "day", relative, value)
    return DateMention(m.group(0), m.start(), m.end(), value, precision, relative)


def nearest_year(ref: date, month: int, day: int, future: bool) -> int:
    """The year that puts (month, day) nearest the release: ahead of it when the sentence
    speaks of the future, else on or before it unless that is more than half a year back."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            options.append(date(year, month, 28))
    if future:
        return min(d for d in options if d >= ref).year
    past = max(d for d in options if d <= ref)
    if (ref - past).days <= 183:
        return past.year
    return min(options, key=lambda d: abs((d - ref).days)).year


def _weekday(m: re.Match[str], ref: date, future: bool) -> DateMention:
    target = WEEKDAYS[m.group("weekday").lower()]
    cue = (m.group("cue") or "").lower()
    ahead = cue == "next" or (cue != "last" and future)
    if ahead:
        delta = (target - ref.weekday()) % 7 or (7 if cue == "next" else 0)
    else:
        delta = -((ref.weekday() - target) % 7 or (7 if cue == "last" else 0))
    day = ref + timedelta(days=delta)
    return DateMention(m.group(0), m.start(), m.end(), day, "day", True)


def _relative_month(m: re.Match[str], ref: date, future: bool) -> DateMention | None:
    name = m.group("month").lower()
    if name == "may" and m.group("cue") in ("by", "of", "since", "until"):
        return None  # "by May..." is usually the verb after a name: not worth the risk
    month = MONTHS[name]
    cue = m.group("cue")
    if cue == "next" or cue == "coming":
        year = ref.year if month > ref.month else ref.year + 1
    elif cue == "last":
        year = ref.year if month < ref.month else ref.year - 1
    elif cue == "this":
        year = ref.year
    else:
        year = nearest_year(ref, month, 1, future or cue == "until")
        if not future and month == ref.month:
            year = ref.year
    start = m.start("month")
    if cue in ("next", "last", "this", "coming"):
        start = m.start()
    return DateMention(
        m.group(0)[start - m.start() :], start, m.end(), date(year, month, 1), "month", True
    )


def _period(m: re.Match[str], ref: date) -> DateMention:
    step = {"next": 1, "coming": 1, "last": -1, "this": 0}[m.group("cue").lower()]
    if m.group("unit").lower() == "year":
        return DateMention(
            m.group(0), m.start(), m.end(), date(ref.year + step, 1, 1), "year", True
        )
    index = ref.year * 12 + ref.month - 1 + step
    value = date(index // 12, index % 12 + 1, 1)
    return DateMention(m.group(0), m.start(), m.end(), value, "month", True)


# A republisher's dateline may be in its own language ("gepubliceerd op dinsdag 24 mei
# 2016", "21 de junio de 2021", "le 3 mars 2015"): Dutch, French, German, Spanish and
# Italian month names, read only as a whole day-month-year date.
FOREIGN_MONTHS = {
    **dict.fromkeys(("januari", "janvier", "januar", "jänner", "enero", "gennaio"), 1),
    **dict.fromkeys(("februari", "février", "fevrier", "februar", "febrero", "febbraio"), 2),
    **dict.fromkeys(("maart", "mars", "märz", "marz", "marzo"), 3),
    **dict.fromkeys(("avril", "abril", "aprile"), 4),
    **dict.fromkeys(("mei", "mai", "mayo", "maggio"), 5),
    **dict.fromkeys(("juni", "juin", "junio", "giugno"), 6),
    **dict.fromkeys(("juli", "juillet", "julio", "luglio"), 7),
    **dict.fromkeys(("augustus", "août", "aout", "agosto"), 8),
    **dict.fromkeys(("septembre", "septiembre", "settembre", "setembro"), 9),
    **dict.fromkeys(("oktober", "octobre", "octubre", "ottobre"), 10),
    **dict.fromkeys(("novembre", "noviembre"), 11),
    **dict.fromkeys(("décembre", "decembre", "dezember", "diciembre", "dicembre"), 12),
}
_FOREIGN_DAY = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:er|\.|º)?\s+(?:de\s+)?(?P<month>[^\W\d_]+)\s+(?:de\s+|del\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b"
)


def foreign_dateline(line: str) -> DateMention | None:
    """A whole date written with another language's month name, as a republisher's
    dateline gives it; None when there is none."""
    for m in _FOREIGN_DAY.finditer(line):
        month = FOREIGN_MONTHS.get(m.group("month").lower())
        if month is None:
            continue
        try:
            value = date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            continue
        return DateMention(m.group(0), m.start(), m.end(), value, "day", False)
    return None


def release_date(
    lines: list[str], meta_date: str | None = None, *, opening: int = 0
) -> DateMention | None:
    """The date a release was published: the first full date in its header lines (a
    dateline such as "date 2021-11-16" or "Brussels, 16-November-2021", or one in Dutch,
    French, German, Spanish or Italian), else its markup's. ``opening``: in a line of more
    than twenty words, an English date counts only if it starts this early (a dateline
    opens its line; a date deep in a long sentence is often another day's)."""
    for line in lines:
        foreign = foreign_dateline(line)
        if foreign is not None and not any(
            d.precision == "day" and not d.relative and d.start < foreign.start
            for d in find_dates(line)
        ):
            return foreign
        for mention in find_dates(line):
            late = opening and len(line.split()) > 20 and mention.start >= opening
            if mention.precision == "day" and not mention.relative and not late:
                return mention
    if meta_date:
        try:
            day = date.fromisoformat(meta_date)
        except ValueError:
            return None
        return DateMention(meta_date, 0, 0, day, "day", False)
    return None
