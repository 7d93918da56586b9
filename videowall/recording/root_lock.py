"""One recorder per recordings root, and what the last one left behind.

``RootLock``: an OS file lock, released by the OS if the process dies (even kill -9).
``RunState``: whether the last recorder stopped cleanly, and if not, since when it ran — so the
start-up check of index against files can be limited to what that run may have left unfinished.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from videowall.runtime.atomic import write_atomic

from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)

LOCK_FILE = ".recorder.lock"
STATE_FILE = ".recorder-state.json"
# A crashed run is checked from a day before it started: segments that began just before belong to it too.
_UNCLEAN_MARGIN_US = 24 * 3600 * 1_000_000


class RootLock:
    def __init__(self, root: Path) -> None:
        self.path = Path(root) / LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise STORAGE_ERROR naming the process that holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.lseek(fd, 0, os.SEEK_SET)
            holder = os.read(fd, 32).decode(errors="replace").strip() or "another process"
            os.close(fd)
            raise VideowallError(
                ErrorKind.STORAGE_ERROR,
                f"Another videowall recorder (process {holder}) is already recording to {self.path.parent}. "
                f"Stop it first, or record to another folder.") from None
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)   # closing drops the lock


class RunState:
    """The recorder's run marker in the recordings root. Used by the lock holder only."""

    def __init__(self, root: Path) -> None:
        self.path = Path(root) / STATE_FILE
        self.running = False

    def unclean_since_us(self) -> int | None:
        """Where a start-up check must begin: None = everything (no marker, or it is unreadable);
        after a clean stop, now (nothing is left open); after a crash, a day before that run began."""
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
            if state.get("state") == "stopped":
                return int(state["at_us"])
            return int(state["since_us"]) - _UNCLEAN_MARGIN_US
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def mark_running(self, now_us: int) -> None:
        self._write({"state": "running", "since_us": now_us})
        self.running = True

    def mark_stopped(self, now_us: int) -> None:
        self._write({"state": "stopped", "at_us": now_us})
        self.running = False

    def _write(self, state: dict) -> None:
        # A marker that cannot be written (disk full) keeps the previous one, which points no later
        # than this run's start: the next check still covers everything this run wrote.
        try:
            write_atomic(self.path, (json.dumps(state) + "\n").encode("utf-8"))
        except OSError as err:
            log.warning("cannot write %s: %s", self.path.name, err)


if os.name == "nt":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
