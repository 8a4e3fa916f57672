"""Shared fixtures: a built store per session, and helpers to run the installed CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from nato_eu_graph.store.embedded import EmbeddedStore

REPO = Path(__file__).resolve().parent.parent


def cli_path() -> str:
    """The console script installed beside the interpreter running the tests."""
    exe = Path(sys.executable).parent / "nato-eu-graph"
    found = str(exe) if exe.exists() else shutil.which("nato-eu-graph")
    assert found, "the nato-eu-graph console script is not installed"
    return found


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    check: bool = False,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run the installed console script as a user would, in its own process."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run(
        [cli_path(), *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from ontology/ and data/ (validated), never opened again.

    It is built by the console script in its own process, so no handle stays open here
    (RocksDB compacts in the background while a store is open; copying it then is unsafe).
    """
    path = tmp_path_factory.mktemp("template") / "store"
    run_cli("build", "--store", str(path), check=True)
    return path


@pytest.fixture(scope="session")
def built_store(template_store: Path, tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    """An open copy of the built store, shared by read-only tests in this process."""
    path = tmp_path_factory.mktemp("shared") / "store"
    shutil.copytree(template_store, path)
    return EmbeddedStore.open(path)


@pytest.fixture()
def store_copy(template_store: Path, tmp_path: Path) -> Path:
    """A private copy of the built store, closed, for tests that write or run the CLI."""
    path = tmp_path / "store"
    shutil.copytree(template_store, path)
    return path


@pytest.fixture()
def fresh_store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    yield EmbeddedStore.open(tmp_path / "store", create=True)
