"""Playback takes the live wall's place in the operator's window, keeps the wall's layout, and back to live
(one key) brings the live wall back; the recording controller forgets the deleted playback. R replays one
tile inside that tile while the others stay live."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from tests.fixtures.segments import write_segments
from tests.ui.conftest import add_sim_cameras
from ui.app import create_application
from ui.main_window import REPLAY_BACK, MainWindow
from ui.recording_controller import RecordingController
from videowall.model.layout import uniform
from videowall.recording.timebase import to_us
from tests.fixtures.clock import FakeClock

START = datetime(2026, 11, 21, 21, 0, tzinfo=timezone.utc)


def test_playback_replaces_the_wall_in_place_and_back_to_live_restores_it(qtbot, station, packets):
    create_application(offscreen=True, language="en")
    ids = [station.cameras.add(name=f"Kamera {i}", main_url=f"rtsp://127.0.0.1:9/cam{i}").id for i in (1, 2)]
    store = station.recording_service().store
    write_segments(store, ids[1], START, [0, 2, 4], packets)
    window = MainWindow(station, [None, ids[1], None, ids[0]], layout=uniform(2), extra_screens=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    controller = RecordingController(station, place=window.show_playback)
    try:
        controller.open_playback(window.wall.cameras(), to_us(START + timedelta(seconds=1)),
                                 layout=window.wall.layout_)
        qtbot.waitUntil(lambda: window.playback is not None, timeout=10_000)
        playback = window.playback
        assert window.centre.currentWidget() is playback
        assert window.open_panels() == set()                   # the camera tree is not covered: still docked
        slots = dict(zip((t.camera_id for t in playback.tiles), playback.tile_area.slots))
        assert slots == {ids[1]: 1, ids[0]: 3}                 # each camera stays in its tile
        qtbot.waitUntil(lambda: playback.tile_area.tiles[0].geometry().x() > 0)
        recorded = next(t for t in playback.tiles if t.camera_id == ids[1])
        qtbot.waitUntil(lambda: recorded.frame is not None, timeout=15_000)
        qtbot.keyClick(playback, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.playback is None, timeout=5_000)
        assert window.centre.currentWidget() is window.wall
        qtbot.waitUntil(lambda: controller._playback is None, timeout=5_000)
    finally:
        controller.close()
        window.close()


def test_one_tile_replays_while_the_others_stay_live(qtbot, station, simulator, packets):
    create_application(offscreen=True, language="en")
    ids = add_sim_cameras(station, simulator, 2)
    write_segments(station.recording_service().store, ids[0], START, [0, 2, 4], packets)
    window = MainWindow(station, ids, layout=uniform(1, 2), extra_screens=False,
                        clock=FakeClock(START + REPLAY_BACK + timedelta(seconds=1)))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.recording = controller = RecordingController(station, place=window.show_playback)
    try:
        wall = window.wall
        wall.select(0)
        assert wall.handle_key(Qt.Key.Key_R)
        qtbot.waitUntil(lambda: (id(wall), 0) in window.tile_playbacks, timeout=10_000)
        replay = window.tile_playbacks[(id(wall), 0)]
        assert replay.parentWidget() is wall and replay.geometry() == wall.tiles[0].geometry()
        assert window.playback is None and window.centre.currentWidget() is wall
        qtbot.waitUntil(lambda: replay.tiles[0].frame is not None, timeout=15_000)
        live = wall.tiles[1]
        painted = live.painted_frames
        qtbot.waitUntil(lambda: live.painted_frames > painted + 5, timeout=20_000)   # the other tile stays live
        replay.back_to_live()
        assert (id(wall), 0) not in window.tile_playbacks
    finally:
        controller.close()
        window.close()
