"""Regenerate docs/ontology.html from ontology/ with pyLODE (pip install '.[docs]')."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sources = [ROOT / "ontology" / "nato-eu-graph.ttl", ROOT / "ontology" / "vocabularies.ttl"]
    with tempfile.TemporaryDirectory() as tmp:
        merged = Path(tmp) / "ontology.ttl"
        merged.write_text("\n".join(p.read_text(encoding="utf-8") for p in sources), "utf-8")
        out = ROOT / "docs" / "ontology.html"
        cmd = [sys.executable, "-m", "pylode", str(merged), "-o", str(out), "-c", "true"]
        subprocess.run(cmd, check=True)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
