"""Pre-opening the views an operator is likely to recall next, so that recalling one is instant.

For each wall it watches, in priority order: the next camera of every tile tour, the next view of the
wall's view tour, then the views on keys (F2–F12 / Alt+1…9) in key order. Each tile is asked for at the
size it would have on that wall, so the warm stream is the one (main or sub) the tile will take. The
supervisor keeps those sessions connected with their decoders idle and their last GOP kept, caps how
many it holds open for this alone, and closes the ones that drop out. A hidden or closed wall warms nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from shiboken6 import Shiboken

from ui.wall.wall_window import WallWindow
from videowall.runtime.errors import VideowallError
from videowall.storage.views import View, ViewStore
from videowall.streams.supervisor import StreamSupervisor, WarmTile

log = logging.getLogger(__name__)

REFRESH_DELAY_MS = 50     # a window being resized or a view switch emits several changes: handle them once


class ViewWarmup(QObject):
    def __init__(self, supervisor: StreamSupervisor, views: ViewStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._supervisor = supervisor
        self._views = views
        self._walls: dict[int, WallWindow] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    def watch(self, wall: WallWindow) -> None:
        """Keep warm what ``wall`` is likely to show next, from now until it is closed or destroyed."""
        key = id(wall)
        if key in self._walls:
            return
        self._walls[key] = wall
        wall.content_changed.connect(self.schedule)
        wall.destroyed.connect(lambda _obj=None, key=key: self._forget(key))
        self.schedule()

    def schedule(self) -> None:
        """Something changed (a wall, a tour, the saved views): refresh shortly."""
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        for key, wall in list(self._walls.items()):
            if not Shiboken.isValid(wall):
                self._forget(key)
            elif not wall.isVisible():
                self._supervisor.clear_warm(_owner(key))
        shown = {key: wall for key, wall in self._walls.items() if wall.isVisible()}
        if not shown:
            return
        try:
            keyed = [view for view in self._views.list() if view.hotkey is not None]
        except VideowallError as err:
            log.warning("views to pre-open could not be read: %s", err.user_message)
            keyed = []
        for key, wall in shown.items():
            self._supervisor.set_warm(_owner(key), self.tiles_for(wall, keyed))

    def tiles_for(self, wall: WallWindow, keyed_views: list[View]) -> list[WarmTile]:
        """What ``wall`` should keep warm, best first: (camera id, tile width, tile height)."""
        tiles: list[WarmTile] = []
        sizes = wall.tile_sizes(wall.layout_)
        for index, tour in sorted(wall.tile_tours.items()):
            if tour.upcoming is not None and index < len(sizes):
                tiles.append((tour.upcoming, *sizes[index]))
        upcoming = wall.view_tour.upcoming if wall.view_tour is not None else None
        toured = self._resolve(upcoming)
        for view in ([toured] if toured else []) + keyed_views:
            tiles.extend((camera, *size) for camera, size in zip(view.cameras, wall.tile_sizes(view.layout))
                         if camera is not None)
        return tiles

    def _resolve(self, item: object) -> View | None:
        if item is None or isinstance(item, View):
            return item
        try:
            return self._views.get(str(item))
        except VideowallError:      # a toured view was deleted meanwhile: the tour skips it too
            return None

    def _forget(self, key: int) -> None:
        self._walls.pop(key, None)
        self._supervisor.clear_warm(_owner(key))


def _owner(wall_key: int) -> tuple[str, int]:
    return ("wall", wall_key)
