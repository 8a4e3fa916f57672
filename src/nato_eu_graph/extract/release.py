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
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..errors import ParseError
from ..ingest.resolve import normalise
from .appointments import find_tenures
from .candidates import add_new_mentions, find_candidates
from .conclusions import heading_conclusions
from .coreference import link_surnames, link_titles
from .dates import DateMention, find_dates, release_date
from .documents import find_adoptions, find_conclusions, find_report, link_reports, new_documents
from .kinds import MEETING_KINDS, classify
from .knowledge import Knowledge
from .meeting import find_meeting, meeting_parts
from .model import NEW, AdoptionDraft, Analysed, Candidate, Extraction, Statement, Thing
from .names import find_names
from .recognitions import find_recognitions
from .subjects import issued_by
from .text import HEADER_LINES, Release, Sentence, read_release, split_sentences

DATELINE_SEARCH = 12  # a dateline may follow a page's banner: look this far for a short one


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
    dated = _release_day(release, day)
    ref = date.fromisoformat(dated.value) if dated else None
    loose = _year_of(release) if ref is None else None
    sentences = _analyse(split_sentences(release.lines), knowledge, ref or loose, bool(loose))
    link_surnames(sentences, knowledge)
    link_reports(sentences, knowledge)
    candidates = find_candidates(sentences)
    add_new_mentions(sentences, candidates)
    kind = classify(sentences, release.title)
    anchor = ref or _first_day(sentences)
    link_titles(sentences, knowledge, anchor)
    url = source or release.url
    ex = Extraction(
        file=file,
        release_date=dated,
        title=release.title,
        source=url,
        source_described=bool(url and url in knowledge.resolver.sources),
        publisher=_publisher(url, knowledge),
        kind=kind,
        meetings=[],
        known=_known(sentences, knowledge, anchor),
        candidates=candidates,
        unresolved=_unresolved(sentences, candidates),
        skipped=sum(1 for s in sentences if s.sentence.foreign),
    )
    _facts(ex, sentences, knowledge, anchor)
    ex.notes = _notes(ex, knowledge)
    return ex


def _facts(
    ex: Extraction, sentences: list[Analysed], knowledge: Knowledge, anchor: date | None
) -> None:
    """The facts of the release's kind: meetings, documents, adoptions, tenures."""
    kind = ex.kind.value
    if kind in ("endorsement", "progress-report"):
        ex.candidates += find_conclusions(sentences)
    docs = new_documents(ex.candidates, sentences, anchor)
    if kind == "progress-report":
        report, draft = find_report(sentences, knowledge, anchor, ex.candidates)
        if draft is not None:
            docs.insert(0, draft)
        found = find_adoptions(kind, sentences, knowledge, anchor, dated=bool(ex.release_date))
        ex.adoptions = _with_document(found, report)
    elif kind == "endorsement":
        ex.adoptions = find_adoptions(
            kind, sentences, knowledge, anchor, dated=bool(ex.release_date)
        )
        named, adopted = heading_conclusions(sentences, knowledge)
        docs += new_documents(named, sentences, anchor)
        ex.adoptions += _not_yet(adopted, ex.adoptions)
    elif kind == "appointment":
        ex.tenures = find_tenures(sentences, knowledge, anchor)
    elif kind == "recognition":
        ex.recognitions = find_recognitions(sentences, knowledge, anchor)
    if kind in MEETING_KINDS:
        for part in meeting_parts(sentences, anchor):
            meeting = find_meeting(part, knowledge, anchor, kind)
            if meeting is not None and meeting.id not in {m.id for m in ex.meetings}:
                ex.meetings.append(meeting)
        ex.candidates += _new_posts(ex)
    if kind not in MEETING_KINDS:  # only documents acted on are facts of these releases
        used = {a.document.thing.iri for a in ex.adoptions if a.document.thing}
        keep = [d for d in docs if d.thing.iri in used or d.ordinal is not None]
        ex.candidates += [
            Candidate("document", d.label, d.id, d.evidence, d.confidence)
            for d in docs
            if d not in keep
        ]
        docs = keep
    ex.documents = docs
    ex.candidates = [c for c in ex.candidates if c.kind != "document" or kind not in MEETING_KINDS]


def _not_yet(found: list[AdoptionDraft], have: list[AdoptionDraft]) -> list[AdoptionDraft]:
    """Adoptions not already drafted (the same document, body and act)."""
    seen = {(a.document.value, a.by.value, a.kind) for a in have}
    return [a for a in found if (a.document.value, a.by.value, a.kind) not in seen]


def _new_posts(ex: Extraction) -> list[Candidate]:
    """Posts the graph does not know that participants held: to declare."""
    out: dict[str, Candidate] = {}
    for m in ex.meetings:
        for p in m.participants:
            post = p.capacity.thing if p.capacity else None
            if p.capacity and post and post.iri.startswith(NEW):
                ident = post.iri.removeprefix(NEW)
                out.setdefault(ident, Candidate("post", post.name, ident, p.capacity.evidence, 0.6))
    return list(out.values())


def _with_document(adoptions: list[AdoptionDraft], report: Statement | None) -> list[AdoptionDraft]:
    """In a progress report's release, what is presented is the report."""
    if report is None:
        return [a for a in adoptions if a.document.value != "the report"]
    out: dict[str, AdoptionDraft] = {}
    for a in adoptions:
        a.document = report
        out.setdefault(a.by.value, a)
    return list(out.values())


def _release_day(release: Release, day: date | None) -> Statement | None:
    if day is not None:
        return Statement(day.isoformat(), "given with --date", 1.0)
    # A dateline opens its line; a date deep in a long first sentence is often another
    # day's ("took note today of the report on the proposals endorsed on 6 December 2016").
    heads = release.lines[:HEADER_LINES]
    found = release_date(heads, release.meta_date, opening=60) or release_date(
        [x for x in release.lines[:DATELINE_SEARCH] if len(x.split()) <= 8]
    )
    if found is None:
        return None
    line = next((x for x in release.lines[:DATELINE_SEARCH] if found.text in x), found.text)
    return Statement(found.value.isoformat(), line, 0.95)


def _first_day(sentences: list[Analysed]) -> date | None:
    """With no release date, the first full date in the text anchors relative dates."""
    for s in sentences:
        for d in s.dates:
            if d.precision == "day" and not d.relative:
                return d.value
    return None


def _analyse(
    sentences: list[Sentence], knowledge: Knowledge, ref: date | None, year_only: bool = False
) -> list[Analysed]:
    """Names and dates of each sentence. ``year_only``: ``ref`` is only a year the title
    gives, so only dates that name their month are read against it."""
    out = []
    for s in sentences:
        if s.foreign:  # read no names or dates in another language
            out.append(Analysed(s, [], [], [], []))
            continue
        found, unknown = find_names(s.text, knowledge.index, ref.year if ref else None)
        plain = [m for m in found if not m.nested]
        nested = [m for m in found if m.nested]
        dates = find_dates(s.text, ref)
        if year_only and ref is not None:  # "on 5 June" in a release of 2015: that year's
            dates = [
                _in_year(d, ref.year) for d in dates if not d.relative or MONTH_NAMED.search(d.text)
            ]
        out.append(Analysed(s, plain, nested, unknown, dates))
    return out


def _in_year(d: DateMention, year: int) -> DateMention:
    if not d.relative or d.value.year == year:
        return d
    try:
        value = d.value.replace(year=year)
        last = d.last.replace(year=year) if d.last else None
    except ValueError:  # 29 February
        return d
    return replace(d, value=value, last=last)


MONTH_NAMED = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", re.IGNORECASE
)


def _year_of(release: Release) -> date | None:
    """With no release date, the year the title or the first lines give: "20-21 November"
    is then read in that year (and "yesterday" is not read at all)."""
    for line in [release.title or "", *release.lines[:HEADER_LINES]]:
        year = re.search(r"\b((?:19|20)\d\d)\b", line)
        if year:
            return date(int(year.group(1)), 12, 31)
    return None


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


def _known(sentences: list[Analysed], knowledge: Knowledge, ref: date | None) -> list[Statement]:
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


def _notes(ex: Extraction, knowledge: Knowledge) -> list[str]:
    notes = []
    if ex.release_date is None:
        notes.append("no release date found: the draft leaves it as TODO (give it with --date)")
    for meeting in ex.meetings:
        for iri in meeting.recorded:
            notes.append(
                f"the graph already records a meeting that day in this series: "
                f"{knowledge.label(iri)} <{iri}>; loading this draft would record it twice"
            )
    if ex.skipped:
        notes.append(f"{ex.skipped} sentence(s) in another language were not read")
    return notes
