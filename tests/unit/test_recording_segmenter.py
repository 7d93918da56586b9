"""The recorder's writer logic on real H.264 packets (from ffmpeg), real files and SQLite, a fake clock.

No threads and no network: packets are fed as the session's demux thread would hand them over.
"""

from __future__ import annotations

import hashlib

import shutil
import subprocess
from datetime import datetime, timezone
from fractions import Fraction

import av
import pytest

from videowall.recording.index import RecordingStore
from videowall.recording.recorder_types import GapReason, RecorderConfig, RecorderState
from videowall.recording.segment_file import CopiedPacket, StreamParams
from videowall.recording.segment_probe import probe_segment
from videowall.recording.segmenter import Segmenter
from videowall.recording.timebase import to_us
from videowall.recording.types import SegmentState, TimeSource
from tests.fixtures.clock import FakeClock

FPS = 25
TICKS = 90000 // FPS
T0 = datetime(2026, 5, 5, 12, 0, tzinfo=timezone.utc)
PARAMS = StreamParams("h264", 320, 240, Fraction(1, 90000), Fraction(FPS), None)
pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg to make test footage")


@pytest.fixture(scope="module")
def gop_packets(tmp_path_factory):
    """One second (one GOP) of H.264: [(bytes, keyframe)] — repeated to make longer streams."""
    source = tmp_path_factory.mktemp("gop") / "gop.ts"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"testsrc=size=320x240:rate={FPS}", "-t", "1",
                    "-c:v", "libx264", "-g", str(FPS), "-bf", "0", "-pix_fmt", "yuv420p", str(source)],
                   check=True, timeout=60)
    with av.open(str(source)) as container:
        return [(bytes(p), p.is_keyframe) for p in container.demux(video=0) if p.size]


@pytest.fixture
def clock():
    return FakeClock(start_utc=T0)


@pytest.fixture
def store(tmp_path, clock):
    st = RecordingStore.open(tmp_path / "db.sqlite3", tmp_path / "recordings", clock)
    st.conn.execute("INSERT INTO cameras (name, main_url, created_utc, updated_utc) VALUES ('Gate', 'rtsp://h/x', '', '')")
    yield st
    st.close()


def _feed(segmenter, clock, gop, seconds, first_frame=0, anchor_us=None, first_pts=0, drop_at=None):
    """Feed ``seconds`` of 25 fps packets, one every 40 ms of the fake clock, arriving 50 ms after capture."""
    for n in range(first_frame, first_frame + seconds * FPS):
        if drop_at is not None and n == drop_at:
            segmenter.packets_dropped(5)
        data, key = gop[n % len(gop)]
        clock.advance(1 / FPS)
        pts = first_pts + n * TICKS
        segmenter.packet(CopiedPacket(data, pts, pts, TICKS, key, clock.monotonic(), anchor_us))


def _config(**overrides):
    values = {"segment_s": 2.0, "settle_s": 0.5, "progress_every_s": 1.0}
    values.update(overrides)
    return RecorderConfig(**values)


def test_segments_are_cut_on_keyframes_and_abut(store, clock, gop_packets):
    segmenter = Segmenter(1, "main", store, clock, _config())
    segmenter.stream_opened(PARAMS)
    _feed(segmenter, clock, gop_packets, 7)
    assert segmenter.status.state is RecorderState.RECORDING
    segmenter.stop()
    segments = store.segments_us(1, 0, 2**62)
    lengths = [(s.end_utc - s.start_utc).total_seconds() for s in segments]
    assert lengths == [2.0, 2.0, 2.0, 1.0]
    assert all(a.end_utc == b.start_utc for a, b in zip(segments, segments[1:]))
    assert all(s.state is SegmentState.COMPLETE and s.time_source is TimeSource.RECEIVE for s in segments)
    # Each closed file's digest is in the index: what a station checks remote footage against.
    assert all(s.sha256 == hashlib.sha256(s.path.read_bytes()).hexdigest() for s in segments)
    # Receive time: frame 0 arrived 40 ms after the clock's start; the smallest delay wins.
    assert to_us(segments[0].start_utc) == to_us(T0) + 40_000
    assert segmenter.status.state is RecorderState.STOPPED and segmenter.status.segments_written == 4


def test_the_camera_clock_is_used_when_it_is_sane(store, clock, gop_packets):
    segmenter = Segmenter(1, "main", store, clock, _config())
    segmenter.stream_opened(PARAMS)
    anchor = to_us(T0) + 20_000           # the camera says frame 0 was captured 20 ms after T0
    _feed(segmenter, clock, gop_packets, 3, anchor_us=anchor)
    segmenter.stop()
    first = store.segments_us(1, 0, 2**62)[0]
    assert first.time_source is TimeSource.CAMERA_NTP and to_us(first.start_utc) == anchor
    assert first.clock_offset_s == pytest.approx(-0.02, abs=0.001)


def test_an_overflow_leaves_a_gap_and_recording_goes_on(store, clock, gop_packets):
    segmenter = Segmenter(1, "main", store, clock, _config(segment_s=10.0))
    segmenter.stream_opened(PARAMS)
    _feed(segmenter, clock, gop_packets, 4, drop_at=30)     # dropped up to the keyframe at frame 50
    segmenter.stop()
    first, second = store.segments_us(1, 0, 2**62)
    assert second.start_utc > first.end_utc
    gaps = store.gaps(1, first.start_utc, second.end_utc)
    assert [g.reason for g in gaps] == [GapReason.OVERLOADED] and segmenter.status.packets_dropped == 5


def test_a_timestamp_jump_starts_a_new_segment(store, clock, gop_packets):
    segmenter = Segmenter(1, "main", store, clock, _config(segment_s=10.0))
    segmenter.stream_opened(PARAMS)
    _feed(segmenter, clock, gop_packets, 2)
    _feed(segmenter, clock, gop_packets, 2, first_pts=-10_000_000)     # the camera restarted its RTP clock
    segmenter.stop()
    segments = store.segments_us(1, 0, 2**62)
    assert len(segments) == 2
    assert abs((segments[1].start_utc - segments[0].end_utc).total_seconds()) < 0.1   # real time kept flowing


def test_a_missing_first_timestamp_is_filled_in(store, clock, gop_packets):
    segmenter = Segmenter(1, "main", store, clock, _config())
    segmenter.stream_opened(PARAMS)
    data, key = gop_packets[0]
    clock.advance(0.04)
    segmenter.packet(CopiedPacket(data, None, None, 0, key, clock.monotonic(), None))   # RTSP's first packet
    _feed(segmenter, clock, gop_packets, 2, first_frame=1)
    segmenter.stop()
    segment = store.segments_us(1, 0, 2**62)[0]
    assert (segment.end_utc - segment.start_utc).total_seconds() == pytest.approx(2.0, abs=0.001)


def test_after_a_restart_the_gap_is_marked_recorder_not_running(store, clock, gop_packets):
    first = Segmenter(1, "main", store, clock, _config())
    first.stream_opened(PARAMS)
    _feed(first, clock, gop_packets, 2)
    first.stop()
    clock.advance(30)
    second = Segmenter(1, "main", store, clock, _config())
    second.stream_opened(PARAMS)
    _feed(second, clock, gop_packets, 2)
    second.stop()
    a, b = store.segments_us(1, 0, 2**62)
    assert [g.reason for g in store.gaps(1, a.start_utc, b.end_utc)] == [GapReason.NOT_RUNNING]


def test_a_segment_in_progress_is_indexed_only_as_far_as_its_file_holds(store, clock, gop_packets):
    segmenter = Segmenter(1, "main", store, clock, _config(segment_s=10.0, progress_every_s=0.2))
    segmenter.stream_opened(PARAMS)
    _feed(segmenter, clock, gop_packets, 3)
    for n in range(3 * FPS, 3 * FPS + 12):         # half of the fourth GOP: still inside the muxer
        data, key = gop_packets[n % len(gop_packets)]
        clock.advance(1 / FPS)
        segmenter.packet(CopiedPacket(data, n * TICKS, n * TICKS, TICKS, key, clock.monotonic(), None))
    segment = store.segments_us(1, 0, 2**62)[0]
    assert segment.state is SegmentState.RECORDING
    in_file = probe_segment(segment.path)            # what a reader finds in the file right now
    assert to_us(segment.end_utc) == in_file.end_us
    assert (segment.end_utc - segment.start_utc).total_seconds() == pytest.approx(3.0, abs=0.001)
    segmenter.stop()
