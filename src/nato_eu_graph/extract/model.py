"""What an extraction finds: statements with their evidence and confidence, the meeting
draft, participants, candidates for new things, and each sentence as analysed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import DateMention
from .names import AGENT_KINDS, SUBJECT_KINDS, Mention, Unknown
from .text import Sentence

ATTRIBUTIVE = re.compile(
    r"\s+(?:Chiefs|CHODs?|Member States|leaders|Heads|ministers|Defence Ministers|Foreign "
    r"Ministers|countries|nations|officials|partners|Allies|ambassadors|military "
    r"representatives)\b",
    re.IGNORECASE,
)
NEW = "new:"  # the IRI of a thing the graph does not know yet: new:person/jane-doe
ACTIVE = 0.5  # statements below this confidence are written commented out


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

    kind: str  # person, organisation, place, document or post
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
class DocumentDraft:
    """A document the graph does not know yet, as the release gives it: to declare."""

    id: str
    label: str
    evidence: str
    confidence: float
    type: Statement | None = None
    issued: Statement | None = None
    ordinal: Statement | None = None
    covers_from: Statement | None = None
    covers_to: Statement | None = None
    reports_on: list[Statement] = field(default_factory=list)
    about: list[Statement] = field(default_factory=list)
    signatories: list[Statement] = field(default_factory=list)

    @property
    def thing(self) -> Thing:
        return Thing(NEW + self.id, self.label, "document")


@dataclass
class AdoptionDraft:
    """A body endorsing, approving, adopting or receiving a document, on a day."""

    document: Statement
    by: Statement
    kind: str  # endorsed, approved, adopted, presented, signed
    date: Statement | None
    evidence: str
    confidence: float


@dataclass
class TenureDraft:
    """Someone taking up a post (start) or leaving it (end)."""

    person: Thing
    post: Statement
    evidence: str
    confidence: float
    start: Statement | None = None
    end: Statement | None = None
    rank: str = ""


@dataclass
class RecognitionDraft:
    domain: Statement
    by: Statement
    date: Statement | None
    evidence: str
    confidence: float


@dataclass
class Extraction:
    file: str
    release_date: Statement | None  # None: no dateline, and no --date
    title: str | None
    source: str | None  # the release's address, when known
    source_described: bool  # the graph already describes that source page
    publisher: Statement | None
    kind: Statement
    meetings: list[MeetingDraft]
    known: list[Statement]  # every known thing named in the release, once
    candidates: list[Candidate]
    unresolved: list[str]  # other names and acronyms that matched nothing
    documents: list[DocumentDraft] = field(default_factory=list)
    adoptions: list[AdoptionDraft] = field(default_factory=list)
    tenures: list[TenureDraft] = field(default_factory=list)
    recognitions: list[RecognitionDraft] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: int = 0  # sentences in another language, left out

    @property
    def meeting(self) -> MeetingDraft | None:
        """The first meeting the release reports, if any."""
        return self.meetings[0] if self.meetings else None

    def facts(self) -> int:
        """How many statements the draft makes (for the batch summary)."""
        n = sum(
            len([x for x in (m.date, m.place, m.series, m.ordinal) if x])
            + len(m.about)
            + len(m.participants)
            for m in self.meetings
        )
        return (
            n
            + len(self.documents)
            + len(self.adoptions)
            + len(self.tenures)
            + len(self.recognitions)
        )

    def lowest_confidence(self) -> float | None:
        values = [
            st.confidence
            for m in self.meetings
            for st in (m.date, m.place, m.series, m.ordinal, *m.about)
            if st is not None
        ]
        values += [p.confidence for m in self.meetings for p in m.participants]
        values += [a.confidence for a in self.adoptions] + [t.confidence for t in self.tenures]
        values += [d.confidence for d in self.documents] + [r.confidence for r in self.recognitions]
        return min(values) if values else None


@dataclass
class Analysed:
    sentence: Sentence
    mentions: list[Mention]  # known things and new people/bodies, in order, not nested
    nested: list[Mention]
    unknown: list[Unknown]
    dates: list[DateMention]

    @property
    def text(self) -> str:
        return self.sentence.text

    def agents(self) -> list[Mention]:
        """People, bodies and states named as such: not "EU" in "the EU Chiefs of Defence"
        or "NATO" in "NATO Foreign Ministers", where the name only qualifies a noun."""
        return [
            m
            for m in self.mentions
            if m.kind in AGENT_KINDS
            and not (m.kind != "person" and ATTRIBUTIVE.match(self.sentence.text[m.end :]))
        ]

    def subjects(self) -> list[Mention]:
        return [m for m in self.mentions + self.nested if m.kind in SUBJECT_KINDS]
