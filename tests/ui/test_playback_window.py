"""The playback window on real segment files and a real index: tiles, badges, controls, timeline, live.

Footage: ffmpeg's test pattern, packet-copied into fMP4 segments by the recorder's own SegmentFile;
camera 2 has a "disk full" gap in the middle.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.fixtures.segments import write_segments
from ui.app import create_application
from ui.playback.badge import NO_RECORDING, RECORDED
from ui.playback.playback_window import PlaybackWindow
from videowall.recording.holds import HoldStore
from videowall.recording.index import RecordingStore
from videowall.recording.timebase import to_us

WARSAW = ZoneInfo("Europe/Warsaw")
pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg for test footage")


@pytest.fixture
def footage(tmp_path, packets):
    """(store, holds, start_us): camera 1 has 6 s from start, camera 2 the same with seconds 2–4 missing."""
    start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=10)
    store = RecordingStore.open(tmp_path / "db.sqlite3", tmp_path / "recordings")
    for camera_id, offsets in ((1, (0, 2, 4)), (2, (0, 4))):
        write_segments(store, camera_id, start, offsets, packets)
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
    qtbot.waitUntil(lambda: square.badge.mode == NO_RECORDING, timeout=15_000)
    assert square.frame is None and square.badge.detail == "disk full"
    assert gate.badge.mode == RECORDED and abs(gate.frame.utc_us - (start_us + 3_000_000)) <= 40_000


def test_controls_play_pause_speed_and_step(qtbot, window, footage):
    _store, _holds, start_us = footage
    controls = window.controls
    qtbot.mouseClick(controls.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.playing and window.state.position_us > start_us + 1_100_000, timeout=15_000)
    assert window.tiles[0].badge.detail == "1×" and controls.play_button.text() == "❚❚"
    qtbot.mouseClick(controls.faster_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.rate == 2.0, timeout=15_000)
    assert controls.speed_label.text() == "2×"
    qtbot.mouseClick(controls.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.state.playing, timeout=15_000)
    paused_at = window.tiles[0].frame.utc_us
    qtbot.mouseClick(controls.step_forward_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tiles[0].frame.utc_us > paused_at, timeout=15_000)
    assert window.tiles[0].frame.utc_us - paused_at <= 45_000
    for _ in range(4):                      # 2× → 1× → ½× → ¼× → reverse
        qtbot.mouseClick(controls.slower_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.rate == -1.0, timeout=15_000)
    assert window.tiles[0].badge.detail == "-1×"


def test_jump_to_a_typed_date_and_time(qtbot, window, footage):
    _store, _holds, start_us = footage
    window.controls.set_jump_time(start_us + 5_000_000)
    qtbot.mouseClick(window.controls.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.position_us == start_us + 5_000_000, timeout=15_000)
    qtbot.waitUntil(lambda: window.tiles[1].badge.mode == RECORDED, timeout=15_000)


def test_timeline_lanes_and_scrubbing(qtbot, window, footage):
    _store, _holds, start_us = footage
    timeline = window.timeline
    qtbot.waitUntil(lambda: len(timeline.model.lanes) == 2 and bool(timeline.model.lanes[1].recorded), timeout=15_000)
    gate, square = timeline.model.lanes
    assert [(s.start_us - start_us, s.end_us - start_us) for s in gate.recorded] == [(0, 6_000_000)]
    assert len(square.recorded) == 2 and any(g.label == "disk full" for g in square.gaps)
    assert gate.holds[0].label == "II K 77/26"
    target = start_us + 4_500_000
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(round(timeline.x_of(target)), 30))
    qtbot.waitUntil(lambda: abs(window.state.position_us - target) < timeline.model.span_us / 100, timeout=15_000)


def test_back_to_live(qtbot, window):
    with qtbot.waitSignal(window.back_to_live_requested):
        qtbot.mouseClick(window.controls.live_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
