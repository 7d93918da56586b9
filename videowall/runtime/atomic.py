"""Crash-safe file writes, and moving a damaged file aside instead of overwriting it."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path


def write_atomic(path: Path | str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file, never half.

    The temporary file lives in the same directory (``os.replace`` is atomic only within one file
    system) and is created owner-only (0600) by ``mkstemp``.
    """
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(target.parent)


def move_aside(path: Path | str, now_utc: datetime | None = None, label: str = "corrupt") -> Path:
    """Rename ``path`` to ``<name>.<label>-<UTC timestamp>`` (never overwriting) and return the new path."""
    source = Path(path)
    stamp = (now_utc or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    backup = source.with_name(f"{source.name}.{label}-{stamp}")
    counter = 1
    while backup.exists():
        backup = source.with_name(f"{source.name}.{label}-{stamp}-{counter}")
        counter += 1
    os.rename(source, backup)
    fsync_dir(source.parent)
    return backup


def fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable. Directories cannot be opened for fsync on Windows.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
