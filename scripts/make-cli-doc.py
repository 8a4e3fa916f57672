"""Regenerate docs/cli.md from the commands' own --help texts."""

from __future__ import annotations

from pathlib import Path

from nato_eu_graph.cli.reference import render_reference

if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
    out.write_text(render_reference(), encoding="utf-8")
    print(f"wrote {out}")
