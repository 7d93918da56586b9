"""The playback window on real segment files and a real index: tiles, badges, controls, timeline, live.

Footage: ffmpeg's test pattern, packet-copied into fMP4 segments by the recorder's own SegmentFile;
camera 2 has a "disk full" gap in the middle.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

import av
import pytest
from PySide6.QtCore import QPoint, Qt

from ui.app import create_application
from ui.playback.badge import NO_RECORDING, RECORDED
from ui.playback.playback_window import PlaybackWindow
from videowall.recording.holds import HoldStore
from videowall.recording.index import NewSegment, RecordingStore
from videowall.recording.segment_file import TAG_START_UTC, SegmentFile, StreamParams
from videowall.recording.timebase import to_us
from videowall.recording.types import SegmentState, TimeSource

WARSAW = ZoneInfo("Europe/Warsaw")
FPS = 25
SEGMENT_S = 2
pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg for test footage")


@pytest.fixture(scope="module")
def packets(tmp_path_factory):
    source = tmp_path_factory.mktemp("pattern") / "pattern.ts"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"testsrc2=size=320x180:rate={FPS}", "-t",
                    str(SEGMENT_S), "-c:v", "libx264", "-g", str(FPS), "-bf", "0", "-pix_fmt", "yuv420p",
                    str(source)], check=True, timeout=60)
    with av.open(str(source)) as container:
        found = [(bytes(p), p.pts, p.is_keyframe) for p in container.demux(video=0) if p.size]
    return [(data, pts - found[0][1], key) for data, pts, key in found]


@pytest.fixture
def footage(tmp_path, packets):
    """(store, holds, start_us): camera 1 has 6 s from start, camera 2 the same with seconds 2–4 missing."""
    start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=10)
    store = RecordingStore.open(tmp_path / "db.sqlite3", tmp_path / "recordings")
    params = StreamParams("h264", 320, 180, Fraction(1, 90000), Fraction(FPS), None)
    for camera_id, offsets in ((1, (0, 2, 4)), (2, (0, 4))):
        for offset in offsets:
            seg_start = start + timedelta(seconds=offset)
            path = store.root / str(camera_id) / f"{offset}.mp4"
            path.parent.mkdir(parents=True, exist_ok=True)
            segment = SegmentFile(path, params, {TAG_START_UTC: seg_start.isoformat()})
            for data, pts, key in packets:
                segment.write(data, pts, pts, 3600, key)
            segment.close()
            segment_id = store.begin_segment(NewSegment(camera_id, "main", store.relative(path), to_us(seg_start),
                                                        TimeSource.CAMERA_NTP, 0.0, "h264", 320, 180))
            store.update_segment(segment_id, to_us(seg_start) + SEGMENT_S * 1_000_000, path.stat().st_size,
                                 SegmentState.COMPLETE)
    store.add_gap(2, to_us(start) + 2_000_000, to_us(start) + 4_000_000, "disk full")
    holds = HoldStore(store)
    holds.place(1, start, start + timedelta(seconds=3), "fight at the entrance", "II K 77/26", "jan.kowalski")
    yield store, holds, to_us(start)
    store.close()


@pytest.fixture
def window(qtbot, footage):
    create_application(offscreen=True, language="en")
    store, holds, start_us = footage
    win = PlaybackWindow(store, [(1, "Gate"), (2, "Square")], WARSAW, start_us + 1_000_000, holds=holds)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitUntil(lambda: all(tile.frame is not None for tile in win.tiles), timeout=10_000)
    yield win
    win.close()


def test_tiles_show_recorded_frames_with_a_recorded_badge(window, footage):
    _store, _holds, start_us = footage
    for tile in window.tiles:
        assert tile.badge.mode == RECORDED and tile.badge.detail == "paused"
        assert 0 <= start_us + 1_000_000 - tile.frame.utc_us <= 40_000
        assert tile.badge_text().startswith("RECORDED · ") and tile.badge.time_text in tile.badge_text()
        image = tile.grab().toImage()
        assert image.pixelColor(tile.width() // 2, tile.height() // 2).value() > 0     # a picture, not black


def test_a_gap_says_no_recording_and_why(qtbot, window, footage):
    _store, _holds, start_us = footage
    window.jump_to(start_us + 3_000_000)
    gate, square = window.tiles
    qtbot.waitUntil(lambda: square.badge.mode == NO_RECORDING, timeout=5000)
    assert square.frame is None and square.badge.detail == "disk full"
    assert gate.badge.mode == RECORDED and abs(gate.frame.utc_us - (start_us + 3_000_000)) <= 40_000


def test_controls_play_pause_speed_and_step(qtbot, window, footage):
    _store, _holds, start_us = footage
    controls = window.controls
    qtbot.mouseClick(controls.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.playing and window.state.position_us > start_us + 1_100_000, timeout=5000)
    assert window.tiles[0].badge.detail == "1×" and controls.play_button.text() == "❚❚"
    qtbot.mouseClick(controls.faster_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.rate == 2.0, timeout=5000)
    assert controls.speed_label.text() == "2×"
    qtbot.mouseClick(controls.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.state.playing, timeout=5000)
    paused_at = window.tiles[0].frame.utc_us
    qtbot.mouseClick(controls.step_forward_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tiles[0].frame.utc_us > paused_at, timeout=5000)
    assert window.tiles[0].frame.utc_us - paused_at <= 45_000
    for _ in range(4):                      # 2× → 1× → ½× → ¼× → reverse
        qtbot.mouseClick(controls.slower_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.rate == -1.0, timeout=5000)
    assert window.tiles[0].badge.detail == "-1×"


def test_jump_to_a_typed_date_and_time(qtbot, window, footage):
    _store, _holds, start_us = footage
    window.controls.set_jump_time(start_us + 5_000_000)
    qtbot.mouseClick(window.controls.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.position_us == start_us + 5_000_000, timeout=5000)
    qtbot.waitUntil(lambda: window.tiles[1].badge.mode == RECORDED, timeout=5000)


def test_timeline_lanes_and_scrubbing(qtbot, window, footage):
    _store, _holds, start_us = footage
    timeline = window.timeline
    qtbot.waitUntil(lambda: len(timeline.model.lanes) == 2 and bool(timeline.model.lanes[1].recorded), timeout=5000)
    gate, square = timeline.model.lanes
    assert [(s.start_us - start_us, s.end_us - start_us) for s in gate.recorded] == [(0, 6_000_000)]
    assert len(square.recorded) == 2 and any(g.label == "disk full" for g in square.gaps)
    assert gate.holds[0].label == "II K 77/26"
    target = start_us + 4_500_000
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(round(timeline.x_of(target)), 30))
    qtbot.waitUntil(lambda: abs(window.state.position_us - target) < timeline.model.span_us / 100, timeout=5000)


def test_back_to_live(qtbot, window):
    with qtbot.waitSignal(window.back_to_live_requested):
        qtbot.mouseClick(window.controls.live_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
