"""The packets of an encoded clip held in memory (e.g. FFmpeg's MPEG-TS output), for muxing elsewhere."""

from __future__ import annotations

import io

import av


def clip_packets(data: bytes, container_format: str = "mpegts") -> list[tuple[bytes, int, bool]]:
    """(payload, pts counted from the first packet in the stream's time base, keyframe) of video stream 0."""
    with av.open(io.BytesIO(data), format=container_format) as container:
        found = [(bytes(p), p.pts, p.is_keyframe) for p in container.demux(video=0) if p.size]
    if not found:
        return []
    first = found[0][1]
    return [(payload, pts - first, key) for payload, pts, key in found]
