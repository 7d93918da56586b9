"""In-tile PTZ control: which events move and which stop (a recording bridge stands in for the camera queue)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import QWidget

from ui.app import create_application
from ui.ptz.tile_controller import TilePtzController, velocity_for_drag


class RecordingBridge:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def move(self, camera_id, pan, tilt, zoom):
        self.calls.append(("move", camera_id, pan, tilt, zoom))

    def stop(self, camera_id, reason="operator"):
        self.calls.append(("stop", camera_id, reason))


class FakeTile(QWidget):
    """A tile-like widget: ``view.camera.id`` as on the wall's TileWidget."""

    def __init__(self, camera_id: int) -> None:
        super().__init__()
        self.camera_id = camera_id
        self.resize(400, 300)


def _setup(qtbot, camera_id=3):
    create_application(offscreen=True, language="en")
    bridge = RecordingBridge()
    tile = FakeTile(camera_id)
    qtbot.addWidget(tile)
    controller = TilePtzController(bridge, camera_of=lambda w: getattr(w, "camera_id", None), parent=tile)
    controller.attach(tile)
    tile.show()
    return bridge, tile, controller


def test_arrows_and_plus_minus_move_and_the_release_stops(qtbot):
    bridge, tile, _ = _setup(qtbot)
    qtbot.keyPress(tile, Qt.Key.Key_Up)
    qtbot.keyRelease(tile, Qt.Key.Key_Up)
    qtbot.keyPress(tile, Qt.Key.Key_Minus)
    qtbot.keyRelease(tile, Qt.Key.Key_Minus)
    assert bridge.calls == [("move", 3, 0, 0.5, 0), ("stop", 3, "release"),
                            ("move", 3, 0, 0, -0.5), ("stop", 3, "release")]


def test_focus_loss_and_window_deactivation_stop_a_held_key(qtbot):
    bridge, tile, _ = _setup(qtbot)
    for stop_event, reason in ((QEvent.Type.FocusOut, "focus"), (QEvent.Type.WindowDeactivate, "deactivate")):
        bridge.calls.clear()
        qtbot.keyPress(tile, Qt.Key.Key_Left)
        QCoreApplication.sendEvent(tile, QEvent(stop_event))
        assert bridge.calls == [("move", 3, -0.5, 0, 0), ("stop", 3, reason)]


def test_a_stop_is_sent_once_and_only_for_a_running_move(qtbot):
    bridge, tile, _ = _setup(qtbot)
    QCoreApplication.sendEvent(tile, QEvent(QEvent.Type.FocusOut))
    qtbot.keyPress(tile, Qt.Key.Key_Right)
    qtbot.keyRelease(tile, Qt.Key.Key_Right)
    QCoreApplication.sendEvent(tile, QEvent(QEvent.Type.FocusOut))
    assert [c[0] for c in bridge.calls] == ["move", "stop"]


def test_mouse_drag_moves_with_speed_by_distance_and_release_stops(qtbot):
    bridge, tile, _ = _setup(qtbot)
    qtbot.mousePress(tile, Qt.MouseButton.LeftButton, pos=QPoint(200, 150))
    qtbot.mouseMove(tile, QPoint(230, 150))
    qtbot.mouseMove(tile, QPoint(300, 150))
    qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=QPoint(300, 150))
    moves = [c for c in bridge.calls if c[0] == "move"]
    assert moves and moves[-1][2] > moves[0][2] > 0
    assert bridge.calls[-1] == ("stop", 3, "release")


def test_the_tile_changing_camera_stops_the_old_camera(qtbot):
    bridge, tile, _ = _setup(qtbot)
    qtbot.keyPress(tile, Qt.Key.Key_Left)
    tile.camera_id = 8
    QCoreApplication.sendEvent(tile, QEvent(QEvent.Type.UpdateRequest))
    assert bridge.calls[-1] == ("stop", 3, "tile change")


def test_manual_control_is_announced_once_per_move(qtbot):
    bridge, tile, controller = _setup(qtbot)
    announced = []
    controller.manual_control_started.connect(announced.append)
    qtbot.keyPress(tile, Qt.Key.Key_Left)
    qtbot.keyPress(tile, Qt.Key.Key_Left)
    qtbot.keyRelease(tile, Qt.Key.Key_Left)
    assert announced == [3]


def test_drag_velocity_grows_with_distance_and_is_capped():
    from PySide6.QtCore import QPointF

    assert velocity_for_drag(QPointF(50, 0), 100) == (0.5, -0.0)
    assert velocity_for_drag(QPointF(0, -300), 100) == (0.0, 1.0)
