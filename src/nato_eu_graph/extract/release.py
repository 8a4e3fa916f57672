"""From a press release to a fact-sheet draft: the meeting it reports, found by rules.

``extract_file`` reads a release (plain text or HTML), finds the things the graph knows
(by their labels, tolerant of case, accents, possessives, ranks and small misspellings),
the dates (absolute or relative to the release's own date), and the meeting: its date,
place, series, host, guests, who stood in for whom, briefers and their topics, the
documents and domains discussed, and the next meeting planned. Every statement carries
its evidence (the sentence) and a confidence between 0 and 1. ``render_draft`` writes the
draft in the fact-sheet format of docs/fact-sheets.md; see docs/extract.md. This module
runs the steps; the rules live in meeting, people, subjects and candidates.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..errors import ParseError
from ..ingest.resolve import normalise
from .candidates import add_new_mentions, find_candidates
from .dates import find_dates, release_date
from .knowledge import Knowledge
from .meeting import find_meeting
from .model import NEW, Analysed, Candidate, Extraction, MeetingDraft, Statement, Thing
from .names import find_names
from .subjects import issued_by
from .text import HEADER_LINES, Release, Sentence, read_release, split_sentences


def extract_file(
    path: Path,
    knowledge: Knowledge,
    *,
    day: date | None = None,
    source: str | None = None,
) -> Extraction:
    """Read the release in ``path`` and extract its facts. ``day``: the release's date
    when the text does not say it; ``source``: its web address."""
    release = read_release(path)
    return extract_release(release, knowledge, file=str(path), day=day, source=source)


def extract_release(
    release: Release,
    knowledge: Knowledge,
    *,
    file: str = "<text>",
    day: date | None = None,
    source: str | None = None,
) -> Extraction:
    if not release.text.strip():
        raise ParseError("the release is empty", file=file, hint="give a file with text in it")
    dated = _release_day(release, file, day)
    ref = date.fromisoformat(dated.value)
    sentences = _analyse(split_sentences(release.lines), knowledge, ref)
    candidates = find_candidates(sentences)
    add_new_mentions(sentences, candidates)
    meeting = find_meeting(sentences, knowledge, ref)
    url = source or release.url
    return Extraction(
        file=file,
        release_date=dated,
        title=release.title,
        source=url,
        source_described=bool(url and url in knowledge.resolver.sources),
        publisher=_publisher(url, knowledge),
        meeting=meeting,
        known=_known(sentences, knowledge, ref),
        candidates=candidates,
        unresolved=_unresolved(sentences, candidates),
        notes=_notes(meeting, knowledge),
    )


def _release_day(release: Release, file: str, day: date | None) -> Statement:
    if day is not None:
        return Statement(day.isoformat(), "given with --date", 1.0)
    found = release_date(release.lines[:HEADER_LINES], release.meta_date)
    if found is None:
        raise ParseError(
            "no release date found in the first lines of the release",
            file=file,
            hint="give it with --date YYYY-MM-DD (relative dates such as 'yesterday' need it)",
        )
    line = next((x for x in release.lines[:HEADER_LINES] if found.text in x), found.text)
    return Statement(found.value.isoformat(), line, 0.95)


def _analyse(sentences: list[Sentence], knowledge: Knowledge, ref: date) -> list[Analysed]:
    out = []
    for s in sentences:
        found, unknown = find_names(s.text, knowledge.index)
        plain = [m for m in found if not m.nested]
        nested = [m for m in found if m.nested]
        out.append(Analysed(s, plain, nested, unknown, find_dates(s.text, ref)))
    return out


def _publisher(url: str | None, knowledge: Knowledge) -> Statement | None:
    if not url:
        return None
    iri = knowledge.publisher_for(url)
    if iri is None:
        return None
    name = knowledge.name_for(iri, "publisher")
    return Statement(
        name, "the graph's other sources on this web site", 0.7, Thing(iri, name, "organisation")
    )


def _known(sentences: list[Analysed], knowledge: Knowledge, ref: date) -> list[Statement]:
    out: dict[str, Statement] = {}
    for s in sentences:
        for m in s.mentions + s.nested:
            if m.iri.startswith(NEW) or m.iri in out or not issued_by(m, knowledge, ref):
                continue
            note = f"written '{m.text}'" if m.score < 1 else ""
            name = knowledge.label(m.iri)
            out[m.iri] = Statement(
                name, s.text, round(0.9 * m.score, 2), Thing(m.iri, name, m.kind), note=note
            )
    return list(out.values())


def _unresolved(sentences: list[Analysed], candidates: list[Candidate]) -> list[str]:
    declared = {normalise(c.name) for c in candidates}
    declared |= {normalise(a) for c in candidates for a in c.alt_labels}
    declared |= {normalise(c.name.split()[-1]) for c in candidates if c.kind == "person"}
    out: dict[str, None] = {}
    for s in sentences:
        for u in s.unknown:
            key = normalise(u.text)
            if key in declared or s.sentence.header:
                continue
            if len(u.text.split()) > 1 or re.fullmatch(r"[A-Z]{2,}[a-z]?", u.text):
                out.setdefault(u.text)
    return list(out)


def _notes(meeting: MeetingDraft, knowledge: Knowledge) -> list[str]:
    notes = []
    for iri in meeting.recorded:
        notes.append(
            f"the graph already records a meeting that day in this series: "
            f"{knowledge.label(iri)} <{iri}>; loading this draft would record it twice"
        )
    return notes
