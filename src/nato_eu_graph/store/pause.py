"""Pause points for fault tests: a writer stops where a test wants to kill it.

With ``NATO_EU_GRAPH_PAUSE=POINT:FILE`` in the environment, a process that writes the
embedded store creates FILE (holding its process id) when it reaches POINT, and waits
there for the test's SIGKILL. The points of one write:

- ``before-write``: everything is read and checked, nothing is written yet;
- ``during-write``: Oxigraph is applying the write (it releases the GIL while it works,
  so a second thread makes the marker once the write has been entered);
- ``after-write``: the write is committed, not yet flushed into the table files.

So a test kills at a point that is certain to lie inside the work, however fast the
machine. Without the variable this costs one look-up in the environment.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ENV_PAUSE = "NATO_EU_GRAPH_PAUSE"
POINTS = ("before-write", "during-write", "after-write")
WAIT_S = 600.0  # a test kills long before; an abandoned pause still ends
T = TypeVar("T")


def _wanted(point: str) -> Path | None:
    spec = os.environ.get(ENV_PAUSE)
    if not spec:
        return None
    name, _, marker = spec.partition(":")
    return Path(marker) if name == point and marker else None


def _signal(marker: Path) -> None:
    marker.write_text(str(os.getpid()), encoding="ascii")


def pause_at(point: str) -> None:
    """Stop here when a fault test asked for ``point``."""
    marker = _wanted(point)
    if marker is not None:
        _signal(marker)
        time.sleep(WAIT_S)


def hold_at(point: str) -> None:
    """Stop here, when a test asked for ``point``, until it removes the marker file (a
    test that lets the process go on, rather than kill it)."""
    marker = _wanted(point)
    if marker is None:
        return
    _signal(marker)
    deadline = time.monotonic() + WAIT_S
    while marker.exists() and time.monotonic() < deadline:
        time.sleep(0.01)


def around_write(write: Callable[[], T]) -> T:
    """Run one write of the store, with its three pause points."""
    if not os.environ.get(ENV_PAUSE):
        return write()
    pause_at("before-write")
    marker = _wanted("during-write")
    if marker is not None:
        started = threading.Event()

        def signal_once_started() -> None:
            started.wait()
            time.sleep(0.001)  # let the main thread enter Oxigraph's write
            _signal(marker)

        threading.Thread(target=signal_once_started, daemon=True).start()
        started.set()
    result = write()
    pause_at("after-write")
    return result
