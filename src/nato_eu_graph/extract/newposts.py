"""Posts the graph does not know, written beside a name: "Gen. John Allen, Commander
ISAF", "the Chief Executive of the European Defence Agency (EDA) Jorge Domecq",
"NATO's Senior Civilian Representative in Afghanistan, Ambassador Simon Gass". Each is
offered as a new post (to declare under ``posts:``) and is the person's capacity.
"""

from __future__ import annotations

import re

from .candidates import slug
from .knowledge import Knowledge
from .model import Analysed
from .names import Mention

_HEAD = (
    r"(?:(?:Deputy|Assistant|Senior|Acting|Permanent|Vice|Civilian|Military|Executive)\s+)*"
    r"(?:Head|Chief Executive|Chief of Defen[cs]e|Chief of Staff|Commander|"
    r"Director(?:[- ]General)?|Chair(?:man|woman|person)?|President|Minister|Representative|"
    r"Secretary(?:[- ]General)?|Spokesperson|Coordinator|Envoy|Advis[oe]r)"
)
_WORD = r"(?:[A-Z][\w’'&.-]*)"
_OBJECT = (
    rf"(?:\s+(?:of|for|to|in|at)\s+(?:the\s+)?{_WORD}(?:\s+(?:{_WORD}|of|the|and|for|on|in))*"
    r"|\s+[A-Z]{2,}[\w-]*(?:\s+[A-Z][\w-]*)?)"
)
_OWNER = r"(?:(?:[A-Z][a-z]+|[A-Z]{2,})(?:['’]s)?\s+)?"  # "French", "NATO's"
PHRASE = _OWNER + _HEAD + _OBJECT
BEFORE = re.compile(rf"(?:\bthe\s+)?\b(?P<post>{PHRASE})\s*(?:\([^)]*\))?\s*,?\s*$")
AFTER = re.compile(
    rf"\s*,\s*(?:the\s+)?(?P<post>{PHRASE})(?=\s*(?:[,.;)(]|$|\s+(?:and|who|which|,)\b))"
)
# "the Ukraine Chief of Defence, General X": a post written owner first, said the other way
# round ("Chief of Defence of Ukraine")
_OWNER_FIRST = rf"\bthe\s+(?P<owner>(?:{_WORD}\s+){{1,3}}?)(?P<head>{_HEAD})"
REVERSED_BEFORE = re.compile(rf"{_OWNER_FIRST}\s*,?\s*$")
REVERSED_AFTER = re.compile(rf"\s*,\s*{_OWNER_FIRST}(?=\s*(?:[,.;)(]|$))")
_THE_PLACES = re.compile(r"\b(?:Republic|Kingdom|States|Netherlands|Emirates|Islands)$")
_TRAILING = re.compile(r"(?:\s+(?:and|of|the|for|on|in|to|at))+$")


def new_post(m: Mention, s: Analysed, knowledge: Knowledge) -> str | None:
    """The label of a post the graph does not know, written beside the person ``m``;
    None when there is none (or it names a known post, or reaches into another name)."""
    earlier = [o.end for o in s.mentions if o.kind == "person" and o.end <= m.start]
    before = s.text[max(earlier, default=0) : m.start]  # not into the name before it
    if m.rank and before.rstrip().endswith(m.rank):
        before = before.rstrip()[: -len(m.rank)]
    hit = AFTER.match(s.text[m.end :])
    label = hit.group("post") if hit else None
    if label is None:
        back = BEFORE.search(before)
        label = back.group("post") if back else None
    if label is None:
        label = _owner_first(before, s.text[m.end :])
    if label is None:
        return None
    label = _TRAILING.sub("", re.sub(r"(?<=[A-Z])['’]s\b", "", label)).strip()
    others = [o for o in s.mentions if o.kind == "person" and o is not m]
    if any(o.text in label for o in others) or knowledge.resolver.lookup(label):
        return None
    return label if len(label.split()) >= 2 else None


def _owner_first(before: str, after: str) -> str | None:
    """ "the Central Africa Republic Chief of Defence" -> "Chief of Defence of the Central
    Africa Republic"."""
    hit = REVERSED_AFTER.match(after) or REVERSED_BEFORE.search(before)
    if hit is None:
        return None
    owner = hit.group("owner").strip()
    if re.search(r"['’]s$|^(?:NATO|EU|European|Union)\b", owner):
        return None  # "the EU's Director General": the owner is a body, not a country
    the = "the " if _THE_PLACES.search(owner) else ""
    return f"{hit.group('head')} of {the}{owner}"


def post_id(label: str) -> str:
    return "post/" + slug(label)[:60].strip("-")
