"""Cut recorded segments to a time range and copy their packets into MP4 clips (parts on FAT32).

The clip starts at the keyframe at or before the requested start (so it plays from its first frame)
and ends with the last frame before the requested end. Whole GOPs are written at once, so a part
can be closed before a GOP that would take it over the size limit and every part starts with a
keyframe. A change of codec parameters (e.g. a new resolution) also starts a new part.
Runs on the export worker thread.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path

from videowall.evidence.av_io import AV_ERRORS, InputRecording, OutputClip, StreamInfo
from videowall.evidence.progress import CancelToken
from videowall.recording.types import RecordedSegment, SegmentState, TimeGap
from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)

# MP4 bookkeeping per sample (stts/stsz/stco/stss/ctts entries) and per file, generously rounded up.
_OVERHEAD_PER_PACKET = 48
_OVERHEAD_PER_FILE = 64 * 1024


@dataclass
class ClipPart:
    path: Path
    first_frame_utc: datetime
    last_frame_utc: datetime
    packets: int = 0
    payload_bytes: int = 0


@dataclass
class ClipResult:
    parts: list[ClipPart]
    stream: StreamInfo
    unreadable: list[TimeGap] = field(default_factory=list)

    @property
    def first_frame_utc(self) -> datetime:
        return self.parts[0].first_frame_utc

    @property
    def last_frame_utc(self) -> datetime:
        return self.parts[-1].last_frame_utc


@dataclass
class _Frame:
    packet: object
    dts_utc: datetime
    pts_utc: datetime
    size: int
    source: InputRecording


def remux_range(segments: Iterable[RecordedSegment], start_utc: datetime, end_utc: datetime,
                part_path: Callable[[int], Path], max_part_bytes: int | None, cancel: CancelToken,
                on_bytes: Callable[[int], None] = lambda n: None) -> ClipResult | None:
    """Copy the packets of ``segments`` in [start_utc, end_utc) into parts named by ``part_path(n)``.

    Returns None when no frame falls in the range. Raises ExportCancelled when ``cancel`` is set,
    VideowallError on read/write failures (parts already written stay where they are).
    """
    writer = _PartWriter(part_path, max_part_bytes)
    unreadable: list[TimeGap] = []
    gop: list[_Frame] = []
    try:
        for segment in segments:
            source = InputRecording(segment.path)
            try:
                finished = _copy_segment(segment, source, start_utc, end_utc, gop, writer, cancel, on_bytes,
                                         unreadable)
            finally:
                if not gop or gop[-1].source is not source:
                    source.close()
            if finished:
                break
        if gop and gop[-1].pts_utc >= start_utc:
            writer.write_gop(gop)
        info = writer.info
    finally:
        for frame_source in {id(f.source): f.source for f in gop}.values():
            frame_source.close()
        writer.close()
    if not writer.parts:
        return None
    return ClipResult(writer.parts, info, unreadable)


def _copy_segment(segment: RecordedSegment, source: InputRecording, start_utc: datetime, end_utc: datetime,
                  gop: list[_Frame], writer: _PartWriter, cancel: CancelToken,
                  on_bytes: Callable[[int], None], unreadable: list[TimeGap]) -> bool:
    """Feed one segment's packets through the GOP buffer; True once the range end was reached."""
    anchor: int | None = None
    tb = source.time_base
    last_utc = segment.start_utc
    packets = source.packets()
    while True:
        try:
            packet = next(packets)
        except StopIteration:
            return False
        except AV_ERRORS as err:
            # A segment still being written ends in a partial fragment; anything else is damage.
            if segment.state is not SegmentState.RECORDING:
                log.warning("recording %s unreadable after %s: %r", segment.path.name, last_utc, err)
                unreadable.append(TimeGap(last_utc, segment.end_utc, "recording unreadable"))
            return False
        cancel.raise_if_cancelled("remux")
        on_bytes(packet.size)
        if anchor is None:
            anchor = packet.pts
        frame = _Frame(packet, _utc(segment.start_utc, packet.dts - anchor, tb),
                       _utc(segment.start_utc, packet.pts - anchor, tb), packet.size, source)
        last_utc = frame.pts_utc
        if frame.dts_utc >= end_utc:
            return True
        if packet.is_keyframe:
            if gop and frame.dts_utc > start_utc:
                writer.write_gop(gop)
            _release(gop, keep=source)
            gop.clear()
            gop.append(frame)
        elif gop:
            gop.append(frame)


def _release(gop: list[_Frame], keep: InputRecording) -> None:
    """Close the earlier segments whose packets were only held by this GOP."""
    for source in {id(f.source): f.source for f in gop if f.source is not keep}.values():
        source.close()


def _utc(base: datetime, ticks: int, time_base: Fraction) -> datetime:
    return base + timedelta(microseconds=round(ticks * time_base * 1_000_000))


class _PartWriter:
    def __init__(self, part_path: Callable[[int], Path], max_part_bytes: int | None) -> None:
        self._part_path = part_path
        self._limit = max_part_bytes
        self._clip: OutputClip | None = None
        self._parameter_sets: frozenset[bytes] | None = None
        self._part_start: datetime | None = None
        self._last_dts: int | None = None
        self.parts: list[ClipPart] = []
        self.info: StreamInfo | None = None

    def write_gop(self, gop: list[_Frame]) -> None:
        size = sum(f.size for f in gop) + _OVERHEAD_PER_PACKET * len(gop)
        if self._limit is not None and size + _OVERHEAD_PER_FILE > self._limit:
            raise VideowallError(ErrorKind.INVALID_INPUT,
                                 f"One group of pictures ({size} bytes) is larger than the part size "
                                 f"({self._limit} bytes); it cannot be split.")
        source = gop[0].source
        current = self.parts[-1] if self.parts else None
        full = (current is not None and self._limit is not None
                and self._estimate(current) + size > self._limit)
        if self._clip is None or full or parameter_sets(source.extradata) != self._parameter_sets:
            self._open(gop[0], source)
        part = self.parts[-1]
        assert self._clip is not None and self._part_start is not None
        tb = self._clip.time_base
        for frame in gop:
            dts = _ticks(frame.dts_utc - self._part_start, tb)
            pts = _ticks(frame.pts_utc - self._part_start, tb)
            if self._last_dts is not None and dts <= self._last_dts:
                shift = self._last_dts + 1 - dts  # clock jitter across segments: keep decode order strict
                dts, pts = dts + shift, pts + shift
            try:
                self._clip.write(frame.packet, pts, dts)
            except AV_ERRORS as err:
                raise _write_error(self._clip.path, err) from err
            self._last_dts = dts
            part.packets += 1
            part.payload_bytes += frame.size
            part.first_frame_utc = min(part.first_frame_utc, frame.pts_utc)
            part.last_frame_utc = max(part.last_frame_utc, frame.pts_utc)

    def close(self) -> None:
        if self._clip is not None:
            clip, self._clip = self._clip, None
            try:
                clip.close()
            except AV_ERRORS as err:
                raise _write_error(clip.path, err) from err

    def _open(self, first: _Frame, source: InputRecording) -> None:
        self.close()
        path = self._part_path(len(self.parts) + 1)
        try:
            self._clip = OutputClip(path, source, first.pts_utc.isoformat())
        except AV_ERRORS as err:
            raise _write_error(path, err) from err
        self._parameter_sets = parameter_sets(source.extradata)
        self._part_start = first.dts_utc
        self._last_dts = None
        if self.info is None:
            self.info = source.info()
        self.parts.append(ClipPart(path, first.pts_utc, first.pts_utc))

    @staticmethod
    def _estimate(part: ClipPart) -> int:
        return part.payload_bytes + _OVERHEAD_PER_PACKET * part.packets + _OVERHEAD_PER_FILE


def parameter_sets(extradata: bytes) -> frozenset[bytes]:
    """The distinct H.264 SPS/PPS in an avcC or Annex B extradata (recorders may repeat them);
    other codecs: the extradata itself. Equal sets decode the same, so they need no new part."""
    if len(extradata) > 6 and extradata[0] == 1:   # avcC
        found, offset = set(), 5
        try:
            for count_mask in (0x1F, 0xFF):         # SPS count (low 5 bits), then PPS count
                count = extradata[offset] & count_mask
                offset += 1
                for _ in range(count):
                    length = int.from_bytes(extradata[offset:offset + 2], "big")
                    found.add(bytes(extradata[offset + 2:offset + 2 + length]))
                    offset += 2 + length
        except IndexError:
            return frozenset({bytes(extradata)})
        return frozenset(found)
    if extradata.startswith((b"\x00\x00\x01", b"\x00\x00\x00\x01")):
        units = extradata.replace(b"\x00\x00\x00\x01", b"\x00\x00\x01").split(b"\x00\x00\x01")
        return frozenset(u for u in units if u)
    return frozenset({bytes(extradata)})


def _ticks(delta: timedelta, time_base: Fraction) -> int:
    return round(Fraction(delta // timedelta(microseconds=1), 1_000_000) / time_base)


def _write_error(path: Path, err: BaseException) -> VideowallError:
    if getattr(err, "errno", None) in (errno.ENOSPC, errno.EDQUOT):
        return VideowallError(ErrorKind.STORAGE_ERROR, f"The destination is full: {path.name} could not be "
                                                       "written completely.", detail=repr(err))
    return VideowallError(ErrorKind.STORAGE_ERROR, f"Could not write {path.name} to the destination: {err}.",
                          detail=repr(err))
