"""Regenerate docs/coverage.md: the coverage report of the curated data, from a store built
anew in a temporary folder (so no store of the user's is read or changed)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from nato_eu_graph.ingest.build import build
from nato_eu_graph.query.coverage import as_text, coverage
from nato_eu_graph.store.embedded import EmbeddedStore

if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "docs" / "coverage.md"
    with tempfile.TemporaryDirectory() as folder:
        store = EmbeddedStore.open(Path(folder) / "store", create=True)
        build(store, validate=False)
        out.write_text(as_text(coverage(store), markdown=True), encoding="utf-8")
        store.close()
    print(f"wrote {out}")
