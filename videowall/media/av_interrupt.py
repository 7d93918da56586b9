"""Interrupting a blocking PyAV open or read from another thread.

PyAV exposes no interrupt, only ``av.open(timeout=…)``: FFmpeg polls the container's interrupt callback about
every 100 ms while it waits on the network, and PyAV's callback returns "abort" once ``time.monotonic()`` is
past its deadline. The callback looks ``time`` up in ``av.container.core``'s globals on every call, on the
thread that is blocked, so we put a stand-in there: for a thread that has been interrupted (or whose own
deadline has passed) it reports a time far in the future, and FFmpeg gives up within one poll.

This leans on a PyAV internal (checked with PyAV 14–19). Where the hook is missing ``install()`` returns False
and callers fall back to PyAV's own timeouts: closing then waits up to the open/read timeout.
"""

from __future__ import annotations

import logging
import threading
import time as _real_time

log = logging.getLogger(__name__)

_JUMP_S = 1e6   # far beyond any timeout PyAV is given


class _InterruptibleTime:
    """Stands in for the ``time`` module inside ``av.container.core``. Runs on whichever thread FFmpeg polls from."""

    def __init__(self) -> None:
        self.deadlines: dict[int, float] = {}   # thread ident → time.monotonic() after which it is interrupted
        self._jumps: dict[int, int] = {}

    def _now(self, real: float) -> float:
        ident = threading.get_ident()
        deadline = self.deadlines.get(ident)
        if deadline is None or _real_time.monotonic() < deadline:
            return real
        # Keep rising between calls: PyAV restarts its timer (with this same clock) before every read.
        jumps = self._jumps.get(ident, 0) + 1
        self._jumps[ident] = jumps
        return real + _JUMP_S * jumps

    def monotonic(self) -> float:
        return self._now(_real_time.monotonic())

    def time(self) -> float:   # older PyAV releases used time.time() in the callback
        return self._now(_real_time.time())

    def forget(self, ident: int) -> None:
        self.deadlines.pop(ident, None)
        self._jumps.pop(ident, None)

    def __getattr__(self, name: str):
        return getattr(_real_time, name)


_lock = threading.Lock()
_stand_in: _InterruptibleTime | None = None


def install() -> bool:
    """Put the stand-in in place (idempotent). Returns whether interrupts are supported."""
    global _stand_in
    with _lock:
        if _stand_in is not None:
            return True
        try:
            import av.container.core as core
        except ImportError:  # pragma: no cover - PyAV is a hard dependency
            return False
        current = getattr(core, "time", None)
        if isinstance(current, _InterruptibleTime):
            _stand_in = current
            return True
        if current is not _real_time:
            log.warning("This PyAV version has no interrupt hook: closing a stream waits for its timeouts")
            return False
        _stand_in = _InterruptibleTime()
        core.time = _stand_in
        return True


def set_deadline(ident: int, deadline_monotonic: float | None) -> None:
    """Interrupt PyAV calls on thread ``ident`` once ``time.monotonic()`` passes the deadline (None: never)."""
    if _stand_in is None:
        return
    if deadline_monotonic is None:
        _stand_in.forget(ident)
    else:
        _stand_in.deadlines[ident] = deadline_monotonic


def deadline_of(ident: int) -> float | None:
    return _stand_in.deadlines.get(ident) if _stand_in is not None else None


def interrupt(ident: int) -> None:
    """Make every blocking PyAV call on thread ``ident`` give up now and from now on, until ``clear``."""
    set_deadline(ident, float("-inf"))


def clear(ident: int) -> None:
    set_deadline(ident, None)
