"""The recording contract shared by recorder, playback and evidence export (plain values, no I/O)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol


class TimeSource(enum.Enum):
    CAMERA_NTP = "camera_ntp"   # RTCP sender reports mapped RTP time to the camera's NTP wall clock
    RECEIVE = "receive"         # the station's clock when the first packet arrived, + stream timestamps


class SegmentState(enum.Enum):
    RECORDING = "recording"     # being written now
    COMPLETE = "complete"       # closed cleanly
    RECOVERED = "recovered"     # found after a crash and re-indexed from the file itself


@dataclass(frozen=True)
class TimeGap:
    start_utc: datetime
    end_utc: datetime
    reason: str                 # e.g. "camera unreachable", "disk full", "recorder stopped"


@dataclass(frozen=True)
class RecordedSegment:
    id: int
    camera_id: int
    profile: str                # "main" | "sub"
    path: Path                  # absolute path of the fMP4 file
    start_utc: datetime         # time of the first frame (a keyframe)
    end_utc: datetime           # time of the last frame + its duration
    bytes: int
    time_source: TimeSource
    state: SegmentState
    codec: str = "h264"
    width: int = 0
    height: int = 0
    gaps: tuple[TimeGap, ...] = field(default_factory=tuple)   # holes inside the segment, if any
    clock_offset_s: float | None = None   # camera clock minus station clock when both were known
    sha256: str | None = None   # the recorder's digest of the file, taken when it closed (None while open)


class RecordingIndex(Protocol):
    """Read side of the recordings index (what playback and export use)."""

    def segments(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[RecordedSegment]:
        """Segments of ``camera_id`` overlapping [start_utc, end_utc), ordered by start time."""
        ...

    def gaps(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[TimeGap]:
        """Time inside the range with no recording (between and inside segments)."""
        ...


class FootageSource(RecordingIndex, Protocol):
    """Where playback and export read recordings: the local index and files, or a recording server."""

    def segments_us(self, camera_id: int, start_us: int, end_us: int) -> list[RecordedSegment]:
        ...

    def reason_at(self, camera_id: int, t_us: int) -> str:
        """Why ``camera_id`` has no recording at ``t_us``."""
        ...

    def segment_path(self, segment: RecordedSegment) -> Path:
        """A local file with the segment's bytes (a remote source fetches it first)."""
        ...
