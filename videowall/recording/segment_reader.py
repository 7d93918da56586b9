"""Decoding one recorded segment for playback (PyAV adapter).

Frames come out as BGRA numpy arrays scaled to the requested box with the live decoder's scaler
settings (``videowall.media.decoder``), so a recorded tile looks like a live one. Times are offsets
from the segment's first frame (the recorder writes segment time 0 at the first keyframe).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from av.video.reformatter import VideoReformatter

from videowall.media.frame_convert import INTERPOLATION, fit_size

log = logging.getLogger(__name__)


@dataclass
class DecodedFrame:
    frame: object                 # av.VideoFrame, kept to scale it lazily (only what is shown is converted)
    offset_us: int                # from the segment start
    keyframe: bool


class SegmentReader:
    """One open segment. Used by one thread at a time (the playback thread)."""

    def __init__(self, path: Path, threads: int = 1) -> None:
        self.path = path
        try:
            self._container = av.open(str(path), "r", timeout=10)
            self._stream = self._container.streams.video[0]
        except (av.FFmpegError, OSError, IndexError) as err:
            raise SegmentReadError(f"cannot open {path.name}: {err}") from err
        ctx = self._stream.codec_context
        ctx.thread_type = "SLICE"
        ctx.thread_count = max(1, threads)
        self._time_base = self._stream.time_base
        self._packets = self._container.demux(self._stream)
        self._pending: list[DecodedFrame] = []
        self._reformatter = VideoReformatter()
        self.width, self.height = int(ctx.width or 0), int(ctx.height or 0)

    def seek(self, offset_us: int) -> None:
        """Position before the keyframe at or before ``offset_us``; the next frame read is that keyframe."""
        target = max(0, int(offset_us / 1_000_000 / self._time_base))
        try:
            self._container.seek(target, stream=self._stream, backward=True, any_frame=False)
        except av.FFmpegError as err:
            raise SegmentReadError(f"cannot seek in {self.path.name}: {err}") from err
        self._packets = self._container.demux(self._stream)
        self._pending.clear()

    def next_frame(self, keyframes_only: bool = False) -> DecodedFrame | None:
        """The next frame in decode order (no B-frames in CCTV streams: also display order); None at the end.

        ``keyframes_only`` skips every other packet undecoded (fast forward, reverse by keyframes)."""
        codec = self._stream.codec_context
        while not self._pending:
            try:
                packet = next(self._packets)
            except StopIteration:
                return None
            except av.FFmpegError as err:   # a recovered file's torn end, or damage: treat as its end
                log.info("stopped reading %s: %s", self.path.name, err)
                return None
            if packet.size == 0 or (keyframes_only and not packet.is_keyframe):
                continue
            try:
                frames = codec.decode(packet)
            except av.FFmpegError as err:
                log.debug("undecodable packet in %s: %s", self.path.name, err)
                continue
            for frame in frames:
                if frame.pts is None:
                    continue
                offset = round(frame.pts * self._time_base * 1_000_000)
                self._pending.append(DecodedFrame(frame, offset, bool(frame.key_frame)))
        return self._pending.pop(0)

    def to_bgra(self, decoded: DecodedFrame, box: tuple[int, int] | None) -> np.ndarray:
        """The frame as H×W×4 BGRA fitted into ``box`` (None: the source size)."""
        frame = decoded.frame
        if box is None:
            width, height = frame.width, frame.height
        else:
            sar = self._stream.codec_context.sample_aspect_ratio
            width, height = fit_size(frame.width, frame.height, *box, float(sar) if sar else 1.0)
        scaled = self._reformatter.reformat(frame, width=width, height=height, format="bgra",
                                            interpolation=INTERPOLATION, threads=1)
        return np.ascontiguousarray(scaled.to_ndarray())

    def close(self) -> None:
        self._container.close()


class SegmentReadError(Exception):
    """A segment file cannot be opened or read."""
