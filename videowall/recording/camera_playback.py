"""The recorded picture of one camera at a given moment: finds the segment, seeks, decodes forward.

"The frame at t" is the last frame whose time is at or before t (what a viewer sees at t). Moving
forward a little decodes on from the current frame; a jump seeks to the keyframe before the target and
decodes up to it, so a seek lands exactly on the target's frame (never further than one GOP of
decoding). Used by the playback thread only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from videowall.recording.segment_reader import DecodedFrame, SegmentReader, SegmentReadError
from videowall.recording.timebase import to_us
from videowall.recording.types import FootageSource, RecordedSegment
from videowall.runtime.errors import VideowallError

log = logging.getLogger(__name__)

DECODE_AHEAD_US = 2_000_000    # a target further ahead than this is reached by seeking, not decoding on


@dataclass(frozen=True)
class PlaybackFrame:
    camera_id: int
    image: np.ndarray          # H×W×4 BGRA, C-contiguous
    utc_us: int                # recorded time of this frame
    keyframe: bool
    segment_id: int
    source_width: int
    source_height: int


class CameraPlayback:
    def __init__(self, index: FootageSource, camera_id: int, box: tuple[int, int] | None = None,
                 threads: int = 1) -> None:
        self.camera_id = camera_id
        self._index = index
        self._box = box
        self._threads = threads
        self._segment: RecordedSegment | None = None
        self._segment_start_us = 0
        self._reader: SegmentReader | None = None
        self._current: DecodedFrame | None = None
        self._next: DecodedFrame | None = None
        self._shown: PlaybackFrame | None = None

    def set_box(self, box: tuple[int, int] | None) -> None:
        if box != self._box:
            self._box = box
            self._shown = None

    @property
    def current_utc_us(self) -> int | None:
        return None if self._current is None else self._segment_start_us + self._current.offset_us

    def frame_at(self, t_us: int, keyframes_only: bool = False) -> PlaybackFrame | None:
        """The frame shown at ``t_us``, or None when the camera has no recording then."""
        if not self._within_current_segment(t_us):
            if not self._open_segment_at(t_us):
                return None
            self._seek(t_us)
        elif t_us < self.current_utc_us or t_us - self.current_utc_us > DECODE_AHEAD_US:
            self._seek(t_us)
        self._decode_up_to(t_us, keyframes_only)
        return self._frame()

    def keyframe_at(self, t_us: int) -> PlaybackFrame | None:
        """The keyframe at or before ``t_us`` (reverse playback shows only keyframes)."""
        current = self.current_utc_us
        if (current is not None and self._current.keyframe and self._within_current_segment(t_us)
                and current <= t_us):
            return self._frame()
        if not self._within_current_segment(t_us) and not self._open_segment_at(t_us):
            return None
        self._seek(t_us)
        return self._frame()

    def step_forward(self) -> PlaybackFrame | None:
        """The frame after the one shown; crosses into the next segment. None at the end of the recording."""
        if self._current is None:
            return None
        if self._next is None:
            self._next = self._read_next(False)
        if self._next is None:
            following = self._index.segments_us(self.camera_id, self._segment_end_us(), self._segment_end_us() + 1)
            following = [s for s in following if s.id != self._segment.id]
            if not following:
                return None
            return self.frame_at(to_us(following[0].start_utc))
        self._current, self._next = self._next, self._read_next(False)
        return self._frame()

    def step_backward(self) -> PlaybackFrame | None:
        """The frame before the one shown (decoded again from its keyframe); None at the first frame."""
        current = self.current_utc_us
        if current is None:
            return None
        previous = self.frame_at(current - 1)
        return previous if previous is not None and previous.utc_us < current else None

    def close(self) -> None:
        self._close_reader()
        self._segment = None

    # -- internals ------------------------------------------------------------------------------------
    def _within_current_segment(self, t_us: int) -> bool:
        return (self._segment is not None and self._current is not None
                and self._segment_start_us <= t_us < self._segment_end_us())

    def _segment_end_us(self) -> int:
        return to_us(self._segment.end_utc) if self._segment is not None else 0

    def _open_segment_at(self, t_us: int) -> bool:
        try:
            found = self._index.segments_us(self.camera_id, t_us, t_us + 1)
        except VideowallError as err:       # a recording server out of reach: no picture, the reason is shown
            log.warning("camera %s: %s", self.camera_id, err.user_message)
            return False
        candidates = [s for s in found if to_us(s.start_utc) <= t_us < to_us(s.end_utc)]
        if not candidates:
            return False
        segment = candidates[-1]            # overlaps (a camera clock switch) resolve to the newer segment
        if self._segment is not None and segment.id == self._segment.id and self._reader is not None:
            return True
        self._close_reader()
        try:
            self._reader = SegmentReader(self._index.segment_path(segment), self._threads)
        except SegmentReadError as err:     # deleted by retention meanwhile, or damaged
            log.warning("camera %s: %s", self.camera_id, err)
            return False
        except VideowallError as err:       # a remote segment not fetched or not matching its digest
            log.warning("camera %s: %s", self.camera_id, err.user_message)
            return False
        self._segment, self._segment_start_us = segment, to_us(segment.start_utc)
        return True

    def _seek(self, t_us: int) -> None:
        try:
            self._reader.seek(t_us - self._segment_start_us)
        except SegmentReadError as err:
            log.warning("camera %s: %s", self.camera_id, err)
        self._current = self._read_next(False)
        self._next = None
        self._shown = None

    def _decode_up_to(self, t_us: int, keyframes_only: bool) -> None:
        if self._current is None:
            return
        offset = t_us - self._segment_start_us
        if self._next is None:
            self._next = self._read_next(keyframes_only)
        while self._next is not None and self._next.offset_us <= offset:
            self._current = self._next
            self._next = self._read_next(keyframes_only)

    def _read_next(self, keyframes_only: bool) -> DecodedFrame | None:
        return self._reader.next_frame(keyframes_only) if self._reader is not None else None

    def _frame(self) -> PlaybackFrame | None:
        decoded = self._current
        if decoded is None:
            return None
        utc = self._segment_start_us + decoded.offset_us
        shown = self._shown
        if shown is None or shown.utc_us != utc or shown.segment_id != self._segment.id:
            frame = decoded.frame
            shown = PlaybackFrame(self.camera_id, self._reader.to_bgra(decoded, self._box), utc, decoded.keyframe,
                                  self._segment.id, frame.width, frame.height)
            self._shown = shown
        return shown

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
        self._reader, self._current, self._next, self._shown = None, None, None, None
