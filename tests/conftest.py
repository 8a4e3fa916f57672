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
# What the tests share with the benchmarks lives in benchmarks/ (which runs on an installed
# package alone): the headless browser driver, the synthetic data.
sys.path.insert(0, str(REPO / "benchmarks"))


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


def killed_at(point: str, marker_dir: Path, *args: str, env: dict[str, str] | None = None) -> int:
    """Run the CLI until its write reaches ``point`` (see store/pause.py), SIGKILL it there.

    Returns the exit status (-9). Fails if the command ends without reaching the point:
    then there was nothing to kill, whatever the machine's speed."""
    import signal
    import time

    from nato_eu_graph.store.pause import ENV_PAUSE

    marker = marker_dir / f"paused-{point}"
    marker.unlink(missing_ok=True)
    proc = subprocess.Popen(
        [cli_path(), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {}), ENV_PAUSE: f"{point}:{marker}"},
    )
    while not marker.exists() and proc.poll() is None:
        time.sleep(0.002)
    if proc.poll() is not None:
        err = proc.stderr.read().decode() if proc.stderr else ""
        pytest.fail(f"{args[0]} ended (status {proc.returncode}) before {point}: {err}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if proc.stderr:
        proc.stderr.close()
    return proc.returncode
