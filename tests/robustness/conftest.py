"""Helpers for the robustness suite: the CLI run as a user would, but fenced in.

Each hostile run gets an address-space limit (so a parser that tries to allocate without
bound fails instead of eating the machine), a wall-clock limit, and, where the kernel
allows it (root, or user namespaces), a network namespace of its own with no interface
up: nothing it does can reach the network. Peak memory is read back from wait4.
"""

from __future__ import annotations

import functools
import os
import resource
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import cli_path

AS_LIMIT = 1536 * 1024 * 1024  # address space of one CLI run; a load needs < 1 GB
TIME_LIMIT = 20.0  # seconds; every hostile case ends in well under 2


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float


@functools.cache
def no_network_prefix() -> tuple[str, ...]:
    """``unshare -n`` when this machine lets us use it, else nothing (and we say so)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, timeout=10)
    return (unshare, "-n") if probe.returncode == 0 else ()


def _fence() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))


def run_fenced(*args: str, timeout: float = TIME_LIMIT, network: bool = False) -> Run:
    """The console script with bounded memory and time, without network unless asked."""
    command = [*(() if network else no_network_prefix()), cli_path(), *args]
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err, preexec_fn=_fence)
        code, rss_kib = _wait(proc, timeout)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = (
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )
    if code is None:
        raise AssertionError(f"{args} ran longer than {timeout} s: {stderr[-500:]!r}")
    return Run(code, stdout, stderr, seconds, rss_kib / 1024)


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> tuple[int | None, int]:
    """Exit code (None on timeout) and peak RSS in KiB of this one process, by wait4."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_maxrss
        if time.monotonic() > deadline:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            return None, usage.ru_maxrss
        time.sleep(0.01)


def export(store: Path) -> bytes:
    """The store's whole export, the yardstick for "unchanged"."""
    proc = subprocess.run(
        [cli_path(), "export", "--store", str(store)], capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def assert_clean_refusal(run: Run, file: str) -> None:
    """Exit code 1, one ``Error: <file>...`` message with a hint, no traceback."""
    assert run.returncode == 1, (run.returncode, run.stderr[-2000:])
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert "Fatal Python error" not in run.stderr, run.stderr[-2000:]
    assert run.stderr.startswith(f"Error: {file}"), run.stderr[:500]
    assert "\nhint: " in run.stderr, run.stderr[:500]


@pytest.fixture()
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A local server that records every connection made to it: proof of no fetching."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    address = server.getsockname()
    try:  # under `unshare -n` the loopback is down: binding works, connecting does not
        socket.create_connection(address, timeout=1).close()
        server.accept()[0].close()
    except OSError as exc:
        server.close()
        pytest.skip(f"the loopback interface is down (no network namespace): {exc}")
    server.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                hits.append(conn.recv(4096))
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://{address[0]}:{address[1]}", hits
    stop.set()
    thread.join()
    server.close()


def skip_or_fail_in_ci(reason: str) -> None:
    """Skip where the machine cannot do it, but never in CI: there (root, on the project's
    own machine) a skip would hide a requirement of the robustness issue."""
    if os.environ.get("CI"):
        pytest.fail(f"cannot run in CI: {reason}")
    pytest.skip(reason)
