"""From a press release to a fact-sheet draft: the meeting it reports, found by rules.

``extract_file`` reads a release (plain text or HTML), finds the things the graph knows
(by their labels, tolerant of case, accents, possessives, ranks and small misspellings),
the dates (absolute or relative to the release's own date), and the meeting: its date,
place, series, host, guests, who stood in for whom, briefers and their topics, the
documents and domains discussed, and the next meeting planned. Every statement carries
its evidence (the sentence) and a confidence between 0 and 1. ``render_draft`` writes the
draft in the fact-sheet format of docs/fact-sheets.md; see docs/extract.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import ParseError
from ..ingest.resolve import normalise
from ..namespaces import ORG
from .dates import DateMention, find_dates, release_date
from .knowledge import Knowledge
from .names import AGENT_KINDS, ORG_HEADS, SUBJECT_KINDS, Mention, Unknown, find_names
from .text import HEADER_LINES, Release, Sentence, read_release, split_sentences

NEW = "new:"  # the IRI of a thing the graph does not know yet: new:person/jane-doe
ACTIVE = 0.5  # statements below this confidence are written commented out

_I = re.IGNORECASE
_MEETING = re.compile(
    r"\b(?:meetings?|met|meet|conference|talks|session|forum|agenda|discuss\w*|brief\w*|"
    r"host\w*|welcom\w*|participants|exchanges?|consultations|dialogue|gathering|event|"
    r"co-?chair\w*|delegations?)\b",
    _I,
)
_DISCUSS = re.compile(
    r"\b(?:discuss\w*|agenda|issues?|topics?|focus\w*|addressed|exchanged?|reviewed|"
    r"covered|reported|report on|progress|brief\w*|informed|updated?|centred|centered)\b",
    _I,
)
_NEXT = re.compile(
    r"\bnext\s+(?:\S+\s+){0,3}?(?:meeting|conference|session|round|edition|talks|gathering)\b|"
    r"\bwill\s+(?:next\s+)?(?:meet|convene)\s+again\b|\bnext\s+(?:meet|convene)\w*\b",
    _I,
)
_HOST_ACTIVE = re.compile(r"\b(?:hosts|hosted|welcomes|welcomed|received|receives)\b", _I)
_HOST_PASSIVE = re.compile(
    r"\b(?:hosted|received|welcomed|invited)\s+by\b|\bat the invitation of\b|"
    r"\bas (?:the )?guests? of\b",
    _I,
)
_ATTEND = re.compile(r"\b(?:attended|participated|took part|joined)\b", _I)
_COCHAIR = re.compile(r"\bco-?chair(?:ed|s|ing)?\b", _I)
_BEHALF = re.compile(
    r"\b(?:on behalf of|standing in for|stood in for|stands in for|in place of|"
    r"deputi[sz]ing for|replacing)\b",
    _I,
)
_REPRESENTED_BY = re.compile(r"\brepresented by\b", _I)
_BRIEF_BY = re.compile(
    r"\b(?:briefings?|presentations?|updates?|brief|address|intervention)\s+"
    r"(?:\w+\s+){0,2}?(?:by|from)\b",
    _I,
)
_BRIEF_ACTIVE = re.compile(
    r"\b(?:briefed|presented|updated|informed|(?:gave|delivered|provided)\s+an?\s+"
    r"(?:\w+\s+)?(?:briefing|presentation|update))\b",
    _I,
)
_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:\S+\s+){0,1}$")
_PREPOSITION = re.compile(
    r"\b(?:of|at|in|to|from|for|with|by|on|between|behalf)\s+(?:the\s+)?$", _I
)


# ---------------------------------------------------------------------------- result


@dataclass(frozen=True)
class Thing:
    """Something a statement refers to: known to the graph (``iri``), or new (``new:``)."""

    iri: str
    name: str  # a name that resolves to it in its slot, or the new thing's name
    kind: str

    @property
    def known(self) -> bool:
        return not self.iri.startswith(NEW)


@dataclass(frozen=True)
class Statement:
    """One statement of the draft: a value, the sentence it rests on, and a confidence."""

    value: str
    evidence: str
    confidence: float
    thing: Thing | None = None
    note: str = ""


@dataclass
class Participant:
    who: Thing
    role: str
    evidence: str
    confidence: float
    rank: str = ""
    capacity: Statement | None = None
    representing: Statement | None = None
    on_behalf_of: Statement | None = None
    about: list[Statement] = field(default_factory=list)


@dataclass
class Candidate:
    """A name the graph does not know: to be declared (people:, organisations:)."""

    kind: str  # person or organisation
    name: str
    id: str
    evidence: str
    confidence: float
    rank: str = ""
    alt_labels: list[str] = field(default_factory=list)


@dataclass
class MeetingDraft:
    id: str
    label: str
    date: Statement | None = None
    end: Statement | None = None
    place: Statement | None = None
    series: Statement | None = None
    ordinal: Statement | None = None
    next_planned: Statement | None = None
    about: list[Statement] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    recorded: list[str] = field(default_factory=list)  # meetings the graph has that day


@dataclass
class Extraction:
    file: str
    release_date: Statement
    title: str | None
    source: str | None  # the release's address, when known
    source_described: bool  # the graph already describes that source page
    publisher: Statement | None
    meeting: MeetingDraft
    known: list[Statement]  # every known thing named in the release, once
    candidates: list[Candidate]
    unresolved: list[str]  # other names and acronyms that matched nothing
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- analysis


@dataclass
class _Sentence:
    sentence: Sentence
    mentions: list[Mention]  # known things and new people/bodies, in order, not nested
    nested: list[Mention]
    unknown: list[Unknown]
    dates: list[DateMention]

    @property
    def text(self) -> str:
        return self.sentence.text

    def agents(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind in AGENT_KINDS]

    def subjects(self) -> list[Mention]:
        return [m for m in self.mentions + self.nested if m.kind in SUBJECT_KINDS]


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
    candidates = _candidates(sentences)
    _add_new_mentions(sentences, candidates)
    meeting = _meeting(sentences, knowledge, ref)
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


def _analyse(sentences: list[Sentence], knowledge: Knowledge, ref: date) -> list[_Sentence]:
    out = []
    for s in sentences:
        found, unknown = find_names(s.text, knowledge.index)
        plain = [m for m in found if not m.nested]
        nested = [m for m in found if m.nested]
        out.append(_Sentence(s, plain, nested, unknown, find_dates(s.text, ref)))
    return out


# ---------------------------------------------------------------------------- new names


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "unnamed"


def _is_org_name(text: str) -> bool:
    words = [w.lower() for w in re.findall(r"\w+", text)]
    return len(words) >= 2 and any(w in ORG_HEADS for w in words)


def _candidates(sentences: list[_Sentence]) -> list[Candidate]:
    people: dict[str, Candidate] = {}
    bodies: dict[str, Candidate] = {}
    for s in sentences:
        for u in s.unknown:
            if u.titled and not _is_org_name(u.text):
                name = re.sub(r"['’]s$", "", u.text)
                key = normalise(name)
                if key not in people:
                    people[key] = Candidate(
                        "person", name, f"person/{slug(name)}", s.text, 0.8, u.rank
                    )
            elif _is_org_name(u.text) and normalise(u.text) not in bodies:
                alts = [u.acronym] if u.acronym else []
                bodies[normalise(u.text)] = Candidate(
                    "organisation",
                    u.text,
                    f"organisation/{slug(u.text)}",
                    s.text,
                    0.6,
                    alt_labels=alts,
                )
    return _merge_surnames(list(people.values())) + list(bodies.values())


def _merge_surnames(people: list[Candidate]) -> list[Candidate]:
    """ "General Korpela" after "Major General Anneli Korpela" is the same new person."""
    full = {normalise(c.name.split()[-1]) for c in people if len(c.name.split()) > 1}
    return [c for c in people if len(c.name.split()) > 1 or normalise(c.name) not in full]


def _add_new_mentions(sentences: list[_Sentence], candidates: list[Candidate]) -> None:
    """New people and bodies take part in sentences like known ones: by full name, by
    surname alone ("General Lindqvist") or by the acronym given after a new body."""
    names: dict[str, Candidate] = {}
    for c in candidates:
        names[normalise(c.name)] = c
        if c.kind == "person":
            names.setdefault(normalise(c.name.split()[-1]), c)
        for alt in c.alt_labels:
            names.setdefault(normalise(alt), c)
    for s in sentences:
        for u in s.unknown:
            owner = names.get(normalise(re.sub(r"['’]s$", "", u.text)))
            if owner is not None:
                rank = u.rank or owner.rank
                m = Mention(NEW + owner.id, owner.kind, owner.name, u.start, u.end, 0.8, rank)
                s.mentions.append(m)
        for alt_owner in candidates:
            for alt in alt_owner.alt_labels:
                for hit in re.finditer(rf"\b{re.escape(alt)}\b", s.text):
                    if not any(m.start <= hit.start() < m.end for m in s.mentions):
                        s.mentions.append(
                            Mention(
                                NEW + alt_owner.id, "organisation", alt, hit.start(), hit.end(), 0.8
                            )
                        )
        s.mentions.sort(key=lambda m: m.start)


# ---------------------------------------------------------------------------- the meeting


def _meeting(sentences: list[_Sentence], knowledge: Knowledge, ref: date) -> MeetingDraft:
    when = _meeting_date(sentences, ref)
    day = date.fromisoformat(when.value) if when else ref
    series = _series(sentences, knowledge)
    meeting = MeetingDraft(id="", label="", date=when, series=series)
    meeting.end = _meeting_end(sentences, when)
    meeting.place = _place(sentences, knowledge)
    meeting.ordinal = _ordinal(sentences, series)
    meeting.next_planned = _next_planned(sentences)
    meeting.participants = _participants(sentences, knowledge, day)
    meeting.about = _about(sentences, knowledge, day)
    series_iri = series.thing.iri if series and series.thing else None
    meeting.recorded = knowledge.recorded_meetings(day, series_iri) if when else []
    meeting.id, meeting.label = _identity(meeting, knowledge, day)
    return meeting


def _is_meeting_sentence(s: _Sentence) -> bool:
    return bool(_MEETING.search(s.text)) and not _NEXT.search(s.text)


def _meeting_date(sentences: list[_Sentence], ref: date) -> Statement | None:
    body = [s for s in sentences if not s.sentence.header]
    header = [s for s in sentences if s.sentence.header]
    for group, weight in ((body, 1.0), (header, 0.75)):
        for s in group:
            if not _is_meeting_sentence(s):
                continue
            for d in s.dates:
                if d.precision == "day":
                    confidence = (0.85 if d.relative else 0.95) * weight
                    note = f"'{d.text}' read against the release date {ref}" if d.relative else ""
                    return Statement(d.iso, s.text, confidence, note=note)
    return Statement(ref.isoformat(), "no date in the text: the release's date", 0.45)


def _meeting_end(sentences: list[_Sentence], when: Statement | None) -> Statement | None:
    for s in sentences:
        for d in s.dates:
            if when and d.iso == when.value and d.last:
                return Statement(d.last.isoformat(), s.text, when.confidence)
    return None


def _series(sentences: list[_Sentence], knowledge: Knowledge) -> Statement | None:
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


def _place(sentences: list[_Sentence], knowledge: Knowledge) -> Statement | None:
    """A site in a sentence about the meeting; else a place after at/in there; else the
    place in the dateline ("Brussels, 27 November 2018")."""
    options: list[tuple[float, int, Mention, _Sentence]] = []
    for order, s in enumerate(sentences):
        meeting = _is_meeting_sentence(s)
        for m in s.mentions:
            if m.kind != "place" and not (m.kind == "state" and meeting):
                continue
            site = _is_site(knowledge, m.iri)
            located = bool(re.search(r"\b(?:at|in|to)\s+(?:the\s+)?$", s.text[: m.start], _I))
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


def _ordinal(sentences: list[_Sentence], series: Statement | None) -> Statement | None:
    if series is None or series.thing is None:
        return None
    for s in sentences:
        for m in s.mentions:
            if m.iri == series.thing.iri:
                hit = _ORDINAL.search(s.text[: m.start])
                if hit:
                    return Statement(hit.group(1), s.text, 0.7)
    return None


def _next_planned(sentences: list[_Sentence]) -> Statement | None:
    for s in sentences:
        if not _NEXT.search(s.text):
            continue
        for d in s.dates:
            if d.precision in ("day", "month"):
                confidence = 0.8 if d.relative else 0.9
                return Statement(d.iso[:7], s.text, confidence, note=f"'{d.text}'")
    return None


# ---------------------------------------------------------------------------- participants


def _participants(sentences: list[_Sentence], knowledge: Knowledge, day: date) -> list[Participant]:
    found: list[Participant] = []
    behalf: list[tuple[Mention, Mention, _Sentence]] = []
    for s in sentences:
        found += _hosts_and_guests(s, knowledge, day)
        found += _cochairs(s, knowledge, day)
        found += _attendees(s, knowledge, day)
        found += _briefers(s, knowledge, day)
        behalf += _stand_ins(s)
    merged = _merge(found)
    for deputy, principal, s in behalf:
        _attach_behalf(merged, deputy, principal, s, knowledge, day)
    return merged


def _participant(
    m: Mention, role: str, s: _Sentence, confidence: float, knowledge: Knowledge, day: date
) -> Participant:
    who = _thing(m, "agent", knowledge)
    p = Participant(who, role, s.text, round(confidence * m.score, 2), m.rank)
    if m.kind == "person":
        p.capacity = _capacity(m, s, knowledge, day)
        if p.capacity and p.capacity.thing:
            body = knowledge.post_body.get(p.capacity.thing.iri)
            if body:
                name = knowledge.name_for(body, "organisation")
                thing = Thing(body, name, "organisation")
                p.representing = Statement(
                    name,
                    p.capacity.evidence,
                    p.capacity.confidence,
                    thing,
                    note="the body of the post",
                )
    return p


def _thing(m: Mention, slot: str, knowledge: Knowledge) -> Thing:
    if m.iri.startswith(NEW):
        return Thing(m.iri, m.text if m.kind != "person" else _new_name(m), m.kind)
    return Thing(m.iri, knowledge.name_for(m.iri, slot), m.kind)


def _new_name(m: Mention) -> str:
    return re.sub(r"['’]s$", "", m.text)


def _side(s: _Sentence, lo: int, hi: int, *, last: bool) -> list[Mention]:
    """Who a host clause names on one side of its verb: its people (the last one before
    the verb, all after it); else a body named on its own, not after a preposition."""
    inside = [m for m in s.agents() if lo <= m.start and m.end <= hi]
    people = [m for m in inside if m.kind == "person"]
    if people:
        return people[-1:] if last else people
    bodies = [
        m
        for m in inside
        if m.kind == "organisation"
        and not s.text[: m.start].rstrip().endswith("(")
        and not _PREPOSITION.search(s.text[: m.start])
    ]
    return (bodies[-1:] if last else bodies[:1]) if bodies else []


def _clause_end(s: _Sentence, start: int) -> int:
    stops = [
        m.start() for m in (_BEHALF.search(s.text, start), _BRIEF_BY.search(s.text, start)) if m
    ] + [i for i in (s.text.find(";", start),) if i >= 0]
    return min(stops, default=len(s.text))


def _hosts_and_guests(s: _Sentence, knowledge: Knowledge, day: date) -> list[Participant]:
    out: list[Participant] = []
    passive = _HOST_PASSIVE.search(s.text)
    if passive:
        hosts = [m for m in s.agents() if m.start >= passive.end()][:1]
        guests = _side(s, 0, passive.start(), last=False)
    else:
        active = _HOST_ACTIVE.search(s.text)
        if not active:
            return []
        hosts = _side(s, 0, active.start(), last=True)
        guests = _side(s, active.end(), _clause_end(s, active.end()), last=False)
    out += [_participant(m, "host", s, 0.9, knowledge, day) for m in hosts]
    out += [_participant(m, "guest", s, 0.85, knowledge, day) for m in guests]
    return out


def _cochairs(s: _Sentence, knowledge: Knowledge, day: date) -> list[Participant]:
    hit = _COCHAIR.search(s.text)
    if not hit:
        return []
    end = _clause_end(s, 0)
    people = [m for m in s.agents() if m.kind == "person" and m.end <= end]
    return [_participant(m, "co-chair", s, 0.85, knowledge, day) for m in people]


def _attendees(s: _Sentence, knowledge: Knowledge, day: date) -> list[Participant]:
    hit = _ATTEND.search(s.text)
    if not hit:
        return []
    people = [m for m in s.agents() if m.kind == "person" and m.end <= hit.start()]
    return [_participant(m, "guest", s, 0.8, knowledge, day) for m in people]


def _briefers(s: _Sentence, knowledge: Knowledge, day: date) -> list[Participant]:
    out: list[Participant] = []
    cues = list(_BRIEF_BY.finditer(s.text))
    for k, cue in enumerate(cues):
        after = [m for m in s.agents() if m.start >= cue.end()]
        if not after:
            continue
        stop = cues[k + 1].start() if k + 1 < len(cues) else len(s.text)
        out.append(_briefer(after[0], s, after[0].end, stop, knowledge, day))
    active = _BRIEF_ACTIVE.search(s.text)
    if active and not cues:
        before = [m for m in s.agents() if m.end <= active.start()]
        people = [m for m in before if m.kind == "person"]
        pick = (people or before)[-1:] if before else []
        for m in pick:
            out.append(_briefer(m, s, active.end(), len(s.text), knowledge, day))
    return out


def _briefer(
    m: Mention, s: _Sentence, lo: int, hi: int, knowledge: Knowledge, day: date
) -> Participant:
    p = _participant(m, "briefer", s, 0.85, knowledge, day)
    if m.kind == "person" and p.representing is None:
        p.representing = _body_after(m, s, knowledge)
    seen: set[str] = set()
    for subject in s.subjects():
        if lo <= subject.start and subject.end <= hi and subject.iri not in seen:
            if not _issued_by(subject, knowledge, day):
                continue
            seen.add(subject.iri)
            thing = Thing(subject.iri, knowledge.name_for(subject.iri, "subject"), subject.kind)
            p.about.append(Statement(thing.name, s.text, round(0.85 * subject.score, 2), thing))
    return p


def _body_after(m: Mention, s: _Sentence, knowledge: Knowledge) -> Statement | None:
    """The body a briefer comes from: "Jane Doe from the EEAS"."""
    for other in s.agents():
        if other.kind == "organisation" and other.start >= m.end:
            gap = s.text[m.end : other.start]
            if re.fullmatch(r"\s*,?\s*(?:of|from)\s+(?:the\s+)?", gap, _I):
                thing = _thing(other, "organisation", knowledge)
                return Statement(thing.name, s.text, 0.8, thing)
    return None


def _stand_ins(s: _Sentence) -> list[tuple[Mention, Mention, _Sentence]]:
    """(deputy, principal) pairs: "X opened the meeting on behalf of Y", "Y was
    represented by X"."""
    out = []
    for cue, reverse in ((_BEHALF, False), (_REPRESENTED_BY, True)):
        for hit in cue.finditer(s.text):
            before = [m for m in s.agents() if m.end <= hit.start()]
            after = [m for m in s.agents() if m.start >= hit.end()]
            people_before = [m for m in before if m.kind == "person"]
            if not after or not (people_before or before):
                continue
            left = (people_before or before)[-1]
            deputy, principal = (after[0], left) if reverse else (left, after[0])
            out.append((deputy, principal, s))
    return out


def _attach_behalf(
    found: list[Participant],
    deputy: Mention,
    principal: Mention,
    s: _Sentence,
    knowledge: Knowledge,
    day: date,
) -> None:
    target = next((p for p in found if p.who.iri == deputy.iri), None)
    if target is None:
        target = _participant(deputy, "guest", s, 0.7, knowledge, day)
        found.append(target)
    thing = _thing(principal, "agent", knowledge)
    post = _capacity(principal, s, knowledge, day)
    note = f"{thing.name}: {post.value}" if post else ""
    target.on_behalf_of = Statement(
        thing.name, s.text, round(0.9 * principal.score, 2), thing, note=note
    )
    # Whoever stood in for someone is not that someone: drop a role the principal got.
    found[:] = [p for p in found if p.who.iri != principal.iri]


def _capacity(m: Mention, s: _Sentence, knowledge: Knowledge, day: date) -> Statement | None:
    """The post a person holds: named beside them in the sentence, or by the graph's
    tenures on the day."""
    written = _post_beside(m, s)
    held = knowledge.posts_held(m.iri, day) if not m.iri.startswith(NEW) else []
    if written is not None:
        thing = Thing(written.iri, knowledge.name_for(written.iri, "post"), "post")
        agrees = written.iri in held
        note = "the graph's tenures agree" if agrees else ""
        return Statement(thing.name, s.text, 0.95 if agrees else 0.85, thing, note=note)
    if len(held) == 1:
        thing = Thing(held[0], knowledge.name_for(held[0], "post"), "post")
        return Statement(thing.name, s.text, 0.8, thing, note=f"held on {day} by the graph")
    return None


def _post_beside(m: Mention, s: _Sentence) -> Mention | None:
    ms = s.mentions
    k = ms.index(m)
    bare = re.compile(r"[\s,()]*(?:the\s+)?[\s,()]*", _I)

    def joined(a: Mention, b: Mention) -> bool:
        gap = s.text[a.end : b.start]
        if b is m and m.rank:
            gap = gap.replace(m.rank, "")
        return bool(bare.fullmatch(gap))

    if k >= 1 and ms[k - 1].kind == "post" and joined(ms[k - 1], m):
        return ms[k - 1]
    if (
        k >= 2
        and ms[k - 2].kind == "post"
        and ms[k - 1].kind == "organisation"
        and joined(ms[k - 2], ms[k - 1])
        and joined(ms[k - 1], m)
    ):
        return ms[k - 2]
    if k + 1 < len(ms) and ms[k + 1].kind == "post":
        gap = s.text[m.end : ms[k + 1].start]
        if re.fullmatch(r"\s*,\s*(?:the\s+)?|\s*\(\s*", gap, _I):
            return ms[k + 1]
    return None


def _merge(found: Iterable[Participant]) -> list[Participant]:
    """One entry per (who, role); the most confident evidence wins, topics add up."""
    out: dict[tuple[str, str], Participant] = {}
    for p in found:
        key = (p.who.iri, p.role)
        old = out.get(key)
        if old is None:
            out[key] = p
            continue
        best, other = (p, old) if p.confidence > old.confidence else (old, p)
        best.capacity = best.capacity or other.capacity
        best.representing = best.representing or other.representing
        best.rank = best.rank or other.rank
        known = {a.value for a in best.about}
        best.about += [a for a in other.about if a.value not in known]
        out[key] = best
    return list(out.values())


# ---------------------------------------------------------------------------- subjects


def _about(sentences: list[_Sentence], knowledge: Knowledge, day: date) -> list[Statement]:
    """Documents, domains and topics: sure in a briefing or a discussion of the meeting,
    likely in other sentences about it, a guess elsewhere (domains, being common words,
    only a weak one)."""
    best: dict[str, Statement] = {}
    for s in sentences:
        meeting, discussed = _is_meeting_sentence(s), bool(_DISCUSS.search(s.text))
        for m in s.subjects():
            if not _issued_by(m, knowledge, day):
                continue
            base = 0.85 if meeting and discussed else 0.75 if meeting else 0.6
            if not meeting and _is_domain(m, knowledge):
                base = 0.4
            confidence = round(base * m.score, 2)
            if m.iri not in best or best[m.iri].confidence < confidence:
                name = knowledge.name_for(m.iri, "subject")
                best[m.iri] = Statement(name, s.text, confidence, Thing(m.iri, name, m.kind))
    return sorted(best.values(), key=lambda a: -a.confidence)


def _issued_by(m: Mention, knowledge: Knowledge, day: date) -> bool:
    """A document issued after the meeting can only have been discussed in draft; keep it
    when named outright, drop it when only a plural ("the Joint Declarations") named it."""
    issued = knowledge.issued.get(m.iri)
    return issued is None or issued <= day or m.score >= 1.0


def _is_domain(m: Mention, knowledge: Knowledge) -> bool:
    from .names import SUBJECT_SCHEMES

    domains = knowledge.resolver.schemes.get(SUBJECT_SCHEMES[0], set())
    return m.iri in domains


# ---------------------------------------------------------------------------- the rest


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


def _known(sentences: list[_Sentence], knowledge: Knowledge, ref: date) -> list[Statement]:
    out: dict[str, Statement] = {}
    for s in sentences:
        for m in s.mentions + s.nested:
            if m.iri.startswith(NEW) or m.iri in out or not _issued_by(m, knowledge, ref):
                continue
            note = f"written '{m.text}'" if m.score < 1 else ""
            name = knowledge.label(m.iri)
            out[m.iri] = Statement(
                name, s.text, round(0.9 * m.score, 2), Thing(m.iri, name, m.kind), note=note
            )
    return list(out.values())


def _unresolved(sentences: list[_Sentence], candidates: list[Candidate]) -> list[str]:
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
