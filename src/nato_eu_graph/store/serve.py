"""Serve a store over the SPARQL 1.1 Protocol with the Oxigraph server (PyPI ``oxigraph``).

The server is the same engine as the embedded store, run as a child process on the store
directory: ``oxigraph serve-read-only`` by default, ``oxigraph serve`` when writable, always
with the union default graph and a query timeout. It answers queries and updates at
``/sparql`` (also ``/query`` and ``/update``) and shows its bundled query UI at ``/``.

``serve-read-only`` takes no lock, and Oxigraph calls a writer beside a read-only reader
undefined behaviour. So while a read-only server runs, this process holds a reader's
share of the store's lock (see store/embedded.py), as a read-only ``query`` does: other readers
still work beside the server, while a ``load --store S`` fails at once ("in use by
another process"), as it does against a writable server, instead of writing under it.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import subprocess
import sys
import sysconfig
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import pyoxigraph as ox

from ..errors import GraphError, StoreError
from .embedded import ReaderLock
from .http import is_loopback

BINARY = "oxigraph"
READY_WITHIN = 60.0  # seconds for the server to open the store and listen
STOP_WITHIN = 10.0  # seconds between SIGTERM and SIGKILL
Log = Callable[[str], None]


@dataclass(frozen=True)
class ServeOptions:
    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: int = 60  # seconds a query may run
    writable: bool = False
    behind_proxy: bool = False  # the operator says a proxy authenticates writers

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def endpoint(self) -> str:
        return self.base_url + "/sparql"

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)


def oxigraph_binary() -> str:
    """The server binary of the ``oxigraph`` package: beside this Python, else on PATH."""
    name = BINARY + (".exe" if sys.platform == "win32" else "")
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which(BINARY)
    if found:
        return found
    raise StoreError(
        "the Oxigraph server (the `oxigraph` program) is not installed",
        hint=f"pip install 'oxigraph=={_minor(ox.__version__)}.*' into this environment",
    )


def check_version(binary: str) -> None:
    """The server must write the store format of the embedded engine: same minor version."""
    try:
        out = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except OSError as exc:
        raise StoreError(
            f"cannot run {binary}: {exc}", hint="reinstall the oxigraph package"
        ) from None
    found = out.split()[-1] if out.split() else "?"
    if _minor(found) != _minor(ox.__version__):
        raise StoreError(
            f"{binary} is Oxigraph {found}, but the store is written by pyoxigraph "
            f"{ox.__version__}",
            hint=f"pip install 'oxigraph=={_minor(ox.__version__)}.*'",
        )


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def server_command(binary: str, opts: ServeOptions) -> list[str]:
    mode = "serve" if opts.writable else "serve-read-only"
    bind = f"{opts.base_url.removeprefix('http://')}"
    return [
        binary,
        mode,
        "--location",
        str(opts.store),
        "--bind",
        bind,
        "--union-default-graph",
        "--timeout-s",
        str(opts.timeout),
    ]


class _Stop(Exception):
    """Raised by the signal handler: SIGINT or SIGTERM asked the server to stop."""


class Server:
    """One ``oxigraph serve`` child process on one store."""

    def __init__(self, opts: ServeOptions, *, log: Log | None = None) -> None:
        self.opts = opts
        self._log = log
        self._proc: subprocess.Popen[str] | None = None
        self._lock: ReaderLock | None = None
        self._tail: deque[str] = deque(maxlen=20)

    def start(self, ready_within: float = READY_WITHIN) -> None:
        binary = oxigraph_binary()
        check_version(binary)
        self._prepare_store()
        self._proc = subprocess.Popen(
            server_command(binary, self.opts),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        )
        threading.Thread(target=self._read_output, daemon=True).start()
        self._wait_ready(ready_within)

    def wait(self) -> int:
        assert self._proc is not None
        return self._proc.wait()

    def stop(self) -> None:
        """SIGTERM (the child may ignore SIGINT when started in the background), wait,
        then SIGKILL; release the store."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(STOP_WITHIN)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def failure(self, code: int) -> StoreError:
        """Why the server exited, from the last thing it said."""
        said = next((line for line in reversed(self._tail) if line.strip()), "")
        text = said.lower()
        if "address" in text and "in use" in text:
            hint = f"port {self.opts.port} is taken: pick another with --port"
        elif "lock" in text or "temporarily unavailable" in text:
            return _in_use(self.opts.store)
        else:
            hint = "see the server's messages above"
        return StoreError(f"the Oxigraph server stopped (exit code {code}): {said}", hint=hint)

    # ------------------------------------------------------------------ internals

    def _prepare_store(self) -> None:
        store = self.opts.store
        if store.exists() and not store.is_dir():
            raise StoreError(f"{store} is a file, not a store directory", hint="pick another path")
        if not self.opts.writable:
            if not (store / "CURRENT").is_file():
                raise StoreError(
                    f"no store at {store}",
                    hint=f"build one first: nato-eu-graph build --store {store}",
                )
            self._lock = ReaderLock.take(store)
        else:
            store.mkdir(parents=True, exist_ok=True)

    def _read_output(self) -> None:
        proc = self._proc
        if proc is None or proc.stdout is None:
            return
        for line in proc.stdout:
            self._tail.append(line.rstrip())
            if self._log:
                self._log(line.rstrip())

    def _wait_ready(self, within: float) -> None:
        from .remote import RemoteStore

        probe = RemoteStore(self._probe_url(), timeout=2.0)
        deadline = time.monotonic() + within
        while True:
            code = self._proc.poll() if self._proc else 1
            if code is not None:
                time.sleep(0.1)  # let the reader thread catch the last words
                raise self.failure(code)
            with contextlib.suppress(GraphError):
                if bool(probe.query("ASK {}")) and self._proc and self._proc.poll() is None:
                    return
            if time.monotonic() > deadline:
                raise StoreError(
                    f"the Oxigraph server did not answer within {within:g} s",
                    hint="a large store takes a while to open; see the server's messages",
                )
            time.sleep(0.1)

    def _probe_url(self) -> str:
        """Where to knock: a wildcard address is reached through loopback."""
        host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(self.opts.host)
        if host is None:
            return self.opts.endpoint
        return ServeOptions(self.opts.store, host, self.opts.port).endpoint


def serve(opts: ServeOptions, *, on_ready: Callable[[Server], None], log: Log | None) -> None:
    """Run the server until SIGINT or SIGTERM; return after a clean stop.

    Raise StoreError if it cannot start or exits on its own.
    """
    check_exposure(opts)
    server = Server(opts, log=log)
    previous = {s: signal.signal(s, _raise_stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.start()
        on_ready(server)
        code = server.wait()
        time.sleep(0.1)  # the reader thread's last lines
        raise server.failure(code)
    except _Stop:
        return
    finally:
        for sig in previous:  # a second Ctrl-C must not interrupt the stop
            signal.signal(sig, signal.SIG_IGN)
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def check_exposure(opts: ServeOptions) -> None:
    """Updates from beyond this machine only behind a proxy that authenticates writers:
    the Oxigraph server has no authentication of its own."""
    if opts.writable and not opts.loopback and not opts.behind_proxy:
        raise StoreError(
            f"--writable on {opts.host} would let anyone who can reach it change the graph",
            hint="serve on 127.0.0.1 and put a reverse proxy that asks writers for a "
            "password in front (docs/scaling.md, 'A guarded server'); if one already "
            "guards this address, add --behind-proxy",
        )


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop(signum)


def _in_use(store: Path) -> StoreError:
    error = StoreError(
        f"the store {store} is in use by another process",
        hint="wait for the other command to finish, or stop the server that holds it",
    )
    error.locked = True
    return error
