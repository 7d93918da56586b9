"""The recorder's writer-thread logic: cut the packet stream of one camera into indexed segments.

Everything here runs on one thread (the recorder's writer); ``CameraRecorder`` feeds it. A segment
starts on a keyframe and is cut at the first keyframe after ``segment_s``, so each file decodes on its
own. When writing fails (disk full, I/O error) the segment is closed with what reached the disk, a gap
is remembered and a new segment starts at a later keyframe once writing can work again.
"""

from __future__ import annotations

import errno
import logging
import shutil
from dataclasses import dataclass, replace
from datetime import datetime
from fractions import Fraction
from pathlib import Path

from videowall.recording.digest import seal_segment
from videowall.recording.fmp4_boxes import trim_torn_tail
from videowall.recording.index import NewSegment, RecordingStore
from videowall.recording.recorder_types import GapReason, RecorderConfig, RecorderState, RecorderStatus
from videowall.recording.segment_file import (
    TAG_CAMERA_ID, TAG_PROFILE, TAG_START_UTC, TAG_TIME_SOURCE, CopiedPacket, SegmentFile, SegmentWriteError,
    StreamParams,
)
from videowall.recording.segment_probe import NotASegment, probe_segment
from videowall.recording.timebase import TimeMapper, TimeMapping, from_us
from videowall.recording.types import SegmentState
from videowall.runtime.clock import Clock

log = logging.getLogger(__name__)

_JUMP_S = 2.0     # timestamps going back more than this (or ahead 30× this) start a new time mapping


@dataclass
class _Open:
    file: SegmentFile
    segment_id: int
    mapping: TimeMapping
    first_pts: int
    end_pts: int          # end of the last packet muxed
    flushed_pts: int      # end of the last fragment in the file (fMP4 writes a GOP when the next one starts)
    path: Path
    progress_at: float
    time_base: Fraction

    def utc_us(self, pts: int) -> int:
        return self.mapping.utc_us(float(pts * self.time_base))


class _Timestamps:
    """Makes packet timestamps usable for MP4: present, and decode times strictly increasing."""

    def __init__(self, frame_ticks: int) -> None:
        self.frame_ticks = max(1, frame_ticks)
        self._last_pts: int | None = None
        self._last_dts: int | None = None

    def jumped(self, pts: int | None, limit_ticks: int) -> bool:
        """Did the stream's clock jump (camera restarted its RTP clock without a new RTSP session)?"""
        if pts is None or self._last_pts is None:
            return False
        return pts < self._last_pts - limit_ticks or pts > self._last_pts + 30 * limit_ticks

    def normalize(self, pts: int | None, dts: int | None) -> tuple[int, int]:
        # RTSP's first packets can lack a pts (RTP time 0 of the connection) or a dts (no B-frames).
        if pts is None:
            pts = dts if dts is not None else (0 if self._last_pts is None else self._last_pts + self.frame_ticks)
        if dts is None:
            dts = pts
        if self._last_dts is not None and dts <= self._last_dts:
            dts = self._last_dts + 1
        pts = max(pts, dts)
        self._last_pts, self._last_dts = pts, dts
        return pts, dts


class Segmenter:
    def __init__(self, camera_id: int, profile: str, store: RecordingStore, clock: Clock,
                 config: RecorderConfig) -> None:
        self.camera_id = camera_id
        self.profile = profile
        self._store = store
        self._clock = clock
        self._config = config
        self._mapper = TimeMapper(clock, max_camera_offset_s=config.max_camera_offset_s)
        self._params: StreamParams | None = None
        self._stamps = _Timestamps(3600)
        self._open: _Open | None = None
        self._retry_at = 0.0
        self._warned_clock = False
        self._settling: list[tuple[CopiedPacket, int, int]] | None = None
        self._frame_s = 0.04
        self._last_end_us = store.last_end_us(camera_id)
        self._gap: tuple[int, str] | None = None
        if self._last_end_us is not None:
            self._gap = (self._last_end_us, GapReason.NOT_RUNNING)
        self.status = RecorderStatus(camera_id, profile, RecorderState.WAITING)

    # -- items from the queue ----------------------------------------------------------------------
    def stream_opened(self, params: StreamParams) -> None:
        if self._open is not None:
            self._close(GapReason.STREAM_RESTARTED)
        self._params = params
        self._stamps = _Timestamps(_frame_ticks(params))
        self._frame_s = float(self._stamps.frame_ticks * params.time_base)
        self._mapper.reset()
        self._settling = []
        self._warned_clock = False

    def stream_closed(self) -> None:
        self._flush_settling()
        if self._open is not None:
            self._close(GapReason.CAMERA_UNREACHABLE)
        self._params = None
        if self.status.state is RecorderState.RECORDING:
            self._set(RecorderState.WAITING, "Waiting for the camera.")

    def packets_dropped(self, count: int) -> None:
        """The queue overflowed: the packets after the last one written are lost up to the next keyframe."""
        self.status = replace(self.status, packets_dropped=self.status.packets_dropped + count)
        if self._open is not None:
            self._close(GapReason.OVERLOADED)

    def packet(self, packet: CopiedPacket) -> None:
        params = self._params
        if params is None:
            return
        if self._stamps.jumped(packet.pts, round(_JUMP_S / params.time_base)):
            log.warning("camera %s: the stream's timestamps jumped; starting a new segment", self.camera_id)
            self.stream_opened(params)
        pts, dts = self._stamps.normalize(packet.pts, packet.dts)
        self._mapper.observe(float(pts * params.time_base), packet.received_monotonic, packet.camera_anchor_us)
        if self._settling is not None:
            # A new connection: hold its first packets until the camera's clock is known (or the wait
            # is over), so the first segment gets the best time anchor instead of the probe's burst.
            self._settling.append((packet, pts, dts))
            waited_s = packet.received_monotonic - self._settling[0][0].received_monotonic
            if self._mapper.has_camera_anchor or waited_s >= self._config.settle_s:
                self._flush_settling()
            return
        self._write(params, packet, pts, dts)

    def _flush_settling(self) -> None:
        pending, self._settling = self._settling or [], None
        if self._params is not None:
            for packet, pts, dts in pending:
                self._write(self._params, packet, pts, dts)

    def _write(self, params: StreamParams, packet: CopiedPacket, pts: int, dts: int) -> None:
        current = self._open
        if current is not None:
            length_s = float((pts - current.first_pts) * params.time_base)
            if packet.keyframe and length_s >= self._config.segment_s - 0.5 * self._frame_s:
                self._close(None, end_pts=pts)
                current = None
            elif length_s > self._config.max_segment_s:
                self._close(GapReason.NO_KEYFRAME)
                current = None
        if current is None:
            if not packet.keyframe or not self._may_write():
                return
            current = self._start(params, pts)
            if current is None:
                return
        duration = packet.duration or self._stamps.frame_ticks
        if packet.keyframe:
            current.flushed_pts = current.end_pts
        try:
            current.file.write(packet.data, pts - current.first_pts, dts - current.first_pts, duration,
                               packet.keyframe)
        except SegmentWriteError as err:
            self._fail(err)
            return
        current.end_pts = max(current.end_pts, pts + duration)
        if self._clock.monotonic() >= current.progress_at:
            current.progress_at = self._clock.monotonic() + self._config.progress_every_s
            # Index only what a reader can already find in the file, never the GOP still in the muxer.
            self._store.update_segment(current.segment_id, current.utc_us(current.flushed_pts), _size(current.path))

    def stop(self) -> None:
        self._flush_settling()
        if self._open is not None:
            self._close(GapReason.NOT_RUNNING)
        self._set(RecorderState.STOPPED, "")

    # -- segments ------------------------------------------------------------------------------------
    def _start(self, params: StreamParams, pts: int) -> _Open | None:
        mapping = self._mapper.mapping()
        assert mapping is not None  # observe() ran for this packet
        self._check_camera_clock(mapping)
        start_us = mapping.utc_us(float(pts * params.time_base))
        path = self._new_path(from_us(start_us))
        metadata = {TAG_START_UTC: from_us(start_us).isoformat(), TAG_TIME_SOURCE: mapping.source.value,
                    TAG_CAMERA_ID: str(self.camera_id), TAG_PROFILE: self.profile,
                    "creation_time": from_us(start_us).isoformat()}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            segment_file = SegmentFile(path, params, metadata)
        except (SegmentWriteError, OSError) as err:
            self._fail(err if isinstance(err, SegmentWriteError) else SegmentWriteError(str(err), _is_full(err)))
            return None
        try:
            segment_id = self._store.begin_segment(NewSegment(
                self.camera_id, self.profile, self._store.relative(path), start_us, mapping.source,
                mapping.camera_offset_s, params.codec, params.width, params.height))
        except Exception as err:   # e.g. the database stayed locked: an unindexed file would be an orphan
            _discard(segment_file, path)
            self._fail(SegmentWriteError(f"cannot index {path.name}: {err}"))
            return None
        if self._gap is not None:
            self._store.add_gap(self.camera_id, self._gap[0], start_us, self._gap[1])
            self._gap = None
        self._open = _Open(segment_file, segment_id, mapping, pts, pts, pts, path,
                           self._clock.monotonic() + self._config.progress_every_s, params.time_base)
        self.status = replace(self.status, segment_path=str(path))
        self._set(RecorderState.RECORDING, "")
        return self._open

    def _close(self, gap_reason: str | None, end_pts: int | None = None) -> None:
        """Finish the open segment; ``end_pts`` is the next segment's first keyframe when cut on time."""
        current, self._open = self._open, None
        if current is None:
            return
        if end_pts is not None:
            current.end_pts = end_pts
        try:
            current.file.close()
        except SegmentWriteError as err:
            self._settle_damaged(current, err)
            return
        end_us = current.utc_us(current.end_pts)
        self._store.update_segment(current.segment_id, end_us, _size(current.path), SegmentState.COMPLETE)
        seal_segment(self._store, current.segment_id, current.path)
        self.status = replace(self.status, segments_written=self.status.segments_written + 1)
        self._last_end_us = end_us
        if gap_reason is not None:
            self._gap = (end_us, gap_reason)

    def _fail(self, err: SegmentWriteError) -> None:
        current, self._open = self._open, None
        if current is not None:
            try:
                current.file.close()
            except SegmentWriteError:
                pass
            self._settle_damaged(current, err)
        elif self._gap is None and self._last_end_us is not None:
            self._gap = (self._last_end_us, GapReason.DISK_FULL if err.disk_full else GapReason.WRITE_ERROR)
        self._retry_at = self._clock.monotonic() + self._config.retry_every_s
        if err.disk_full:
            log.error("camera %s: recording stopped, the recordings disk is full", self.camera_id)
            self._set(RecorderState.DISK_FULL, "The recordings disk is full; recording resumes when space is freed.")
        else:
            log.error("camera %s: recording failed: %s", self.camera_id, err)
            self._set(RecorderState.ERROR, f"Recording failed: {err}")

    def _settle_damaged(self, current: _Open, err: SegmentWriteError) -> None:
        """Index what really reached the disk of a segment whose writing failed."""
        reason = GapReason.DISK_FULL if err.disk_full else GapReason.WRITE_ERROR
        try:
            trim_torn_tail(current.path)
            probed = probe_segment(current.path)
        except (NotASegment, OSError) as probe_err:
            log.warning("camera %s: nothing playable in %s (%s); removing it", self.camera_id, current.path.name,
                        probe_err)
            current.path.unlink(missing_ok=True)
            self._store.delete_row(current.segment_id)
            self._gap = (self._last_end_us, reason) if self._last_end_us is not None else None
            return
        self._store.replace_times(current.segment_id, probed.start_us, probed.end_us, _size(current.path),
                                  SegmentState.COMPLETE)
        seal_segment(self._store, current.segment_id, current.path)
        self.status = replace(self.status, segments_written=self.status.segments_written + 1)
        self._last_end_us = probed.end_us
        self._gap = (probed.end_us, reason)

    def _may_write(self) -> bool:
        if self.status.state not in (RecorderState.DISK_FULL, RecorderState.ERROR):
            return True
        now = self._clock.monotonic()
        if now < self._retry_at:
            return False
        self._retry_at = now + self._config.retry_every_s
        if self.status.state is RecorderState.DISK_FULL:
            try:
                free = shutil.disk_usage(self._store.root).free
            except OSError:
                return False
            return free >= self._config.resume_free_bytes
        return True

    def _check_camera_clock(self, mapping: TimeMapping) -> None:
        wrong = self._mapper.camera_clock_wrong()
        self.status = replace(self.status, camera_offset_s=mapping.camera_offset_s, camera_clock_wrong=wrong)
        if wrong and not self._warned_clock:
            self._warned_clock = True
            log.warning("camera %s: its clock is %+.1f s off the station's; using the station's time",
                        self.camera_id, mapping.camera_offset_s or 0.0)

    def _new_path(self, start: datetime) -> Path:
        folder = self._store.root / str(self.camera_id) / start.strftime("%Y-%m-%d")
        stem = f"cam{self.camera_id}-{self.profile}-{start.strftime('%Y%m%dT%H%M%S')}{start.microsecond // 1000:03d}Z"
        path, n = folder / f"{stem}.mp4", 1
        while path.exists():
            n += 1
            path = folder / f"{stem}-{n}.mp4"
        return path

    def _set(self, state: RecorderState, message: str) -> None:
        self.status = replace(self.status, state=state, message=message,
                              segment_path=self.status.segment_path if state is RecorderState.RECORDING else None)


def _discard(segment_file: SegmentFile, path: Path) -> None:
    try:
        segment_file.close()
    except SegmentWriteError:
        pass
    path.unlink(missing_ok=True)


def _frame_ticks(params: StreamParams) -> int:
    if params.rate:
        return max(1, round(1 / (params.rate * params.time_base)))
    return max(1, round(Fraction(1, 25) / params.time_base))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _is_full(err: OSError) -> bool:
    return err.errno in (errno.ENOSPC, errno.EDQUOT)
