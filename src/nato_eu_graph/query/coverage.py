"""Coverage: what the graph holds per area and year, and the gaps a curator should fill.

It reads the store through named queries (facts-per-year, series-rhythm, post-gaps,
facts-per-publisher, identifier-coverage, facts-without-source) and renders one report as
a terminal table, JSON or Markdown; docs/coverage.md is the Markdown report of the curated
data. A series with a rhythm (neg:meetingsPerYear) is short in every year, from its first
recorded meeting to the latest meeting the graph records in any series, with fewer
meetings than the rhythm; a post has a gap wherever no recorded tenure holds.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from ..errors import QueryError
from ..store.protocol import GraphStore
from .catalog import get
from .execute import QueryResult, run, run_named

AREAS = (
    "memberships",
    "tenures",
    "meetings",
    "participations",
    "documents",
    "adoptions",
    "recognitions",
)
POSTS = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?post ?name WHERE {
  ?post a org:Post ; skos:prefLabel ?name . FILTER(lang(?name) = "en")
} ORDER BY ?name"""


@dataclass
class SeriesGaps:
    series: str
    per_year: int
    first_year: int
    last_year: int
    short_years: list[tuple[int, int]]  # (year, meetings recorded), fewer than per_year


@dataclass
class PostGap:
    post: str
    after: str
    first_day: str
    last_day: str  # "" when no later holder is recorded
    next: str


@dataclass
class Coverage:
    facts_per_year: dict[str, dict[int, int]] = field(default_factory=dict)
    series: list[SeriesGaps] = field(default_factory=list)
    unrhythmic: list[str] = field(default_factory=list)  # series with no rhythm given
    post_gaps: list[PostGap] = field(default_factory=list)
    publishers: list[tuple[str, int, int]] = field(default_factory=list)  # name, pages, facts
    identifiers: list[tuple[str, int, int]] = field(default_factory=list)  # kind, n, linked
    unsourced: list[str] = field(default_factory=list)


def coverage(
    store: GraphStore,
    *,
    timeout: float | None = None,
    answers: Mapping[str, QueryResult] | None = None,
) -> Coverage:
    """Measure the store; each of its queries gives up after ``timeout`` seconds (a
    QueryError), when given. ``answers`` holds named queries already run without
    parameters on this store (the site runs them all for its pages): they are not run
    again."""

    def named(name: str) -> QueryResult:
        if answers is not None and name in answers:
            return answers[name]
        return run_named(store, get(name), timeout=timeout)

    cov = Coverage(facts_per_year={a: {} for a in AREAS})
    for row in named("facts-per-year").values():
        cov.facts_per_year.setdefault(str(row["area"]), {})[int(str(row["year"]))] = int(
            str(row["facts"])
        )
    _series(named("series-rhythm"), cov)
    _posts(store, cov, timeout)
    cov.publishers = [
        (str(r["name"]), int(str(r["pages"])), int(str(r["facts"])))
        for r in named("facts-per-publisher").values()
    ]
    cov.identifiers = [
        (str(r["kind"]), int(str(r["things"])), int(str(r["withWikidata"])))
        for r in named("identifier-coverage").values()
    ]
    cov.unsourced = [str(r["fact"]) for r in named("facts-without-source").values()]
    return cov


def _series(rhythms: QueryResult, cov: Coverage) -> None:
    rows = rhythms.values()
    years = [int(str(r["year"])) for r in rows if r["year"]]
    horizon = max(years, default=0)
    counts: dict[str, dict[int, int]] = {}
    rhythm: dict[str, int | None] = {}
    for r in rows:
        name = str(r["name"])
        rhythm[name] = int(str(r["perYear"])) if r["perYear"] else None
        if r["year"]:
            counts.setdefault(name, {})[int(str(r["year"]))] = int(str(r["meetings"]))
    for name in sorted(rhythm):
        per_year, seen = rhythm[name], counts.get(name, {})
        if per_year is None or not seen:
            cov.unrhythmic.append(name)
            continue
        first = min(seen)
        short = [
            (y, seen.get(y, 0)) for y in range(first, horizon + 1) if seen.get(y, 0) < per_year
        ]
        cov.series.append(SeriesGaps(name, per_year, first, horizon, short))


def _posts(store: GraphStore, cov: Coverage, timeout: float | None) -> None:
    """The post-gaps query once for every post (its ?post left free), not once a post:
    the same answers, one pass over the tenures."""
    text = get("post-gaps").text
    if "SELECT ?after " not in text:
        raise QueryError("the post-gaps query no longer starts its SELECT with ?after")
    text = text.replace("SELECT ?after ", "SELECT ?post ?after ", 1)
    rows = run(store, text, timeout=timeout).values()
    by_post: dict[str, dict[tuple[str, str, str], list[str]]] = {}
    for r in rows:
        key = (str(r["afterName"]), str(r["from"]), str(r["to"] or ""))
        by_post.setdefault(str(r["post"]), {}).setdefault(key, []).append(str(r["nextName"] or ""))
    # Sorted here: engines order language-tagged names differently.
    posts = sorted(run(store, POSTS, timeout=timeout).values(), key=lambda r: str(r["name"]))
    for post in posts:
        found = by_post.get(str(post["post"]), {})
        for (after, first, last), nexts in sorted(found.items(), key=lambda kv: kv[0][1]):
            following = " / ".join(sorted(n for n in nexts if n))
            cov.post_gaps.append(PostGap(str(post["name"]), after, first, last, following))


# ---------------------------------------------------------------------------- rendering


def as_json(cov: Coverage) -> str:
    data = asdict(cov)
    data["facts_per_year"] = {
        a: {str(y): n for y, n in sorted(ys.items())} for a, ys in cov.facts_per_year.items()
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _table(header: list[str], rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        cells = [header, ["---"] * len(header), *rows]
        return ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in cells]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in [header, *rows]
    ]
    return [line[0], "  ".join("-" * w for w in widths), *line[1:]]


def as_text(cov: Coverage, *, markdown: bool = False) -> str:
    """The report as a terminal table or (``markdown``) as docs/coverage.md."""
    h = (lambda t: [f"## {t}", ""]) if markdown else (lambda t: [t, "=" * len(t)])
    out = (
        [
            "# Coverage of the graph",
            "",
            "What the curated graph holds, per area and year, and the gaps a curator should fill.",
            "Generated from the store by `nato-eu-graph coverage --format markdown` (here through",
            "`python scripts/make-coverage-doc.py`); a test fails when this page and the data",
            "disagree.",
            "",
        ]
        if markdown
        else []
    )
    years = sorted({y for ys in cov.facts_per_year.values() for y in ys})
    out += h("Facts per area and year")
    rows = [[str(y)] + [str(cov.facts_per_year[a].get(y, "")) for a in AREAS] for y in years]
    rows.append(["all"] + [str(sum(cov.facts_per_year[a].values())) for a in AREAS])
    out += [*_table(["year", *AREAS], rows, markdown), ""]
    out += h("Meeting series below their rhythm")
    for s in cov.series:
        short = ", ".join(f"{y} ({n})" for y, n in s.short_years) or "none"
        out.append(
            f"- {s.series}: {s.per_year} a year, {s.first_year}-{s.last_year}; "
            f"years short (meetings recorded): {short}"
        )
    if cov.unrhythmic:
        out.append("- no rhythm given, so no gaps counted: " + "; ".join(cov.unrhythmic))
    out += ["", *h("Days a post had no recorded holder")]
    gap_rows = [
        [g.post, g.after, g.first_day, g.last_day or "(none recorded)", g.next or "-"]
        for g in cov.post_gaps
    ]
    out += [*_table(["post", "after", "from", "to", "next holder"], gap_rows, markdown), ""]
    out += h("Facts per source publisher")
    pub_rows = [[name, str(pages), str(facts)] for name, pages, facts in cov.publishers]
    out += [*_table(["publisher", "pages", "facts"], pub_rows, markdown), ""]
    out += h("Things with a Wikidata identifier")
    id_rows = [
        [kind, str(n), str(linked), f"{100 * linked / n:.0f}%" if n else "-"]
        for kind, n, linked in cov.identifiers
    ]
    out += [*_table(["things", "all", "with Wikidata", "share"], id_rows, markdown), ""]
    out += h("Facts without a source")
    out.append(", ".join(cov.unsourced) if cov.unsourced else "none")
    return "\n".join(out) + "\n"
