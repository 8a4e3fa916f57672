"""Files in and out: output written atomically (a temporary file beside the target, then
a rename), and input read only from regular files, within a size limit."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import GraphError


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half."""
    target = Path(path)
    if target.is_dir():
        raise GraphError(f"{target} is a directory", hint="give a file name with -o")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():  # never create folders: a typo must not grow a tree
        raise GraphError(
            f"cannot write {target}: the folder {folder} does not exist",
            hint="create it first, or check the path",
        )
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are to share
            os.replace(tmp, target)
            sync_folder(folder)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise GraphError(
                f"cannot write {target}: the disk is full",
                hint="free some space and run the command again; any old file is unchanged",
            ) from exc
        raise GraphError(
            f"cannot write {target}: {exc.strerror or exc}",
            hint="check the folder exists, is writable and has space",
        ) from exc
    return target


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """UTF-8 on every platform, whatever the locale says."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def _read_umask() -> int:
    # Read once, at import: os.umask can only be read by setting it, which would race
    # with other threads if done at every write.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class NotAFile(OSError):
    """The path names a named pipe, a device, a socket or a folder, not a regular file."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of a regular file (one more than allowed tells the caller
    it is too large). Anything else is refused at once with ``NotAFile``: the file is
    opened without blocking, so a FIFO with no writer cannot hang the caller."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise NotAFile(errno.EINVAL, f"{_kind(mode)}, not a regular file", str(path))
        return handle.read(limit + 1)
