"""Appointments and handovers: who takes up which post on which day, and whose tenure
ends (the day before: end dates are the last day in office).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

from .coreference import _post_of
from .dates import DateMention
from .knowledge import Knowledge
from .model import NEW, Analysed, Statement, TenureDraft, Thing
from .names import Mention

NOCASE = re.IGNORECASE
START = re.compile(
    r"\b(?:took over|takes over|take over|taking over|took office|takes office|take office|"
    r"assum(?:ed|es|e|ing)|took up|takes up|"
    r"take up|taking up|appointed|appoints|appoint|named|nominated|selected|chosen|"
    r"succeed(?:s|ed|ing)?|became|becomes|will become|elected|handed over to|hands over to|"
    r"sworn in|started|starts|start(?:ed)? (?:his|her) (?:term|mandate|tenure)|"
    r"enter(?:ed|s)? (?:into )?office|(?:took|takes|take|taking) charge)\b",
    NOCASE,
)
FROM = re.compile(r"\b(?:from|succeed(?:s|ed|ing)?|replac(?:es|ed|ing)|after)\s+$", NOCASE)
FROM_WORD = re.compile(r"\b(?:from|succeed(?:s|ed|ing)?|replac(?:es|ed|ing))\s+", NOCASE)
# What may stand between "from" and the predecessor's name: "outgoing", a nationality, a rank
# in any case ("from general X"), a post with a comma ("from outgoing Director General, X").
TITLE_GAP = re.compile(
    r"(?:\s|,|\bthe\b|\boutgoing\b|\bincumbent\b|\bcurrent\b|\bgeneral\b|\badmiral\b|"
    r"\blieutenant\b|\bmarshal\b|\bsir\b|[A-Z][\w.'’-]*)*"
)
HANDED = re.compile(r"\bhand(?:ed|s)? over\b", NOCASE)
SUCCEEDING = re.compile(r"\b(?:succeed(?:s|ed|ing)?|replac(?:es|ed|ing))\b", NOCASE)
OFFICE_DAY = re.compile(
    r"\b(?:on|from|as of|with effect from|effective)\s+$|\btake up\b|\btakes up\b|\btook up\b|"
    r"\bassum|\btook over|\btakes over|\bhanded over|\bceremony|\bstart",
    NOCASE,
)


def find_tenures(
    sentences: list[Analysed], knowledge: Knowledge, anchor: date | None
) -> list[TenureDraft]:
    out: list[TenureDraft] = []
    post: Statement | None = None
    person: Mention | None = None
    successor_of: Mention | None = None
    evidence = ""
    for s in sentences:
        if s.sentence.foreign or s.sentence.header:
            continue
        verb = START.search(s.text)
        if not verb:
            continue
        people = [m for m in s.mentions if m.kind == "person"]
        posts = [m for m in s.mentions if m.kind == "post"]
        if post is None and people:
            person, post, evidence, successor_of = _better_newcomer(
                (person, post, evidence, successor_of), _newcomer(s, verb, people, posts, knowledge)
            )
        if person is not None and successor_of is None:
            successor_of = _predecessor(s, person)
    if person is None or post is None:
        pair = _from_to(sentences, knowledge)
        if pair[0] is not None and (person is None or post is None or pair[0].iri == person.iri):
            person, post, successor_of, evidence = pair
    if person is None:
        return out
    start = _start_day(sentences, anchor)
    if successor_of is None and post is not None and post.thing is not None:
        successor_of = _farewelled(sentences, person, post.thing.iri, start, knowledge)
    if post is None:
        post = _post_in_context(sentences, successor_of, start, knowledge)
    if post is None:
        return out
    who = Thing(
        person.iri,
        knowledge.label(person.iri) if not person.iri.startswith(NEW) else person.text,
        "person",
    )
    out.append(TenureDraft(who, post, evidence, 0.8, start=start, rank=person.rank))
    if successor_of is not None and start is not None:
        last = date.fromisoformat(start.value) - timedelta(days=1)
        end = Statement(
            last.isoformat(),
            start.evidence,
            round(start.confidence * 0.9, 2),
            note="the day before the successor's start",
        )
        name = (
            knowledge.label(successor_of.iri)
            if not successor_of.iri.startswith(NEW)
            else successor_of.text
        )
        out.append(
            TenureDraft(
                Thing(successor_of.iri, name, "person"),
                post,
                evidence,
                0.75,
                end=end,
                rank=successor_of.rank,
            )
        )
    return out


FROM_TO = re.compile(r"\bfrom\s+$", NOCASE)
COMMAND_OF = re.compile(
    r"\b(?:change|handover|hand-over|transfer) of (?:command|office|authority)\b|"
    r"\bhand(?:ed|s|ing)? over\b|\btak(?:es|e|ing)? over\b|\btook over\b",
    NOCASE,
)


def _post_in_context(
    sentences: list[Analysed],
    predecessor: Mention | None,
    start: Statement | None,
    knowledge: Knowledge,
) -> Statement | None:
    """The post changing hands when the sentence naming the newcomer does not say it: the
    one post the predecessor held the day before the start, by the graph's tenures; else
    a post named in the title or a sentence about the handover ("takes over as Director
    General of the EUMS"); else the head of the body whose command changes hands."""
    target: str | None = None
    if predecessor is not None and start is not None and not predecessor.iri.startswith(NEW):
        held = knowledge.posts_held(
            predecessor.iri, date.fromisoformat(start.value) - timedelta(days=1)
        )
        target = held[0] if len(held) == 1 else None
    evidence = ""
    for s in sentences:
        if target is not None or s.sentence.foreign or not COMMAND_OF.search(s.text):
            continue
        posts = [m.iri for m in s.mentions if m.kind == "post"]
        bodies = [m.iri for m in s.mentions if m.kind == "organisation"]
        target = posts[0] if posts else (knowledge.head_post(bodies[0]) if bodies else None)
        evidence = s.text
    if target is None:
        return None
    name = knowledge.name_for(target, "post")
    return Statement(
        name, evidence or (start.evidence if start else ""), 0.7, Thing(target, name, "post")
    )


def _from_to(
    sentences: list[Analysed], knowledge: Knowledge
) -> tuple[Mention | None, Statement | None, Mention | None, str]:
    """ "the change of command ... from General X to General Y": Y takes over from X."""
    for s in sentences:
        if s.sentence.foreign:
            continue
        people = [m for m in s.mentions if m.kind == "person"]
        for a, b in pairwise(people):
            before_a = s.text[: a.start].rstrip()
            before_a = (
                before_a[: -len(a.rank)].rstrip()
                if a.rank and before_a.endswith(a.rank)
                else before_a
            )
            gap = s.text[a.end : b.start]
            if b.rank:
                gap = gap.replace(b.rank, "")
            if _from_a_to_b(before_a, gap):
                bodies = [m for m in s.mentions if m.kind == "organisation" and m.end <= a.start]
                target = _post_of(b, s) or _post_of(a, s) or _post_handed(s, a)
                if target is None and bodies:  # "change of command of the EUMS": its head
                    target = knowledge.head_post(bodies[-1].iri)
                if target is None:
                    continue
                name = knowledge.name_for(target, "post")
                return b, Statement(name, s.text, 0.8, Thing(target, name, "post")), a, s.text
    return None, None, None, ""


Newcomer = tuple[Mention | None, Statement | None, str, Mention | None]


def _better_newcomer(
    held: Newcomer, found: tuple[Mention | None, Statement | None, str]
) -> Newcomer:
    """A later sentence that names the post: "X succeeds General Y. ... X entered office as
    Chairman of ... on 16 May". The same person takes the post; another one only when no
    predecessor was found for the first (whose sentence was biography: "Y took office in
    2016"), and never the predecessor."""
    person, _, evidence, predecessor = held
    new_person, new_post, new_evidence = found
    if person is None:
        return new_person, new_post, new_evidence, None
    if new_person is None or new_post is None:
        return held
    if new_person.iri == person.iri:
        return person, new_post, evidence, predecessor
    if predecessor is None:
        return new_person, new_post, new_evidence, None
    return held


TO_SUCCESSOR = re.compile(
    r"[\s,]*(?:\([^)]*\))?[\s,]*to\s+(?:(?:his|her)\s+successor,?\s+(?:[A-Z][\w.'’-]*\s+){0,3})?"
)
HANDOVER_OF = re.compile(r"\bhand-?over\b(?:\s+ceremony)?\s+of\b", NOCASE)


def _from_a_to_b(before_a: str, gap: str) -> bool:
    """ "from General X to General Y"; "the handover of the post, X to his successor Y"."""
    if not TO_SUCCESSOR.fullmatch(gap):
        return False
    if FROM_TO.search(before_a + " "):
        return True
    return bool(HANDOVER_OF.search(before_a)) and "successor" in gap.lower()


def _post_handed(s: Analysed, a: Mention) -> str | None:
    """The post named after "the handover of" and before the one handing it over."""
    cues = list(COMMAND_OF.finditer(s.text[: a.start])) + list(
        HANDOVER_OF.finditer(s.text[: a.start])
    )
    if not cues:
        return None
    begin = max(c.end() for c in cues)
    return next(
        (m.iri for m in s.mentions if m.kind == "post" and begin <= m.start and m.end <= a.start),
        None,
    )


def _newcomer(
    s: Analysed,
    verb: re.Match[str],
    people: list[Mention],
    posts: list[Mention],
    knowledge: Knowledge,
) -> tuple[Mention | None, Statement | None, str]:
    """The person taking up a post, and the post: "X took over as DGEUMS", "the Council
    appointed X as ...", "X has been appointed Chair of ..."."""
    if HANDED.search(verb.group(0)):
        after = [m for m in people if m.start >= verb.end()]
        person = after[0] if after else None
    else:
        before = [m for m in people if m.end <= verb.start()]
        after = [m for m in people if m.start >= verb.end()]
        passive = re.search(
            r"\b(?:has been|have been|was|were|is|will be|been)\s+$", s.text[: verb.start()]
        )
        active_object = re.search(
            r"\b(?:appointed|appoints|appoint|named|nominated|selected|elected)\b",
            verb.group(0),
            NOCASE,
        )
        if active_object and not passive and after:
            person = after[0]
        else:
            person = before[-1] if before else (after[0] if after else None)
    if person is None:
        return None, None, ""
    target = _post_after(s, person, posts) or _post_of(person, s)
    if target is None:
        return person, None, s.text
    name = knowledge.name_for(target, "post")
    return person, Statement(name, s.text, 0.85, Thing(target, name, "post")), s.text


def _post_after(s: Analysed, person: Mention, posts: list[Mention]) -> str | None:
    """The post after "as" or "the post of" following the newcomer."""
    for m in posts:
        if m.start >= person.end and re.search(
            r"\b(?:as|post of|office of|become|became|becomes|appointed|named)\s+(?:the\s+)?"
            r"(?:(?:new|next|permanent|incoming)\s+)*$",
            s.text[: m.start],
            NOCASE,
        ):
            return m.iri
    return None


def _predecessor(s: Analysed, newcomer: Mention) -> Mention | None:
    for m in s.mentions:
        if m.kind != "person" or m.iri == newcomer.iri:
            continue
        before = s.text[: m.start]
        stripped = before.rstrip()
        rank_free = stripped[: -len(m.rank)] if m.rank and stripped.endswith(m.rank) else stripped
        if (
            FROM.search(rank_free.rstrip() + " ")
            or _titled_after_from(s, m)
            or (HANDED.search(s.text) and m.end <= newcomer.start)
        ):
            return m
    return None


def _titled_after_from(s: Analysed, m: Mention) -> bool:
    """ "take over from general X", "succeeds Italian General X", "from outgoing Director
    General, Air Marshal X": only titles, ranks and posts between the verb and the name."""
    before = s.text[max(0, m.start - 80) : m.start]
    found = list(FROM_WORD.finditer(before))
    if not found:
        return False
    gap = before[found[-1].end() :]
    offset = m.start - len(before) + found[-1].end()
    for p in s.mentions:  # a post named in the gap is a title too
        if p.kind == "post" and offset <= p.start and p.end <= m.start:
            gap = gap.replace(s.text[p.start : p.end], " ")
    return TITLE_GAP.fullmatch(gap) is not None


TAKE_UP = re.compile(
    r"\b(?:take|takes|took|taking) (?:up|over|office)\b|\bassum|\bhand(?:ed|s)? over\b|"
    r"\bceremony\b|\bchange of (?:command|office)\b|\bhandover\b|\bstart(?:s|ed)?\b|"
    r"\bchang(?:ed|es) hands\b|\benter(?:ed|s)? (?:into )?office\b|"
    r"\bwith effect from\b|\beffective\b",
    NOCASE,
)


def _day_taken(s: Analysed) -> DateMention | None:
    """The first day after the words of taking the post up ("has served since 24 July
    2018 and entered office on 16 May 2022"), else the sentence's first day."""
    days = [d for d in s.dates if d.precision == "day"]
    cue = TAKE_UP.search(s.text) or START.search(s.text)
    later = [d for d in days if cue is not None and d.start >= cue.end()]
    return next(iter(later or days), None)


def _start_day(sentences: list[Analysed], anchor: date | None) -> Statement | None:
    """The first day in the post: a day in a sentence about taking the post up, before one
    in a sentence about the appointment, before "today" in either."""
    options: list[tuple[int, int, Statement]] = []
    for order, s in enumerate(sentences):
        if s.sentence.foreign or s.sentence.header:
            continue
        taking, naming = bool(TAKE_UP.search(s.text)), bool(START.search(s.text))
        if not (taking or naming):
            continue
        day = _day_taken(s)
        if day is not None:
            options.append((0 if taking else 1, order, Statement(day.iso, s.text, 0.85)))
        elif anchor and re.search(r"\btoday\b", s.text, NOCASE):
            note = "'today': the release's date"
            options.append((2, order, Statement(anchor.isoformat(), s.text, 0.8, note=note)))
    return min(options, key=lambda o: (o[0], o[1]))[2] if options else None


FAREWELL = re.compile(r"\bfarewell to\b|\boutgoing\b", NOCASE)


def _farewelled(
    sentences: list[Analysed],
    newcomer: Mention,
    post: str,
    start: Statement | None,
    knowledge: Knowledge,
) -> Mention | None:
    """The predecessor named elsewhere: "bid farewell to Deputy Secretary General X", "the
    outgoing Director General, X", when the post beside the name is the newcomer's or the
    graph has them in it the day before the start."""
    for s in sentences:
        cue = None if s.sentence.foreign else FAREWELL.search(s.text)
        if cue is None:
            continue
        for m in s.mentions:
            if m.kind != "person" or m.iri == newcomer.iri or m.start < cue.end():
                continue
            if _titled_gap(s, cue.end(), m) and _held(m, s, post, start, knowledge):
                return m
            break
    return None


def _titled_gap(s: Analysed, begin: int, m: Mention) -> bool:
    gap = s.text[begin : m.start]
    for p in s.mentions:
        if p.kind == "post" and begin <= p.start and p.end <= m.start:
            gap = gap.replace(s.text[p.start : p.end], " ")
    return TITLE_GAP.fullmatch(gap) is not None


def _held(
    m: Mention, s: Analysed, post: str, start: Statement | None, knowledge: Knowledge
) -> bool:
    if _post_of(m, s) == post:
        return True
    if start is None or m.iri.startswith(NEW):
        return False
    return post in knowledge.posts_held(m.iri, date.fromisoformat(start.value) - timedelta(days=1))
