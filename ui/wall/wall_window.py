"""A wall window: tiles in a Layout, driven by ONE repaint timer (not one per tile).

The wall owns its tiles' views: it opens a LiveView per tile from the supervisor and releases it when
the tile shows something else. Switching views reuses tile widgets, so every tile keeps painting its
old picture until the new camera's first frame arrives (no black flash), and sessions no other tile
needs are closed by the supervisor as their last view is released (unless they are warm: see
ui/views/warmup.py, which listens to ``content_changed``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from ui.wall.grid import grid_for
from ui.wall.screen_lock import screen_lock
from ui.wall.tile_widget import TileWidget
from ui.wall.tour import Tour
from ui.wall.wall_keys import WallKeys
from videowall.model.layout import Layout, uniform
from videowall.runtime.errors import VideowallError
from videowall.streams.supervisor import StreamSupervisor

log = logging.getLogger(__name__)

TILE_GAP_PX = 2


class WallWindow(WallKeys, QWidget):
    view_key_pressed = Signal(int)       # F2–F12 / Alt+1…9: recall the view with that key
    view_tour_due = Signal(object)       # the whole-wall tour moved on: show this item (e.g. a view name)
    selection_changed = Signal(int)
    tiles_changed = Signal()             # tiles were added or removed (a new layout): re-attach event filters
    content_changed = Signal()           # cameras, tours, size or visibility changed: what to pre-open may differ

    def __init__(self, supervisor: StreamSupervisor, camera_ids: Sequence[int | None], tz: ZoneInfo,
                 repaint_hz: int = 60, rows: int | None = None, cols: int | None = None,
                 parent: QWidget | None = None, layout: Layout | None = None,
                 snapshot_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("WallWindow", "videowall — video wall"))
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(20, 20, 20))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._supervisor = supervisor
        self._tz = tz
        self.snapshot_dir = snapshot_dir or Path.home() / "Pictures" / "videowall"
        self.layout_ = layout or uniform(*((rows, cols) if rows and cols else grid_for(len(camera_ids))))
        self.tiles: list[TileWidget] = []
        self.selected_index = 0
        self.maximised_index: int | None = None
        self.tile_tours: dict[int, Tour[int]] = {}
        self._view_tour: Tour | None = None
        self._pending: list[int | None] | None = None
        self._init_keys()
        self.show_view(self.layout_, camera_ids)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, round(1000 / repaint_hz)))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        screen_lock().changed.connect(self._on_screen_lock_changed)

    # -- what the wall shows ----------------------------------------------------------------------
    @property
    def rows(self) -> int:
        return self.layout_.rows

    @property
    def cols(self) -> int:
        return self.layout_.cols

    @property
    def view_tour(self) -> Tour | None:
        """The whole-wall tour (items are what ``view_tour_due`` hands out, e.g. view names), or None."""
        return self._view_tour

    @view_tour.setter
    def view_tour(self, tour: Tour | None) -> None:
        self._view_tour = tour
        self.content_changed.emit()

    def cameras(self) -> list[int | None]:
        if self._pending is not None:
            return list(self._pending)
        return [tile.view.camera.id if tile.view else None for tile in self.tiles]

    def tile_sizes(self, layout: Layout) -> list[tuple[int, int]]:
        """The device-pixel size each tile of ``layout`` would have on this wall (what its stream is chosen by)."""
        ratio = self.devicePixelRatioF()
        return [(max(1, int(w * ratio)), max(1, int(h * ratio)))
                for _, _, w, h in layout.pixel_rects(self.width(), self.height(), TILE_GAP_PX)]

    def show_view(self, layout: Layout, camera_ids: Sequence[int | None]) -> None:
        """Show ``layout`` with a camera per tile. Tiles keep their old picture until the new one is live."""
        cams = list(camera_ids)[: layout.tile_count]
        cams += [None] * (layout.tile_count - len(cams))
        self.maximised_index = None
        # Not shown yet: the tile sizes are unknown, so opening now could pick the wrong stream.
        self._pending = cams if not self.isVisible() else None
        rects = layout.pixel_rects(self.width(), self.height(), TILE_GAP_PX)
        tile_count_before = len(self.tiles)
        while len(self.tiles) < layout.tile_count:
            self._add_tile()
        for tile in self.tiles[layout.tile_count:]:
            tile.set_view(None)
            tile.hide()             # off the screen now, not when the event loop gets to the deletion
            tile.deleteLater()
        del self.tiles[layout.tile_count:]
        self.layout_ = layout
        self.tile_tours = {i: t for i, t in self.tile_tours.items() if i < layout.tile_count}
        for tile, rect in zip(self.tiles, rects):
            tile.setGeometry(*rect)
            tile.show()
        if len(self.tiles) != tile_count_before:
            self.tiles_changed.emit()
        if self._pending is not None:
            return
        # Open every new view before releasing any old one: a camera moving to another tile keeps its session.
        new_views = {i: self._open(cam, rects[i]) for i, (tile, cam) in enumerate(zip(self.tiles, cams))
                     if cam != (tile.view.camera.id if tile.view else None)}
        for i, view in new_views.items():
            self.tiles[i].set_view(view)
        self.select(min(self.selected_index, layout.tile_count - 1))
        self._update_visibility()
        self.content_changed.emit()

    def set_tile_camera(self, index: int, camera_id: int | None) -> None:
        if self._pending is not None:
            self._pending[index] = camera_id
            return
        tile = self.tiles[index]
        if camera_id != (tile.view.camera.id if tile.view else None):
            tile.set_view(self._open(camera_id, tile.geometry().getRect()))
            self._update_visibility()
            self.content_changed.emit()

    def swap_tiles(self, a: int, b: int) -> None:
        first, second = self.tiles[a], self.tiles[b]
        view_a, view_b = first.view, second.view
        first.set_view(view_b, release_old=False)
        second.set_view(view_a, release_old=False)
        self._relayout()
        self.content_changed.emit()

    def select(self, index: int) -> None:
        index = max(0, min(index, len(self.tiles) - 1))
        for i, tile in enumerate(self.tiles):
            tile.set_selected(i == index)
        if index != self.selected_index:
            self.selected_index = index
            self.selection_changed.emit(index)

    @property
    def selected_tile(self) -> TileWidget:
        return self.tiles[self.selected_index]

    def toggle_maximise(self, index: int | None = None) -> None:
        """Maximise a tile within the wall (the others stop decoding), or restore the grid."""
        index = self.selected_index if index is None else index
        self.maximised_index = None if self.maximised_index is not None else index
        self.select(index)
        self._relayout()

    def set_tile_tour(self, index: int, tour: Tour[int] | None) -> None:
        if tour is None:
            self.tile_tours.pop(index, None)
        else:
            self.tile_tours[index] = tour
            self.set_tile_camera(index, tour.current)
        self.content_changed.emit()

    # -- Qt -----------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        self._relayout()
        super().resizeEvent(event)
        self.content_changed.emit()

    def showEvent(self, event) -> None:  # noqa: N802
        if self._pending is not None:
            self._relayout()
            self.show_view(self.layout_, self._pending)
        self._update_visibility()
        super().showEvent(event)
        self.content_changed.emit()

    def hideEvent(self, event) -> None:  # noqa: N802
        self._update_visibility(force_hidden=True)
        super().hideEvent(event)
        self.content_changed.emit()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.WindowStateChange:    # minimised → nothing on screen → nothing decoded
            self._update_visibility()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self._timer.stop()
        for tile in self.tiles:
            tile.set_view(None)
        super().closeEvent(event)
        self.content_changed.emit()

    # -- internals ----------------------------------------------------------------------------------
    def _add_tile(self) -> None:
        tile = TileWidget(None, self._tz, self, index=len(self.tiles))
        tile.pressed.connect(self._on_tile_pressed)
        tile.activated.connect(lambda t: self.toggle_maximise(t.index))
        tile.camera_dropped.connect(lambda t, cam: self.set_tile_camera(t.index, cam))
        tile.tile_dropped.connect(lambda t, source: self.swap_tiles(source, t.index))
        self.tiles.append(tile)

    def _open(self, camera_id: int | None, rect):
        if camera_id is None:
            return None
        try:
            return self._supervisor.open_view(camera_id, max(1, rect[2]), max(1, rect[3]))
        except VideowallError as err:       # e.g. a saved view names a camera removed since: empty tile
            log.warning("tile left empty: %s", err.user_message)
            return None

    def _relayout(self) -> None:
        rects = self.layout_.pixel_rects(self.width(), self.height(), TILE_GAP_PX)
        for i, (tile, rect) in enumerate(zip(self.tiles, rects)):
            if self.maximised_index is None:
                tile.setGeometry(*rect)
            elif i == self.maximised_index:
                tile.setGeometry(0, 0, self.width(), self.height())
                tile.raise_()
        self._update_visibility()
        self._place_key_overlays()

    def _on_screen_lock_changed(self, locked: bool) -> None:
        self._update_visibility()
        self.content_changed.emit()

    def _update_visibility(self, force_hidden: bool = False) -> None:
        """Only tiles on screen decode: not those of a hidden or minimised wall, behind a maximised tile or
        on a locked screen."""
        shown = not force_hidden and self.isVisible() and not self.isMinimized() and not screen_lock().locked
        for i, tile in enumerate(self.tiles):
            visible = shown and (self.maximised_index is None or i == self.maximised_index)
            tile.setVisible(self.maximised_index is None or i == self.maximised_index)
            if tile.view is not None:
                tile.view.set_visible(visible)

    def _on_tile_pressed(self, tile: TileWidget) -> None:
        self.select(tile.index)
        self._note_activity(tile.index)

    def _note_activity(self, index: int) -> None:
        for tour in (self.tile_tours.get(index), self.view_tour):
            if tour is not None:
                tour.note_activity()

    def _on_timer_timeout(self) -> None:
        if self.view_tour is not None:
            item = self.view_tour.due()
            if item is not None:
                self.view_tour_due.emit(item)
        for index, tour in self.tile_tours.items():
            camera_id = tour.due()
            if camera_id is not None:
                self.set_tile_camera(index, camera_id)
        now = time.monotonic()
        for tile in self.tiles:
            tile.refresh(now)
