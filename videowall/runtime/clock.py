"""Time as an injected dependency, so tests drive it without sleeping."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def now_utc(self) -> datetime: ...

    def sleep(self, seconds: float, stop: threading.Event | None = None) -> bool:
        """Wait ``seconds``; return True early if ``stop`` was set."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now_utc(self) -> datetime:
        return datetime.now(timezone.utc)

    def sleep(self, seconds: float, stop: threading.Event | None = None) -> bool:
        if stop is None:
            time.sleep(max(0.0, seconds))
            return False
        return stop.wait(max(0.0, seconds))


class FakeClock:
    """A clock that only moves when told to; ``sleep`` advances it at once."""

    def __init__(self, start_utc: datetime | None = None, start_monotonic: float = 1000.0) -> None:
        self._mono = start_monotonic
        self._utc = start_utc or datetime(2026, 1, 1, tzinfo=timezone.utc)
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self._mono

    def now_utc(self) -> datetime:
        with self._lock:
            return self._utc

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._mono += seconds
            self._utc += timedelta(seconds=seconds)

    def sleep(self, seconds: float, stop: threading.Event | None = None) -> bool:
        if stop is not None and stop.is_set():
            return True
        self.advance(max(0.0, seconds))
        return bool(stop is not None and stop.is_set())


SYSTEM_CLOCK = SystemClock()
