"""Mouse input of a wall tile: click/double-click, wheel zoom, drag to pan, drag and drop (no keys here)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QApplication

from ui.wall.dnd import dropped_camera, dropped_tile, tile_mime
from ui.wall.zoom import pan, zoom_at


class TileInput:
    """Mixed into TileWidget (before QWidget, so these handlers win)."""

    _press_pos: QPoint | None = None
    _panned = False

    def set_zoom_crop(self, crop) -> None:
        if self.view is not None:
            self.view.set_crop(crop)
            self.update()

    def zoom_by(self, steps: float, fx: float = 0.5, fy: float = 0.5) -> None:
        if self.view is not None:
            self.set_zoom_crop(zoom_at(self.view.crop, fx, fy, steps))

    def wheelEvent(self, event) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps and self.view is not None:
            self.pressed.emit(self)          # zooming is working in this tile: select it, hold its tour
            pos = event.position()
            self.zoom_by(steps, pos.x() / max(1, self.width()), pos.y() / max(1, self.height()))
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.position().toPoint()
            self._panned = False
            self.pressed.emit(self)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._press_pos is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        delta = pos - self._press_pos
        if self.view is not None and self.view.crop is not None:   # zoomed: dragging pans the picture
            self.set_zoom_crop(pan(self.view.crop, delta.x() / max(1, self.width()),
                                   delta.y() / max(1, self.height())))
            self._press_pos = pos
            self._panned = True
        elif delta.manhattanLength() >= QApplication.startDragDistance() and self.view is not None:
            self._press_pos = None
            drag = QDrag(self)
            drag.setMimeData(tile_mime(id(self.parentWidget()), self.index))
            drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._press_pos = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.activated.emit(self)
        event.accept()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        mime = event.mimeData()
        if dropped_camera(mime) is not None or dropped_tile(mime, id(self.parentWidget())) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        mime = event.mimeData()
        camera_id = dropped_camera(mime)
        source = dropped_tile(mime, id(self.parentWidget()))
        if camera_id is not None:
            self.camera_dropped.emit(self, camera_id)
        elif source is not None and source != self.index:
            self.tile_dropped.emit(self, source)
        else:
            return
        event.acceptProposedAction()
