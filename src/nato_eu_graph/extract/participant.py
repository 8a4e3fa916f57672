"""One participant drafted from a name in a sentence: who it is (a thing of the graph or a
new one named as the release writes it), the post they held on the day and that post's
body."""

from __future__ import annotations

import re
from datetime import date

from .capacity import capacity_of
from .knowledge import Knowledge
from .model import NEW, Analysed, Participant, Statement, Thing
from .names import Mention


def participant_of(
    m: Mention, role: str, s: Analysed, confidence: float, knowledge: Knowledge, day: date | None
) -> Participant:
    """``m`` taking part in ``role``, with the post they held and the body of that post."""
    who = thing_of(m, "agent", knowledge)
    p = Participant(who, role, s.text, round(confidence * m.score, 2), m.rank)
    if m.kind == "person":
        p.capacity = capacity_of(m, s, knowledge, day)
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


def thing_of(m: Mention, slot: str, knowledge: Knowledge) -> Thing:
    if m.iri.startswith(NEW):
        return Thing(m.iri, m.text if m.kind != "person" else _new_name(m), m.kind)
    return Thing(m.iri, knowledge.name_for(m.iri, slot), m.kind)


def _new_name(m: Mention) -> str:
    return re.sub(r"['’]s$", "", m.text)
