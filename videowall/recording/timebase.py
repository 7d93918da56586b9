"""Stream time → UTC for one camera connection (see docs/design/time.md).

Two anchors give the UTC of stream time 0 of a connection:

* the camera's: FFmpeg's ``start_time_realtime`` (the RTCP sender report's NTP time, mapped back to the
  first RTP timestamp). It arrives a few seconds after PLAY, with the first sender report;
* the station's: when a packet arrived minus its stream time. Network and encoder delay only ever make
  a packet later, so the smallest value over a short window is the best estimate.

A segment takes the camera's anchor when it is known and agrees with the station's within
``max_camera_offset_s``; otherwise the station's (a camera whose clock is wrong must not file footage
under the wrong time). The anchor then stays fixed while the estimate stays within ``reanchor_s``, so
consecutive segments of one connection abut exactly.
"""

from __future__ import annotations

import collections
from dataclasses import dataclass
from datetime import datetime, timezone

from videowall.recording.types import TimeSource
from videowall.runtime.clock import Clock

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def to_us(when: datetime) -> int:
    """UTC microseconds since the epoch of an aware datetime."""
    if when.tzinfo is None:
        raise ValueError("naive datetime: times must carry a time zone")
    delta = when - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_us(us: int) -> datetime:
    return datetime.fromtimestamp(us // 1_000_000, timezone.utc).replace(microsecond=us % 1_000_000)


@dataclass(frozen=True)
class TimeMapping:
    """UTC of stream time 0 (microseconds), where it came from, and the camera clock's offset if known."""

    anchor_us: int
    source: TimeSource
    camera_offset_s: float | None = None   # camera anchor minus station anchor; + means camera clock ahead

    def utc_us(self, stream_s: float) -> int:
        return self.anchor_us + round(stream_s * 1_000_000)


class TimeMapper:
    """Collects the anchors of one connection. Used by one thread (the recorder's writer)."""

    def __init__(self, clock: Clock, window_s: float = 10.0, max_camera_offset_s: float = 10.0,
                 reanchor_s: float = 0.1) -> None:
        self._clock = clock
        self._window_s = window_s
        self._max_camera_offset_s = max_camera_offset_s
        self._reanchor_s = reanchor_s
        self._samples: collections.deque[tuple[float, float]] = collections.deque()  # (received, anchor)
        self._camera_anchor_s: float | None = None
        self._current: TimeMapping | None = None

    def reset(self) -> None:
        """A new connection: stream time starts again from an unknown origin."""
        self._samples.clear()
        self._camera_anchor_s = None
        self._current = None

    def observe(self, stream_s: float, received_monotonic: float, camera_anchor_us: int | None) -> None:
        """One packet: its stream time, when it arrived, and the camera anchor known at that moment."""
        now_mono = self._clock.monotonic()
        received_utc_s = self._clock.now_utc().timestamp() - (now_mono - received_monotonic)
        self._samples.append((received_monotonic, received_utc_s - stream_s))
        while self._samples and self._samples[0][0] < received_monotonic - self._window_s:
            self._samples.popleft()
        if camera_anchor_us is not None:
            self._camera_anchor_s = camera_anchor_us / 1_000_000

    @property
    def has_camera_anchor(self) -> bool:
        return self._camera_anchor_s is not None

    @property
    def camera_offset_s(self) -> float | None:
        station = self._station_anchor_s()
        if self._camera_anchor_s is None or station is None:
            return None
        return self._camera_anchor_s - station

    def camera_clock_wrong(self) -> bool:
        offset = self.camera_offset_s
        return offset is not None and abs(offset) > self._max_camera_offset_s

    def mapping(self) -> TimeMapping | None:
        """The mapping for a segment starting now; None before the first packet."""
        station = self._station_anchor_s()
        if station is None:
            return None
        offset = self.camera_offset_s
        if self._camera_anchor_s is not None and not self.camera_clock_wrong():
            fresh = TimeMapping(round(self._camera_anchor_s * 1_000_000), TimeSource.CAMERA_NTP, offset)
        else:
            fresh = TimeMapping(round(station * 1_000_000), TimeSource.RECEIVE, offset)
        current = self._current
        if (current is not None and current.source is fresh.source
                and abs(current.anchor_us - fresh.anchor_us) <= self._reanchor_s * 1_000_000):
            fresh = TimeMapping(current.anchor_us, current.source, offset)
        self._current = fresh
        return fresh

    def _station_anchor_s(self) -> float | None:
        return min(anchor for _, anchor in self._samples) if self._samples else None
