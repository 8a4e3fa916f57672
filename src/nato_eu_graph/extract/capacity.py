"""The post a person held at a meeting: the one written beside their name ("X, Director
General of the EUMS", "the Director General of the EUMS, X"), else the one the graph's
tenures give them on the day.
"""

from __future__ import annotations

import re
from datetime import date

from .cues import NOCASE
from .knowledge import Knowledge
from .model import NEW, Analysed, Statement, Thing
from .names import Mention
from .newposts import new_post, post_id


def capacity_of(
    m: Mention, s: Analysed, knowledge: Knowledge, day: date | None
) -> Statement | None:
    """The post a person holds: named beside them in the sentence, or by the graph's
    tenures on the day."""
    written = _post_beside(m, s)
    held = knowledge.posts_held(m.iri, day) if day and not m.iri.startswith(NEW) else []
    if written is not None:
        thing = Thing(written.iri, knowledge.name_for(written.iri, "post"), "post")
        agrees = written.iri in held
        note = "the graph's tenures agree" if agrees else ""
        return Statement(thing.name, s.text, 0.95 if agrees else 0.85, thing, note=note)
    if len(held) == 1:
        thing = Thing(held[0], knowledge.name_for(held[0], "post"), "post")
        return Statement(thing.name, s.text, 0.8, thing, note=f"held on {day} by the graph")
    label = new_post(m, s, knowledge)
    if label is not None:  # "Gen. John Allen, Commander ISAF": a post to declare
        thing = Thing(NEW + post_id(label), label, "post")
        return Statement(label, s.text, 0.6, thing, note="a post the graph does not know")
    return None


def _post_beside(m: Mention, s: Analysed) -> Mention | None:
    ms = s.mentions
    k = ms.index(m)
    bare = re.compile(r"[\s,()]*(?:the\s+)?[\s,()]*", NOCASE)

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
    if k + 1 < len(ms) and ms[k + 1].kind == "post" and not _titles_next(ms, k + 1, s):
        gap = s.text[m.end : ms[k + 1].start]
        if re.fullmatch(r"\s*,\s*(?:the\s+)?|\s*\(\s*", gap, NOCASE):
            return ms[k + 1]
    return _owned_post_after(ms, k, s)


def _owned_post_after(ms: list[Mention], k: int, s: Analysed) -> Mention | None:
    """ "General X, NATO's Supreme Allied Commander Europe": the post after its owner."""
    if k + 2 >= len(ms) or ms[k + 1].kind != "organisation" or ms[k + 2].kind != "post":
        return None
    owner, post = ms[k + 1], ms[k + 2]
    if not re.search(r"['’]s$", s.text[owner.start : owner.end]) or _titles_next(ms, k + 2, s):
        return None
    lead = re.fullmatch(r"\s*,\s*(?:the\s+)?", s.text[ms[k].end : owner.start], NOCASE)
    return post if lead and not s.text[owner.end : post.start].strip() else None


def _titles_next(ms: list[Mention], k: int, s: Analysed) -> bool:
    """ "X, Commission President Y": the post is Y's title, not X's."""
    nxt = ms[k + 1] if k + 1 < len(ms) else None
    return bool(
        nxt
        and nxt.kind == "person"
        and re.fullmatch(r"\s*", s.text[ms[k].end : nxt.start].replace(nxt.rank, ""))
    )
