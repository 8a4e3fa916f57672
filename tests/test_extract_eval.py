"""The evaluation set of ``extract`` (tests/extract_eval): the floors the issue sets, and
that every draft loads once a curator's TODOs are filled.

The floors: precision at least 0.97 and recall at least 0.94 over all facts, and no kind
of release under 0.87 recall (the issue asked for 0.95, 0.90 and 0.85; the rules added for
real releases raised the figures to 0.99, 0.96 and 0.89, and the floors with them). The
releases are written for this project; the scorer and its reading of drafts are tested on
small made-up cases first, so that a scorer bug cannot pass the floors by itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from nato_eu_graph.extract.evaluate import (
    FACT_TYPES,
    Normaliser,
    Score,
    draft_facts,
    evaluate,
    expected_of,
    releases_in,
)
from nato_eu_graph.extract.knowledge import Knowledge
from nato_eu_graph.ingest.load import load_files
from nato_eu_graph.store.embedded import EmbeddedStore

EVAL = Path(__file__).parent / "extract_eval"
KINDS = {
    "staff-conference",
    "council-meeting",
    "leaders-meeting",
    "signing",
    "progress-report",
    "endorsement",
    "appointment",
    "recognition",
    "unknown",
}


@pytest.fixture(scope="module")
def knowledge(built_store: EmbeddedStore) -> Knowledge:
    return Knowledge.from_store(built_store)


@pytest.fixture(scope="module")
def score(knowledge: Knowledge) -> Score:
    return evaluate(EVAL, knowledge)


def test_the_set_is_large_and_covers_every_kind() -> None:
    pairs = releases_in(EVAL)
    assert len(pairs) >= 30
    kinds = {expected_of(e)[0] for _, e in pairs}
    assert kinds == KINDS
    assert any(r.suffix == ".html" for r, _ in pairs)


def test_precision_and_recall_meet_the_floors(score: Score) -> None:
    rows = {r[0]: r for r in score.rows()}
    _, hits, expected, found, precision, recall = rows["all facts"]
    assert expected >= 400 and hits <= found
    assert precision >= 0.97, score.differences()
    assert recall >= 0.94, score.differences()
    for kind in KINDS - {"unknown"}:
        assert rows[f"kind: {kind}"][5] >= 0.87, (kind, score.differences())
    assert rows["kind said"][4] >= 0.9


def test_every_fact_type_is_tested(score: Score) -> None:
    expected = {t for c in score.cases for t in c.expected}
    assert expected == set(FACT_TYPES)


def test_the_scorer_counts_misses_and_extras(knowledge: Knowledge) -> None:
    draft = """# kind: staff-conference
meetings:
  - id: meeting/x
    label: X
    date: 2019-11-25
    place: NATO headquarters
    participants:
      - who: Jan Broeks
        role: host
        capacity: DGIMS
      - who: Esa Pulkkinen
        role: host
      # - who: Someone Commented
      #   role: guest
"""
    kind, found = draft_facts(draft)
    assert kind == "staff-conference"
    assert found["participant"] == {"Jan Broeks", "Esa Pulkkinen"}
    norm = Normaliser(knowledge.resolver)
    # "DGIMS" and the post's full name are one post; a wrong role is a miss and an extra.
    facts = norm.facts(found)
    expected = norm.facts(
        {
            "capacity": {"Jan Broeks | Director General of the NATO International Military Staff"},
            "role": {"Jan Broeks | host", "Esa Pulkkinen | guest"},
        }
    )
    assert facts["capacity"] == expected["capacity"]
    assert len(facts["role"] & expected["role"]) == 1


# ------------------------------------------------------------ drafts load once filled in


def _answers(expected: Path) -> dict[str, str]:
    _kind, day, facts = expected_of(expected)
    dates = sorted(facts.get("date", set()))
    return {"day": day or (dates[0] if dates else "2020-01-01"), "event": dates[0] if dates else ""}


def _fill(draft: str, stem: str, answers: dict[str, str]) -> dict[str, Any]:
    """What a curator does with a draft: give the TODOs their values, and declare the new
    names it offers (uncommenting them)."""
    url = f"https://example.org/extract-eval/{stem}"
    active: dict[str, Any] = yaml.safe_load(draft) or {}
    offered, inside = [], False
    for line in draft.splitlines():
        if re.fullmatch(r"# (people|organisations|places|documents|posts):", line):
            inside = True
        elif not line.startswith("#   "):
            inside = False
        if inside:
            offered.append(line[2:])
    extra: dict[str, Any] = yaml.safe_load("\n".join(offered)) or {}
    for key, entries in extra.items():
        active.setdefault(key, []).extend(entries)
    text = yaml.safe_dump(active, allow_unicode=True, sort_keys=False)
    event = answers["event"] or answers["day"]
    for pattern, value in (
        (r"(source|url): TODO", rf"\1: {url}"),
        (r"title: TODO", "title: An evaluation release"),
        (r"publisher: TODO", "publisher: NATO"),
        (r"issued: TODO", f"issued: '{answers['day']}'"),
        (r"(date|start|attested): TODO", rf"\1: '{event}'"),
        (r"type: TODO", "type: policy"),
        (r"part_of: TODO", "part_of: NATO"),
        (r"in: TODO", "in: NATO"),
    ):
        text = re.sub(rf"\b{pattern}", value, text)
    assert "TODO" not in text, text
    return yaml.safe_load(text)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "release, expected", releases_in(EVAL), ids=lambda p: p.stem if isinstance(p, Path) else ""
)
def test_each_draft_loads_once_filled_in(
    release: Path, expected: Path, knowledge: Knowledge, store_copy: Path, tmp_path: Path
) -> None:
    from nato_eu_graph.extract.draft import render_draft
    from nato_eu_graph.extract.release import extract_file

    draft = render_draft(extract_file(release, knowledge))
    sheet = tmp_path / f"{release.stem}.yaml"
    sheet.write_text(
        yaml.safe_dump(_fill(draft, release.stem, _answers(expected)), allow_unicode=True),
        encoding="utf-8",
    )
    store = EmbeddedStore.open(store_copy)
    try:
        report = load_files(store, [sheet], dry_run=True)
    finally:
        store.close()
    assert report.dry_run
