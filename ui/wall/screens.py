"""One wall window per extra screen, remembered by screen name and geometry; walls survive a screen leaving.

The main window's own screen already shows a wall (its central widget); every other screen gets a
frameless full-screen WallWindow showing the view last remembered for that screen. When a screen
disappears, its wall moves, windowed, to a remaining screen instead of vanishing with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen

from ui.wall.wall_window import WallWindow
from videowall.storage.views import ViewStore

log = logging.getLogger(__name__)


def screen_key(screen: QScreen) -> str:
    g = screen.geometry()
    return f"{screen.name()} {g.width()}x{g.height()}+{g.x()}+{g.y()}"


class ScreenWalls(QObject):
    def __init__(self, make_wall: Callable[[], WallWindow], views: ViewStore | None = None,
                 skip: QScreen | None = None, fullscreen: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._make_wall = make_wall
        self._views = views
        self._skip = skip
        self.fullscreen = fullscreen
        self.walls: dict[str, WallWindow] = {}      # screen key → wall
        self.moved: dict[str, WallWindow] = {}      # walls whose screen went away, by that screen's key
        app = QGuiApplication.instance()
        app.screenAdded.connect(self.on_screen_added)
        app.screenRemoved.connect(self.on_screen_removed)

    def open_all(self) -> None:
        for screen in QGuiApplication.screens():
            if screen is not self._skip:
                self.on_screen_added(screen)

    def remember(self, wall: WallWindow, view_name: str | None) -> None:
        """Remember which view a screen's wall shows, for the next start."""
        for key, candidate in self.walls.items():
            if candidate is wall and self._views is not None:
                self._views.remember_screen(key, view_name, self.fullscreen)

    def on_screen_added(self, screen: QScreen) -> None:
        key = screen_key(screen)
        if key in self.walls:
            return
        wall = self._make_wall()
        wall.setWindowTitle(f"{wall.windowTitle()} — {screen.name()}")
        remembered = self._remembered(screen)
        fullscreen = self.fullscreen if remembered is None else remembered[1]
        if remembered is not None and remembered[0] is not None:
            view = remembered[0]
            wall.show_view(view.layout, view.cameras)
        self._place(wall, screen, fullscreen)
        self.walls[key] = wall
        log.info("wall opened on screen %s", key)

    def on_screen_removed(self, screen: QScreen) -> None:
        key = screen_key(screen)
        wall = self.walls.pop(key, None)
        if wall is None:
            return
        remaining = [s for s in QGuiApplication.screens() if s is not screen]
        if not remaining:
            return
        target = QGuiApplication.primaryScreen() if QGuiApplication.primaryScreen() in remaining else remaining[0]
        self.moved[key] = wall
        self._place(wall, target, fullscreen=False)
        log.info("screen %s went away: its wall moved to %s", key, screen_key(target))

    def close_all(self) -> None:
        for wall in [*self.walls.values(), *self.moved.values()]:
            wall.close()
        self.walls.clear()
        self.moved.clear()

    def _remembered(self, screen: QScreen):
        if self._views is None:
            return None
        return self._views.screen_view(screen_key(screen)) or self._views.screen_view(screen.name())

    @staticmethod
    def _place(wall: WallWindow, screen: QScreen, fullscreen: bool) -> None:
        geometry: QRect = screen.geometry()
        wall.setWindowFlag(Qt.WindowType.FramelessWindowHint, fullscreen)
        wall.create()
        wall.windowHandle().setScreen(screen)
        if fullscreen:
            wall.setGeometry(geometry)
            wall.showFullScreen()
        else:
            inner = screen.availableGeometry()
            wall.setGeometry(inner.x() + inner.width() // 8, inner.y() + inner.height() // 8,
                             inner.width() * 3 // 4, inner.height() * 3 // 4)
            wall.showNormal()
