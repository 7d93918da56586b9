"""The recordings index on each engine (SQLite file, PostgreSQL server): ranges, gaps and their reasons, cameras to record."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from videowall.model.camera import Profile
from videowall.recording.index import MIN_GAP_US, NO_RECORDING, NewSegment, RecordingStore
from videowall.recording.timebase import to_us
from videowall.recording.types import SegmentState, TimeSource
from tests.fixtures.clock import FakeClock

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(database, tmp_path):
    return RecordingStore(database, tmp_path / "recordings", FakeClock(start_utc=T0))


def _add(store: RecordingStore, camera_id: int, start_s: float, end_s: float,
         state: SegmentState = SegmentState.COMPLETE) -> int:
    start = T0 + timedelta(seconds=start_s)
    rel = f"{camera_id}/2026-03-01/cam{camera_id}-{start_s}.mp4"
    segment_id = store.begin_segment(NewSegment(camera_id, "main", rel, to_us(start), TimeSource.RECEIVE, None,
                                                "h264", 1280, 720))
    store.update_segment(segment_id, to_us(T0 + timedelta(seconds=end_s)), 1234, state)
    return segment_id


def _s(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_segments_overlapping_a_range_in_order(store):
    a = _add(store, 1, 0, 60)
    b = _add(store, 1, 60, 120)
    _add(store, 2, 0, 60)
    c = _add(store, 1, 200, 260, SegmentState.RECORDING)
    assert [s.id for s in store.segments(1, _s(30), _s(61))] == [a, b]
    assert [s.id for s in store.segments(1, _s(120), _s(200))] == []     # touching ends do not overlap
    assert [s.id for s in store.segments(1, _s(0), _s(1000))] == [a, b, c]
    seg = store.segment(c)
    assert seg.state is SegmentState.RECORDING and seg.path == store.root / "1/2026-03-01/cam1-200.mp4"
    assert (seg.start_utc, seg.end_utc, seg.bytes, seg.width) == (_s(200), _s(260), 1234, 1280)


def test_gaps_between_and_around_segments_carry_their_reasons(store):
    _add(store, 1, 0, 60)
    _add(store, 1, 60, 120)                     # contiguous: no gap
    _add(store, 1, 150, 180)
    store.add_gap(1, to_us(_s(120)), to_us(_s(150)), "disk full")
    _add(store, 1, 180 + MIN_GAP_US / 2e6, 240)  # a hole shorter than MIN_GAP is not a gap
    gaps = store.gaps(1, _s(-10), _s(300))
    assert [(g.start_utc, g.end_utc, g.reason) for g in gaps] == [
        (_s(-10), _s(0), NO_RECORDING), (_s(120), _s(150), "disk full"), (_s(240), _s(300), NO_RECORDING)]
    assert store.gaps(1, _s(10), _s(110)) == []
    assert [g.reason for g in store.gaps(2, _s(0), _s(10))] == [NO_RECORDING]


def test_a_short_hole_with_a_known_reason_is_a_gap(store):
    _add(store, 1, 0, 60)
    _add(store, 1, 60.3, 120)                   # a camera reconnecting in 0.3 s: real footage lost
    store.add_gap(1, to_us(_s(60)), to_us(_s(60.3)), "camera unreachable")
    assert [(g.start_utc, g.end_utc, g.reason) for g in store.gaps(1, _s(0), _s(120))] == [
        (_s(60), _s(60.3), "camera unreachable")]


def test_cameras_marked_for_recording(store):
    conn = store.conn
    for name in ("Gate", "Square", "Park"):
        conn.execute("INSERT INTO cameras (name, main_url, created_utc, updated_utc) VALUES (:name, 'rtsp://h/x', '', '')",
                     {"name": name})
    assert store.cameras_to_record() == []
    store.set_recording(3, True, Profile.SUB)
    store.set_recording(1, True)
    assert store.cameras_to_record() == [(1, Profile.MAIN), (3, Profile.SUB)]
    store.set_recording(3, False)
    assert store.cameras_to_record() == [(1, Profile.MAIN)]


def test_last_end_and_counts(store):
    assert store.last_end_us(1) is None and store.segment_count() == 0
    _add(store, 1, 0, 60)
    _add(store, 1, 60, 90)
    assert store.last_end_us(1) == to_us(_s(90)) and store.segment_count() == 2
    assert [s.start_utc for s in store.oldest_segments(10)] == [_s(0), _s(60)]


def test_a_sealed_segment_carries_its_digest(store):
    segment_id = _add(store, 1, 0, 60)
    assert store.segment(segment_id).sha256 is None
    store.set_digest(segment_id, "ab" * 32)
    assert store.segment(segment_id).sha256 == "ab" * 32
    assert [s.sha256 for s in store.segments(1, _s(0), _s(60))] == ["ab" * 32]
