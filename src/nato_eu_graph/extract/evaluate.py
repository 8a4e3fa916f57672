"""Score drafts against the facts a curator expects: precision and recall per fact type.

An evaluation folder holds releases and, beside each, ``<stem>.expected.yaml`` (see
tests/extract_eval/README.md). A draft is read back as the fact sheet ``load`` would read
(commented lines are not statements), its facts are put in the same form as the expected
ones, and names on both sides are resolved to the graph's things before they are
compared, so "DGEUMS" and "Director General of the EU Military Staff" are one post.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ParseError
from ..ingest.resolve import Resolver, normalise
from ..namespaces import ID
from .knowledge import Knowledge

FACT_TYPES = (
    "date",
    "place",
    "series",
    "participant",
    "role",
    "capacity",
    "on-behalf",
    "document",
    "topic",
    "ordinal",
    "tenure",
)
# How each part of a fact is resolved: a slot of the graph, or kept as written.
_PARTS = {
    "date": ("text",),
    "place": ("place",),
    "series": ("series",),
    "participant": ("agent",),
    "role": ("agent", "text"),
    "capacity": ("agent", "post"),
    "on-behalf": ("agent", "agent"),
    "document": ("document",),
    "topic": ("subject",),
    "ordinal": ("text",),
    "tenure": ("agent", "post", "text", "text"),
}
Facts = dict[str, set[str]]


@dataclass
class Case:
    """One release of the evaluation set and how its draft scored."""

    release: Path
    kind: str
    expected_kind: str
    expected: Facts
    found: Facts

    def hits(self, kind: str) -> int:
        return len(self.expected.get(kind, set()) & self.found.get(kind, set()))


@dataclass
class Score:
    cases: list[Case] = field(default_factory=list)

    def counts(
        self, types: Iterable[str], cases: Iterable[Case] | None = None
    ) -> tuple[int, int, int]:
        """(hits, expected, found) over the fact types and cases."""
        hit = exp = got = 0
        for case in self.cases if cases is None else cases:
            for t in types:
                hit += case.hits(t)
                exp += len(case.expected.get(t, set()))
                got += len(case.found.get(t, set()))
        return hit, exp, got

    def differences(self) -> list[str]:
        """Each release's missed and extra facts, a line each."""
        out = []
        for c in self.cases:
            if c.kind != c.expected_kind:
                out.append(f"{c.release.name}: kind {c.kind}, expected {c.expected_kind}")
            for t in FACT_TYPES:
                want, got = c.expected.get(t, set()), c.found.get(t, set())
                out += [f"{c.release.name}: missed {t}: {v}" for v in sorted(want - got)]
                out += [f"{c.release.name}: extra {t}: {v}" for v in sorted(got - want)]
        return out

    def rows(self) -> list[tuple[str, int, int, int, float, float]]:
        """Per fact type, then per release kind, then over all: hits, expected, found,
        precision and recall."""
        out = []
        for t in FACT_TYPES:
            out.append((t, *self._pr(self.counts([t]))))
        for kind in sorted({c.expected_kind for c in self.cases}):
            chosen = [c for c in self.cases if c.expected_kind == kind]
            out.append((f"kind: {kind}", *self._pr(self.counts(FACT_TYPES, chosen))))
        right = sum(c.kind == c.expected_kind for c in self.cases)
        share = right / max(1, len(self.cases))
        out.append(("kind said", right, len(self.cases), len(self.cases), share, share))
        out.append(("all facts", *self._pr(self.counts(FACT_TYPES))))
        return out

    @staticmethod
    def _pr(c: tuple[int, int, int]) -> tuple[int, int, int, float, float]:
        hit, exp, got = c
        return hit, exp, got, (hit / got if got else 1.0), (hit / exp if exp else 1.0)


def expected_of(path: Path) -> tuple[str, str | None, Facts]:
    """The kind, release date and facts of an ``.expected.yaml`` file."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ParseError(f"cannot read the expected facts: {exc}", file=str(path)) from None
    facts = doc.get("facts") or {}
    unknown = set(facts) - set(FACT_TYPES)
    if unknown:
        raise ParseError(
            f"unknown fact types: {', '.join(sorted(unknown))}",
            file=str(path),
            hint="fact types: " + ", ".join(FACT_TYPES),
        )
    date = doc.get("release_date")
    return (
        str(doc.get("kind", "unknown")),
        str(date) if date else None,
        {t: {str(v) for v in facts[t] or []} for t in facts},
    )


def draft_facts(text: str) -> tuple[str, Facts]:
    """The kind a draft says, and the facts it states (its active lines only)."""
    kind = next(
        (line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("# kind:")),
        "unknown",
    )
    doc: Any = yaml.safe_load(text) or {}
    out: dict[str, list[str]] = {t: [] for t in (*FACT_TYPES, "about")}
    labels = {str(d.get("id")): str(d.get("label")) for d in doc.get("documents") or []}
    for d in doc.get("documents") or []:
        out["document"].append(str(d.get("label")))
        _add(out, "date", d.get("issued"))
        _add(out, "ordinal", d.get("ordinal"))
        out["document"] += [_doc(x, labels) for x in d.get("reports_on") or []]
        out["topic"] += [str(x) for x in d.get("about") or []]
        out["participant"] += [str(x) for x in d.get("signatories") or []]
    for a in doc.get("adoptions") or []:
        out["document"].append(_doc(a.get("document"), labels))
        by = str(a.get("by"))
        out["participant"].append(by)
        out["role"].append(f"{by} | {_kind_word(a.get('kind'))}")
        _add(out, "date", a.get("date"))
    for t in doc.get("tenures") or []:
        person, post = str(t.get("person")), str(t.get("post"))
        out["participant"].append(person)
        out["capacity"].append(f"{person} | {post}")
        for edge in ("start", "end"):
            if t.get(edge):
                out["tenure"].append(f"{person} | {post} | {edge} | {t[edge]}")
                _add(out, "date", t[edge])
    for r in doc.get("recognitions") or []:
        out["topic"].append(str(r.get("domain")))
        out["participant"].append(str(r.get("by")))
        _add(out, "date", r.get("date"))
    for m in doc.get("meetings") or []:
        _meeting_facts(out, m, labels)
    return kind, {t: set(v) for t, v in out.items() if v}


def _meeting_facts(out: dict[str, list[str]], m: dict[str, Any], labels: dict[str, str]) -> None:
    _add(out, "date", m.get("date"))
    for key in ("place", "series", "ordinal"):
        _add(out, key, m.get(key))
    for x in m.get("about") or []:
        out["about"].append(_doc(x, labels))  # a document or a topic: told apart by the graph
    for p in m.get("participants") or []:
        who = str(p.get("who"))
        out["participant"].append(who)
        out["role"].append(f"{who} | {p.get('role')}")
        if p.get("capacity"):
            out["capacity"].append(f"{who} | {p['capacity']}")
        if p.get("on_behalf_of"):
            out["on-behalf"].append(f"{who} | {p['on_behalf_of']}")


def _add(out: dict[str, list[str]], key: str, value: object) -> None:
    if value not in (None, "", "TODO"):
        out[key].append(str(value))


def _doc(value: object, labels: dict[str, str]) -> str:
    text = str(value)
    return labels.get(text, labels.get(text.removeprefix("id:"), text))


def _kind_word(kind: object) -> str:
    return "presented to" if str(kind) in ("presented", "presented to") else str(kind)


class Normaliser:
    """Names to the graph's things, slot by slot, so that both sides compare alike."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver

    def facts(self, facts: Facts) -> Facts:
        return {t: {self.fact(t, v) for v in values} for t, values in facts.items()}

    def fact(self, kind: str, value: str) -> str:
        parts = [p.strip() for p in value.split(" | ")]
        slots = _PARTS[kind]
        return " | ".join(self.name(p, slots[min(k, len(slots) - 1)]) for k, p in enumerate(parts))

    def name(self, text: str, slot: str) -> str:
        if slot == "text":
            return normalise(text)
        if text.startswith("id:"):
            return ID + text[3:]
        from ..ingest.sheet import KINDS

        hits = sorted(set(self.resolver.lookup(text, types=KINDS.get(slot, ()))))
        return hits[0] if len(hits) == 1 else normalise(text)

    def split_about(self, facts: Facts) -> Facts:
        """A meeting's ``about`` items go to ``document`` or ``topic`` by what they name."""
        from ..ingest.sheet import KINDS

        about = facts.pop("about", set())
        for name in about:
            is_doc = bool(self.resolver.lookup(name, types=KINDS["document"]))
            facts.setdefault("document" if is_doc else "topic", set()).add(name)
        return facts


def score_case(release: Path, expected_file: Path, draft: str, normaliser: Normaliser) -> Case:
    kind, _, expected = expected_of(expected_file)
    said, found = draft_facts(draft)
    return Case(
        release,
        said,
        kind,
        normaliser.facts(expected),
        normaliser.facts(normaliser.split_about(found)),
    )


def releases_in(folder: Path) -> list[tuple[Path, Path]]:
    """(release, expected facts) pairs of an evaluation folder, in name order."""
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".txt", ".html", ".htm") or path.name.startswith("."):
            continue
        expected = path.with_name(path.stem + ".expected.yaml")
        if expected.is_file():
            out.append((path, expected))
    return out


def evaluate(folder: Path, knowledge: Knowledge, drafts: Path | None = None) -> Score:
    """Draft every release of ``folder`` and score the drafts against the expected facts."""
    from ..files import write_text_atomic
    from .draft import render_draft
    from .release import extract_file

    pairs = releases_in(folder)
    if not pairs:
        raise ParseError(
            "no release with expected facts beside it",
            file=str(folder),
            hint="put <name>.txt (or .html) and <name>.expected.yaml side by side",
        )
    normaliser = Normaliser(knowledge.resolver)
    score = Score()
    if drafts is not None:
        drafts.mkdir(parents=True, exist_ok=True)
    for release, expected in pairs:
        draft = render_draft(extract_file(release, knowledge))
        if drafts is not None:
            write_text_atomic(drafts / f"{release.stem}.yaml", draft)
        score.cases.append(score_case(release, expected, draft, normaliser))
    return score
