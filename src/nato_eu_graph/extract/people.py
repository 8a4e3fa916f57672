"""Who took part in a meeting and how: hosts, guests, co-chairs, attendees, briefers,
who stood in for whom, and the post each held on the day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ..namespaces import ID
from .capacity import capacity_of
from .cues import (
    ACCOMPANIED,
    ATTEND,
    BEHALF,
    BRIEF_ACTIVE,
    BRIEF_BY,
    CHAIRED,
    CHAIRED_BY,
    COCHAIR,
    DISCUSSED_WITH,
    HOST_ACTIVE,
    HOST_PASSIVE,
    INVITED,
    JOINED_BY,
    MET,
    NOCASE,
    PREPOSITION,
    REPRESENTED_BY,
    SIGNED,
    SPEAKER,
    VISIT,
    WELCOME,
)
from .knowledge import Knowledge
from .model import Analysed, Participant, Statement, Thing
from .names import Mention
from .participant import participant_of, thing_of
from .subjects import issued_by


def find_participants(
    sentences: list[Analysed], knowledge: Knowledge, day: date | None, kind: str = ""
) -> list[Participant]:
    found: list[Participant] = []
    behalf: list[tuple[Mention, Mention, Analysed]] = []
    for s in sentences:
        if s.sentence.foreign:
            continue
        found += _hosts_and_guests(s, knowledge, day)
        found += _cochairs(s, knowledge, day)
        found += _chairs(s, knowledge, day)
        found += _attendees(s, knowledge, day)
        found += _briefers(s, knowledge, day)
        found += _met(s, knowledge, day)
        found += _invited(s, knowledge, day)
        found += _discussed_with(s, knowledge, day)
        found += _speaker(s, knowledge, day)
        if kind == "signing":
            found += _signatories(s, knowledge, day)
        behalf += _stand_ins(s)
    merged = _merge(found)
    for deputy, principal, s in behalf:
        _attach_behalf(merged, deputy, principal, s, knowledge, day)
    return merged


def _side(s: Analysed, lo: int, hi: int, *, last: bool) -> list[Mention]:
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
        and not PREPOSITION.search(s.text[: m.start])
    ]
    return (bodies[-1:] if last else bodies[:1]) if bodies else []


def _clause_end(s: Analysed, start: int) -> int:
    stops = [
        m.start() for m in (BEHALF.search(s.text, start), BRIEF_BY.search(s.text, start)) if m
    ] + [i for i in (s.text.find(";", start),) if i >= 0]
    return min(stops, default=len(s.text))


def _hosts_and_guests(s: Analysed, knowledge: Knowledge, day: date | None) -> list[Participant]:
    out: list[Participant] = []
    passive = HOST_PASSIVE.search(s.text)
    if passive:
        hosts = [m for m in s.agents() if m.start >= passive.end()][:1]
        guests = _side(s, 0, passive.start(), last=False)
    else:
        active = HOST_ACTIVE.search(s.text)
        if not active:
            return []
        hosts = _side(s, 0, active.start(), last=True)
        guests = _side(s, active.end(), _clause_end(s, active.end()), last=False)
        if WELCOME.match(active.group(0)) and WELCOMED_THING.match(s.text[active.end() :]):
            return []  # "welcomed the progress": no one was welcomed
    out += [participant_of(m, "host", s, 0.9, knowledge, day) for m in hosts]
    out += [participant_of(m, "guest", s, 0.85, knowledge, day) for m in guests]
    return out


WELCOMED_THING = re.compile(
    r"\s+(?:the\s+|this\s+|these\s+|their\s+|its\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}"
    r"(?:progress|decisions?|momentum|results?|adoption|launch|agreements?|reports?|news|"
    r"initiatives?|efforts?|work|steps?|commitments?|fact|opportunity|outcomes?|ideas?|"
    r"proposals?|establishment|creation|conclusions?|signing|developments?|plans?)\b",
    NOCASE,
)


def _cochairs(s: Analysed, knowledge: Knowledge, day: date | None) -> list[Participant]:
    hit = COCHAIR.search(s.text)
    if not hit:
        return []
    end = _clause_end(s, 0)
    people = [m for m in s.agents() if m.kind == "person" and m.end <= end]
    return [participant_of(m, "co-chair", s, 0.85, knowledge, day) for m in people]


def _chairs(s: Analysed, knowledge: Knowledge, day: date | None) -> list[Participant]:
    """ "chaired by X", "X chaired the meeting" (not co-chairs)."""
    out: list[Participant] = []
    by = CHAIRED_BY.search(s.text)
    if by:
        after = [m for m in s.agents() if m.start >= by.end() and m.kind == "person"][:1]
        out += [participant_of(m, "chair", s, 0.85, knowledge, day) for m in after]
    active = CHAIRED.search(s.text)
    if active and not by:
        before = [m for m in s.agents() if m.end <= active.start() and m.kind == "person"][-1:]
        out += [participant_of(m, "chair", s, 0.8, knowledge, day) for m in before]
    titled = [m for m in s.agents() if m.kind == "person" and _titled_chair(s, m)]
    out += [participant_of(m, "chair", s, 0.75, knowledge, day) for m in titled[:1]]
    return out


# "chair of the committee General X said": the chair of the committee that met
CHAIR_TITLE = re.compile(
    r"\b(?:the\s+)?chair(?:man|person|woman)?\s+of\s+the\s+(?:committee|council)\s*,?\s*$",
    NOCASE,
)


def _titled_chair(s: Analysed, m: Mention) -> bool:
    before = s.text[: m.start].rstrip()
    if m.rank and before.endswith(m.rank):
        before = before[: -len(m.rank)]
    return bool(CHAIR_TITLE.search(before))


def _met(s: Analysed, knowledge: Knowledge, day: date | None) -> list[Participant]:
    """ "X and Y met on ...": both take part, neither hosts; "Ministers met in the North
    Atlantic Council": the body they met in hosts."""
    hit = MET.search(s.text)
    if not hit or HOST_ACTIVE.search(s.text) or HOST_PASSIVE.search(s.text):
        return []
    bodies = [m for m in s.agents() if m.kind == "organisation" and m.start >= hit.end()]
    gap = s.text[hit.end() : bodies[0].start] if bodies else ""
    if bodies and re.fullmatch(r"\s+(?:in|within)\s+(?:the\s+)?", gap, NOCASE):
        return [participant_of(bodies[0], "host", s, 0.8, knowledge, day)]
    before = [
        m for m in s.agents() if m.end <= hit.start() and m.kind in ("person", "organisation")
    ]
    people = [m for m in before if m.kind == "person"]
    visitor = _met_the_other_sides_leaders(s, hit, people[-1:], knowledge, day)
    if visitor:
        return visitor
    chosen = people if people else [m for m in before if not PREPOSITION.search(s.text[: m.start])]
    if len(chosen) < 2:
        with_ = re.match(r"\s+(?:with\b|the\b|[A-Z])", s.text[hit.end() :])  # "met (with) Y"
        after = [m for m in s.agents() if m.start >= hit.end() and m.kind == "person"][:1]
        if with_ and chosen and after:
            chosen = chosen[-1:] + after
        else:
            return []
    return [participant_of(m, "participant", s, 0.8, knowledge, day) for m in chosen[-3:]]


OTHER_SIDES_LEADERS = re.compile(
    r"\s+(?:with\s+)?(?:the\s+)?(?P<side>EU|European Union|NATO|Allied)\s+"
    r"(?:leaders|Heads of State (?:and|or) Government|heads of government)\b",
    NOCASE,
)


def _met_the_other_sides_leaders(
    s: Analysed, hit: re.Match[str], people: list[Mention], knowledge: Knowledge, day: date | None
) -> list[Participant]:
    """ "The NATO Secretary General met with EU leaders": he came to them, their guest."""
    group = OTHER_SIDES_LEADERS.match(s.text, hit.end())
    if not people or group is None:
        return []
    p = participant_of(people[0], "guest", s, 0.8, knowledge, day)
    body = p.representing.thing.iri if p.representing and p.representing.thing else None
    side = ID + (
        "organisation/eu"
        if group.group("side").upper() in ("EU", "EUROPEAN UNION")
        else "organisation/nato"
    )
    if body is None or knowledge.root(body) == side:
        return []
    return [p]


def _signatories(s: Analysed, knowledge: Knowledge, day: date | None) -> list[Participant]:
    plain = re.sub(r"[“\"][^”\"]*[”\"]", lambda q: " " * len(q.group(0)), s.text)
    if not SIGNED.search(plain):  # "signing" inside a quotation signs nothing
        return []
    present = PRESENCE.search(s.text)  # "in the presence of X": X witnessed, did not sign
    people = [  # not whom a speech addresses ("Dear President X")
        m
        for m in s.agents()
        if m.kind == "person"
        and not VOCATIVE.search(s.text[: m.start])
        and not (present and m.start > present.end())
    ]
    return [participant_of(m, "participant", s, 0.85, knowledge, day) for m in people]


def _attendees(s: Analysed, knowledge: Knowledge, day: date | None) -> list[Participant]:
    """ "X attended", "X addressed the Chiefs", "X took part": taking part, neither host
    nor invited guest."""
    hit = ATTEND.search(s.text)
    if not hit or JOINED_BY.search(s.text):
        return []
    people = [m for m in s.agents() if m.kind == "person" and m.end <= hit.start()]
    people = [m for m in people if not _clause_between(s, m.end, hit.start())][-4:]
    body = next((m for m in s.agents() if m.kind == "organisation" and m.start >= hit.end()), None)
    if body is not None and re.match(
        r"\s+(?:(?:in|at)\s+(?:the|a)\s+(?:\w+\s+){0,2}?(?:meeting|session|summit)\s+of|"
        r"(?:(?!the\b)\w+\s+){0,3}?(?:in|at))\s+(?:the\s+)?$",
        s.text[hit.end() : body.start],
    ):  # "took part in the meeting of the European Council", "addressed leaders in the
        # European Council": its guest
        return [participant_of(body, "host", s, 0.8, knowledge, day)] + [
            participant_of(m, "guest", s, 0.8, knowledge, day) for m in people
        ]
    return [participant_of(m, "participant", s, 0.8, knowledge, day) for m in people]


def _invited(s: Analysed, knowledge: Knowledge, day: date | None) -> list[Participant]:
    """ "the Chiefs were joined by X (and Y)", "X was invited to a session", "X travelled to
    ...", "X was accompanied by Y": guests."""
    out: list[Participant] = []
    people = [m for m in s.agents() if m.kind == "person"]
    for cue in (JOINED_BY, ACCOMPANIED):
        hit = cue.search(s.text)
        if hit:
            after = [m for m in people if m.start >= hit.end()][:3]
            out += [participant_of(m, "guest", s, 0.85, knowledge, day) for m in after]
    for cue in (INVITED, VISIT):
        hit = cue.search(s.text)
        if hit:
            before = [m for m in people if m.end <= hit.start()]
            before = [m for m in before if not _clause_between(s, m.end, hit.start())][-1:]
            out += [participant_of(m, "guest", s, 0.85, knowledge, day) for m in before]
    return out


def _discussed_with(s: Analysed, knowledge: Knowledge, day: date | None) -> list[Participant]:
    """ "the Chiefs discussed ... with the Director General of the EUMS, Esa Pulkkinen, and
    with General X": those they discussed with took part."""
    hit = DISCUSSED_WITH.search(s.text)
    if not hit:
        return []
    after = [m for m in s.agents() if m.kind == "person" and m.start >= hit.end()]
    return [participant_of(m, "participant", s, 0.75, knowledge, day) for m in after[:4]]


def _speaker(s: Analysed, knowledge: Knowledge, day: date | None) -> list[Participant]:
    """A transcript's speaker label: "JENS STOLTENBERG (NATO Secretary General): ..."."""
    people = [m for m in s.mentions if m.kind == "person"]
    if (
        not people
        or s.text[: people[0].start].strip()
        or not SPEAKER.match(s.text[people[0].end :])
    ):
        return []
    return [participant_of(people[0], "participant", s, 0.8, knowledge, day)]


def _clause_between(s: Analysed, a: int, b: int) -> bool:
    """Whether a relative clause or a long stretch separates a subject from its verb."""
    gap = s.text[a:b]
    for m in s.mentions:  # names and posts listed with the subject make no clause
        gap = gap.replace(m.text, "") if a <= m.start and m.end <= b else gap
    gap = re.sub(r"\([^)]*\)", "", gap)
    return len(gap) > 90 or bool(re.search(r"\b(?:that|which|whose)\b", gap, NOCASE))


def _briefers(s: Analysed, knowledge: Knowledge, day: date | None) -> list[Participant]:
    out: list[Participant] = []
    cues = list(BRIEF_BY.finditer(s.text))
    for k, cue in enumerate(cues):
        stop = cues[k + 1].start() if k + 1 < len(cues) else len(s.text)
        after = [m for m in s.agents() if cue.end() <= m.start < stop]
        if not after:
            continue
        out.append(_briefer(after[0], s, after[0].end, stop, knowledge, day))
        # "briefed by X of the Commission and Y of NATO": each person so listed
        out += [
            _briefer(m, s, m.end, stop, knowledge, day)
            for m in after[1:3]
            if m.kind == "person" and after[0].kind == "person"
        ]
    active = BRIEF_ACTIVE.search(s.text)
    if active and not cues:
        before = [
            m
            for m in s.agents()
            if m.end <= active.start() and not _clause_between(s, m.end, active.start())
        ]
        people = [m for m in before if m.kind == "person"]
        pick = people[-3:] if people else before[-1:]  # "X and Y gave a briefing"
        for m in pick:
            out.append(_briefer(m, s, active.end(), len(s.text), knowledge, day))
    return out


def _briefer(
    m: Mention, s: Analysed, lo: int, hi: int, knowledge: Knowledge, day: date | None
) -> Participant:
    p = participant_of(m, "briefer", s, 0.85, knowledge, day)
    if m.kind == "person" and p.representing is None:
        p.representing = _body_after(m, s, knowledge)
    seen: set[str] = set()
    for subject in s.subjects():
        if lo <= subject.start and subject.end <= hi and subject.iri not in seen:
            if not issued_by(subject, knowledge, day):
                continue
            seen.add(subject.iri)
            thing = Thing(subject.iri, knowledge.name_for(subject.iri, "subject"), subject.kind)
            p.about.append(Statement(thing.name, s.text, round(0.85 * subject.score, 2), thing))
    return p


def _body_after(m: Mention, s: Analysed, knowledge: Knowledge) -> Statement | None:
    """The body a briefer comes from: "Jane Doe from the EEAS"."""
    for other in s.agents():
        if other.kind == "organisation" and other.start >= m.end:
            gap = s.text[m.end : other.start]
            if re.fullmatch(r"\s*,?\s*(?:of|from)\s+(?:the\s+)?", gap, NOCASE):
                thing = thing_of(other, "organisation", knowledge)
                return Statement(thing.name, s.text, 0.8, thing)
    return None


def _stand_ins(s: Analysed) -> list[tuple[Mention, Mention, Analysed]]:
    """(deputy, principal) pairs: "X opened the meeting on behalf of Y", "Y was
    represented by X"."""
    out = []
    for cue, reverse in ((BEHALF, False), (REPRESENTED_BY, True)):
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
    s: Analysed,
    knowledge: Knowledge,
    day: date | None,
) -> None:
    target = next((p for p in found if p.who.iri == deputy.iri), None)
    if target is None:
        target = participant_of(deputy, "guest", s, 0.7, knowledge, day)
        found.append(target)
    thing = thing_of(principal, "agent", knowledge)
    post = capacity_of(principal, s, knowledge, day)
    note = f"{thing.name}: {post.value}" if post else ""
    target.on_behalf_of = Statement(
        thing.name, s.text, round(0.9 * principal.score, 2), thing, note=note
    )
    # Whoever stood in for someone is not that someone: drop a role the principal got.
    found[:] = [p for p in found if p.who.iri != principal.iri]


PRESENCE = re.compile(r"\b(?:in the presence of|witnessed by|attended by)\b", NOCASE)
VOCATIVE = re.compile(r"\bDear\s+(?:[A-Z][\w.]*\s+){0,2}$")


def _merge(found: Iterable[Participant]) -> list[Participant]:
    """One entry per (who, role); the most confident evidence wins, topics add up. Taking
    part ("participant") is what is left when no other role is known for someone."""
    found = list(found)
    roled = {p.who.iri for p in found if p.role not in ("participant", "briefer")}
    found = [p for p in found if p.role != "participant" or p.who.iri not in roled]
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
    merged = list(out.values())
    chairs = {p.who.iri for p in merged if p.role in ("chair", "co-chair")}
    merged = [p for p in merged if not (p.role == "host" and p.who.iri in chairs)]
    if any(p.role == "host" and p.who.kind == "person" for p in merged):
        # at a meeting a person hosts, the others are guests
        for p in merged:
            if p.role == "participant":
                p.role = "guest"
    return merged
