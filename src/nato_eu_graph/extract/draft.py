"""Write an extraction as a fact-sheet draft (docs/fact-sheets.md), for a curator.

Evidence and confidence go in YAML comments above each statement: ``load`` never sees
them, refuses nothing because of them, and the curator reads them beside what they
justify. Statements under the confidence threshold are written commented out; what only
a curator can supply is ``TODO``; names the graph does not know come last, as commented
``people:`` and ``organisations:`` entries ready to be uncommented.
"""

from __future__ import annotations

import json
import re
import textwrap

from .model import (
    ACTIVE,
    AdoptionDraft,
    Candidate,
    DocumentDraft,
    Extraction,
    MeetingDraft,
    Participant,
    Statement,
)

TODO = "TODO"
WIDTH = 96
_PLAIN = re.compile(r"[\w(][\w .,'()/&’–:-]*[\w.)]|\w")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when that reads back as the same text."""
    plain = (
        _PLAIN.fullmatch(value)
        and ": " not in value
        and " #" not in value
        and value.lower() not in _RESERVED
        and not value.endswith(":")
    )
    return value if plain else json.dumps(value, ensure_ascii=False)


def summary(ex: Extraction) -> str:
    """One line on what a draft holds, for the terminal."""
    parts = [ex.kind.value]
    for m in ex.meetings:
        parts.append(
            f"meeting of {m.date.value if m.date else 'unknown date'}, "
            f"{len(m.participants)} participants, {len(m.about)} subjects"
        )
    for label, items in (
        ("document", ex.documents),
        ("adoption", ex.adoptions),
        ("tenure", ex.tenures),
        ("recognition", ex.recognitions),
    ):
        if items:
            parts.append(f"{len(items)} {label}{'s' if len(items) != 1 else ''}")
    new = len(ex.candidates) + len(ex.documents)
    parts.append(f"{new} new name{'s' if new != 1 else ''} to review")
    return ", ".join(parts)


def render_draft(ex: Extraction) -> str:
    """The draft as YAML text, ready for a curator and then for ``load``."""
    out = _Lines()
    _header(ex, out)
    _sources(ex, out)
    _documents(ex.documents, out)
    _adoptions(ex.adoptions, out)
    _tenures(ex, out)
    _recognitions(ex, out)
    _meetings(ex, out)
    _candidates(ex.candidates, out)
    _footer(ex, out)
    return "\n".join(out).rstrip() + "\n"


class _Lines(list[str]):
    """Output lines; remembers the last evidence quoted, so a sentence is quoted once."""

    last: str = ""


def _comment(out: list[str], indent: str, text: str) -> None:
    for line in textwrap.wrap(text, WIDTH - len(indent) - 2, break_long_words=False) or [""]:
        out.append(f"{indent}# {line}".rstrip())


def _evidence(out: list[str], indent: str, st: Statement) -> None:
    note = f" ({st.note})" if st.note else ""
    same = isinstance(out, _Lines) and out.last == st.evidence
    _comment(out, indent, f"{st.confidence:.2f}{note} · " + ("〃" if same else st.evidence))
    if isinstance(out, _Lines):
        out.last = st.evidence


def _header(ex: Extraction, out: list[str]) -> None:
    _comment(out, "", f"Fact-sheet draft written by `nato-eu-graph extract` from {ex.file}.")
    _comment(
        out,
        "",
        "Review it before loading. Above each statement: its confidence (0-1) and the "
        f"sentence it rests on. Statements under {ACTIVE} are commented out; TODO marks what "
        "only a curator can supply. Then: nato-eu-graph load THIS-FILE --dry-run",
    )
    if ex.release_date is not None:
        _comment(out, "", f"Release dated {ex.release_date.value} ({ex.release_date.evidence}).")
    else:
        _comment(out, "", "TODO: the release's date (none found in its first lines)")
    _evidence(out, "", ex.kind)
    out.append(f"# kind: {ex.kind.value}")
    for note in ex.notes:
        _comment(out, "", "NOTE: " + note)
    out.append("")
    if not ex.source:
        _comment(out, "", "TODO: the web address of the release")
    out.append(f"source: {scalar(ex.source or TODO)}")
    out.append("")


def _sources(ex: Extraction, out: list[str]) -> None:
    if ex.source_described:
        return
    out.append("sources:")
    out.append(f"  - url: {scalar(ex.source or TODO)}")
    out.append(f"    title: {scalar(ex.title or TODO)}")
    if ex.publisher:
        _evidence(out, "    ", ex.publisher)
    else:
        _comment(out, "    ", "TODO: who published it (a name the graph knows)")
    out.append(f"    publisher: {scalar(ex.publisher.value if ex.publisher else TODO)}")
    out.append(f"    issued: {ex.release_date.value if ex.release_date else TODO}")
    out.append("")


def _meetings(ex: Extraction, out: list[str]) -> None:
    if not ex.meetings:
        return
    out.append("meetings:")
    for m in ex.meetings:
        _meeting(m, out)


def _meeting(m: MeetingDraft, out: list[str]) -> None:
    out.append(f"  - id: {scalar(m.id)}")
    out.append(f"    label: {scalar(m.label)}")
    fields = [
        ("date", m.date),
        ("end", m.end),
        ("place", m.place),
        ("series", m.series),
        ("ordinal", m.ordinal),
        ("next_planned", m.next_planned),
    ]
    for key, st in fields:
        if st is None:
            if key == "date":
                _comment(out, "    ", "TODO: the day of the meeting")
                out.append(f"    date: {TODO}")
            continue
        _statement(out, "    ", key, st)
    if m.about:
        out.append("    about:")
        for st in m.about:
            _item(out, "      ", st)
    if m.participants:
        out.append("    participants:")
        for p in m.participants:
            _participant(out, p)
    out.append("")


def _documents(docs: list[DocumentDraft], out: list[str]) -> None:
    if not docs:
        return
    out.append("documents:")
    for d in docs:
        _evidence(out, "  ", Statement(d.label, d.evidence, d.confidence, note="not in the graph"))
        out.append(f"  - id: {scalar(d.id)}")
        out.append(f"    label: {scalar(d.label)}")
        if d.type is None:
            _comment(out, "    ", "TODO: its type (strategy, policy, declaration, ...)")
            out.append(f"    type: {TODO}")
        else:
            _statement(out, "    ", "type", d.type)
        for key, st in (
            ("issued", d.issued),
            ("ordinal", d.ordinal),
            ("covers_from", d.covers_from),
            ("covers_to", d.covers_to),
        ):
            if st is not None:
                _statement(out, "    ", key, st)
        for key, items in (
            ("reports_on", d.reports_on),
            ("about", d.about),
            ("signatories", d.signatories),
        ):
            if items:
                out.append(f"    {key}:")
                for st in items:
                    _item(out, "      ", st)
    out.append("")


def _adoptions(adoptions: list[AdoptionDraft], out: list[str]) -> None:
    if not adoptions:
        return
    out.append("adoptions:")
    for a in adoptions:
        _evidence(out, "  ", Statement(a.kind, a.evidence, a.confidence))
        off = "# " if a.confidence < ACTIVE else ""
        out.append(f"  {off}- document: {scalar(_ref(a.document))}")
        out.append(f"  {off}  by: {scalar(a.by.value)}")
        out.append(f"  {off}  kind: {a.kind}")
        if a.date is None:
            out.append(f"  {off}  date: {TODO}")
        else:
            if a.date.note:
                _comment(out, "    ", a.date.note)
            out.append(f"  {off}  date: {a.date.value}")
    out.append("")


def _ref(st: Statement) -> str:
    """A document as the sheet names it: a new one by its id, a known one by its name."""
    if st.thing is not None and not st.thing.known:
        return "id:" + st.thing.iri.split(":", 1)[1]
    return st.value


def _tenures(ex: Extraction, out: list[str]) -> None:
    if not ex.tenures:
        return
    out.append("tenures:")
    for t in ex.tenures:
        _evidence(out, "  ", Statement(t.person.name, t.evidence, t.confidence))
        new = "  # new: declare it under people below" if not t.person.known else ""
        out.append(f"  - person: {scalar(t.person.name)}{new}")
        out.append(f"    post: {scalar(t.post.value)}")
        if t.start is not None:
            _statement(out, "    ", "start", t.start)
        if t.end is not None:
            if t.start is None:
                _comment(out, "    ", "TODO: the start of this tenure (or 'attested' with a day)")
                out.append(f"    attested: {TODO}")
            _statement(out, "    ", "end", t.end)
        if t.start is None and t.end is None:
            _comment(out, "    ", "TODO: the first day in the post")
            out.append(f"    start: {TODO}")
    out.append("")


def _recognitions(ex: Extraction, out: list[str]) -> None:
    if not ex.recognitions:
        return
    out.append("recognitions:")
    for r in ex.recognitions:
        _evidence(out, "  ", Statement(r.domain.value, r.evidence, r.confidence))
        out.append(f"  - domain: {scalar(r.domain.value)}")
        out.append(f"    by: {scalar(r.by.value)}")
        if r.date is not None:
            out.append(f"    date: {r.date.value}")
    out.append("")


def _statement(out: list[str], indent: str, key: str, st: Statement) -> None:
    _evidence(out, indent, st)
    off = "# " if st.confidence < ACTIVE else ""
    out.append(f"{indent}{off}{key}: {scalar(st.value)}")


def _item(out: list[str], indent: str, st: Statement) -> None:
    _evidence(out, indent, st)
    off = "# " if st.confidence < ACTIVE else ""
    out.append(f"{indent}{off}- {scalar(st.value)}")


def _participant(out: list[str], p: Participant) -> None:
    lines = _Lines()
    note = f"{p.rank} {p.who.name}".strip() if p.rank else ""
    lines.last = p.evidence if isinstance(out, _Lines) and out.last == p.evidence else ""
    _evidence(lines, "      ", Statement(p.who.name, p.evidence, p.confidence))
    new = "  # new: declare it under people/organisations below" if not p.who.known else ""
    rank = f"  # {note}" if note and not new else ""
    lines.append(f"      - who: {scalar(p.who.name)}{new}{rank}")
    lines.append(f"        role: {p.role}")
    for key, st in (
        ("capacity", p.capacity),
        ("representing", p.representing),
        ("on_behalf_of", p.on_behalf_of),
    ):
        if st is not None:
            _statement(lines, "        ", key, st)
    if p.about:
        lines.append("        about:")
        for st in p.about:
            _item(lines, "          ", st)
    if p.confidence < ACTIVE:
        lines[:] = [line if line.lstrip().startswith("#") else "# " + line for line in lines]
    out.extend(lines)
    if isinstance(out, _Lines):
        out.last = lines.last


def _candidates(candidates: list[Candidate], out: list[str]) -> None:
    for kind, section in (
        ("person", "people"),
        ("organisation", "organisations"),
        ("place", "places"),
        ("post", "posts"),
    ):
        chosen = [c for c in candidates if c.kind == kind]
        if not chosen:
            continue
        out.append("")
        _comment(
            out,
            "",
            "Not in the graph yet: uncomment to declare (check the id and the name), "
            "or correct the spelling in the text above.",
        )
        out.append(f"# {section}:")
        for c in chosen:
            _comment(out, "#   ", f"{c.confidence:.2f} · {c.evidence}")
            out.append(f"#   - id: {scalar(c.id)}")
            out.append(f"#     {'name' if kind == 'person' else 'label'}: {scalar(c.name)}")
            if kind == "place":
                out.append("#     type: site")
            if kind == "document":
                out.append("#     type: TODO")
            if c.rank:
                out.append(f"#     rank: {scalar(c.rank)}")
            if c.alt_labels:
                out.append(f"#     alt_labels: [{', '.join(scalar(a) for a in c.alt_labels)}]")
            if kind == "organisation":
                out.append("#     part_of: TODO")
            if kind == "post":
                out.append("#     in: TODO")


def _footer(ex: Extraction, out: list[str]) -> None:
    out.append("")
    known = ", ".join(
        f"{st.value}{' (written ' + repr(st.note[9:-1]) + ')' if st.note else ''}"
        for st in ex.known
    )
    _comment(out, "", "Known to the graph and named in the release: " + (known or "none"))
    if ex.unresolved:
        _comment(out, "", "Names that matched nothing: " + ", ".join(ex.unresolved))
