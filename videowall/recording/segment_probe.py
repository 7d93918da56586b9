"""Reading a segment's times back from the file itself (PyAV adapter), for files the index lost.

The start comes from the metadata the recorder wrote into the ``moov`` (UTC of segment time 0, and
where that time came from); the end from the last packet that is actually in the file. Packets are
demuxed, not decoded: a 60 s segment is read in milliseconds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import av

from videowall.recording.segment_file import TAG_CAMERA_ID, TAG_PROFILE, TAG_START_UTC, TAG_TIME_SOURCE
from videowall.recording.timebase import to_us
from videowall.recording.types import TimeSource

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProbedSegment:
    camera_id: int
    profile: str
    start_us: int
    end_us: int
    time_source: TimeSource
    codec: str
    width: int
    height: int
    frames: int


class NotASegment(Exception):
    """The file is not a readable videowall segment (no tags, no video, or unreadable)."""


def probe_segment(path: Path) -> ProbedSegment:
    """Runs on the calling thread; raises NotASegment."""
    try:
        with av.open(str(path), "r", timeout=10) as container:
            tags = {key.lower(): value for key, value in container.metadata.items()}
            if not container.streams.video:
                raise NotASegment(f"{path.name}: no video stream")
            stream = container.streams.video[0]
            first, last, frames = _packet_span(container, stream)
            ctx = stream.codec_context
            codec, width, height = ctx.name, int(ctx.width or 0), int(ctx.height or 0)
    except (av.FFmpegError, OSError) as err:
        raise NotASegment(f"{path.name}: {err}") from err
    if frames == 0:
        raise NotASegment(f"{path.name}: no complete frame")
    try:
        start_us = to_us(datetime.fromisoformat(tags[TAG_START_UTC]))
        source = TimeSource(tags.get(TAG_TIME_SOURCE, TimeSource.RECEIVE.value))
        camera_id = int(tags[TAG_CAMERA_ID])
        profile = tags.get(TAG_PROFILE, "main")
    except (KeyError, ValueError) as err:
        raise NotASegment(f"{path.name}: missing or bad videowall tags ({err})") from err
    return ProbedSegment(camera_id=camera_id, profile=profile, start_us=start_us + first,
                         end_us=start_us + last, time_source=source, codec=codec, width=width,
                         height=height, frames=frames)


def _packet_span(container, stream) -> tuple[int, int, int]:
    """(first pts, last pts + duration, packet count) in microseconds of segment time."""
    time_base = stream.time_base
    first: int | None = None
    last = 0
    frames = 0
    try:
        for packet in container.demux(stream):
            if packet.pts is None or packet.size == 0:
                continue
            start = round(packet.pts * time_base * 1_000_000)
            end = round((packet.pts + (packet.duration or 0)) * time_base * 1_000_000)
            first = start if first is None else min(first, start)
            last = max(last, end)
            frames += 1
    except av.FFmpegError as err:   # a torn tail: what was read so far is what the file holds
        log.info("stopped reading %s at a damaged packet: %s", container.name, err)
    return first or 0, last, frames
