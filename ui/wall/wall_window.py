"""A wall window: a grid of tiles driven by ONE repaint timer (not one per tile)."""

from __future__ import annotations

import time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from ui.wall.grid import cell_rects, grid_for
from ui.wall.tile_widget import TileWidget
from videowall.streams.supervisor import StreamSupervisor

TILE_GAP_PX = 2


class WallWindow(QWidget):
    def __init__(self, supervisor: StreamSupervisor, camera_ids: list[int], tz: ZoneInfo,
                 repaint_hz: int = 60, rows: int | None = None, cols: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("WallWindow", "videowall — video wall"))
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(20, 20, 20))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self._supervisor = supervisor
        self.rows, self.cols = (rows, cols) if rows and cols else grid_for(len(camera_ids))
        self.tiles: list[TileWidget] = []
        for camera_id in camera_ids[: self.rows * self.cols]:
            view = supervisor.open_view(camera_id)
            self.tiles.append(TileWidget(view, tz, self))
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, round(1000 / repaint_hz)))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802
        rects = cell_rects(self.rows, self.cols, self.width(), self.height(), TILE_GAP_PX)
        for tile, rect in zip(self.tiles, rects):
            tile.setGeometry(*rect)
        super().resizeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        for tile in self.tiles:
            tile.view.set_visible(True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        for tile in self.tiles:     # nothing on screen → nothing decoded
            tile.view.set_visible(False)
        super().hideEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self._timer.stop()
        for tile in self.tiles:
            tile.view.release()
        super().closeEvent(event)

    def _on_timer_timeout(self) -> None:
        now = time.monotonic()
        for tile in self.tiles:
            tile.refresh(now)
