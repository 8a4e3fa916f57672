"""Names in a release: find the things the graph knows, by any of their labels.

Every run of up to ``MAX_TOKENS`` words is looked up among the graph's labels (through
the ``Resolver``, so matching ignores case, accents, dashes and possessives); the longest
match wins. Ranks and titles before a name are kept apart, as the person's rank. Runs of
capitalised words that match nothing get a second, fuzzy chance (difflib) against labels
with as many words and the same initial, so that "Wiermnan" still finds Wiermann. What
stays unknown after a rank or title is a candidate for a new person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher, get_close_matches

from ..ingest.resolve import RANKS, Resolver, normalise, strip_rank
from ..namespaces import FOAF, NEG, ORG, SCHEMA, SKOS
from .families import _core, _plural_documents, _singular_documents
from .lexicon import DOC_HEADS, GENERIC, ORG_HEADS, PLACE_HEADS, TITLES
from .mentions import MAX_TOKENS, Mention, Token, Unknown

__all__ = ["DOC_HEADS", "GENERIC", "ORG_HEADS", "PLACE_HEADS", "TITLES", "Mention", "Unknown"]

FUZZY_CUTOFF = 0.85  # difflib ratio; below it, a near-miss is more often another name
FUZZY_MIN_LENGTH = 5  # acronyms and short names are too easy to confuse

# Capitalised only for standing first in a sentence.
_OPENERS = {"on", "the", "both", "a", "an", "this", "these", "in", "at", "for", "with", "by"}
_TITLES_FOLDED = sorted({t.rstrip(".") for t in TITLES}, key=len, reverse=True)
_TITLES_SET = set(_TITLES_FOLDED)
_PARTICLES = {"van", "der", "den", "de", "von", "di", "da", "du", "la", "le", "del", "ter"}
_TOKEN = re.compile(r"\w+(?:['’\-‐‑–./&]\w+)*")

_RANK_WORDS = {r.split(" ")[0] for r in RANKS}
# Kinds by class, in order of preference when a thing has several classes.
_KIND_OF = [
    (FOAF + "Person", "person"),
    (ORG + "Post", "post"),
    (NEG + "MeetingSeries", "series"),
    (NEG + "Meeting", "meeting"),
    (NEG + "StrategicDocument", "document"),
    (NEG + "State", "state"),
    (ORG + "Site", "place"),
    (SCHEMA + "Place", "place"),
    (ORG + "FormalOrganization", "organisation"),
    (ORG + "Organization", "organisation"),
    (SKOS + "Concept", "concept"),
]
# Concept schemes whose labels are subjects of a meeting; the others ("host", "policy",
# "chair"...) are vocabulary words that would match ordinary prose.
SUBJECT_SCHEMES = (NEG + "OperationalDomains", NEG + "Topics", NEG + "CooperationAreas")
AGENT_KINDS = ("person", "organisation", "state")
SUBJECT_KINDS = ("document", "concept")


_POSSESSIVE = re.compile(r"(?<=\w)['’]s(?= \w)")


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


class NameIndex:
    """The graph's labels, ready to be found in prose."""

    def __init__(self, resolver: Resolver, keys: Iterable[str]) -> None:
        self.resolver = resolver
        self.kinds = {iri: _kind(resolver, iri) for iri in resolver.entities}
        self._starts: set[str] = set()  # the first word of every label, folded
        self._by_shape: dict[tuple[int, str], list[str]] = defaultdict(list)
        self._families: dict[str, list[tuple[int, str]]] = defaultdict(list)
        # "joint declaration" -> the dated documents so named (2016, 2018, 2023)
        self.singular: dict[str, set[tuple[int, str]]] = defaultdict(set)
        for key in keys:
            if not key:
                continue
            for form in (key, strip_rank(key)):
                self._starts.add(re.split(r"[\s,;:-]", form, maxsplit=1)[0])
            self._by_shape[(key.count(" "), key[0])].append(key)
            m = re.fullmatch(r"(.+) ((?:19|20)\d\d)", key)
            if m:
                for iri in resolver.lookup(key):
                    if self.kinds.get(iri) == "document":
                        self._families[m.group(1)].append((int(m.group(2)), iri))
                        self.singular[_core(m.group(1))].add((int(m.group(2)), iri))

    def may_start(self, word: str) -> bool:
        """Whether some label begins with ``word`` (or with a rank the resolver strips)."""
        folded = normalise(word)
        head = re.split(r"[\s,;:-]", folded, maxsplit=1)[0]
        return head in self._starts or head in _RANK_WORDS

    def lookup(self, text: str) -> list[str]:
        """Things of a kind extraction uses whose label is exactly ``text``, or ``text``
        without an owner's possessive inside it ("NATO's Deputy Secretary General")."""
        found = [i for i in self.resolver.lookup(text) if self.kinds.get(i)]
        plain = _POSSESSIVE.sub("", text)
        if found or plain == text:
            return found
        return [i for i in self.resolver.lookup(plain) if self.kinds.get(i)]

    def family(self, text: str) -> list[tuple[int, str]]:
        """For a plural ("Joint Declarations"): the dated documents of that name."""
        folded = normalise(text)
        if not folded.endswith("s") or len(folded) < 6:
            return []
        return sorted(set(self._families.get(folded[:-1], [])))

    def near(self, text: str) -> tuple[str, float] | None:
        """The one thing whose label is a near-miss of ``text``, with the ratio."""
        folded = strip_rank(normalise(text))
        if len(folded.replace(" ", "")) < FUZZY_MIN_LENGTH:
            return None
        keys = self._by_shape.get((folded.count(" "), folded[0]), [])
        close = get_close_matches(folded, keys, n=4, cutoff=FUZZY_CUTOFF)
        hits = {
            (iri, round(SequenceMatcher(None, folded, key).ratio(), 3))
            for key in close
            for iri in self.lookup(key)
            if self.kinds.get(iri) in ("person", "organisation", "post", "series")
        }
        if not hits:
            return None
        best = max(score for _, score in hits)
        top = {iri for iri, score in hits if score == best}
        return (top.pop(), best) if len(top) == 1 else None


def _kind(resolver: Resolver, iri: str) -> str:
    types = resolver.entities[iri].types
    for rdf_type, kind in _KIND_OF:
        if rdf_type in types:
            if kind == "concept" and not any(
                iri in resolver.schemes.get(s, set()) for s in SUBJECT_SCHEMES
            ):
                return ""
            return kind
    return ""


def find_names(
    text: str, index: NameIndex, year: int | None = None
) -> tuple[list[Mention], list[Unknown]]:
    """The known things named in one sentence (longest names first, then the subjects
    nested in subject names), and the capitalised names after a rank that match nothing."""
    toks = tokens(text)
    found: list[Mention] = []
    i = 0
    while i < len(toks):
        skip = _title_at(text, toks, i)
        if skip:
            i += skip  # "Air Commodore Jane Doe": no domain "Air" in a rank
            continue
        mention = _longest_at(text, toks, i, index)
        if mention is None:
            i += 1
            continue
        found.append(mention)
        i = next(
            k for k in range(i, len(toks) + 1) if k == len(toks) or toks[k].start >= mention.end
        )
    found = [_with_rank(text, toks, m) for m in found if not _qualified_post(text, m)]
    fuzzy, unknown = _near_misses(text, toks, found, index)
    found = sorted(found + fuzzy, key=lambda m: m.start)
    plural = _plural_documents(text, toks, found, index)
    named = _singular_documents(text, found + plural, index, year)
    singular = [m for m in named if m.kind == "document"]
    if named:
        unknown = [
            u for u in unknown if not any(m.start < u.end and u.start < m.end for m in named)
        ]
    if singular:
        unknown = [
            u for u in unknown if not any(m.start < u.end and u.start < m.end for m in singular)
        ]
        found = sorted(found + singular, key=lambda m: m.start)
    return found + plural + _nested(text, toks, found, index), unknown


_QUALIFIER = re.compile(
    r"\b(?:Assistant|Deputy|Vice|Acting|Former|Interim|Associate|Special|Executive)\s+$",
    re.IGNORECASE,
)


def _qualified_post(text: str, m: Mention) -> bool:
    """ "Assistant Secretary General of NATO" is not the Secretary General: a post named
    with a qualifier the graph's label lacks is another post."""
    return m.kind == "post" and bool(_QUALIFIER.search(text[: m.start]))


def _title_at(text: str, toks: list[Token], i: int) -> int:
    """How many words of a capitalised rank or title begin at word ``i`` (0: none), when
    a capitalised word follows it."""
    if not toks[i].text[0].isupper():
        return 0
    for n in range(min(4, len(toks) - 1 - i), 0, -1):
        phrase = normalise(text[toks[i].start : toks[i + n - 1].end]).rstrip(".")
        if phrase in _TITLES_SET and toks[i + n].text[0].isupper():
            return n
    return 0


def _longest_at(text: str, toks: list[Token], i: int, index: NameIndex) -> Mention | None:
    if not index.may_start(toks[i].text):
        return None  # no label begins with this word: skip the twelve look-ups
    for j in range(min(len(toks), i + MAX_TOKENS) - 1, i - 1, -1):
        surface = text[toks[i].start : toks[j].end]
        folded = normalise(surface)
        if strip_rank(folded) != folded:
            continue  # the name after the rank is found from the next word on
        hits = index.lookup(surface)
        if len(set(hits)) != 1:
            continue  # unknown, or ambiguous (several things share this label)
        iri = hits[0]
        kind = index.kinds[iri]
        if i == j and kind in (*AGENT_KINDS, "post") and not toks[i].text[0].isupper():
            continue  # "council", "commission" in lower case are ordinary words
        return Mention(iri, kind, surface, toks[i].start, toks[j].end)
    return None


def _with_rank(text: str, toks: list[Token], m: Mention) -> Mention:
    if m.kind != "person":
        return m
    rank = rank_before(text, m.start)
    return Mention(m.iri, m.kind, m.text, m.start, m.end, m.score, rank)


def rank_before(text: str, position: int) -> str:
    """The rank or title written just before ``position`` ("Lieutenant General ")."""
    before = text[:position].rstrip()
    folded = normalise(before)
    for title in _TITLES_FOLDED:
        if folded == title or folded.endswith(" " + title):
            words = len(title.split())
            parts = before.split()
            surface = " ".join(parts[-words:])
            # A title written in lower case is prose ("the general"), not a rank.
            if surface[:1].isupper():
                return surface
    return ""


def _near_misses(
    text: str, toks: list[Token], found: list[Mention], index: NameIndex
) -> tuple[list[Mention], list[Unknown]]:
    taken = [(m.start, m.end) for m in found]
    fuzzy: list[Mention] = []
    unknown: list[Unknown] = []
    for run in _split_at_heads(capitalised_runs(text, toks)):
        if run[0].start == toks[0].start and run[0].text.lower() in _OPENERS:
            run = run[1:]
        if run and rank_before(text, run[0].start):  # "Mr Pieter Brandsma of NATO's Staff"
            cut = next((k for k, t in enumerate(run) if t.text in ("of", "for")), len(run))
            run = run[:cut]
        if not run:
            continue
        start, end = run[0].start, run[-1].end
        inside = [m for m in found if start <= m.start and m.end <= end]
        head = head_of(run[-1].text)
        if head and inside and inside[-1].end < end and not _whole(inside, start, end):
            for m in inside:  # "EU Satellite Centre": a new body, not the EU
                found.remove(m)
            taken = [(m.start, m.end) for m in found]
        if any(s < end and start < e for s, e in taken):
            continue
        tail = re.match(r"\s+(?:" + "|".join(PLACE_HEADS) + r")\b", text[end:])
        if tail and not head:  # "the Berlaymont building"
            end, head = end + tail.end(), "place"
        surface = text[start:end]
        rank = rank_before(text, start)
        hit = None if head == "place" else index.near(surface)
        hit = hit or (index.near(run[-1].text) if len(run) > 1 and head != "place" else None)
        if hit is not None:
            iri, score = hit
            fuzzy.append(Mention(iri, index.kinds[iri], surface, start, end, score, rank))
        else:
            titled = bool(rank) or _after_post(text, start, found) or _after_title(text, run)
            after = re.match(r"\s*\(([A-Za-z][\w-]{1,15})\)", text[end:])
            unknown.append(
                Unknown(surface, start, end, rank, titled, after.group(1) if after else "", head)
            )
    return fuzzy, unknown


def _split_at_heads(runs: list[list[Token]]) -> list[list[Token]]:
    """ "European Defence Agency Jorge Domecq": a body's name, then a person's."""
    out = []
    for run in runs:
        cut = next(
            (
                k + 1
                for k, t in enumerate(run[:-2])
                if (t.text.lower() in ORG_HEADS or _ACRONYM.fullmatch(t.text))
                and run[k + 1].text not in ("of", "for")
                and not (_ACRONYM.fullmatch(t.text) and _named_thing(run[k + 1 :]))
            ),
            0,
        )
        out += [run[:cut], run[cut:]] if cut else [run]
    return [r for r in out if r]


_ACRONYM = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})?")  # "CERT-EU Freddy Dezeure": a body, a name


def _named_thing(rest: list[Token]) -> bool:
    """Whether words after an acronym name a thing ("EU Satellite Centre") or are not a
    first and last name."""
    words = [t.text for t in rest]
    return (
        len(words) > 3
        or any(w.isupper() or not w[:1].isupper() for w in words)
        or words[-1].lower() in ORG_HEADS | PLACE_HEADS | DOC_HEADS
    )


def head_of(word: str) -> str:
    """What a name ending in ``word`` names, by its head word ("" for none)."""
    w = word.lower()
    if w in ORG_HEADS:
        return "organisation"
    if w in PLACE_HEADS:
        return "place"
    if w in DOC_HEADS:
        return "document"
    return ""


def _whole(inside: list[Mention], start: int, end: int) -> bool:
    """A known thing's name covers the run but its last word ("NATO Summit")."""
    return len(inside) == 1 and inside[0].start == start and inside[0].kind in ("series",)


_TITLE_BEFORE = re.compile(
    r"\b(?:Chief Executive|Chief of Defen[cs]e|Chief of Staff|Director(?: General)?|Commander|"
    r"Chair(?:man|woman)?|Head|Minister|President|Secretary(?: General)?|Ambassador|"
    r"Representative|Governor|Prime Minister)\b[^.,;:]{0,70}$"
)


def _after_title(text: str, run: list[Token]) -> bool:
    """A first and last name right after a title phrase the graph does not know ("the
    Chief Executive of the European Defence Agency (EDA) Jorge Domecq")."""
    if not 2 <= len(run) <= 4 or run[-1].text.lower() in ORG_HEADS | PLACE_HEADS | DOC_HEADS:
        return False
    before = text[: run[0].start].rstrip()
    if re.search(r"\b(?:for|of|and|on|the|in|to|at)$", before, re.IGNORECASE):
        return False  # "Secretary General for Political Affairs": the title goes on
    return bool(_TITLE_BEFORE.search(before + " "))


def _after_post(text: str, start: int, found: list[Mention]) -> bool:
    """A name right after a post ("NATO Deputy Secretary General Jane Doe")."""
    return any(
        m.kind == "post" and m.end <= start and text[m.end : start].strip(" ,") == "" for m in found
    )


def capitalised_runs(text: str, toks: list[Token]) -> list[list[Token]]:
    """Runs of capitalised words (with name particles inside: "van der Laan"), leaving out
    rank and title words; a run breaks at punctuation."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for k, tok in enumerate(toks):
        gap = text[toks[k - 1].end : tok.start] if k else " "
        word = tok.text
        capital = word[0].isupper() and not _is_title_word(word)
        following = toks[k + 1].text if k + 1 < len(toks) else ""
        joins = word in _PARTICLES or (word in ("of", "for") and following[:1].isupper())
        particle = joins and current and following
        if current and gap.strip():
            runs.append(current)
            current = []
        if capital or (particle and current):
            current.append(tok)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [_trim_particles(r) for r in runs if r and r[0].text[0].isupper()]


def _trim_particles(run: list[Token]) -> list[Token]:
    while run and run[-1].text.lower() in _PARTICLES:
        run = run[:-1]
    return run


_TITLE_WORDS = {w for t in TITLES for w in t.replace(".", "").split()}


def _is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in _TITLE_WORDS


def _nested(text: str, toks: list[Token], found: list[Mention], index: NameIndex) -> list[Mention]:
    """Subjects named inside the name of a subject: the domain "space" inside the topic
    "NATO space activities"; the dated documents behind a plural ("Joint Declarations")."""
    out: list[Mention] = []
    for outer in found:
        if outer.kind not in SUBJECT_KINDS:
            continue
        inner = [t for t in toks if outer.start <= t.start and t.end <= outer.end]
        seen = {outer.iri}
        for a in range(len(inner)):
            for b in range(a, min(len(inner), a + MAX_TOKENS)):
                surface = text[inner[a].start : inner[b].end]
                for iri in _subjects(surface, index):
                    if iri not in seen:
                        seen.add(iri)
                        out.append(
                            Mention(
                                iri,
                                index.kinds[iri],
                                surface,
                                inner[a].start,
                                inner[b].end,
                                0.9,
                                nested=True,
                            )
                        )
    return out


def _subjects(surface: str, index: NameIndex) -> list[str]:
    hits = [i for i in index.lookup(surface) if index.kinds[i] in SUBJECT_KINDS]
    single = hits if len(hits) == 1 else []
    return single + [iri for _, iri in index.family(surface)]
