"""PTZ UI: a camera that never answers leaves the GUI responsive and the error lands in the panel; key
control sends a move while held and a stop on release/focus loss (against the simulator)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QWidget

from tests.fixtures.onvif import PASSWORD, USER, SilentServer, is_still
from ui.app import create_application
from ui.ptz.bridge import PtzBridge
from ui.ptz.panel_widget import PtzPanelWidget
from ui.ptz.tile_controller import TilePtzController
from videowall.model.camera import Credentials
from videowall.onvif.client import OnvifClient
from videowall.onvif.ptz_device import PtzDevice

CALL_TIMEOUT_S = 3.0


class _Heartbeat:
    """The longest gap between 10 ms timer ticks: how long the event loop was blocked."""

    def __init__(self) -> None:
        self.longest_ms = 0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        self.longest_ms = max(self.longest_ms, self._clock.restart())

    def stop(self) -> None:
        self._timer.stop()


def _device_factory(url: str, timeout_s: float = CALL_TIMEOUT_S):
    def factory(_camera_id: int) -> PtzDevice:
        client = OnvifClient(url, Credentials(USER, PASSWORD), call_timeout_s=timeout_s)
        client.connect()
        return PtzDevice(client, "sub")
    return factory


def test_a_hung_camera_does_not_freeze_the_gui_and_the_error_is_shown(qtbot):
    create_application(offscreen=True, language="en")
    server = SilentServer()
    bridge = PtzBridge(_device_factory(server.url))
    panel = PtzPanelWidget(bridge)
    qtbot.addWidget(panel)
    tile = QWidget()
    qtbot.addWidget(tile)
    tile.installEventFilter(TilePtzController(bridge, camera_of=lambda _w: 5, parent=tile))
    panel.set_camera(5)
    heartbeat = _Heartbeat()
    try:
        qtbot.keyPress(tile, Qt.Key.Key_Left)
        qtbot.keyRelease(tile, Qt.Key.Key_Left)
        qtbot.waitUntil(lambda: "did not answer" in panel.status.text(), timeout=15000)
    finally:
        heartbeat.stop()
        server.close()
        bridge.close()
    # A SOAP call on the GUI thread would stall it for at least the whole call timeout, however fast the
    # machine: a shorter longest gap proves the GUI kept running while the camera hung.
    assert heartbeat.longest_ms < CALL_TIMEOUT_S * 1000


def test_arrow_key_moves_while_held_and_stops_on_release_and_focus_loss(qtbot, ptz_sim):
    create_application(offscreen=True, language="en")
    bridge = PtzBridge(_device_factory(ptz_sim.onvif_url(1), 5.0))
    done: list[tuple[str, object]] = []
    bridge.result_received.connect(lambda _cid, kind, value: done.append((kind, value)))
    tile = QWidget()
    qtbot.addWidget(tile)
    tile.installEventFilter(TilePtzController(bridge, camera_of=lambda _w: 1, parent=tile))
    probe = _device_factory(ptz_sim.onvif_url(1), 5.0)(1)
    probe.goto_home()
    try:
        qtbot.keyPress(tile, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: ("move", None) in done, timeout=10000)
        qtbot.waitUntil(lambda: probe.status().pan > 0.02, timeout=10000)
        qtbot.keyRelease(tile, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: ("stop", None) in done, timeout=10000)
        assert is_still(probe)                 # the camera itself says the move is over
        stopped_at = probe.status().pan
        assert probe.status().pan == stopped_at
        done.clear()
        qtbot.keyPress(tile, Qt.Key.Key_Plus)
        qtbot.waitUntil(lambda: ("move", None) in done, timeout=10000)
        QCoreApplication.sendEvent(tile, QFocusEvent(QEvent.Type.FocusOut))
        qtbot.waitUntil(lambda: ("stop", None) in done, timeout=10000)
    finally:
        probe.goto_home()
        bridge.close()


def test_panel_presets_round_trip_and_a_tour_pauses_on_manual_control(qtbot, ptz_sim):
    from videowall.onvif.store import PtzTour
    from tests.fixtures.clock import FakeClock

    create_application(offscreen=True, language="en")
    bridge = PtzBridge(_device_factory(ptz_sim.onvif_url(1), 5.0))
    clock = FakeClock()
    panel = PtzPanelWidget(bridge, clock)
    qtbot.addWidget(panel)
    probe = _device_factory(ptz_sim.onvif_url(1), 5.0)(1)
    token = probe.set_preset("Panel test")
    try:
        tour = PtzTour(1, 1, "Round", (token,), 5.0, True)
        panel.set_camera(1, [tour])
        qtbot.waitUntil(lambda: any(panel.presets.item(i).text() == "Panel test"
                                    for i in range(panel.presets.count())), timeout=10000)
        panel.tour.start_selected()
        assert panel.tour.runner.current == token
        panel.joystick.moved.emit(0.3, 0.0)
        assert panel.tour.state.text() == "paused (manual control)"
        panel.joystick.released.emit()
        panel.tour.stop_tour()
    finally:
        probe.remove_preset(token)
        probe.goto_home()
        bridge.close()


def test_a_patrol_keeps_running_while_the_panel_shows_another_camera(qtbot, ptz_sim):
    from videowall.onvif.ptz_tour import TourState
    from videowall.onvif.store import PtzTour
    from tests.fixtures.clock import FakeClock

    create_application(offscreen=True, language="en")
    bridge = PtzBridge(_device_factory(ptz_sim.onvif_url(1), 5.0))
    clock = FakeClock()
    panel = PtzPanelWidget(bridge, clock)
    qtbot.addWidget(panel)
    probe = _device_factory(ptz_sim.onvif_url(1), 5.0)(1)
    token = probe.set_preset("Patrol test")
    try:
        panel.set_camera(1, [PtzTour(1, 1, "Round", (token,), 5.0, True)])
        panel.tour.start_selected()
        patrol = panel.tour.runner
        with qtbot.waitSignal(panel.tour.patrols_changed):
            panel.tour.pause_for_manual(1)
            panel.tour._resume()
        panel.set_camera(2, [])                     # the operator works with another camera
        assert panel.tour.runner is None
        assert panel.tour.runners[1][1] is patrol and patrol.state is TourState.RUNNING
        assert panel.tour.patrol_text(1) == "patrol Round"
        clock.advance(6.0)
        panel.tour.poll()
        assert patrol.state is TourState.RUNNING
        panel.pause_tour_for(1)                     # manual control on camera 1's tile pauses its own patrol
        assert panel.tour.patrol_text(1) == "patrol Round paused"
        panel.set_camera(1, [])
        assert panel.tour.runner is patrol
        panel.tour.stop_all()
        assert panel.tour.runners == {}
    finally:
        probe.remove_preset(token)
        probe.goto_home()
        bridge.close()


def test_a_new_tour_from_the_selected_presets_is_saved_and_offered(qtbot, tmp_path):
    from videowall.onvif.store import OnvifStore
    from videowall.onvif.types import PtzPreset
    from videowall.storage.cameras import CameraStore
    from videowall.storage.db import open_database

    create_application(offscreen=True, language="en")
    conn = open_database(tmp_path / "db.sqlite")
    camera = CameraStore(conn).add("PTZ", "rtsp://127.0.0.1:1/cam1/main")
    store = OnvifStore(conn)
    bridge = PtzBridge(_device_factory("http://127.0.0.1:9/onvif/device_service"))  # connection refused
    panel = PtzPanelWidget(bridge, save_tour=store.save_tour)
    qtbot.addWidget(panel)
    panel.set_camera(camera.id)
    qtbot.waitUntil(lambda: panel.status.text() != "", timeout=10000)  # the preset request failed: shown
    panel._on_bridge_result_received(camera.id, "presets", [PtzPreset("1", "Gate"), PtzPreset("2", "Door"),
                                                             PtzPreset("3", "Yard")])
    panel.add_tour("Night", ["3", "1"], 12.0)
    assert [t.preset_tokens for t in store.tours(camera.id)] == [("3", "1")]
    assert panel.tour.tours.currentText() == "Night" and panel.tour.start.isEnabled()
    panel.add_tour("", ["3"], 12.0)
    assert "name" in panel.status.text()
    bridge.controller.close()
    conn.close()
