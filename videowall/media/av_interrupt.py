"""Interrupting a blocking PyAV open or read from another thread.

PyAV exposes no interrupt, only ``av.open(timeout=…)``: FFmpeg polls the container's interrupt callback about
every 100 ms while it waits on the network, and PyAV's callback returns "abort" once ``time.monotonic()`` is
past its deadline. The callback looks ``time`` up in ``av.container.core``'s globals on every call, on the
thread that is blocked, so we put a stand-in there: for a thread that has been interrupted (or whose own
deadline has passed) it reports a time far in the future, and FFmpeg gives up within one poll.

This leans on a PyAV internal (checked with PyAV 19.0). Where the hook is missing ``install()`` returns False
and callers fall back to PyAV's own timeouts: closing then waits up to the open/read timeout.
"""

from __future__ import annotations

import logging
import socket
import threading
import time as _real_time

log = logging.getLogger(__name__)

_JUMP_S = 1e6   # far beyond any timeout PyAV is given
_SELF_TEST_TIMEOUT_S = 3.0


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
_checked = False


def install() -> bool:
    """Put the stand-in in place and prove it works (once per process). Returns whether interrupts work.

    Blocks for a few milliseconds the first time: call it from a worker thread, not the GUI thread.
    """
    global _stand_in, _checked
    with _lock:
        if not _checked:
            _checked = True
            _stand_in = _install_checked()
            if _stand_in is None:
                log.warning("This PyAV version cannot be interrupted: closing a stream waits for its timeouts")
        return _stand_in is not None


def _install_checked() -> _InterruptibleTime | None:
    import av.container.core as core

    previous = getattr(core, "time", None)
    if previous is not _real_time and not isinstance(previous, _InterruptibleTime):
        return None
    stand_in = previous if isinstance(previous, _InterruptibleTime) else _InterruptibleTime()
    core.time = stand_in
    if _interrupts_an_open(stand_in):
        return stand_in
    core.time = previous  # older PyAV read the clock through a C-level alias: the stand-in is never asked
    return None


def _interrupts_an_open(stand_in: _InterruptibleTime) -> bool:
    """Open a TCP peer that never sends a byte, with this thread pre-interrupted: it must give up at once."""
    import av

    ident = threading.get_ident()
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        stand_in.deadlines[ident] = float("-inf")
        started = _real_time.monotonic()
        try:
            av.open(f"tcp://127.0.0.1:{silent.getsockname()[1]}", timeout=(_SELF_TEST_TIMEOUT_S, 1.0)).close()
        except Exception:  # noqa: BLE001 - interrupted opens raise whatever FFmpeg makes of it
            pass
        finally:
            stand_in.forget(ident)
    return _real_time.monotonic() - started < _SELF_TEST_TIMEOUT_S / 2


def set_deadline(ident: int, deadline_monotonic: float | None) -> None:
    """Interrupt PyAV calls on thread ``ident`` once ``time.monotonic()`` passes the deadline (None: never)."""
    if _stand_in is None:
        return
    if deadline_monotonic is None:
        _stand_in.forget(ident)
    else:
        _stand_in.deadlines[ident] = deadline_monotonic


def interrupt(ident: int) -> None:
    """Make every blocking PyAV call on thread ``ident`` give up now and from now on, until ``clear``."""
    set_deadline(ident, float("-inf"))


def clear(ident: int) -> None:
    set_deadline(ident, None)
