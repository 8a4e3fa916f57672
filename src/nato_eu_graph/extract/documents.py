"""Documents a release reports on: endorsements and approvals by councils, a progress
report (its number, day, period covered, what it reports on, the councils it went to),
and documents the graph does not know yet, drafted for the curator to declare.
"""

from __future__ import annotations

import re
from datetime import date

from ..ingest.resolve import normalise
from ..namespaces import ID
from .candidates import document_type, slug
from .dates import MONTHS
from .knowledge import Knowledge
from .model import NEW, AdoptionDraft, Analysed, Candidate, DocumentDraft, Statement, Thing
from .names import Mention
from .ordinals import WORDS as ORDINAL_WORDS

NOCASE = re.IGNORECASE
VERBS = {  # stems: "endorsing", "endorses", "endorsed" all start with "endors"
    "endors": "endorsed",
    "approv": "approved",
    "adopt": "adopted",
    "present": "presented",
    "submit": "presented",
    "took note": "presented",
    "takes note": "presented",
    "take note": "presented",
}
ADOPTION = re.compile(
    r"\b(?:(?:endors|approv)(?:ed|es|e|ing)|adopt(?:ed|s|ing)|"
    r"(?<!to )(?<!will )(?<!shall )adopt|took note|takes note|take note|"
    r"(?:presented|submitted)\s+(?:\w+\s+){0,3}?to)\b",
    NOCASE,
)
BY_GROUP = [  # collective names of bodies
    (r"\b(?:EU and NATO|NATO and EU|NATO and the EU|EU and the NATO) Councils\b|"
     r"\bboth Councils\b|\bthe two Councils\b|\bthe Councils of the EU and NATO\b|"
     r"\bthe respective Councils\b",
     ("organisation/council-of-the-eu", "organisation/north-atlantic-council")),
    (r"\b(?:NATO )?Allies\b|\bNATO (?:Defence|Foreign) Ministers\b|\bNATO leaders\b|"
     r"\bHeads of State and Government\b|\bAllied leaders\b",
     ("organisation/nato",)),
    (r"\bEU leaders\b|\bEU Heads of State or Government\b", ("organisation/european-council",)),
]  # fmt: skip
PERIOD = re.compile(
    r"\bfrom\s+(?P<m1>[A-Z][a-z]+)\s+(?P<y1>(?:19|20)\d\d)\s+(?:to|until|through|till)\s+"
    r"(?P<m2>[A-Z][a-z]+)\s+(?P<y2>(?:19|20)\d\d)"
)
REPORT = re.compile(
    r"\b(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")\s+"
    r"(?:joint\s+)?progress report\b",
    NOCASE,
)


def find_adoptions(
    kind: str,
    sentences: list[Analysed],
    knowledge: Knowledge,
    anchor: date | None,
    *,
    dated: bool = True,
) -> list[AdoptionDraft]:
    """Bodies that endorsed, approved, adopted or took note of documents (endorsement and
    progress-report releases only: elsewhere an adoption is background). ``dated``: the
    anchor is the release's own date (else "today" leaves the day to the curator)."""
    out: dict[tuple[str, str, str], AdoptionDraft] = {}
    last: list[Statement] = []  # the document acted on last: "the same set", "which"
    for s in sentences:
        if s.sentence.foreign or s.sentence.header:
            continue
        for verb in ADOPTION.finditer(s.text):
            for a in _adoptions_at(s, verb, knowledge, anchor, kind, last, dated):
                key = (a.document.value, a.by.value, a.kind)
                if a.date is not None and a.date.note == NO_DAY and out:
                    before = list(out.values())[-1].date  # "In addition, ...": the same day
                    a.date = before if before is not None and before.note != NO_DAY else a.date
                out.setdefault(key, a)
                last = [a.document]
    return list(out.values())


def _adoptions_at(
    s: Analysed,
    verb: re.Match[str],
    knowledge: Knowledge,
    anchor: date | None,
    kind: str,
    last: list[Statement],
    dated: bool = True,
) -> list[AdoptionDraft]:
    word = normalise(verb.group(0))
    what = next((v for k, v in VERBS.items() if word.startswith(k)), None)
    if what is None:
        return []
    if kind == "progress-report" and what != "presented":
        return []
    if kind == "endorsement" and what == "presented" and not UNNUMBERED.search(s.text):
        return []  # an endorsement release: only a progress report is presented in it
    passive = bool(
        re.search(r"\b(?:was|were|been|is|are|be)\s+(?:\w+\s+)?$", s.text[: verb.start()])
    )
    docs = _documents_near(s, verb, passive, knowledge)
    if not docs and last and _refers_back(s, verb):
        docs = last  # "endorsed the same set of proposals", "..., which the NAC also endorsed"
    if kind == "progress-report" and not docs:
        docs = [Statement("the report", s.text, 0.8)]  # the report itself: set by the caller
    bodies = _bodies_near(s, verb, passive, knowledge, what)
    when = _day_of(s, anchor, verb, dated)
    if not docs and what == "presented" and kind == "endorsement" and when is not None:
        docs = _report_of(when, s, knowledge)  # "a joint progress report was presented"
    if not docs or not bodies:
        return []
    undated = (not dated and bool(TODAY.search(s.text))) or bool(VAGUE.search(s.text))
    if (when is None and not undated) or (
        when is not None and kind == "endorsement" and _is_background(s, verb, when, anchor)
    ):
        return []
    out = []
    for d in docs:
        for b in bodies:
            out.append(AdoptionDraft(d, b, what, when, s.text, 0.8))
    return out


OBJECT_GAP = re.compile(
    r"\s*(?:(?:the|a|an|its|their|both|new|common|revised|updated|joint|final|first|second|"
    r"third|EU's|NATO's|overarching)\s+)*",
    NOCASE,
)


NO_DAY = "no day given: the release's"
UNNUMBERED = re.compile(r"\b(?:a|the|joint|new)\s+(?:joint\s+)?progress report\b", NOCASE)


def _report_of(when: Statement, s: Analysed, knowledge: Knowledge) -> list[Statement]:
    """The graph's progress report issued within a month of the day it was presented."""
    day = date.fromisoformat(when.value)
    hits = [
        d
        for d, issued in knowledge.issued.items()
        if knowledge.doc_types.get(d, "").endswith("/progress-report")
        and abs((issued - day).days) <= 31
    ]
    if len(hits) != 1:
        return []
    name = knowledge.name_for(hits[0], "document")
    return [Statement(name, s.text, 0.7, Thing(hits[0], name, "document"))]


def _refers_back(s: Analysed, verb: re.Match[str]) -> bool:
    after = s.text[verb.end() : verb.end() + 40]
    before = s.text[max(0, verb.start() - 60) : verb.start()]
    return bool(
        re.match(r"\s+(?:the\s+)?same\b", after, NOCASE)
        or re.search(r",\s*which\b[^,]*$", before, NOCASE)
    )


def _documents_near(
    s: Analysed, verb: re.Match[str], passive: bool, knowledge: Knowledge
) -> list[Statement]:
    """The document the verb acts on: right after an active verb ("endorsed the common set
    of proposals"), or the subject of a passive one ("the report was presented")."""
    subjects = [m for m in s.mentions if m.kind == "document"]
    if passive:
        chosen = [m for m in subjects if m.end <= verb.start()][-1:]
    else:
        chosen = [
            m
            for m in subjects
            if m.start >= verb.end() and OBJECT_GAP.fullmatch(s.text[verb.end() : m.start])
        ][:1]
    out = []
    for m in chosen:
        name = m.text if m.iri.startswith(NEW) else knowledge.name_for(m.iri, "document")
        out.append(Statement(name, s.text, 0.8, Thing(m.iri, name, "document")))
    return out


def _bodies_near(
    s: Analysed, verb: re.Match[str], passive: bool, knowledge: Knowledge, what: str
) -> list[Statement]:
    nxt = ADOPTION.search(s.text, verb.end())  # "... endorsed by the Councils": another act
    stop = nxt.start() if nxt else len(s.text)
    if what == "presented" and re.search(r"\bto\s*$|\bto\b", verb.group(0)):
        by = re.search(r"\bby\b", s.text[verb.end() : stop])  # "... by the HR/VP": who presents
        span = (verb.end(), verb.end() + by.start() if by else stop)
    elif passive:
        by = re.search(r"\bby\b", s.text[verb.end() :])
        span = (verb.end() + by.end(), stop) if by and verb.end() + by.end() < stop else (0, 0)
    else:
        span = (0, verb.start())
    lo, hi = span
    found: dict[str, Statement] = {}
    in_council = bool(re.search(r"\b(?:in|within) the North Atlantic Council\b", s.text[lo:hi]))
    for rx, slugs in BY_GROUP:
        for hit in re.finditer(rx, s.text):
            if in_council and slugs == ("organisation/nato",):
                continue  # "NATO Foreign Ministers, meeting in the North Atlantic Council"
            if lo <= hit.start() < hi:
                for sl in slugs:
                    iri = ID + sl
                    name = knowledge.name_for(iri, "agent")
                    found.setdefault(
                        iri, Statement(name, s.text, 0.8, Thing(iri, name, "organisation"))
                    )
    which = re.search(r",\s*which\b", s.text[lo:hi], NOCASE) if not passive else None
    if which:
        lo = lo + which.end()  # "..., which the North Atlantic Council also endorsed"
    agents = [m for m in s.agents() if m.kind in ("organisation", "state") and lo <= m.start < hi]
    if not passive and what != "presented":
        agents = agents[-2:]  # the subject of the verb, or the two of "X and Y endorsed"
    for m in agents:
        if any(
            m.start >= h.start() and m.end <= h.end()
            for rx, _ in BY_GROUP
            for h in re.finditer(rx, s.text)
        ):
            continue
        name = knowledge.name_for(m.iri, "agent") if not m.iri.startswith(NEW) else m.text
        found.setdefault(
            m.iri, Statement(name, s.text, round(0.8 * m.score, 2), Thing(m.iri, name, m.kind))
        )
    return list(found.values())


VAGUE = re.compile(r"\b(?:last|earlier this|this past) (?:week|month)\b|\brecently\b", NOCASE)
TODAY = re.compile(r"\btoday\b|\bthis (?:morning|afternoon|week)\b", NOCASE)


def _day_of(
    s: Analysed, anchor: date | None, verb: re.Match[str], dated: bool = True
) -> Statement | None:
    """The day of the act ``verb`` reports: not one after another act it names ("took note
    of the report on the proposals endorsed ... on 6 December 2016")."""
    days = [
        d
        for d in s.dates
        if d.precision == "day"
        and not (d.start > verb.end() and ADOPTION.search(s.text, verb.end(), d.start))
    ]
    if len(days) > 1 and re.fullmatch(r"\W*(?:date\s*)?", s.text[: days[0].start], NOCASE):
        days = days[1:]  # "2017-12-05 BRUSSELS --- The Councils yesterday endorsed ...": a dateline
    for d in days:
        return Statement(d.iso, s.text, 0.85)
    if VAGUE.search(s.text):  # "last week": some day the release does not give
        return None
    if TODAY.search(s.text):
        if not (anchor and dated):
            return None
        return Statement(anchor.isoformat(), s.text, 0.8, note="'today': the release's date")
    if anchor:
        return Statement(anchor.isoformat(), s.text, 0.55, note=NO_DAY)
    return None


def _is_background(s: Analysed, verb: re.Match[str], when: Statement, anchor: date | None) -> bool:
    """ "the proposals endorsed by the Councils on 6 December 2016", read in 2023, is history."""
    return bool(anchor and when.value < (anchor.replace(year=anchor.year - 1)).isoformat())


def link_reports(sentences: list[Analysed], knowledge: Knowledge) -> None:
    """ "the eighth progress report": a mention of the graph's report of that number."""
    for s in sentences:
        for hit in REPORT.finditer(s.text):
            n = _ordinal(hit.group("n"))
            iri = knowledge.report_numbered(n) if n else None
            if iri and not any(m.start < hit.end() and hit.start() < m.end for m in s.mentions):
                s.mentions.append(
                    Mention(iri, "document", hit.group(0), hit.start(), hit.end(), 0.9)
                )
                s.mentions.sort(key=lambda m: m.start)


def find_report(
    sentences: list[Analysed],
    knowledge: Knowledge,
    anchor: date | None,
    candidates: list[Candidate],
) -> tuple[Statement | None, DocumentDraft | None]:
    """The progress report a release is about: a known one (by its number), or a new one."""
    for s in sentences:
        if s.sentence.foreign:
            continue
        hit = REPORT.search(s.text)
        if not hit:
            continue
        n = _ordinal(hit.group("n"))
        known = knowledge.report_numbered(n) if n else None
        if known:
            name = knowledge.name_for(known, "document")
            return Statement(name, s.text, 0.85, Thing(known, name, "document")), None
        number = _ORDINAL_NAMES.get(n or 0, str(n)).capitalize()
        label = f"{number} progress report on the EU–NATO common set of proposals"
        written = re.match(
            r"\s+on\s+the\s+implementation\s+of\s+the\s+common\s+set\s+of\s+proposals",
            s.text[hit.end() :],
            NOCASE,
        )
        if written:  # its own title, as the release gives it
            label = f"{number} progress report{written.group(0)}"
        draft = DocumentDraft(f"document/{slug(label)}", label, s.text, 0.7)
        draft.type = Statement("progress report", s.text, 0.8)
        draft.ordinal = Statement(str(n), s.text, 0.85) if n else None
        _report_details(draft, sentences, knowledge, anchor)
        return Statement(label, s.text, 0.7, draft.thing), draft
    return None, None


def _report_details(
    draft: DocumentDraft, sentences: list[Analysed], knowledge: Knowledge, anchor: date | None
) -> None:
    for s in sentences:
        period = PERIOD.search(s.text)
        if period and draft.covers_from is None:
            a, b = (
                _month(period.group("m1"), period.group("y1")),
                _month(period.group("m2"), period.group("y2")),
            )
            if a and b:
                draft.covers_from = Statement(a, s.text, 0.85)
                draft.covers_to = Statement(b, s.text, 0.85)
        for m in s.mentions + s.nested:
            if (
                m.kind == "document"
                and knowledge.is_proposal_set(m.iri)
                and all(r.thing and r.thing.iri != m.iri for r in draft.reports_on)
            ):
                name = knowledge.name_for(m.iri, "document")
                draft.reports_on.append(
                    Statement(name, s.text, 0.8, Thing(m.iri, name, "document"))
                )
        dated = re.search(r"\bdated\s+$", s.text[: s.dates[0].start]) if s.dates else None
        if dated and draft.issued is None and s.dates[0].precision == "day":
            draft.issued = Statement(s.dates[0].iso, s.text, 0.9)
        if not draft.reports_on and re.search(r"\bcommon set of proposals\b", s.text, NOCASE):
            for iri in knowledge.proposal_sets():  # "the common set of proposals": both sets
                name = knowledge.name_for(iri, "document")
                draft.reports_on.append(Statement(name, s.text, 0.7, Thing(iri, name, "document")))
    if anchor and draft.issued is None:
        draft.issued = Statement(anchor.isoformat(), "the release's date", 0.55)


def _month(name: str, year: str) -> str | None:
    month = MONTHS.get(name.lower())
    return f"{year}-{month:02d}" if month else None


def _ordinal(text: str) -> int | None:
    text = text.lower()
    if text[:1].isdigit():
        return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]
    return ORDINAL_WORDS.get(text)


_ORDINAL_NAMES = {v: k for k, v in ORDINAL_WORDS.items()}


def new_documents(
    candidates: list[Candidate], sentences: list[Analysed], anchor: date | None
) -> list[DocumentDraft]:
    """Documents the release names that the graph does not know: to declare."""
    out = []
    for c in candidates:
        if c.kind != "document":
            continue
        draft = DocumentDraft(c.id, c.name, c.evidence, c.confidence)
        kind = document_type(c.name)
        draft.type = Statement(kind, c.evidence, 0.6) if kind else None
        out.append(draft)
    return out


CONCLUSIONS = re.compile(
    r"\b(?:adopt(?:ed|s|ing)?|approv(?:ed|es|e|ing))\s+(?:its\s+|the\s+|their\s+)?"
    r"(?P<label>conclusions\s+(?:on|to|regarding|concerning|about|for)\s+[^.;:,()]+)",
    NOCASE,
)
CONCLUSIONS_END = re.compile(
    r"\s+(?:signed|adopted|agreed|endorsed|issued|which|that|by|in\s+(?:[A-Z]|\d)|on\s+\d|"
    r"and\s+(?:endors|approv|welcom|adopt|call|stress|underlin))\b",
)


def find_conclusions(sentences: list[Analysed]) -> list[Candidate]:
    """ "The Council adopted conclusions on the implementation of ...": the conclusions
    are a document the graph does not know, named as written, acted on in the sentence."""
    out: dict[str, Candidate] = {}
    for s in sentences:
        if s.sentence.foreign:
            continue
        for hit in CONCLUSIONS.finditer(s.text):
            label = hit.group("label")
            cut = CONCLUSIONS_END.search(label)
            label = (label[: cut.start()] if cut else label).strip()
            if len(label.split()) < 3:
                continue
            start = hit.start("label")
            ident = "document/" + slug(label)[:60].strip("-")
            m = Mention(NEW + ident, "document", label, start, start + len(label), 0.8)
            s.mentions[:] = sorted(
                [x for x in s.mentions if x.end <= m.start or x.start >= m.end] + [m],
                key=lambda x: x.start,
            )
            out.setdefault(ident, Candidate("document", label, ident, s.text, 0.7))
    return list(out.values())
