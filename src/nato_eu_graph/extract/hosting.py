"""Who hosts when no sentence says "hosted" or "welcomed": the side whose house a meeting
is held in (a visit to the headquarters of the Council), the council or committee whose
meeting it is (the one its chair chairs, or the one the title names), and the co-chairs
a release names by their title first ("co-chaired by the Directors General of both
organisations") and by name later.
"""

from __future__ import annotations

import re
from datetime import date

from ..namespaces import ID
from .cues import COCHAIR, NOCASE
from .knowledge import Knowledge
from .model import Analysed, Participant, Thing
from .participant import participant_of

AT_HOUSE = re.compile(
    r"\b(?:at|to|in)\s+(?:the\s+)?(?:(?:head\s*quarters|headquarters|HQ|premises|seat|"
    r"offices?|building|residence)\s+of\s+(?:the\s+)?)?$",
    NOCASE,
)
HOUSE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:head\s*quarters|headquarters|HQ|building|premises)\b", NOCASE
)
TAKING_PART = {"participant"}
COUNCIL_WORDS = re.compile(r"\b(?:Council|Committee)\b")
TITLE_CHAIRS = re.compile(
    r"\bco-?chair\w*\s+by\s+(?:the|both|their|two)\s+(?:\w+\s+){0,2}?"
    r"(?:Directors?[- ]Generals?|DGs|Chairs?(?:men)?|Heads|Commanders|Secretaries[- ]General)\b",
    NOCASE,
)


def settle_hosts(
    found: list[Participant],
    sentences: list[Analysed],
    knowledge: Knowledge,
    day: date | None,
    kind: str,
) -> list[Participant]:
    """``found`` with the host (and co-chairs) that only the meeting's setting tells."""
    found = _titled_cochairs(found, sentences, knowledge, day)
    if kind != "signing" and found:
        found += _alongside(found, sentences, knowledge, day)
    roles = {p.role for p in found}
    if roles and roles <= TAKING_PART and kind in ("leaders-meeting", "unknown"):
        found = _visit(found, sentences, knowledge)
    if kind == "council-meeting" and "host" not in {p.role for p in found}:
        body = _council_of(found, sentences, knowledge)
        if body is not None:
            found.insert(0, body)
    if kind in ("leaders-meeting", "council-meeting") and "host" not in {p.role for p in found}:
        body = _ministers_council(sentences, knowledge)
        if body is not None:
            found.insert(0, body)
    if any(p.role == "co-chair" for p in found):  # co-chaired: no body hosts
        found = [p for p in found if not (p.role == "host" and p.who.kind == "organisation")]
    return _one_role(_sides(found, knowledge))


STRONG_ROLES = ("host", "co-chair", "chair", "guest")


def _one_role(found: list[Participant]) -> list[Participant]:
    """A person has one role at a meeting: the host's, a chair's or a guest's over briefing
    or taking part; else the one the release gives first ("also participated", then "gave a
    briefing": a participant). What a dropped entry briefed on stays with the person."""
    out: list[Participant] = []
    for p in found:
        if p.who.kind != "person":
            out.append(p)
            continue
        same = [q for q in out if q.who.iri == p.who.iri]
        if not same:
            out.append(p)
            continue
        kept = same[0]
        if p.role in STRONG_ROLES and kept.role not in STRONG_ROLES:
            out[out.index(kept)] = p
            p.about += [a for a in kept.about if a.value not in {b.value for b in p.about}]
            p.capacity = p.capacity or kept.capacity
            p.representing = p.representing or kept.representing
        else:
            kept.about += [a for a in p.about if a.value not in {b.value for b in kept.about}]
    return out


def _sides(found: list[Participant], knowledge: Knowledge) -> list[Participant]:
    """At a meeting someone hosts, who comes from the other organisation is a guest and
    who comes from the host's own takes part ("introduced his new deputy")."""
    hosts = {_side(p, knowledge) for p in found if p.role == "host"} - {None}
    if len(hosts) != 1:
        return found
    home = hosts.pop()
    for p in found:
        side = _side(p, knowledge)
        if p.role in ("participant", "guest") and side is not None and p.who.kind == "person":
            p.role = "participant" if side == home else "guest"
    return found


def _visit(
    found: list[Participant], sentences: list[Analysed], knowledge: Knowledge
) -> list[Participant]:
    """ "X met Y at the headquarters of the Council": the one from the house hosts."""
    for s in sentences:
        if s.sentence.foreign:
            continue
        for m in s.mentions:
            if m.kind != "organisation" and "/site/" not in m.iri:
                continue
            if not (AT_HOUSE.search(s.text[: m.start]) or HOUSE_AFTER.match(s.text[m.end :])):
                continue
            body = knowledge.site_body.get(m.iri, m.iri)
            house = knowledge.root(body)
            home = [p for p in found if _side(p, knowledge) == house]
            away = [p for p in found if _side(p, knowledge) not in (house, None)]
            if len(home) == 1 and away:
                home[0].role = "host"
                for p in away:
                    p.role = "guest"
                return found
    return found


def _side(p: Participant, knowledge: Knowledge) -> str | None:
    if p.who.kind == "organisation":
        return knowledge.root(p.who.iri)
    if p.representing is not None and p.representing.thing is not None:
        return knowledge.root(p.representing.thing.iri)
    return None


def _council_of(
    found: list[Participant], sentences: list[Analysed], knowledge: Knowledge
) -> Participant | None:
    """The council or committee whose meeting it is: the one its chair chairs, else the
    one the title or the header names (not two councils meeting together)."""
    for p in found:
        if p.role == "chair" and p.representing is not None and p.representing.thing:
            body = p.representing.thing
            if COUNCIL_WORDS.search(knowledge.label(body.iri)):
                return Participant(body, "host", p.evidence, 0.7)
    named: list[tuple[str, str]] = []
    for s in sentences:
        if not s.sentence.header:
            continue
        named += [
            (m.iri, s.text)
            for m in s.mentions
            if m.kind == "organisation" and COUNCIL_WORDS.search(knowledge.label(m.iri))
        ]
    bodies = {iri for iri, _ in named}
    if len(bodies) != 1:
        return None
    iri, text = named[0]
    thing = Thing(iri, knowledge.name_for(iri, "agent"), "organisation")
    return Participant(thing, "host", text, 0.7)


def _titled_cochairs(
    found: list[Participant], sentences: list[Analysed], knowledge: Knowledge, day: date | None
) -> list[Participant]:
    """ "co-chaired by the Directors General of both organisations" and later "X (DGIMS)
    and Y (DGEUMS) stressed ...": X and Y co-chair."""
    if any(p.role == "co-chair" for p in found):
        return found
    for k, s in enumerate(sentences):
        if not COCHAIR.search(s.text) or not TITLE_CHAIRS.search(s.text):
            continue
        if any(m.kind == "person" for m in s.mentions):
            return found
        for later in sentences[k + 1 :]:
            people = list({m.iri: m for m in later.mentions if m.kind == "person"}.values())
            if len(people) >= 2:
                chairs = [
                    participant_of(m, "co-chair", later, 0.75, knowledge, day) for m in people[:2]
                ]
                named = {c.who.iri for c in chairs}
                return chairs + [p for p in found if p.who.iri not in named]
        return found
    return found


TITLE_BEFORE = re.compile(
    r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|in))*\s*,\s*$"
)
ALONGSIDE = re.compile(
    r"\b(?:alongside|together with|along with|side by side with)\s+$|"
    r"\b(?:participated|took part|attended)\W+(?:as well as|with)\s+$",
    NOCASE,
)
# "together with General X, ..., and with General Y": Y is one of them too
ALONGSIDE_CUE = re.compile(r"\b(?:alongside|together with|along with|side by side with)\b", NOCASE)
CHAINED = re.compile(r"\band\s+(?:also\s+)?(?:with\s+)?$", NOCASE)


def _alongside(
    found: list[Participant], sentences: list[Analysed], knowledge: Knowledge, day: date | None
) -> list[Participant]:
    """ "Speaking alongside President X, the Secretary General said ...": X took part."""
    known = {p.who.iri for p in found}
    out: list[Participant] = []
    for s in sentences:
        if s.sentence.foreign:
            continue
        for k, m in enumerate(s.mentions):
            if m.kind != "person" or m.iri in known:
                continue
            before = s.text[: m.start]
            if m.rank and before.rstrip().endswith(m.rank):
                before = before.rstrip()[: -len(m.rank)]
            post = s.mentions[k - 1] if k else None
            if post and post.kind == "post" and re.fullmatch(r"[\s,]*", before[post.end :]):
                before = before[: post.start]  # "with the Chairman of X, Y"
            before = re.sub(r"(?:\b[A-Z][\w.-]*\s+){0,3}$", "", before)  # a title before the name
            # "together with the Chairman of the European Union's Military Committee, General Y"
            before = re.sub(r"\bthe\s+$", "", TITLE_BEFORE.sub("", before))
            if ALONGSIDE.search(before) or (
                CHAINED.search(before) and ALONGSIDE_CUE.search(before)
            ):
                out.append(participant_of(m, "participant", s, 0.75, knowledge, day))
                known.add(m.iri)
    return out


MINISTERS = re.compile(
    r"\bmeeting of (?:the )?(?P<a>EU|European Union|NATO)(?:['’]s)?\s+(?:(?:[A-Z]\w*|and)\s+){0,5}"
    r"Ministers\b|\b(?P<b>EU|European Union|NATO)\s+(?:(?:[A-Z]\w*|and)\s+){0,4}Ministers\s+"
    r"(?:met|meet|gathered)\b"
)
COUNCIL_OF = {"EU": "organisation/council-of-the-eu", "NATO": "organisation/north-atlantic-council"}


def _ministers_council(sentences: list[Analysed], knowledge: Knowledge) -> Participant | None:
    """ "attended the meeting of EU Defence and Foreign Affairs Ministers": EU ministers
    meet in the Council of the EU, NATO's in the North Atlantic Council, which hosts."""
    for s in sentences:
        hit = None if s.sentence.foreign else MINISTERS.search(s.text)
        if hit is None:
            continue
        side = "NATO" if (hit.group("a") or hit.group("b")) == "NATO" else "EU"
        iri = ID + COUNCIL_OF[side]
        if iri not in knowledge.resolver.entities:
            return None
        thing = Thing(iri, knowledge.name_for(iri, "agent"), "organisation")
        return Participant(thing, "host", s.text, 0.7)
    return None
