"""What a tile's LIVE / RECORDED badge says (pure: no Qt; widgets translate the source texts).

A recorded picture must never pass for live: the badge names the mode, and a recorded one carries
the recorded local date and time to the tenth of a second and the playback speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from videowall.recording.timebase import from_us

LIVE = "LIVE"
RECORDED = "RECORDED"
NO_RECORDING = "NO RECORDING"
PAUSED = "paused"


@dataclass(frozen=True)
class Badge:
    mode: str                 # LIVE, RECORDED or NO RECORDING (source text, translated by the widget)
    time_text: str = ""       # recorded local time, e.g. "2026-11-21 23:05:12.3"
    detail: str = ""          # speed ("2×", "¼×", "-4×") or "paused"; a gap's reason

    @property
    def recorded(self) -> bool:
        return self.mode != LIVE


def local_time_text(utc_us: int, tz: ZoneInfo) -> str:
    local = from_us(utc_us).astimezone(tz)
    return local.strftime("%Y-%m-%d %H:%M:%S") + f".{local.microsecond // 100_000}"


def speed_text(rate: float) -> str:
    names = {0.25: "¼×", 0.5: "½×"}
    if rate in names:
        return names[rate]
    return f"{rate:g}×"


def recorded_badge(frame_utc_us: int | None, position_us: int, rate: float, playing: bool, tz: ZoneInfo,
                   gap_reason: str | None = None) -> Badge:
    """The badge of a playback tile: the shown frame's time, or the position and why nothing is shown."""
    if frame_utc_us is None:
        return Badge(NO_RECORDING, local_time_text(position_us, tz), gap_reason or "")
    return Badge(RECORDED, local_time_text(frame_utc_us, tz), speed_text(rate) if playing else PAUSED)


def live_badge() -> Badge:
    return Badge(LIVE)
