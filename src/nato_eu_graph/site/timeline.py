"""The timeline: memberships (the enlargements), tenures by post, meetings by channel and
documents, drawn with vis-timeline (inlined, no network), with filters and a day cursor
that lists what held on that day; and the small static timeline (SVG, no script) on the
pages of people and posts.
"""

from __future__ import annotations

import json
from datetime import date
from importlib.resources import files

from ..namespaces import DCT, NEG, ORG, SCHEMA
from .graph import SiteGraph
from .html import esc, json_for_script, page

TEMPLATES = files(__package__).joinpath("templates")


# The standalone build adds its own style elements, which the page's policy refuses (and
# reports); the same rules are inlined from its CSS file, admitted by hash. So its style
# injector is turned off, the one change made to the library when it is inlined.
INJECTOR = (
    'function b(t,e){void 0===e&&(e={});var i=e.insertAt;if(t&&"undefined"!=typeof document){'
)
QUIET = "function b(t,e){void 0===e&&(e={});var i=e.insertAt;if(!1){"


def _asset(name: str) -> str:
    text = TEMPLATES.joinpath(name).read_text(encoding="utf-8")
    text = "\n".join(line for line in text.split("\n") if "sourceMappingURL=" not in line)
    if name.startswith("vis-timeline") and name.endswith(".js"):
        if text.count(INJECTOR) != 1:
            raise RuntimeError("the bundled vis-timeline is not the one the site expects")
        text = text.replace(INJECTOR, QUIET)
    return text


def _first(g: SiteGraph, iri: str, prop: str) -> str:
    values = sorted(o.value for _, p, o in g.out.get(iri, []) if p.value == prop)
    return values[0] if values else ""


def items(g: SiteGraph, today: date) -> tuple[list[dict[str, object]], list[dict[str, str]]]:
    """Timeline items and groups. Open tenures and memberships run to ``today``. Every
    text is escaped here: vis-timeline writes item contents and tooltips as HTML."""
    out: list[dict[str, object]] = []
    groups: dict[str, dict[str, str]] = {}

    def group(gid: str, name: str, kind: str) -> str:
        groups.setdefault(gid, {"id": gid, "content": esc(name), "kind": kind})
        return gid

    for fact in sorted(g.facts):
        types = g.types[fact]
        start = _first(g, fact, SCHEMA + "startDate")[:10]
        end = _first(g, fact, SCHEMA + "endDate")[:10]
        if not start:
            continue
        if ORG + "Membership" in types:
            who, org = _first(g, fact, ORG + "member"), _first(g, fact, ORG + "organization")
            gid = group("m:" + org, "Members of " + g.label(org), "organisation")
            out.append(_item(g, fact, gid, g.label(who), start, end or today.isoformat(), who))
        elif NEG + "Tenure" in types:
            who, post = _first(g, fact, ORG + "member"), _first(g, fact, NEG + "post")
            gid = group("p:" + post, g.label(post), "post")
            out.append(_item(g, fact, gid, g.label(who), start, end or today.isoformat(), who))
    for iri in g.things:
        types = g.types.get(iri, set())
        if NEG + "Meeting" in types:
            series = _first(g, iri, SCHEMA + "superEvent")
            gid = group("s:" + series, g.label(series) if series else "Other meetings", "series")
            start = _first(g, iri, SCHEMA + "startDate")[:10]
            if start:
                out.append(
                    _item(
                        g,
                        iri,
                        gid,
                        g.label(iri),
                        start,
                        _first(g, iri, SCHEMA + "endDate")[:10],
                        iri,
                    )
                )
        elif NEG + "StrategicDocument" in types:
            issued = _first(g, iri, DCT + "issued")[:10]
            if len(issued) == 10:
                gid = group("documents", "Documents", "documents")
                out.append(_item(g, iri, gid, g.label(iri), issued, "", iri))
    return out, sorted(groups.values(), key=lambda x: (x["kind"], x["content"]))


def _item(
    g: SiteGraph, key: str, gid: str, text: str, start: str, end: str, target: str
) -> dict[str, object]:
    item: dict[str, object] = {
        "id": key,
        "group": gid,
        "content": esc(text),
        "title": esc(f"{text}: {start}" + (f" to {end}" if end and end != start else "")),
        "text": f"{text}: {start}" + (f" to {end}" if end and end != start else ""),
        "start": start,
        "href": g.paths.get(target, ""),
    }
    if end and end > start:
        item["end"] = end
        item["type"] = "range"
    else:
        item["type"] = "point"
    return item


def timeline_page(g: SiteGraph, today: date) -> str:
    data, groups = items(g, today)
    body = (
        "<h1>Timeline</h1>"
        '<p class="muted">Memberships, posts and their holders, meetings by channel and '
        "documents. Tick what to show; pick a day to list what held on it; click an item "
        "for its page.</p>"
        '<form class="filters" id="filters" aria-label="what to show"></form>'
        '<p><label>Day <input type="date" id="day"></label> '
        '<span id="held" class="muted"></span></p>'
        '<div id="timeline"></div><ul id="on-day"></ul>'
        "<noscript><p>The timeline needs JavaScript; every item is also on the pages of "
        "the things it concerns.</p></noscript>"
    )
    payload = json_for_script(
        json.dumps({"items": data, "groups": groups}, ensure_ascii=False, sort_keys=True)
    )
    return page(
        "timeline.html",
        "Timeline",
        body,
        scripts=(_asset("vis-timeline-graph2d.min.js"), _asset("timeline.js")),
        styles=(_asset("vis-timeline-graph2d.min.css"),),
        data=payload,
    )


def small_timeline(g: SiteGraph, path: str, iri: str, today: date) -> str:
    """An SVG of the tenures a person held or a post had, drawn without script."""
    rows = []
    for fact in g.facts_of(iri):
        if NEG + "Tenure" not in g.types[fact]:
            continue
        start = _first(g, fact, SCHEMA + "startDate")[:10]
        if not start:
            continue
        end = _first(g, fact, SCHEMA + "endDate")[:10] or today.isoformat()
        other = (
            _first(g, fact, NEG + "post")
            if _first(g, fact, ORG + "member") == iri
            else _first(g, fact, ORG + "member")
        )
        rows.append((start, end, g.label(other)))
    if not rows:
        return ""
    rows.sort()
    lo, hi = date.fromisoformat(rows[0][0]), max(date.fromisoformat(r[1]) for r in rows)
    span = max(1, (hi - lo).days)
    width, bar = 720, 18
    parts = []
    for k, (start, end, name) in enumerate(rows):
        x = round((date.fromisoformat(start) - lo).days / span * (width - 10))
        w = max(
            3,
            round((date.fromisoformat(end) - date.fromisoformat(start)).days / span * (width - 10)),
        )
        y = k * (bar + 6)
        tip = esc(f"{name}: {start} to {end}")
        parts.append(
            f'<g><title>{tip}</title><rect x="{x}" y="{y}" width="{w}" height="{bar}" '
            f'fill="#1f4e8c" opacity="0.75"></rect>'
            f'<text x="{min(x + 4, width - 200)}" y="{y + 13}" font-size="11" fill="#111">'
            f"{esc(name)} ({esc(start[:4])}–{esc(end[:4])})</text></g>"
        )
    height = len(rows) * (bar + 6)
    return (
        f'<h2>In time</h2><svg role="img" aria-label="tenures over time" width="100%" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(parts)
        + "</svg>"
    )
