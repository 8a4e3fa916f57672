"""Names the graph does not know yet: people, bodies, places and documents a release
introduces, offered as candidates to declare, with surnames merged into the full name
given earlier. Generic words ("Conference", "Directors") are never offered.
"""

from __future__ import annotations

import re

from ..ingest.resolve import normalise
from .model import NEW, Analysed, Candidate
from .names import GENERIC, ORG_HEADS, Mention, Unknown

# The document type a new document's last words suggest (a value of neg:DocumentTypes).
DOC_TYPES = [
    (r"^(?:council )?conclusions\b", "policy"),  # conclusions on a report: not the report
    (r"joint declaration", "joint declaration"),
    (r"summit (?:declaration|communiqu[eé])|communiqu[eé]", "summit declaration"),
    (r"declaration|statement|pledge|charter", "declaration"),
    (r"arrangements?|agreement|exchange of letters", "arrangement"),
    (r"progress report", "progress report"),
    (r"report|assessment|review", "assessment report"),
    (r"strategic concept", "strategic concept"),
    (r"strategy|compass|roadmap|plan|initiative", "strategy"),
    (r"policy|framework|conclusions", "policy"),
    (r"proposals", "set of proposals"),
]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "unnamed"


def document_type(name: str) -> str:
    folded = normalise(name)
    return next((t for rx, t in DOC_TYPES if re.search(rx, folded)), "")


def _is_org_name(text: str) -> bool:
    words = [w.lower() for w in re.findall(r"\w+", text)]
    return len(words) >= 2 and any(w in ORG_HEADS for w in words)


def _generic(text: str) -> bool:
    words = [w.lower() for w in re.findall(r"[\w-]+", re.sub(r"['’]s$", "", text))]
    return not words or all(w in GENERIC for w in words)


# Words that follow a title ("Supreme Allied Commander, Transformation", "Commander ISAF")
# without being anyone's name.
NOT_NAMES = {"transformation", "europe", "operations", "atlantic", "africa", "forces"}


def _not_a_name(text: str) -> bool:
    words = re.sub(r"['’]s$", "", text).split()
    return len(words) == 1 and (words[0].isupper() or words[0].lower() in NOT_NAMES)


def find_candidates(sentences: list[Analysed]) -> list[Candidate]:
    found: dict[tuple[str, str], Candidate] = {}
    for s in sentences:
        for u in s.unknown:
            c = _candidate(u, s)
            if c is not None:
                found.setdefault((c.kind, normalise(c.name)), c)
    people = [c for c in found.values() if c.kind == "person"]
    others = [c for c in found.values() if c.kind != "person"]
    return _merge_surnames(people) + others


def _candidate(u: Unknown, s: Analysed) -> Candidate | None:
    if _generic(u.text) or s.sentence.foreign:
        return None
    name = re.sub(r"^the\s+", "", u.text, flags=re.IGNORECASE)
    if u.head == "document":  # "NATO's Readiness Action Plan": the plan's name has no owner
        name = re.sub(r"^(?:[A-Z][A-Za-z]*\s)?[A-Z]{2,}['’]s\s+", "", name)
    # "Common Security and Defence Policy", "... for Political Affairs and Security Policy":
    # the run after "and" or "for" is the tail of a longer name, not a document.
    tail = bool(re.search(r"\b(?:and|for|of|on)\s+$", s.text[: u.start]))
    if u.head == "document" and len(name.split()) >= 2 and not tail:
        more = re.match(
            r"\s+(?:on|of|for)\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*|and|of|the|for|on)\s*)*[A-Z][\w'’-]*",
            s.text[u.end :],
        )
        if more:  # "Final Report on the Common Security and Defence Policy"
            name += more.group(0)
        return Candidate("document", name, f"document/{slug(name)}", s.text, 0.6)
    if u.head == "place" and len(name.split()) >= 2:
        return Candidate("place", name, f"site/{slug(name)}", s.text, 0.6)
    if u.titled and not _is_org_name(u.text) and not _not_a_name(u.text):
        name = re.sub(r"['’]s$", "", u.text)
        return Candidate("person", name, f"person/{slug(name)}", s.text, 0.8, u.rank)
    if _is_org_name(u.text):
        alts = [u.acronym] if u.acronym else []
        return Candidate(
            "organisation", u.text, f"organisation/{slug(u.text)}", s.text, 0.6, alt_labels=alts
        )
    return None


def _merge_surnames(people: list[Candidate]) -> list[Candidate]:
    """ "General Korpela" after "Major General Anneli Korpela" is the same new person."""
    full = {normalise(c.name.split()[-1]) for c in people if len(c.name.split()) > 1}
    return [c for c in people if len(c.name.split()) > 1 or normalise(c.name) not in full]


def add_new_mentions(sentences: list[Analysed], candidates: list[Candidate]) -> None:
    """New things take part in sentences like known ones: by full name, a person by
    surname alone ("General Lindqvist"), a body by the acronym given after it."""
    names: dict[str, Candidate] = {}
    for c in candidates:
        names[normalise(c.name)] = c
        if c.kind == "person":
            names.setdefault(normalise(c.name.split()[-1]), c)
        for alt in c.alt_labels:
            names.setdefault(normalise(alt), c)
    for s in sentences:
        for u in s.unknown:
            text = re.sub(r"^the\s+", "", re.sub(r"['’]s$", "", u.text), flags=re.IGNORECASE)
            owner = names.get(normalise(text))
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
