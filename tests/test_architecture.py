"""The package's shape: layers that import only downwards, short modules, each with its job.

docs/architecture.md describes the layers; this test keeps the code to it. Every import
of every module counts, including those inside functions and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "nato_eu_graph"
NAME = "nato_eu_graph"
MAX_LINES = 450
MAX_TOP_MODULES = 8

# Lower numbers sit lower. A module may import groups of its own rank or lower, except
# that the two groups of rank 4 (views, extract) are independent of each other.
LAYERS = {
    "": 0,  # the package itself: __version__
    "errors": 0,
    "namespaces": 0,
    "resources": 0,
    "files": 0,
    "store": 1,
    "ingest": 2,
    "query": 3,
    "views": 4,
    "extract": 4,
    "api": 5,
    "site": 5,
    "cli": 6,
    "__main__": 6,
}
APART = {frozenset(("views", "extract"))}


def group_of(module: str) -> str:
    """``nato_eu_graph.ingest.load`` -> ``ingest``; the package itself -> ``""``."""
    parts = module.split(".")
    assert parts[0] == NAME, module
    return parts[1] if len(parts) > 1 else ""


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Every module of this package that ``source`` imports, with the line of the import."""
    here = module.split(".") if is_package else module.split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == NAME]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != NAME:
                continue
            # `from ..query import catalog` imports the module nato_eu_graph.query.catalog
            found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
    return found


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    own = group_of(module)
    if module == NAME:  # the package's __init__ hands out the public API, lazily
        return []
    out = []
    for line, target in imported_modules(source, module, is_package):
        other = group_of(target) if group_of(target) in LAYERS else ""
        if LAYERS[other] > LAYERS[own] or frozenset((own, other)) in APART:
            out.append(f"{module} (line {line}) imports {target}: {own} may not use {other}")
    return out


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_group_has_a_layer() -> None:
    groups = {group_of(module_name(p)) for p in modules()}
    assert groups <= set(LAYERS), groups - set(LAYERS)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_only_downwards(path: Path) -> None:
    name = module_name(path)
    assert violations(path.read_text(encoding="utf-8"), name, path.name == "__init__.py") == []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("nato_eu_graph.store.embedded", "from ..ingest.load import load_files\n"),
        ("nato_eu_graph.ingest.load", "def f():\n    from ..query import catalog\n"),
        ("nato_eu_graph.views.draw", "from ..extract.model import Statement\n"),
        ("nato_eu_graph.extract.names", "from nato_eu_graph.views.project import view_graph\n"),
        ("nato_eu_graph.errors", "from .store.protocol import GraphStore\n"),
        ("nato_eu_graph.query.execute", "from ..cli.main import main\n"),
        ("nato_eu_graph.files", "from . import api\n"),
    ],
)
def test_the_check_catches_an_upward_import(module: str, source: str) -> None:
    assert len(violations(source, module)) == 1


def test_the_check_allows_downward_and_sibling_imports() -> None:
    source = (
        "from ..errors import GraphError\nfrom .. import __version__\n"
        "from ..store.protocol import GraphStore\nfrom .resolve import Resolver\n"
    )
    assert violations(source, "nato_eu_graph.ingest.load") == []


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_are_short_and_say_their_job(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_LINES, f"{path.name}: split it by what it does"
    if path.name != "__main__.py" or text.strip():
        assert ast.get_docstring(ast.parse(text)), f"{path.name} opens with no docstring"


def test_the_top_of_the_package_holds_only_what_every_layer_shares() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top
    assert {p.stem for p in PACKAGE.glob("*.py")} <= set(LAYERS) | {"__init__"}
