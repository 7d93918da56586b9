"""PTZ on a wall window, attached from outside the wall code: in-tile control on PTZ cameras' tiles (keys, drag
and the on-tile controls of ``tile_overlay``), a PTZ panel following the focused tile but shown only on
request (the tile's ⚙ button or the main window's panel bar), camera errors shown on the tile that caused them,
and who moves a camera from another station on its tiles (``lease_labels``). Every command passes the station's
PTZ gate in the core (permission, the camera's PTZ lease).

Use: ``ptz = WallPtz(wall, station)`` after building the wall; ``ptz.close()`` before the station closes
(sends final stops). GUI thread only; SOAP runs on the core's per-camera PTZ queue threads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ui.ptz.bridge import PtzBridge
from ui.ptz.lease_labels import TileLeases
from ui.ptz.panel_widget import PtzPanelWidget
from ui.ptz.tile_controller import TilePtzController, tile_camera_id
from ui.ptz.tile_overlay import PtzTileOverlay, overlay_fits
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


class PatrolLabel(QLabel):
    """The patrol state in a PTZ tile's upper right corner, below its name band, while a patrol runs."""

    def __init__(self, tile: QWidget) -> None:
        super().__init__(tile)
        self.setStyleSheet("background: rgba(20, 60, 110, 200); color: white; padding: 2px 6px;")
        self.hide()

    def show_text(self, text: str, band_height: int) -> None:
        if not text:
            self.hide()
            return
        self.setText(text)
        self.adjustSize()
        tile = self.parentWidget()
        self.setMaximumWidth(max(0, tile.width() - 12))
        self.move(max(0, tile.width() - self.width() - 6), band_height + 4)
        self.show()
        self.raise_()


class WallPtz(QObject):
    def __init__(self, wall: QWidget, station: Station, safety_timeout_s: float = 10.0) -> None:
        super().__init__(wall)
        self._walls: list[QWidget] = []
        self._show_panel: Callable[[], None] | None = None
        self.store, factory = station.ptz_devices()
        self.ptz_camera_ids = set(self.store.ptz_camera_ids())
        gate = station.ptz_gate()
        self.bridge = PtzBridge(factory, safety_timeout_s, self, gate=gate)
        self.tiles = TilePtzController(self.bridge, camera_of=self._ptz_camera_of, parent=self)
        self.panel = PtzPanelWidget(self.bridge, save_tour=self.store.save_tour)
        self.panel.setWindowTitle(self.tr("PTZ"))
        self.panel.setWindowFlag(Qt.WindowType.Tool)
        self._labels: dict[QWidget, TileErrorLabel] = {}
        self.overlays: dict[QWidget, PtzTileOverlay] = {}
        self.patrol_labels: dict[QWidget, PatrolLabel] = {}
        self.panel.tour.patrols_changed.connect(self.update_overlays)
        self._hovered: QWidget | None = None
        self.tiles.manual_control_started.connect(self.panel.pause_tour_for)
        self.bridge.error_raised.connect(self._on_bridge_error_raised)
        self.leases = TileLeases(gate.leases, station.ptz_holder, self._tile_widgets, self._ptz_camera_of, self)
        self.bridge.error_raised.connect(self.leases.refresh)    # a refused move: show who holds the camera now
        self.attach_wall(wall)

    def attach_wall(self, wall: QWidget) -> None:
        """PTZ on one more wall (another screen's): the same panel, patrols and camera queues serve every wall."""
        self._walls.append(wall)
        for signal, slot in (("selection_changed", self.update_overlays), ("content_changed", self.update_overlays),
                             ("tiles_changed", self.attach_tiles)):
            if hasattr(wall, signal):
                getattr(wall, signal).connect(slot)
        self.attach_tiles()

    def set_panel_opener(self, show_panel: Callable[[], None]) -> None:
        """How the panel comes into view (e.g. its dock's ``show``); by default the panel window is shown."""
        self._show_panel = show_panel

    def open_panel(self, camera_id: int) -> None:
        """The PTZ panel for ``camera_id``, brought into view."""
        if camera_id != self.panel.camera_id:
            self.panel.set_camera(camera_id, self.store.tours(camera_id))
        (self._show_panel or self.panel.show)()

    def _ptz_camera_of(self, tile: QWidget) -> int | None:
        camera_id = tile_camera_id(tile)
        return camera_id if camera_id in self.ptz_camera_ids else None

    def _tile_widgets(self) -> list[QWidget]:
        return [w for wall in self._walls for w in wall.findChildren(QWidget) if hasattr(w, "view")]

    def attach_tiles(self) -> None:
        """Watch every tile (call again after the wall rebuilt its tiles; re-installing is harmless)."""
        tiles = self._tile_widgets()
        for tile in tiles:
            self.tiles.attach(tile)
            tile.installEventFilter(self)
        self.overlays = {tile: overlay for tile, overlay in self.overlays.items() if tile in tiles}
        self.patrol_labels = {tile: label for tile, label in self.patrol_labels.items() if tile in tiles}
        self.update_overlays()
        self.leases.update_labels()

    def update_overlays(self, *_args) -> None:
        """On-tile controls on the PTZ tiles that are selected or under the mouse and large enough."""
        for tile in self._tile_widgets():
            camera_id = self._ptz_camera_of(tile)
            patrol = self.panel.tour.patrol_text(camera_id) if camera_id is not None else ""
            if patrol or tile in self.patrol_labels:
                self.patrol_labels.setdefault(tile, PatrolLabel(tile)).show_text(
                    patrol, getattr(tile, "overlay_band_height", 0))
            wanted = (camera_id is not None and tile.isVisible() and overlay_fits(tile.width(), tile.height())
                      and (getattr(tile, "selected", False) or tile is self._hovered))
            overlay = self.overlays.get(tile)
            if not wanted:
                if overlay is not None:
                    overlay.hide()
                continue
            if overlay is None:
                overlay = self.overlays[tile] = PtzTileOverlay(tile, self.bridge, self.open_panel)
            overlay.set_camera(camera_id)
            overlay.place(getattr(tile, "overlay_band_height", 0))
            overlay.show()
            overlay.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            camera_id = self._ptz_camera_of(watched)
            if camera_id is not None and camera_id != self.panel.camera_id:
                self.panel.set_camera(camera_id, self.store.tours(camera_id))
        elif kind in (QEvent.Type.Enter, QEvent.Type.Leave, QEvent.Type.Resize):
            if kind == QEvent.Type.Enter:
                self._hovered = watched
            elif kind == QEvent.Type.Leave and self._hovered is watched:
                self._hovered = None
            self.update_overlays()
        return False

    def _on_bridge_error_raised(self, camera_id: int, _kind: str, message: str) -> None:
        for tile in self._tile_widgets():
            if tile_camera_id(tile) == camera_id:
                self._labels.setdefault(tile, TileErrorLabel(tile)).show_message(message)

    def close(self) -> None:
        self.leases.close()
        self.panel.tour.stop_all()
        self.panel.close()
        self.bridge.close()
