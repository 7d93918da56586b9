"""Thread-safe counters of one stream session, read as a StatsSnapshot.

Written from the session's demux thread (packets, decoded frames) and from reader threads (deliveries);
read from anywhere. Rates are measured over a sliding window of the injected Clock.
"""

from __future__ import annotations

import threading
from collections import deque

from videowall.media.types import ErrorRecord, StatsSnapshot
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.redaction import redact

WINDOW_S = 3.0
ERROR_HISTORY = 20    # failures kept per session (for reports); the oldest go first


class _Window:
    """(time, value) events of the last ``span_s`` seconds."""

    def __init__(self, span_s: float) -> None:
        self._span_s = span_s
        self._events: deque[tuple[float, float]] = deque()

    def add(self, now: float, value: float) -> None:
        self._events.append((now, value))
        self.prune(now)

    def prune(self, now: float) -> None:
        while self._events and self._events[0][0] <= now - self._span_s:
            self._events.popleft()

    def rate(self, now: float, total: bool = False) -> float:
        """Events (or the sum of their values, if ``total``) per second since the oldest kept event.

        The oldest event only opens the interval, so a steady stream reads exactly its rate, and a stream
        that stops decays towards zero instead of freezing at its last rate.
        """
        self.prune(now)
        if len(self._events) < 2 or now <= self._events[0][0]:
            return 0.0
        counted = sum(v for _, v in list(self._events)[1:]) if total else len(self._events) - 1
        return counted / (now - self._events[0][0])

    def mean(self, now: float) -> float:
        self.prune(now)
        if not self._events:
            return 0.0
        return sum(v for _, v in self._events) / len(self._events)

    def clear(self) -> None:
        self._events.clear()


class StatsRecorder:
    def __init__(self, clock: Clock = SYSTEM_CLOCK, window_s: float = WINDOW_S) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._frames = _Window(window_s)     # value: decode time in seconds
        self._bytes = _Window(window_s)      # value: packet size in bytes
        self._packets_in = 0
        self._decoded = 0
        self._delivered = 0
        self._dropped = 0
        self._reconnects = 0
        self._last_error: str | None = None
        self._history: deque[ErrorRecord] = deque(maxlen=ERROR_HISTORY)
        self._transport: str | None = None
        self._width = 0
        self._height = 0
        self._connect_started: float | None = None
        self._first_frame_s: float | None = None
        self._open_s: float | None = None
        self._first_keyframe_s: float | None = None

    def connection_started(self) -> None:
        """A (re)connection attempt begins: the next decoded frame sets ``first_frame_s``."""
        with self._lock:
            self._connect_started = self._clock.monotonic()
            self._open_s = self._first_keyframe_s = None
            self._frames.clear()
            self._bytes.clear()

    def stream_opened(self) -> None:
        """The connection's stream is open (handshake and probing done): sets ``open_s``."""
        with self._lock:
            if self._connect_started is not None:
                self._open_s = self._clock.monotonic() - self._connect_started

    def keyframe_arrived(self) -> None:
        """A keyframe reached a decoder: the first one since the connection started sets ``first_keyframe_s``."""
        with self._lock:
            if self._connect_started is not None and self._first_keyframe_s is None:
                self._first_keyframe_s = self._clock.monotonic() - self._connect_started

    def packet_received(self, size_bytes: int) -> None:
        with self._lock:
            self._packets_in += 1
            self._bytes.add(self._clock.monotonic(), float(size_bytes))

    def frame_decoded(self, decode_s: float) -> None:
        with self._lock:
            now = self._clock.monotonic()
            self._decoded += 1
            self._frames.add(now, max(0.0, decode_s))
            if self._connect_started is not None:
                self._first_frame_s = now - self._connect_started
                self._connect_started = None

    def frame_delivered(self) -> None:
        with self._lock:
            self._delivered += 1

    def frame_dropped(self) -> None:
        with self._lock:
            self._dropped += 1

    def reconnected(self) -> None:
        with self._lock:
            self._reconnects += 1

    def set_error(self, message: str | None) -> None:
        """The current failure (None: none); every failure also goes to the history."""
        with self._lock:
            self._last_error = redact(message) if message is not None else None
            if self._last_error is not None:
                self._history.append(ErrorRecord(self._clock.monotonic(), self._last_error))

    def clear_error(self) -> None:
        """The stream recovered: no current failure; the history keeps the past ones."""
        with self._lock:
            self._last_error = None

    def set_transport(self, transport: str) -> None:
        with self._lock:
            self._transport = transport

    def set_source_size(self, width: int, height: int) -> None:
        with self._lock:
            self._width, self._height = int(width), int(height)

    def snapshot(self) -> StatsSnapshot:
        with self._lock:
            now = self._clock.monotonic()
            return StatsSnapshot(
                packets_in=self._packets_in,
                frames_decoded=self._decoded,
                frames_delivered=self._delivered,
                frames_dropped=self._dropped,
                fps_in=self._frames.rate(now),
                bitrate_kbps=self._bytes.rate(now, total=True) * 8.0 / 1000.0,
                decode_ms_avg=self._frames.mean(now) * 1000.0,
                first_frame_s=self._first_frame_s,
                open_s=self._open_s,
                first_keyframe_s=self._first_keyframe_s,
                reconnects=self._reconnects,
                last_error=self._last_error,
                error_history=tuple(self._history),
                transport=self._transport,
                width=self._width,
                height=self._height,
            )
