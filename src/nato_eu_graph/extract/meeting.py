"""The meeting a release reports: its date, end, series, place, ordinal, the next
meeting planned, and the label and id of its draft.
"""

from __future__ import annotations

import re
from datetime import date

from ..namespaces import ORG
from .cues import NEXT, NOCASE, ORDINAL, is_meeting_sentence
from .knowledge import Knowledge
from .model import Analysed, MeetingDraft, Statement, Thing
from .names import Mention
from .people import find_participants
from .subjects import find_about


def find_meeting(sentences: list[Analysed], knowledge: Knowledge, ref: date) -> MeetingDraft:
    when = _meeting_date(sentences, ref)
    day = date.fromisoformat(when.value) if when else ref
    series = _series(sentences, knowledge)
    meeting = MeetingDraft(id="", label="", date=when, series=series)
    meeting.end = _meeting_end(sentences, when)
    meeting.place = _place(sentences, knowledge)
    meeting.ordinal = _ordinal(sentences, series)
    meeting.next_planned = _next_planned(sentences)
    meeting.participants = find_participants(sentences, knowledge, day)
    meeting.about = find_about(sentences, knowledge, day)
    series_iri = series.thing.iri if series and series.thing else None
    meeting.recorded = knowledge.recorded_meetings(day, series_iri) if when else []
    meeting.id, meeting.label = _identity(meeting, knowledge, day)
    return meeting


def _meeting_date(sentences: list[Analysed], ref: date) -> Statement | None:
    body = [s for s in sentences if not s.sentence.header]
    header = [s for s in sentences if s.sentence.header]
    for group, weight in ((body, 1.0), (header, 0.75)):
        for s in group:
            if not is_meeting_sentence(s):
                continue
            for d in s.dates:
                if d.precision == "day":
                    confidence = (0.85 if d.relative else 0.95) * weight
                    note = f"'{d.text}' read against the release date {ref}" if d.relative else ""
                    return Statement(d.iso, s.text, confidence, note=note)
    return Statement(ref.isoformat(), "no date in the text: the release's date", 0.45)


def _meeting_end(sentences: list[Analysed], when: Statement | None) -> Statement | None:
    for s in sentences:
        for d in s.dates:
            if when and d.iso == when.value and d.last:
                return Statement(d.last.isoformat(), s.text, when.confidence)
    return None


def _series(sentences: list[Analysed], knowledge: Knowledge) -> Statement | None:
    """A series named outright; else the series of a recorded meeting the text names
    ("the second biennial IMS-EUMS meeting" is a label of the graph's meeting)."""
    of_meeting = {m: s for m, _, s in knowledge.meetings if s}
    fallback: Statement | None = None
    for s in sentences:
        for m in s.mentions:
            if m.kind == "series":
                thing = Thing(m.iri, knowledge.name_for(m.iri, "series"), "series")
                return Statement(thing.name, s.text, round(0.9 * m.score, 2), thing)
            if m.kind == "meeting" and m.iri in of_meeting and fallback is None:
                iri = of_meeting[m.iri]
                thing = Thing(iri, knowledge.name_for(iri, "series"), "series")
                note = f"'{m.text}' names a meeting of this series in the graph"
                fallback = Statement(thing.name, s.text, round(0.8 * m.score, 2), thing, note=note)
    return fallback


def _place(sentences: list[Analysed], knowledge: Knowledge) -> Statement | None:
    """A site in a sentence about the meeting; else a place after at/in there; else the
    place in the dateline ("Brussels, 27 November 2018")."""
    options: list[tuple[float, int, Mention, Analysed]] = []
    for order, s in enumerate(sentences):
        meeting = is_meeting_sentence(s)
        for m in s.mentions:
            if m.kind != "place" and not (m.kind == "state" and meeting):
                continue
            site = _is_site(knowledge, m.iri)
            located = bool(re.search(r"\b(?:at|in|to)\s+(?:the\s+)?$", s.text[: m.start], NOCASE))
            if meeting and site:
                options.append((0.9, order, m, s))
            elif meeting and located:
                options.append((0.75 if m.kind == "place" else 0.55, order, m, s))
            elif s.sentence.header and m.kind == "place":
                options.append((0.6, order, m, s))
    if not options:
        return None
    confidence, _, m, s = max(options, key=lambda o: (o[0], -o[1]))
    thing = Thing(m.iri, knowledge.name_for(m.iri, "place"), "place")
    return Statement(thing.name, s.text, round(confidence * m.score, 2), thing)


def _is_site(knowledge: Knowledge, iri: str) -> bool:
    entity = knowledge.resolver.entities.get(iri)
    return bool(entity and ORG + "Site" in entity.types)


def _ordinal(sentences: list[Analysed], series: Statement | None) -> Statement | None:
    if series is None or series.thing is None:
        return None
    for s in sentences:
        for m in s.mentions:
            if m.iri == series.thing.iri:
                hit = ORDINAL.search(s.text[: m.start])
                if hit:
                    return Statement(hit.group(1), s.text, 0.7)
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


def _identity(meeting: MeetingDraft, knowledge: Knowledge, day: date) -> tuple[str, str]:
    stamp = f"{day.day} {day:%B %Y}"
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
    iri = f"meeting/{base}-{day.isoformat()}"
    n = 2
    while "https://w3id.org/nato-eu-graph/id/" + iri in knowledge.resolver.entities:
        iri = f"meeting/{base}-{day.isoformat()}-{n}"
        n += 1
    return iri, label
