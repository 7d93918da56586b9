"""Plain values about a running recorder: its settings and the state the UI shows."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class RecorderState(enum.Enum):
    WAITING = "waiting"        # no stream yet, or waiting for the next keyframe to start a segment
    RECORDING = "recording"
    DISK_FULL = "disk_full"    # the recordings disk is full: live view goes on, recording resumes with space
    ERROR = "error"            # writing failed for another reason; retried at a later keyframe
    STOPPED = "stopped"


class GapReason:
    """Why there is no recording for a while (stored with the gap, shown on the timeline)."""

    CAMERA_UNREACHABLE = "camera unreachable"
    STREAM_RESTARTED = "stream restarted"
    DISK_FULL = "disk full"
    WRITE_ERROR = "write error"
    OVERLOADED = "recorder overloaded"
    NOT_RUNNING = "recorder not running"
    NO_KEYFRAME = "no keyframe from the camera"


@dataclass(frozen=True)
class RecorderConfig:
    segment_s: float = 60.0                # cut at the first keyframe after this long
    max_segment_s: float = 1200.0          # a camera that stops sending keyframes gets its segment closed
    settle_s: float = 4.0                  # at most this much of a new connection is held back until the
                                           # camera's clock (first RTCP sender report) is known
    queue_packets: int = 750               # ≈ 30 s at 25 fps before packets are dropped
    queue_bytes: int = 48 * 1024 * 1024
    drain_every_s: float = 0.2             # the writer takes queued packets in batches this often
    progress_every_s: float = 5.0          # how often a growing segment's end is written to the index
    resume_free_bytes: int = 256 * 1024 * 1024   # free space needed to resume after the disk filled up
    retry_every_s: float = 2.0             # how often a stopped recorder (disk full, write error) retries
    # A camera clock further off than this is not trusted. Not tighter: a station that is behind on
    # reading its streams (overloaded) delays the receive time by seconds, and then the camera is right.
    max_camera_offset_s: float = 10.0


@dataclass(frozen=True)
class RecorderStatus:
    camera_id: int
    profile: str
    state: RecorderState
    message: str = ""                      # what went wrong, for the operator (already plain text)
    segment_path: str | None = None
    segments_written: int = 0
    packets_dropped: int = 0
    camera_offset_s: float | None = None   # camera clock minus station clock, once known
    camera_clock_wrong: bool = False
