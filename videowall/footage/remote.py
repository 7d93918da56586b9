"""RemoteFootage: a recording server's footage as a ``FootageSource``, so playback and export run unchanged.

Index answers come from the server (times are the recorder's UTC) and are reused for ``FRESH_S`` within a
window around what was asked, so playback ticks do not each cost a request. Segment bytes land in the
station's footage cache, one file per segment: a sealed segment is kept only when its SHA-256 matches the
digest the recorder took when it closed the file; a download cut short stays as ``.part`` and the next one
fetches only the rest. Export reads through ``verified_path``, which also re-checks a cached file. Used by
one thread at a time (each playback session and each export has its own).
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from videowall.footage.client import RecorderClient, RecorderClock
from videowall.footage.wire import gap_from_json, segment_from_json
from videowall.recording.digest import file_sha256
from videowall.recording.index import NO_RECORDING
from videowall.recording.timebase import from_us, to_us
from videowall.recording.types import RecordedSegment, SegmentState, TimeGap
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)

FRESH_S = 2.0                        # how long an index answer is reused
WINDOW_US = 10 * 60 * 1_000_000      # fetched around each query, so nearby seeks need no request


@dataclass
class _Window:
    start_us: int
    end_us: int
    fetched_monotonic: float
    segments: list[RecordedSegment]
    gaps: list[TimeGap]


class RemoteFootage:
    def __init__(self, client: RecorderClient, cache_dir: Path, clock: Clock = SYSTEM_CLOCK) -> None:
        self.client = client
        self._cache = Path(cache_dir)
        self._cache.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self._windows: dict[int, _Window] = {}
        self.downloaded_bytes = 0      # bytes received from the server by this source (resumes count only the rest)

    # -- index (RecordingIndex / FootageSource) ----------------------------------------------------------
    def segments(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[RecordedSegment]:
        return self.segments_us(camera_id, to_us(start_utc), to_us(end_utc))

    def segments_us(self, camera_id: int, start_us: int, end_us: int) -> list[RecordedSegment]:
        window = self._window(camera_id, start_us, end_us)
        return [s for s in window.segments if to_us(s.start_utc) < end_us and to_us(s.end_utc) > start_us]

    def gaps(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[TimeGap]:
        start_us, end_us = to_us(start_utc), to_us(end_utc)
        window = self._window(camera_id, start_us, end_us)
        return [TimeGap(from_us(max(start_us, to_us(g.start_utc))), from_us(min(end_us, to_us(g.end_utc))), g.reason)
                for g in window.gaps if to_us(g.start_utc) < end_us and to_us(g.end_utc) > start_us]

    def reason_at(self, camera_id: int, t_us: int) -> str:
        for gap in self._window(camera_id, t_us, t_us + 1).gaps:
            if to_us(gap.start_utc) <= t_us < to_us(gap.end_utc):
                return gap.reason
        return NO_RECORDING

    def recorder_clock(self) -> RecorderClock:
        return self.client.clock()

    # -- bytes -----------------------------------------------------------------------------------------
    def segment_path(self, segment: RecordedSegment) -> Path:
        """The segment in the cache, fetched (and checked against the recorder's digest) if not there yet."""
        return self._cached(segment)[0]

    def verified_path(self, segment: RecordedSegment) -> Path:
        """What an export reads: the segment's bytes exactly as the recorder hashed them when it closed it."""
        if segment.sha256 is None:
            raise self._no_digest(segment)
        path, fetched = self._cached(segment)
        if fetched or file_sha256(path) == segment.sha256:
            return path
        log.warning("cached segment %s changed on this station; fetching it again", segment.id)
        path.unlink(missing_ok=True)
        return self._cached(segment)[0]

    def close(self) -> None:
        self.client.close()

    # -- internals ---------------------------------------------------------------------------------------
    def _window(self, camera_id: int, start_us: int, end_us: int) -> _Window:
        now = self._clock.monotonic()
        window = self._windows.get(camera_id)
        if (window is not None and window.start_us <= start_us and end_us <= window.end_us
                and now - window.fetched_monotonic < FRESH_S):
            return window
        first, last = start_us - WINDOW_US, max(end_us, start_us + 1) + WINDOW_US
        data = self.client.footage(camera_id, from_us(first), from_us(last))
        segments = [self._segment(item) for item in data.get("segments", [])]
        try:
            gaps = [gap_from_json(item) for item in data.get("gaps", [])]
        except (KeyError, TypeError, ValueError):
            raise VideowallError(ErrorKind.STREAM_ERROR, "The recording server sent gaps this station cannot read.") \
                from None
        window = _Window(first, last, now, segments, gaps)
        self._windows[camera_id] = window
        return window

    def _segment(self, item: dict) -> RecordedSegment:
        described = segment_from_json(item, self._cache)
        return replace(described, path=self._cache / _cache_name(described))

    def _cached(self, segment: RecordedSegment) -> tuple[Path, bool]:
        """(the cached file, whether it was fetched now). A sealed segment is hashed as it arrives and kept
        only when it matches the recorder's digest."""
        final = self._cache / _cache_name(segment)
        if final.exists():
            return final, False
        part = final.with_name(final.name + ".part")
        if segment.sha256 is None:       # still growing on the recorder: older copies are out of date
            for stale in self._cache.glob(f"{segment.id}-open-*"):
                stale.unlink(missing_ok=True)
        digest = hashlib.sha256()
        _header, kept = self.client.download(segment.id, part, lambda chunk: self._received(digest, chunk))
        if segment.sha256 is not None:
            actual = file_sha256(part) if kept else digest.hexdigest()   # a resumed file is hashed whole
            if actual != segment.sha256:
                part.unlink(missing_ok=True)
                raise self._mismatch(segment)
        os.replace(part, final)
        return final, True

    def _received(self, digest, chunk: bytes) -> None:
        digest.update(chunk)
        self.downloaded_bytes += len(chunk)

    def _no_digest(self, segment: RecordedSegment) -> VideowallError:
        what = f"Segment {segment.id} of camera {segment.camera_id} ({segment.start_utc:%Y-%m-%d %H:%M:%S} UTC)"
        if segment.state is SegmentState.RECORDING:
            return VideowallError(ErrorKind.NOT_FOUND, f"{what} is still being recorded, so the recorder has no digest "
                                  "of it yet. Export a range that ended a minute ago, or wait until it closes.")
        return VideowallError(ErrorKind.NOT_FOUND, f"{what} was recorded before the recorder took digests of its "
                              "segments, so what arrives cannot be checked against it. Export it on the recording "
                              "PC itself.")

    def _mismatch(self, segment: RecordedSegment) -> VideowallError:
        return VideowallError(
            ErrorKind.STORAGE_CORRUPT,
            f"Segment {segment.id} of camera {segment.camera_id} ({segment.start_utc:%Y-%m-%d %H:%M:%S} UTC) from the "
            f"recording server {self.client.base_url} does not match the SHA-256 the recorder took when it closed "
            "the file: it was changed or damaged on the recorder's disk. It is not used, and no evidence package "
            "is made from it; tell the recorder's administrator.")


def _cache_name(segment: RecordedSegment) -> str:
    if segment.sha256 is not None:
        return f"{segment.id}-{segment.sha256[:16]}.mp4"
    return f"{segment.id}-open-{segment.bytes}.mp4"
