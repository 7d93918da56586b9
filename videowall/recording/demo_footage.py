"""Recorded footage for the demo, made in seconds instead of recorded for an hour.

Half a minute of each camera's street (the simulator's scene look, ``videowall.sim.scene``, captioned with
the camera's name only) is H.264-encoded once by FFmpeg; its packets are then muxed, as the recorder would,
into back-to-back fMP4 segments (``SegmentFile``) covering the chosen span, each indexed in the
``RecordingStore`` like a real recording. The scene loops every segment, so no clock is burned in: the
recorded time is what the index (and the playback badge) says. Needs the ``ffmpeg`` program.
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction

from videowall.media.encoded_clip import clip_packets
from videowall.recording.index import NewSegment, RecordingStore
from videowall.recording.segment_file import TAG_START_UTC, SegmentFile, StreamParams
from videowall.recording.timebase import to_us
from videowall.recording.types import SegmentState, TimeSource
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.sim.scene import StreetScene

log = logging.getLogger(__name__)

FPS = 10
WIDTH, HEIGHT = 480, 270
SEGMENT_S = 30
BITRATE = "120k"
TIME_BASE = Fraction(1, 90000)
Packet = tuple[bytes, int, bool]      # (data, pts from 0 in TIME_BASE, keyframe)


@dataclass(frozen=True)
class Recorded:
    camera_id: int
    segments: int
    start_utc: datetime
    end_utc: datetime


def scene_packets(camera_number: int, seconds: int = SEGMENT_S, label: str | None = None) -> list[Packet]:
    """``seconds`` of simulator camera ``camera_number``'s street (captioned ``label``, default "CAM NN") as
    H.264 packets (one keyframe a second)."""
    scene = StreetScene(camera_number, WIDTH, HEIGHT, label=label, clock=False)
    raw = b"".join(scene.paint(n / FPS, 0).tobytes() for n in range(seconds * FPS))
    command = ["ffmpeg", "-v", "error", "-nostdin", "-f", "rawvideo", "-pix_fmt", "yuv420p",
               "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FPS), "-i", "pipe:0",
               "-c:v", "libx264", "-preset", "veryfast", "-b:v", BITRATE, "-g", str(FPS), "-bf", "0",
               "-pix_fmt", "yuv420p", "-f", "mpegts", "pipe:1"]
    try:
        result = subprocess.run(command, input=raw, capture_output=True, check=True, timeout=600)
    except FileNotFoundError as err:
        raise VideowallError(ErrorKind.NOT_FOUND, "The demo's recorded footage needs FFmpeg: install the "
                             "'ffmpeg' package.") from err
    except subprocess.CalledProcessError as err:
        raise VideowallError(ErrorKind.INTERNAL, "FFmpeg could not encode the demo footage.",
                             err.stderr.decode("utf-8", "replace")[-500:]) from err
    packets = clip_packets(result.stdout)
    if not packets:
        raise VideowallError(ErrorKind.INTERNAL, "FFmpeg encoded no demo footage.")
    return packets


def write_footage(store: RecordingStore, camera_id: int, packets: Sequence[Packet], start_utc: datetime,
                  end_utc: datetime, segment_s: int = SEGMENT_S,
                  cancelled: Callable[[], bool] = lambda: False) -> Recorded:
    """Back-to-back complete segments of ``packets`` from ``start_utc`` until ``end_utc``, indexed; stops
    early (between two segments) once ``cancelled()`` says so."""
    params = StreamParams("h264", WIDTH, HEIGHT, TIME_BASE, Fraction(FPS), None)
    frame = 90000 // FPS
    count = 0
    at = start_utc
    while at + timedelta(seconds=segment_s) <= end_utc and not cancelled():
        folder = store.root / str(camera_id) / at.strftime("%Y-%m-%d")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"cam{camera_id}-main-{at.strftime('%Y%m%dT%H%M%S')}000Z.mp4"
        segment = SegmentFile(path, params, {TAG_START_UTC: at.isoformat()})
        for data, pts, key in packets:
            segment.write(data, pts, pts, frame, key)
        segment.close()
        segment_id = store.begin_segment(NewSegment(camera_id, "main", store.relative(path), to_us(at),
                                                    TimeSource.RECEIVE, 0.0, "h264", WIDTH, HEIGHT))
        end = at + timedelta(seconds=segment_s)
        store.update_segment(segment_id, to_us(end), path.stat().st_size, SegmentState.COMPLETE)
        count += 1
        at = end
    return Recorded(camera_id, count, start_utc, at)


def prerecord(store: RecordingStore, cameras: Sequence[tuple[int, int, str | None]], end_utc: datetime,
              span: timedelta = timedelta(hours=1), on_camera_done: Callable[[Recorded], None] | None = None,
              cancelled: Callable[[], bool] = lambda: False) -> list[Recorded]:
    """``span`` of footage ending at ``end_utc`` for each (camera id, simulator camera number, caption)."""
    start = end_utc - span
    done = []
    for camera_id, number, label in cameras:
        if cancelled():
            break
        recorded = write_footage(store, camera_id, scene_packets(number, label=label), start, end_utc,
                                 cancelled=cancelled)
        log.info("demo footage: camera %s, %s segments", camera_id, recorded.segments)
        done.append(recorded)
        if on_camera_done is not None:
            on_camera_done(recorded)
    return done
