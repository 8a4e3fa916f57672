"""The meeting a release reports: its date, end, series, place, ordinal, the next
meeting planned, and the label and id of its draft.
"""

from __future__ import annotations

import re
from datetime import date

from ..namespaces import ID, ORG
from .cues import ATTEND, NEXT, NOCASE, REMOTE, SIGNED, is_meeting_sentence
from .hosting import settle_hosts
from .knowledge import Knowledge
from .model import NEW, Analysed, MeetingDraft, Participant, Statement, Thing
from .names import Mention
from .ordinals import meeting_ordinal
from .people import find_participants
from .series import IN_PASSING, find_series
from .subjects import find_about


def find_meeting(
    sentences: list[Analysed], knowledge: Knowledge, anchor: date | None, kind: str = ""
) -> MeetingDraft | None:
    """The meeting the release reports; None for a release of unknown kind that names no
    one taking part (no structure is invented)."""
    when = _in_header_range(_meeting_date(sentences, anchor, kind), sentences)
    day = date.fromisoformat(when.value) if when else anchor
    # A signing takes place at a summit or a visit; it is no meeting of their series.
    series = find_series(sentences, knowledge) if kind != "signing" else None
    if series and series.note == IN_PASSING and kind == "council-meeting":
        series = None  # a committee's meeting "in light of the Chicago Summit" is no summit
    meeting = MeetingDraft(id="", label="", date=when, series=series)
    meeting.end = _meeting_end(sentences, when)
    meeting.place = _place(sentences, knowledge, kind)
    meeting.ordinal = _ordinal(sentences, when)
    meeting.next_planned = _next_planned(sentences)
    meeting.participants = settle_hosts(
        _people_first(find_participants(sentences, knowledge, day, kind)),
        sentences,
        knowledge,
        day,
        kind,
    )
    if kind == "unknown" and not meeting.participants:
        return None
    if (  # the Chiefs without the Chair of the NATO Military Committee, unless the graph
        # records that day's meeting in the series
        series
        and series.thing
        and series.thing.iri == WITH_CMC
        and not _cmc_there(meeting)
        and not (day and knowledge.recorded_meetings(day, WITH_CMC))
    ):
        meeting.series = None
    meeting.about = find_about(sentences, knowledge, day)
    if kind == "signing":  # what a signing is about is the document signed
        meeting.about = [a for a in meeting.about if a.thing and a.thing.kind == "document"]
    series_iri = series.thing.iri if series and series.thing else None
    meeting.recorded = knowledge.recorded_meetings(day, series_iri) if when and day else []
    meeting.id, meeting.label = _identity(meeting, knowledge, day)
    return meeting


WITH_CMC = ID + "meeting-series/eumc-chods-with-cmc"


def _cmc_there(meeting: MeetingDraft) -> bool:
    return any(
        p.capacity and p.capacity.thing and p.capacity.thing.iri == ID + "post/cmc"
        for p in meeting.participants
    )


def meeting_parts(sentences: list[Analysed], anchor: date | None) -> list[list[Analysed]]:
    """The release cut where it turns to another meeting: a sentence about a meeting, on
    another day than the one before, that names who took part ("On 5 May, the Chiefs of
    Defence met ..."). A release about one meeting is one part; the header goes with the
    first."""
    starts: list[int] = []
    days: list[str] = []
    for k, s in enumerate(sentences):
        if s.sentence.header or s.sentence.foreign or not is_meeting_sentence(s):
            continue
        day = next((d.iso for d in s.dates if d.precision == "day"), None)
        if day is None or not s.agents() or (anchor and day > anchor.isoformat()):
            continue
        if not days or day != days[-1]:
            starts.append(k)
            days.append(day)
    if len(set(days)) < 2:
        return [sentences]
    header = [s for s in sentences[: starts[0]]]
    parts = []
    for n, k in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(sentences)
        parts.append((header if n == 0 else []) + sentences[k:end])
    return parts


def _people_first(found: list[Participant]) -> list[Participant]:
    """Where people are named taking part, the bodies named beside them ("the EUMS hosted
    the IMS") are who the people came for, not more participants; a body stays as host
    when no person hosts ("took part in the meeting of the European Council")."""
    roles = {p.role for p in found if p.who.kind == "person"}
    if not roles & {"host", "guest", "chair", "co-chair", "participant"}:
        return found
    hosted = "host" in roles
    return [
        p
        for p in found
        if p.who.kind == "person" or p.role == "briefer" or (p.role == "host" and not hosted)
    ]


def _meeting_date(
    sentences: list[Analysed], anchor: date | None, kind: str = ""
) -> Statement | None:
    body = [s for s in sentences if not s.sentence.header]
    header = [s for s in sentences if s.sentence.header]
    for group, weight in ((body, 1.0), (header, 0.75)):
        for s in group:
            signing = kind == "signing" and bool(SIGNED.search(s.text))
            taking_part = bool(ATTEND.search(s.text)) and any(
                m.kind == "person" for m in s.mentions
            )
            if not (is_meeting_sentence(s) or signing or taking_part):
                continue
            for d in s.dates:
                if d.precision == "day":
                    confidence = (0.85 if d.relative else 0.95) * weight
                    note = (
                        f"'{d.text}' read against the release date {anchor}" if d.relative else ""
                    )
                    return Statement(d.iso, s.text, confidence, note=note)
    if anchor is None:
        return None
    # A release that gives no day but "today" reports the day it was published.
    dated = any(d.precision == "day" and not d.relative for s in body for d in s.dates)
    return Statement(
        anchor.isoformat(), "no date in the text: the release's date", 0.45 if dated else 0.6
    )


def _in_header_range(when: Statement | None, sentences: list[Analysed]) -> Statement | None:
    """A page's header gives the meeting's days ("18 Jan. 2012 - 19 Jan. 2012"); a body
    dated on a later day of them ("have concluded two days of meetings") still reports a
    meeting that began on the first."""
    if when is None:
        return None
    for s in sentences:
        days = [d for d in s.dates if d.precision == "day" and not d.relative]
        if not s.sentence.header or len(days) != 2:
            continue
        first, last = days
        if re.fullmatch(r"\s*[-–]\s*", s.text[first.end : last.start]) and (
            first.iso < when.value <= last.iso
        ):
            return Statement(first.iso, s.text, when.confidence, note="the first of its days")
    return when


def _meeting_end(sentences: list[Analysed], when: Statement | None) -> Statement | None:
    for s in sentences:
        for d in s.dates:
            if when and d.iso == when.value and d.last:
                return Statement(d.last.isoformat(), s.text, when.confidence)
    return None


def _place(sentences: list[Analysed], knowledge: Knowledge, kind: str = "") -> Statement | None:
    """A site in a sentence about the meeting; else a place after at/in there; else the
    place in the dateline ("Brussels, 27 November 2018"). None for a meeting held by
    video-conference."""
    if any(REMOTE.search(s.text) for s in sentences if not s.sentence.foreign):
        return None
    options: list[tuple[float, int, Mention, Analysed]] = []
    for order, s in enumerate(sentences):
        meeting = is_meeting_sentence(s) or (kind == "signing" and bool(SIGNED.search(s.text)))
        if EARLIER.search(s.text):  # "builds on the one we signed in Warsaw two years ago"
            continue
        for m in s.mentions:
            if m.kind != "place" and not (m.kind == "state" and meeting):
                continue
            site = _is_site(knowledge, m.iri)
            located = bool(
                re.search(r"\b(?:at|in|to|from)\s+(?:the\s+)?$", s.text[: m.start], NOCASE)
            )
            new_site = m.iri.startswith(NEW + "site/") and located
            if meeting and (site or new_site):
                options.append((0.9, order, m, s))
            elif meeting and located:
                options.append((0.75 if m.kind == "place" else 0.55, order, m, s))
            elif s.sentence.header and m.kind == "place":
                options.append((0.6, order, m, s))
    if not options:
        return None
    confidence, _, m, s = max(options, key=lambda o: (o[0], -o[1]))
    name = m.text if m.iri.startswith(NEW) else knowledge.name_for(m.iri, "place")
    thing = Thing(m.iri, name, "place")
    return Statement(thing.name, s.text, round(confidence * m.score, 2), thing)


EARLIER = re.compile(
    r"\b(?:(?:\w+|\d+) years? ago|last year|builds? on|built on|the previous|a year earlier)\b",
    NOCASE,
)


def _is_site(knowledge: Knowledge, iri: str) -> bool:
    entity = knowledge.resolver.entities.get(iri)
    return bool(entity and ORG + "Site" in entity.types)


def _ordinal(sentences: list[Analysed], when: Statement | None) -> Statement | None:
    """The meeting's number in its series, from a sentence about the meeting."""
    for s in sentences:
        if s.sentence.foreign or NEXT.search(s.text):
            continue
        ahead = bool(when and any(d.iso == when.value for d in s.dates))
        found = meeting_ordinal(s.text, ahead=ahead)
        if found:
            return Statement(str(found[0]), s.text, 0.8, note=f"'{found[1]}'")
    return None


def _next_planned(sentences: list[Analysed]) -> Statement | None:
    for s in sentences:
        if not NEXT.search(s.text):
            continue
        for d in s.dates:
            if d.precision in ("day", "month"):
                confidence = 0.8 if d.relative else 0.9
                return Statement(d.iso[:7], s.text, confidence, note=f"'{d.text}'")
    return None


def _identity(meeting: MeetingDraft, knowledge: Knowledge, day: date | None) -> tuple[str, str]:
    stamp = f"{day.day} {day:%B %Y}" if day else "date to be given"
    if meeting.series and meeting.series.thing:
        series_label = knowledge.label(meeting.series.thing.iri)
        base, label = meeting.series.thing.iri.rsplit("/", 1)[-1], f"{series_label}, {stamp}"
    else:
        names = [
            p.representing.value if p.representing else p.who.name
            for p in meeting.participants
            if p.role in ("host", "guest", "co-chair")
        ]
        between = " and ".join(dict.fromkeys(names[:2])) or "unnamed parties"
        base, label = "meeting", f"Meeting of {between}, {stamp}"
    stem = day.isoformat() if day else "undated"
    iri = f"meeting/{base}-{stem}"
    n = 2
    while "https://w3id.org/nato-eu-graph/id/" + iri in knowledge.resolver.entities:
        iri = f"meeting/{base}-{stem}-{n}"
        n += 1
    return iri, label
