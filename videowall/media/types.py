"""Plain values the media engine hands out. No PyAV types cross this boundary except to consumers."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from videowall.model.camera import Transport
from videowall.runtime.errors import VideowallError


class SessionState(enum.Enum):
    IDLE = "idle"                # created, not started
    CONNECTING = "connecting"    # opening the stream (first time or after a retry wait)
    LIVE = "live"                # packets flowing
    RECONNECTING = "reconnecting"  # waiting to retry after a loss; ``retry_in_s`` says how long
    AUTH_FAILED = "auth_failed"  # camera refused the credentials; retries with a long backoff
    UNREACHABLE = "unreachable"  # host did not answer / refused the connection; retries with backoff
    INVALID_URL = "invalid_url"  # never retried: the operator must fix the URL
    STOPPED = "stopped"          # closed by its owner


@dataclass(frozen=True)
class StreamOptions:
    transport: Transport = Transport.AUTO   # TCP or UDP, or an automatic order of both
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 5.0
    analyzeduration_us: int = 100_000   # 0 would mean "FFmpeg default" (≈1.1 s to first frame)
    probesize: int = 4_096              # measured: 32 KiB → 4 KiB cuts time to first frame 0.20 s → 0.08 s
    backoff_initial_s: float = 1.0
    backoff_cap_s: float = 30.0
    healthy_after_s: float = 10.0       # live this long → the backoff starts again from its initial delay
    allow_local_files: bool = False     # also accept file: URLs, played at their frame rate (selftest, tests)


@dataclass(frozen=True)
class StreamSource:
    """What to open. ``url`` carries no credentials; they are injected at open time."""

    camera_id: int
    profile: str  # "main" | "sub"
    url: str
    options: StreamOptions = field(default_factory=StreamOptions)


@dataclass(frozen=True)
class SessionStatus:
    state: SessionState
    retry_in_s: float | None = None          # set while RECONNECTING / AUTH_FAILED / UNREACHABLE
    error: VideowallError | None = None      # last error, already redacted


@dataclass(frozen=True)
class ErrorRecord:
    at_monotonic: float   # clock.monotonic() when it happened
    message: str          # the user message, redacted


@dataclass(frozen=True)
class StatsSnapshot:
    packets_in: int = 0
    frames_decoded: int = 0
    frames_delivered: int = 0   # frames handed to a reader (a tile painted them)
    frames_dropped: int = 0     # decoded but replaced before anyone took them
    fps_in: float = 0.0         # decoded frames per second over the last few seconds
    bitrate_kbps: float = 0.0
    decode_ms_avg: float = 0.0
    first_frame_s: float | None = None   # open() start → first decoded frame, last (re)connection
    open_s: float | None = None          # open() start → stream open (RTSP handshake and probing done)
    first_keyframe_s: float | None = None  # open() start → first keyframe packet handed to a decoder
    reconnects: int = 0
    last_error: str | None = None     # the current failure; None while live
    error_history: tuple[ErrorRecord, ...] = ()   # the last failures, oldest first, also after a recovery
    transport: str | None = None      # "tcp" or "udp": what the current (or last) connection uses
    width: int = 0              # source resolution
    height: int = 0


@dataclass(frozen=True)
class LiveFrame:
    """The newest decoded picture, already scaled to the size its reader asked for."""

    image: np.ndarray          # H×W×4 uint8, BGRA (QImage.Format_ARGB32 on little-endian), C-contiguous
    seq: int                   # increases by one per decoded frame of this decoder
    pts_s: float | None        # stream presentation time
    received_monotonic: float  # when its last packet arrived (clock.monotonic())
    source_width: int
    source_height: int


class PacketConsumer(Protocol):
    """Receives the packets of one session, on the session's demux thread. Must not block."""

    def on_stream_opened(self, stream) -> None:  # stream: av.video.stream.VideoStream
        ...

    def on_packet(self, packet, received_monotonic: float) -> None:  # packet: av.Packet
        ...

    def on_stream_closed(self) -> None:
        ...
