"""Second mentions of a person: by surname alone ("Broeks" after "Jan Broeks"), by title
alone ("the Director General of the IMS"), or as someone's counterpart ("his EU
counterpart"). Each becomes a mention of the person, so that it takes part in sentences
like the full name does, and no surname is offered as a new person.
"""

from __future__ import annotations

import re
from datetime import date

from ..ingest.resolve import normalise
from .knowledge import Knowledge
from .model import NEW, Analysed
from .names import Mention

NOCASE = re.IGNORECASE
COUNTERPART = re.compile(
    r"\b(?:his|her|their|its)\s+(?:(?:EU|NATO|European Union|European|military|Alliance)\s+)?"
    r"counterparts?\b",
    NOCASE,
)
LABEL_GAP = re.compile(r"[\s,()]*(?:the\s+)?[\s,()]*", NOCASE)
AS_POST = re.compile(
    r"\b(?:as|post of|office of|became|become|becomes|appointed|named)\s+"
    r"(?:the\s+)?(?:(?:new|next|incoming|outgoing|permanent)\s+)*$",
    NOCASE,
)


def link_surnames(sentences: list[Analysed], knowledge: Knowledge) -> None:
    """Unknown single names that are the surname of a known person named in the release."""
    surnames: dict[str, str] = {}
    for s in sentences:
        for m in s.mentions:
            if m.kind == "person" and not m.iri.startswith(NEW):
                for key in _surname_keys(knowledge.label(m.iri)):
                    surnames.setdefault(key, m.iri)
    if not surnames:
        return
    for s in sentences:
        keep = []
        for u in s.unknown:
            key = normalise(re.sub(r"['’]s$", "", u.text))
            iri = surnames.get(key)
            if iri is None:
                keep.append(u)
                continue
            s.mentions.append(Mention(iri, "person", u.text, u.start, u.end, 0.9, u.rank))
        s.unknown[:] = keep
        s.mentions.sort(key=lambda m: m.start)


def _surname_keys(label: str) -> list[str]:
    words = label.split()
    keys = [normalise(words[-1])] if len(words) > 1 else []
    for k in range(len(words) - 2, 0, -1):  # "van der Laan", "de Hoop Scheffer"
        if words[k][:1].islower():
            keys.append(normalise(" ".join(words[k:])))
    return keys


def link_titles(sentences: list[Analysed], knowledge: Knowledge, day: date | None) -> None:
    """Posts named on their own, and counterparts, as the people who held them."""
    holders = _named_holders(sentences)
    last_post: str | None = None
    for s in sentences:
        added: list[Mention] = []
        for m in s.mentions:
            if m.kind == "post" and _standalone(m, s):
                who = holders.get(m.iri) or knowledge.holder_on(m.iri, day)
                if who:
                    added.append(Mention(who, "person", m.text, m.start, m.end, 0.85))
            if m.kind == "post":
                last_post = m.iri
        for hit in COUNTERPART.finditer(s.text):
            other = knowledge.counterparts.get(last_post or "")
            who = holders.get(other or "") or knowledge.holder_on(other or "", day)
            if who and not any(a.start == hit.start() for a in added):
                added.append(Mention(who, "person", hit.group(0), hit.start(), hit.end(), 0.8))
        if added:
            spans = [(a.start, a.end) for a in added]
            s.mentions[:] = [
                m for m in s.mentions if not any(a <= m.start < b for a, b in spans)
            ] + added
            s.mentions.sort(key=lambda m: m.start)
        for m in s.mentions:
            if m.kind == "person":
                post = _post_of(m, s)
                if post:
                    last_post = post


def _named_holders(sentences: list[Analysed]) -> dict[str, str]:
    """Post -> person, where the release names a person beside a post."""
    out: dict[str, str] = {}
    for s in sentences:
        for m in s.mentions:
            if m.kind == "person":
                post = _post_of(m, s)
                if post:
                    out.setdefault(post, m.iri)
    return out


def _post_of(m: Mention, s: Analysed) -> str | None:
    ms = s.mentions
    k = ms.index(m)
    before = ms[k - 1] if k >= 1 else None
    after = ms[k + 1] if k + 1 < len(ms) else None
    if before and before.kind == "post" and _joined(s, before.end, m.start, m.rank):
        return before.iri
    if after and after.kind == "post" and LABEL_GAP.fullmatch(s.text[m.end : after.start]):
        return after.iri
    return None


def _joined(s: Analysed, a: int, b: int, rank: str) -> bool:
    gap = s.text[a:b]
    if rank:
        gap = gap.replace(rank, "")
    return bool(LABEL_GAP.fullmatch(gap))


def _standalone(m: Mention, s: Analysed) -> bool:
    """A post that is not a label beside a person's name, nor the post someone takes."""
    if AS_POST.search(s.text[: m.start]):
        return False
    for other in s.mentions:
        if other.kind != "person":
            continue
        if other.start >= m.end and _joined(s, m.end, other.start, other.rank):
            return False
        if other.end <= m.start and LABEL_GAP.fullmatch(s.text[other.end : m.start]):
            return False
    return True
