"""The one clock of a playback: recorded time (UTC µs) as a function of the station's monotonic time.

All cameras of a synchronized playback read this clock, so they always show the same moment.
Pure logic over an injected ``Clock``; not thread-safe (the playback thread owns it).
"""

from __future__ import annotations

from videowall.runtime.clock import Clock

# Forward speeds ¼× … 16×; negative speeds play backwards by keyframes.
SPEEDS: tuple[float, ...] = (-16.0, -8.0, -4.0, -2.0, -1.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
KEYFRAMES_ONLY_ABOVE = 4.0    # faster than this, forward playback shows keyframes only (decoding all would lag)


class PlaybackClock:
    def __init__(self, clock: Clock, position_us: int, rate: float = 1.0) -> None:
        self._clock = clock
        self._rate = _checked(rate)
        self._playing = False
        self._anchor_us = int(position_us)
        self._anchor_mono = clock.monotonic()

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def playing(self) -> bool:
        return self._playing

    def position_us(self) -> int:
        if not self._playing:
            return self._anchor_us
        return self._anchor_us + round((self._clock.monotonic() - self._anchor_mono) * self._rate * 1_000_000)

    def play(self) -> None:
        self._rebase()
        self._playing = True

    def pause(self) -> None:
        self._rebase()
        self._playing = False

    def set_rate(self, rate: float) -> None:
        self._rebase()
        self._rate = _checked(rate)

    def seek(self, position_us: int) -> None:
        self._anchor_us = int(position_us)
        self._anchor_mono = self._clock.monotonic()

    def _rebase(self) -> None:
        self._anchor_us = self.position_us()
        self._anchor_mono = self._clock.monotonic()


def _checked(rate: float) -> float:
    if rate not in SPEEDS:
        raise ValueError(f"unsupported playback speed {rate}; one of {SPEEDS}")
    return float(rate)


def faster(rate: float) -> float:
    """The next speed up (towards 16× forward), for a "faster" button."""
    index = SPEEDS.index(rate)
    return SPEEDS[min(index + 1, len(SPEEDS) - 1)]


def slower(rate: float) -> float:
    """The next speed down (towards 16× backwards)."""
    index = SPEEDS.index(rate)
    return SPEEDS[max(index - 1, 0)]
