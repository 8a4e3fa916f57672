"""What an extraction finds: statements with their evidence and confidence, the meeting
draft, participants, candidates for new things, and each sentence as analysed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import DateMention
from .names import AGENT_KINDS, SUBJECT_KINDS, Mention, Unknown
from .text import Sentence

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
        return [m for m in self.mentions if m.kind in AGENT_KINDS]

    def subjects(self) -> list[Mention]:
        return [m for m in self.mentions + self.nested if m.kind in SUBJECT_KINDS]
