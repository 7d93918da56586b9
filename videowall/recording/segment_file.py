"""Writing one fragmented-MP4 segment from copied packets (PyAV adapter; no decoding, no re-encoding).

Fragmented MP4 (``empty_moov`` + one fragment per keyframe) keeps every completed fragment playable
when the process dies mid-segment; a plain MP4 needs its trailer and would be lost whole.
The ``moov`` written up front carries the segment's UTC start and time source as metadata tags, so a
file found after a crash can be re-indexed from the file alone.
"""

from __future__ import annotations

import errno
import shutil
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av

from videowall.recording.fmp4_boxes import scan

MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof+use_metadata_tags"
TAG_START_UTC = "videowall_start_utc"
TAG_TIME_SOURCE = "videowall_time_source"
TAG_CAMERA_ID = "videowall_camera_id"
TAG_PROFILE = "videowall_profile"
_START_CODES = (b"\x00\x00\x00\x01", b"\x00\x00\x01")
_NEARLY_FULL_BYTES = 16 * 1024 * 1024


class SegmentWriteError(Exception):
    """Writing failed; ``disk_full`` when the file system ran out of space (or quota)."""

    def __init__(self, message: str, disk_full: bool = False) -> None:
        super().__init__(message)
        self.disk_full = disk_full


@dataclass(frozen=True)
class StreamParams:
    """What a segment needs to know about the camera stream, copied off the demux thread's objects."""

    codec: str
    width: int
    height: int
    time_base: Fraction
    rate: Fraction | None
    extradata: bytes | None

    @classmethod
    def from_stream(cls, stream) -> StreamParams:
        """Runs on the session's demux thread (the stream belongs to its container)."""
        ctx = stream.codec_context
        rate = stream.average_rate or stream.guessed_rate
        return cls(codec=ctx.name, width=int(ctx.width or 0), height=int(ctx.height or 0),
                   time_base=Fraction(stream.time_base), rate=Fraction(rate) if rate else None,
                   extradata=bytes(ctx.extradata) if ctx.extradata else None)


@dataclass(frozen=True, slots=True)
class CopiedPacket:
    """A packet's bytes and timestamps, detached from the session (its packet object is shared)."""

    data: bytes
    pts: int | None
    dts: int | None
    duration: int
    keyframe: bool
    received_monotonic: float
    camera_anchor_us: int | None     # the container's start_time_realtime when the packet was read

    @classmethod
    def from_packet(cls, packet, received_monotonic: float, camera_anchor_us: int | None) -> CopiedPacket:
        return cls(bytes(packet), packet.pts, packet.dts, int(packet.duration or 0), bool(packet.is_keyframe),
                   received_monotonic, camera_anchor_us)


class SegmentFile:
    """One segment file being written. Used by one thread (the recorder's writer)."""

    def __init__(self, path: Path, params: StreamParams, metadata: dict[str, str]) -> None:
        self.path = path
        self._params = params
        self._annexb_extradata = params.extradata if _is_annexb(params.extradata) else None
        self._first = True
        self._keyframes = 0     # frag_keyframe: one fragment per keyframe muxed
        try:
            # flush_packets: each fragment goes to the file at once, so a failed write (disk full) raises
            # from the mux call that caused it instead of vanishing in the I/O buffer's final flush.
            self._out = av.open(str(path), "w", format="mp4", options={"movflags": MOVFLAGS, "flush_packets": "1"})
            for key, value in metadata.items():
                self._out.metadata[key] = value
            self._stream = self._out.add_mux_stream(params.codec, rate=params.rate, width=params.width,
                                                    height=params.height)
            self._stream.time_base = params.time_base
        except (av.FFmpegError, OSError, ValueError) as err:
            raise _write_error(err, path) from err

    def write(self, data: bytes, pts: int, dts: int, duration: int, keyframe: bool) -> None:
        """Mux one packet; ``pts``/``dts`` are in the stream time base, relative to the segment start."""
        if self._first and self._annexb_extradata and not _has_parameter_sets(self._params.codec, data):
            # Cameras that send SPS/PPS only in the SDP: give the file its decoder configuration.
            data = self._annexb_extradata + data
        self._first = False
        packet = av.Packet(data)
        packet.pts, packet.dts = pts, dts
        packet.duration = duration
        packet.time_base = self._params.time_base
        packet.is_keyframe = keyframe
        packet.stream = self._stream
        try:
            self._out.mux(packet)
        except (av.FFmpegError, OSError, ValueError) as err:
            raise _write_error(err, self.path) from err
        self._keyframes += keyframe

    def close(self) -> None:
        """Flush the last fragment and close. Raises SegmentWriteError if the file did not get it all."""
        out, self._out = self._out, None
        if out is None:
            return
        try:
            out.close()
        except (av.FFmpegError, OSError, ValueError) as err:
            raise _write_error(err, self.path) from err
        if self._first:
            return         # nothing was muxed: no header, no file
        # The final flush of FFmpeg's I/O buffer reports no error (PyAV ignores it), so look at the file:
        # a last fragment that never reached the disk leaves no torn box, only one fragment too few.
        result = scan(self.path)
        if result.torn or not result.has_header or result.fragments < self._keyframes:
            full = shutil.disk_usage(self.path.parent).free < _NEARLY_FULL_BYTES
            raise SegmentWriteError(f"cannot write {self.path.name}: " + ("disk full" if full else "file cut short"),
                                    disk_full=full)


def _write_error(err: Exception, path: Path) -> SegmentWriteError:
    code = getattr(err, "errno", None)
    disk_full = code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
    what = "disk full" if disk_full else str(err)
    return SegmentWriteError(f"cannot write {path.name}: {what}", disk_full=disk_full)


def _is_annexb(extradata: bytes | None) -> bool:
    return bool(extradata) and extradata.startswith(_START_CODES)


def _has_parameter_sets(codec: str, data: bytes) -> bool:
    """Does the access unit start with in-band SPS (H.264) / VPS or SPS (H.265)?"""
    head = data[:512]
    index = head.find(b"\x00\x00\x01")
    while index != -1 and index + 3 < len(head):
        nal = head[index + 3]
        if codec == "h264" and nal & 0x1F == 7:
            return True
        if codec in ("hevc", "h265") and (nal >> 1) & 0x3F in (32, 33):
            return True
        index = head.find(b"\x00\x00\x01", index + 3)
    return codec not in ("h264", "hevc", "h265")
