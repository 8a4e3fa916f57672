"""Regenerate docs/competency-questions.md from tests/competency_cases.py."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.competency_cases import render_doc  # noqa: E402

if __name__ == "__main__":
    out = ROOT / "docs" / "competency-questions.md"
    out.write_text(render_doc(), encoding="utf-8")
    print(f"wrote {out}")
