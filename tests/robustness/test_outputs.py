"""Outputs land exactly where asked, and nowhere else: a listing of the surrounding
folders before and after each command shows only the requested file (or folder)."""

from __future__ import annotations

from pathlib import Path

from ..conftest import run_cli


def listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def sandbox(tmp_path: Path) -> tuple[Path, Path]:
    """``tmp/sandbox/work`` as the working folder; the store lives elsewhere."""
    work = tmp_path / "sandbox" / "work"
    work.mkdir(parents=True)
    return tmp_path / "sandbox", work


def test_export_to_a_parent_folder_writes_only_that_file(store_copy: Path, tmp_path: Path) -> None:
    root, work = sandbox(tmp_path)
    before = listing(root)
    run_cli("export", "-o", "../x.nq", "--store", str(store_copy), cwd=work, check=True)
    assert listing(root) - before == {"x.nq"}
    assert before <= listing(root)


def test_report_writes_only_its_file(store_copy: Path, tmp_path: Path) -> None:
    root, work = sandbox(tmp_path)
    before = listing(root)
    run_cli("report", "-o", "r.md", "--store", str(store_copy), cwd=work, check=True)
    assert listing(root) - before == {"work/r.md"}


def test_visualize_all_writes_only_inside_its_folder(store_copy: Path, tmp_path: Path) -> None:
    root, work = sandbox(tmp_path)
    before = listing(root)
    run_cli("visualize", "--all", "-o", "views", "--store", str(store_copy), cwd=work, check=True)
    added = listing(root) - before
    assert "work/views/index.html" in added
    assert all(p == "work/views" or p.startswith("work/views/") for p in added), added


def test_an_output_that_is_a_symlink_is_replaced_not_followed(
    store_copy: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n")
    _root, work = sandbox(tmp_path)
    (work / "x.nq").symlink_to(outside)
    run_cli("export", "-o", "x.nq", "--store", str(store_copy), cwd=work, check=True)
    assert outside.read_text() == "precious\n"
    assert not (work / "x.nq").is_symlink() and (work / "x.nq").stat().st_size > 1000
