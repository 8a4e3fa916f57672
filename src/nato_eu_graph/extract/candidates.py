"""Names the graph does not know yet: people and bodies a release introduces, offered
as candidates to declare, with surnames merged into the full name given earlier.
"""

from __future__ import annotations

import re

from ..ingest.resolve import normalise
from .model import NEW, Analysed, Candidate
from .names import ORG_HEADS, Mention


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "unnamed"


def _is_org_name(text: str) -> bool:
    words = [w.lower() for w in re.findall(r"\w+", text)]
    return len(words) >= 2 and any(w in ORG_HEADS for w in words)


def find_candidates(sentences: list[Analysed]) -> list[Candidate]:
    people: dict[str, Candidate] = {}
    bodies: dict[str, Candidate] = {}
    for s in sentences:
        for u in s.unknown:
            if u.titled and not _is_org_name(u.text):
                name = re.sub(r"['’]s$", "", u.text)
                key = normalise(name)
                if key not in people:
                    people[key] = Candidate(
                        "person", name, f"person/{slug(name)}", s.text, 0.8, u.rank
                    )
            elif _is_org_name(u.text) and normalise(u.text) not in bodies:
                alts = [u.acronym] if u.acronym else []
                bodies[normalise(u.text)] = Candidate(
                    "organisation",
                    u.text,
                    f"organisation/{slug(u.text)}",
                    s.text,
                    0.6,
                    alt_labels=alts,
                )
    return _merge_surnames(list(people.values())) + list(bodies.values())


def _merge_surnames(people: list[Candidate]) -> list[Candidate]:
    """ "General Korpela" after "Major General Anneli Korpela" is the same new person."""
    full = {normalise(c.name.split()[-1]) for c in people if len(c.name.split()) > 1}
    return [c for c in people if len(c.name.split()) > 1 or normalise(c.name) not in full]


def add_new_mentions(sentences: list[Analysed], candidates: list[Candidate]) -> None:
    """New people and bodies take part in sentences like known ones: by full name, by
    surname alone ("General Lindqvist") or by the acronym given after a new body."""
    names: dict[str, Candidate] = {}
    for c in candidates:
        names[normalise(c.name)] = c
        if c.kind == "person":
            names.setdefault(normalise(c.name.split()[-1]), c)
        for alt in c.alt_labels:
            names.setdefault(normalise(alt), c)
    for s in sentences:
        for u in s.unknown:
            owner = names.get(normalise(re.sub(r"['’]s$", "", u.text)))
            if owner is not None:
                rank = u.rank or owner.rank
                m = Mention(NEW + owner.id, owner.kind, owner.name, u.start, u.end, 0.8, rank)
                s.mentions.append(m)
        for alt_owner in candidates:
            for alt in alt_owner.alt_labels:
                for hit in re.finditer(rf"\b{re.escape(alt)}\b", s.text):
                    if not any(m.start <= hit.start() < m.end for m in s.mentions):
                        s.mentions.append(
                            Mention(
                                NEW + alt_owner.id, "organisation", alt, hit.start(), hit.end(), 0.8
                            )
                        )
        s.mentions.sort(key=lambda m: m.start)
