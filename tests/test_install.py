"""The installed package carries ontology/, data/ and queries/ and works from anywhere."""

from __future__ import annotations

from pathlib import Path

from nato_eu_graph.resources import data_dir, ontology_dir, queries_dir

from .conftest import REPO, run_cli


def test_resources_exist() -> None:
    for folder in (ontology_dir(), data_dir(), queries_dir()):
        assert folder.is_dir(), folder
    assert (ontology_dir() / "nato-eu-graph.ttl").is_file()
    assert list((ontology_dir() / "shapes").glob("*.ttl"))
    assert list(data_dir().glob("*.ttl"))


def test_installed_copy_matches_the_repository() -> None:
    # Under ./run test the package is a real install: its resources are its own copies,
    # and they must be the same files as the repository's.
    for folder in (ontology_dir(), data_dir(), queries_dir()):
        for path in folder.rglob("*"):
            if path.is_file():
                twin = REPO / folder.name / path.relative_to(folder)
                assert twin.read_bytes() == path.read_bytes(), twin


def test_build_and_info_from_an_unrelated_directory(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    store = tmp_path / "store"
    built = run_cli("build", "--store", str(store), cwd=elsewhere)
    assert built.returncode == 0, built.stderr
    assert "added" in built.stdout
    shown = run_cli("info", "--store", str(store), cwd=elsewhere)
    assert shown.returncode == 0, shown.stderr
    assert "graphs:" in shown.stdout and "org:Membership" in shown.stdout
