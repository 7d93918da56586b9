"""Segment files and the index after a crash: torn tails, orphans, missing files, an unmounted disk.

Segments are real fMP4 files written by ``SegmentFile`` from H.264 that ffmpeg encodes once per session.
"""

from __future__ import annotations

import hashlib

import os
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from fractions import Fraction

import av
import pytest

from videowall.recording.fmp4_boxes import scan, trim_torn_tail
from videowall.recording.index import NewSegment, RecordingStore
from videowall.recording.reconcile import ROOT_MARKER, prepare_root, reconcile
from videowall.recording.root_lock import RootLock, RunState
from videowall.recording.segment_file import (
    TAG_CAMERA_ID, TAG_PROFILE, TAG_START_UTC, TAG_TIME_SOURCE, SegmentFile, StreamParams,
)
from videowall.recording.segment_probe import NotASegment, probe_segment
from videowall.recording.timebase import to_us
from videowall.recording.types import SegmentState, TimeSource
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError

T0 = datetime(2026, 2, 3, 4, 5, 6, 789000, tzinfo=timezone.utc)
FPS = 25
SECONDS = 4

pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg to make test footage")


@pytest.fixture(scope="module")
def h264_packets(tmp_path_factory):
    """(params, [(bytes, pts, keyframe)]) of 4 s of 320×240 H.264 at 25 fps, GOP 1 s, Annex B."""
    source = tmp_path_factory.mktemp("footage") / "source.ts"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"testsrc=size=320x240:rate={FPS}",
                    "-t", str(SECONDS), "-c:v", "libx264", "-g", str(FPS), "-bf", "0", "-pix_fmt", "yuv420p",
                    str(source)], check=True, timeout=60)
    with av.open(str(source)) as container:
        stream = container.streams.video[0]
        params = StreamParams("h264", 320, 240, Fraction(1, 90000), Fraction(FPS), None)
        packets = [(bytes(p), p.pts, p.is_keyframe) for p in container.demux(stream) if p.size]
    first = packets[0][1]
    return params, [(data, pts - first, key) for data, pts, key in packets]


@pytest.fixture
def store(tmp_path):
    root = tmp_path / "recordings"
    prepare_root(root, create=True)
    st = RecordingStore.open(tmp_path / "db.sqlite3", root, FakeClock(start_utc=T0))
    yield st
    st.close()


def _write(store, h264_packets, camera_id=1, start=T0, frames=None):
    params, packets = h264_packets
    path = store.root / str(camera_id) / start.strftime("%Y-%m-%d") / f"cam{camera_id}-{to_us(start)}.mp4"
    path.parent.mkdir(parents=True, exist_ok=True)
    segment = SegmentFile(path, params, {TAG_START_UTC: start.isoformat(), TAG_TIME_SOURCE: "camera_ntp",
                                         TAG_CAMERA_ID: str(camera_id), TAG_PROFILE: "main"})
    for data, pts, key in packets[:frames]:
        segment.write(data, pts, pts, 3600, key)
    segment.close()
    return path, segment


def _index(store, path, start, end, state):
    segment_id = store.begin_segment(NewSegment(1, "main", store.relative(path), to_us(start),
                                                TimeSource.CAMERA_NTP, None, "h264", 320, 240))
    store.update_segment(segment_id, to_us(end), path.stat().st_size, state)
    return segment_id


def test_a_written_segment_reads_back_its_times(store, h264_packets):
    path, _ = _write(store, h264_packets)
    probed = probe_segment(path)
    assert (probed.camera_id, probed.profile, probed.time_source) == (1, "main", TimeSource.CAMERA_NTP)
    assert probed.start_us == to_us(T0)
    assert probed.end_us - probed.start_us == SECONDS * 1_000_000
    assert (probed.frames, probed.codec, probed.width, probed.height) == (SECONDS * FPS, "h264", 320, 240)
    assert not scan(path).torn and scan(path).fragments == SECONDS


def test_a_torn_tail_is_trimmed_to_whole_fragments(store, h264_packets):
    path, _ = _write(store, h264_packets)
    whole = scan(path)
    with path.open("r+b") as f:       # what a crash mid-write leaves: part of the last fragment
        f.truncate(whole.size - 3000)
    torn = trim_torn_tail(path)
    assert torn.torn and torn.fragments == SECONDS - 1
    after = scan(path)
    assert not after.torn and after.size == torn.clean_end
    assert probe_segment(path).end_us - to_us(T0) == (SECONDS - 1) * 1_000_000


def test_a_file_without_tags_or_frames_is_not_a_segment(store, h264_packets, tmp_path):
    stray = tmp_path / "stray.mp4"
    stray.write_bytes(b"\0\0\0\x08free")
    with pytest.raises(NotASegment):
        probe_segment(stray)


def test_reconcile_recovers_open_segments_and_orphans_and_drops_missing(store, h264_packets):
    # 1. left "recording" by a crash, its last fragment torn
    crashed, _ = _write(store, h264_packets)
    with crashed.open("r+b") as f:
        f.truncate(scan(crashed).size - 2000)
    crashed_id = _index(store, crashed, T0, T0 + timedelta(seconds=1), SegmentState.RECORDING)
    # 2. on disk but never indexed
    orphan_start = T0 + timedelta(minutes=5)
    orphan, _ = _write(store, h264_packets, start=orphan_start)
    # 3. indexed, file gone
    gone = store.root / "1" / "2026-02-03" / "gone.mp4"
    gone.parent.mkdir(parents=True, exist_ok=True)
    gone.write_bytes(b"x")
    gone_id = _index(store, gone, T0 - timedelta(minutes=5), T0 - timedelta(minutes=4), SegmentState.COMPLETE)
    gone.unlink()

    report = reconcile(store)

    assert report.recovered == [store.relative(crashed), store.relative(orphan)]
    assert report.removed_missing == [store.relative(gone)] and report.trimmed == [crashed.name]
    recovered = store.segment(crashed_id)
    assert recovered.state is SegmentState.RECOVERED
    assert recovered.end_utc - recovered.start_utc == timedelta(seconds=SECONDS - 1)
    found = store.segment_by_path(store.relative(orphan))
    assert (found.state, found.start_utc, found.end_utc) == (
        SegmentState.RECOVERED, orphan_start, orphan_start + timedelta(seconds=SECONDS))
    assert store.segment(gone_id) is None
    # Recovered files get the recorder's digest of what is on disk now (stations check remote footage with it).
    for segment in (recovered, found):
        assert segment.sha256 == hashlib.sha256(segment.path.read_bytes()).hexdigest()
    actions = sorted(e.action for e in store._audit.entries())
    assert actions == ["recording.index_removed", "recording.recovered", "recording.recovered"]
    assert reconcile(store).recovered == []        # a second pass finds nothing to do


def test_a_segment_cut_before_its_first_fragment_is_removed(store, h264_packets):
    path, _ = _write(store, h264_packets, frames=10)
    with path.open("r+b") as f:      # keep ftyp + moov only: killed before the first fragment was flushed
        header_end = 0
        for _ in range(2):
            f.seek(header_end)
            header_end += int.from_bytes(f.read(4), "big")
        f.truncate(header_end)
    assert scan(path).has_header and scan(path).fragments == 0
    segment_id = _index(store, path, T0, T0, SegmentState.RECORDING)
    report = reconcile(store)
    assert store.segment(segment_id) is None and not path.exists()
    assert report.removed_missing == [store.relative(path)]


def test_an_unmounted_recordings_disk_is_not_mistaken_for_lost_files(tmp_path):
    root = tmp_path / "recordings"
    prepare_root(root, create=True)
    assert (root / ROOT_MARKER).exists()
    prepare_root(root, create=False)                 # the marker is there: fine
    (root / ROOT_MARKER).unlink()
    with pytest.raises(VideowallError) as err:
        prepare_root(root, create=False)
    assert err.value.kind is ErrorKind.STORAGE_ERROR and "not mounted" in err.value.user_message


def test_run_state_says_where_the_startup_check_begins(tmp_path):
    state = RunState(tmp_path)
    assert state.unclean_since_us() is None                 # first start: check everything
    state.mark_running(5_000_000_000_000)
    assert state.unclean_since_us() == 5_000_000_000_000 - 24 * 3600 * 1_000_000   # crashed: that run, and a day
    state.mark_stopped(6_000_000_000_000)
    assert state.unclean_since_us() == 6_000_000_000_000    # clean stop: nothing older is open
    state.path.write_text("{not json", encoding="utf-8")
    assert state.unclean_since_us() is None


def test_a_limited_check_looks_only_at_the_last_run(store, h264_packets):
    old_start = T0 - timedelta(days=3)
    old_orphan, _ = _write(store, h264_packets, start=old_start)          # an old day folder: not looked at
    old_gone = store.root / "1" / old_start.strftime("%Y-%m-%d") / "gone.mp4"
    old_gone.write_bytes(b"x")
    gone_id = _index(store, old_gone, old_start, old_start + timedelta(seconds=1), SegmentState.COMPLETE)
    old_gone.unlink()
    left_open, _ = _write(store, h264_packets, start=old_start + timedelta(minutes=1))
    open_id = _index(store, left_open, old_start + timedelta(minutes=1), old_start, SegmentState.RECORDING)
    new_orphan, _ = _write(store, h264_packets, start=T0)
    report = reconcile(store, since_us=to_us(T0 - timedelta(hours=1)))
    assert sorted(report.recovered) == sorted([store.relative(left_open), store.relative(new_orphan)])
    assert store.segment(open_id).state is SegmentState.RECOVERED     # open rows are always checked
    assert store.segment(gone_id) is not None                         # old rows are not
    assert store.segment_by_path(store.relative(old_orphan)) is None


def test_one_recorder_per_recordings_root(tmp_path):
    first, second = RootLock(tmp_path), RootLock(tmp_path)
    first.acquire()
    try:
        with pytest.raises(VideowallError) as err:
            second.acquire()
        assert err.value.kind is ErrorKind.STORAGE_ERROR and str(os.getpid()) in err.value.user_message
    finally:
        first.release()
    second.acquire()
    second.release()
