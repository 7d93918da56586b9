"""PTZ on a wall window, attached from outside the wall code: in-tile control on PTZ cameras' tiles, a PTZ
panel (tool window) following the focused tile, camera errors shown on the tile that caused them.

Use: ``ptz = WallPtz(wall, station)`` after building the wall; ``ptz.close()`` before the station closes
(sends final stops). GUI thread only; SOAP runs on the core's per-camera PTZ queue threads.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ui.ptz.bridge import PtzBridge
from ui.ptz.panel_widget import PtzPanelWidget
from ui.ptz.tile_controller import TilePtzController, tile_camera_id
from videowall.station import Station

ERROR_SHOWN_MS = 6000


class TileErrorLabel(QLabel):
    """One line at the bottom of a tile; replaced (not stacked) by the next error, hidden after a while."""

    def __init__(self, tile: QWidget) -> None:
        super().__init__(tile)
        self.setStyleSheet("background: rgba(120, 0, 0, 200); color: white; padding: 3px;")
        self.setWordWrap(True)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def show_message(self, text: str) -> None:
        tile = self.parentWidget()
        self.setText(text)
        self.setFixedWidth(tile.width())
        self.adjustSize()
        self.move(0, max(0, tile.height() - self.height()))
        self.show()
        self.raise_()
        self._timer.start(ERROR_SHOWN_MS)


class WallPtz(QObject):
    def __init__(self, wall: QWidget, station: Station, safety_timeout_s: float = 10.0) -> None:
        super().__init__(wall)
        self._wall = wall
        self.store, factory = station.ptz_devices()
        self.ptz_camera_ids = set(self.store.ptz_camera_ids())
        self.bridge = PtzBridge(factory, safety_timeout_s, self)
        self.tiles = TilePtzController(self.bridge, camera_of=self._ptz_camera_of, parent=self)
        self.panel = PtzPanelWidget(self.bridge, save_tour=self.store.save_tour)
        self.panel.setWindowTitle(self.tr("PTZ"))
        self.panel.setWindowFlag(Qt.WindowType.Tool)
        self._labels: dict[QWidget, TileErrorLabel] = {}
        self.tiles.manual_control_started.connect(self.panel.pause_tour_for)
        self.bridge.error_raised.connect(self._on_bridge_error_raised)
        self.attach_tiles()

    def _ptz_camera_of(self, tile: QWidget) -> int | None:
        camera_id = tile_camera_id(tile)
        return camera_id if camera_id in self.ptz_camera_ids else None

    def _tile_widgets(self) -> list[QWidget]:
        return [w for w in self._wall.findChildren(QWidget) if hasattr(w, "view")]

    def attach_tiles(self) -> None:
        """Watch every tile (call again after the wall rebuilt its tiles; re-installing is harmless)."""
        for tile in self._tile_widgets():
            self.tiles.attach(tile)
            tile.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            camera_id = self._ptz_camera_of(watched)
            if camera_id is not None and camera_id != self.panel.camera_id:
                self.panel.set_camera(camera_id, self.store.tours(camera_id))
                self.panel.show()
        return False

    def _on_bridge_error_raised(self, camera_id: int, _kind: str, message: str) -> None:
        for tile in self._tile_widgets():
            if tile_camera_id(tile) == camera_id:
                self._labels.setdefault(tile, TileErrorLabel(tile)).show_message(message)

    def close(self) -> None:
        self.panel.tour.stop_tour()
        self.panel.close()
        self.bridge.close()
