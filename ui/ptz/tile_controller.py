"""In-tile PTZ: an event filter installed on a wall tile (or any widget) from outside the wall code.

Arrows pan/tilt and +/- zoom while the tile has focus; a left-button drag moves with a velocity set by the
distance from the press point. The move lasts while the key/button is held; a Stop is sent on release, on
focus loss, on window deactivation, when the tile shows another camera, and the core queue stops by itself
after its safety timeout. Key auto-repeat only renews the move (the queue coalesces it). GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

from ui.ptz.bridge import PtzBridge

KEY_SPEED = 0.5
_KEYS = {Qt.Key.Key_Left: (-1, 0, 0), Qt.Key.Key_Right: (1, 0, 0), Qt.Key.Key_Up: (0, 1, 0),
         Qt.Key.Key_Down: (0, -1, 0), Qt.Key.Key_Plus: (0, 0, 1), Qt.Key.Key_Equal: (0, 0, 1),
         Qt.Key.Key_Minus: (0, 0, -1)}
_STOP_EVENTS = (QEvent.Type.FocusOut, QEvent.Type.WindowDeactivate, QEvent.Type.Hide)


def tile_camera_id(widget: QWidget) -> int | None:
    """The camera a wall tile shows (``tile.view.camera.id``), or None."""
    view = getattr(widget, "view", None)
    camera = getattr(view, "camera", None)
    return getattr(camera, "id", None)


def velocity_for_drag(offset: QPointF, half_size: float) -> tuple[float, float]:
    """Pan/tilt velocities (-1..1) for a drag ``offset`` from the press point: speed grows with distance."""
    scale = max(half_size, 1.0)
    pan = max(-1.0, min(1.0, offset.x() / scale))
    tilt = max(-1.0, min(1.0, -offset.y() / scale))
    return round(pan, 2), round(tilt, 2)


class TilePtzController(QObject):
    """Event filter: install with ``widget.installEventFilter(controller)`` on PTZ-capable tiles."""

    def __init__(self, bridge: PtzBridge, camera_of: Callable[[QWidget], int | None] = tile_camera_id,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._camera_of = camera_of
        self._moving: tuple[QWidget, int] | None = None  # (tile, camera) while a move runs
        self._press: QPointF | None = None

    manual_control_started = Signal(int)  # camera id: the operator took over (a running tour pauses)

    def attach(self, tile: QWidget) -> None:
        """Watch ``tile`` and its window (a deactivated window sends WindowDeactivate to itself only)."""
        tile.installEventFilter(self)
        if tile.window() is not tile:
            tile.window().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget):
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and event.key() in _KEYS:
            return self._key_pressed(watched, event)
        if kind == QEvent.Type.KeyRelease and event.key() in _KEYS:
            if not event.isAutoRepeat():
                self._stop("release")
            return True
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
        elif kind == QEvent.Type.MouseMove and self._press is not None:
            self._dragged(watched, event)
        elif kind == QEvent.Type.MouseButtonRelease and self._press is not None:
            self._press = None
            self._stop("release")
        elif kind in _STOP_EVENTS and self._concerns_move(watched):
            self._press = None
            self._stop("focus" if kind == QEvent.Type.FocusOut else "deactivate")
        elif self._moving is not None and self._moving[0] is watched and self._camera_of(watched) != self._moving[1]:
            self._stop("tile change")  # the tile now shows another camera: stop the one that was moving
        return False

    def _concerns_move(self, watched: QWidget) -> bool:
        """Focus loss, hiding or deactivation of the moving tile or its window (not of another wall's)."""
        if self._moving is None:
            return True
        tile = self._moving[0]
        return watched is tile or watched is tile.window()

    def _key_pressed(self, tile: QWidget, event: QKeyEvent) -> bool:
        camera_id = self._camera_of(tile)
        if camera_id is None:
            return False
        pan, tilt, zoom = _KEYS[event.key()]
        self._start(tile, camera_id, pan * KEY_SPEED, tilt * KEY_SPEED, zoom * KEY_SPEED)
        return True

    def _dragged(self, tile: QWidget, event: QMouseEvent) -> None:
        camera_id = self._camera_of(tile)
        if camera_id is None or self._press is None:
            return
        pan, tilt = velocity_for_drag(event.position() - self._press, min(tile.width(), tile.height()) / 2)
        self._start(tile, camera_id, pan, tilt, 0.0)

    def _start(self, tile: QWidget, camera_id: int, pan: float, tilt: float, zoom: float) -> None:
        if self._moving is not None and self._moving[1] != camera_id:
            self._stop("tile change")
        if self._moving is None:
            self.manual_control_started.emit(camera_id)
        self._moving = (tile, camera_id)
        self._bridge.move(camera_id, pan, tilt, zoom)

    def _stop(self, reason: str) -> None:
        if self._moving is not None:
            _tile, camera_id = self._moving
            self._moving = None
            self._bridge.stop(camera_id, reason)
