"""The operator's main window: the wall of this screen in the middle, camera tree, views and bookmarks docked
beside it, and one more wall window per extra screen. Other panels (PTZ, playback) dock in with ``add_dock``;
the View menu shows or hides every dock. B / Ctrl+B on any wall bookmarks its selected tile's camera now.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

from ui.bookmarks.controller import BookmarksController
from ui.bookmarks.panel import BookmarksPanel
from ui.bookmarks.texts import camera_names, category_text, local_text
from ui.cameras.camera_panel import CameraPanel
from ui.cameras.catalog import Catalog
from ui.i18n.core import core_text
from ui.setup.window_hook import camera_state_lookup, install_setup
from ui.views.layout_editor import LayoutEditor
from ui.views.views_panel import ViewsPanel
from ui.views.warmup import ViewWarmup
from ui.wall.screens import ScreenWalls
from ui.wall.tour import Tour
from ui.wall.wall_window import WallWindow
from videowall.model.bookmark import Bookmark
from videowall.model.layout import Layout
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import VideowallError
from videowall.station import Station
from videowall.storage.views import View

log = logging.getLogger(__name__)
EXPORT_BACK = timedelta(minutes=15)       # Ctrl+E proposes the selected camera's last 15 minutes
STATUS_MS = 10_000


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, station: Station, camera_ids: list[int | None] | None = None,
                 layout: Layout | None = None, extra_screens: bool = True,
                 snapshot_dir: Path | None = None, clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__()
        self.setWindowTitle(tr("videowall"))
        self.station = station
        self.clock = clock
        self.view_menu = self.menuBar().addMenu(tr("&View"))
        self.bookmarks = BookmarksController(station, clock, self)
        self.bookmarks.created.connect(self._on_bookmark_created)
        self.bookmarks.failed.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        self._tz = ZoneInfo(station.settings.timezone)
        self._snapshot_dir = snapshot_dir
        cameras = station.cameras.list()
        ids = camera_ids if camera_ids is not None else [c.id for c in cameras[:16]]
        # Keeps the sessions of the views likely to come next connected, so recalling one is instant.
        self.warmup = ViewWarmup(station.supervisor, station.views, parent=self)
        self.wall = self._new_wall(ids, layout)
        self.setCentralWidget(self.wall)
        self.active_wall = self.wall
        self.view_names: dict[int, str | None] = {}     # id(wall) → name of the view it shows
        self.cameras_panel = CameraPanel(Catalog(cameras), state_of=camera_state_lookup(station), editable=True)
        self.cameras_panel.camera_activated.connect(self.put_camera)
        self.add_dock(self.cameras_panel, tr("Cameras"))
        self.views_panel = ViewsPanel(station.views)
        self.views_panel.view_chosen.connect(lambda view: self.show_view(view))
        self.views_panel.save_requested.connect(self.save_view)
        self.views_panel.views_changed.connect(self.warmup.schedule)
        self.add_dock(self.views_panel, tr("Views"))
        self.layout_editor = LayoutEditor()
        self.layout_editor.edit(self.wall.layout_)
        self.layout_editor.layout_applied.connect(self.apply_layout)
        self.add_dock(self.layout_editor, tr("Layout"))
        self.bookmarks_panel = BookmarksPanel(self.bookmarks)
        self.bookmarks_dock = self.add_dock(self.bookmarks_panel, tr("Bookmarks"), Qt.DockWidgetArea.BottomDockWidgetArea)
        self.bookmarks_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+B"))
        self._build_incidents_menu()
        self.camera_setup = install_setup(self)      # the Cameras and Station menus; add/edit/remove in the tree
        self.screens = ScreenWalls(self._extra_wall, station.views, skip=self.screen(), parent=self)
        if extra_screens:
            self.screens.open_all()
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    # -- hooks for other panels ------------------------------------------------------------------
    def add_dock(self, widget: QWidget, title: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea) -> QDockWidget:
        """Dock a panel (PTZ, playback, bookmarks…) beside the wall; returns the dock for further set-up."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def walls(self) -> list[WallWindow]:
        return [self.wall, *self.screens.walls.values(), *self.screens.moved.values()]

    # -- operator actions ------------------------------------------------------------------------
    def put_camera(self, camera_id: int) -> None:
        """Camera tree → the selected tile of the wall the operator last worked in."""
        wall = self.active_wall
        wall.set_tile_camera(wall.selected_index, camera_id)

    def show_view(self, view: View, wall: WallWindow | None = None) -> None:
        wall = wall or self.active_wall
        wall.show_view(view.layout, view.cameras)
        self.view_names[id(wall)] = view.name
        self.screens.remember(wall, view.name)
        if wall is self.active_wall:
            self.layout_editor.edit(view.layout)

    def recall_hotkey(self, wall: WallWindow, hotkey: int) -> None:
        view = self.station.views.by_hotkey(hotkey)
        if view is not None:
            self.active_wall = wall
            self.show_view(view, wall)

    def save_view(self, name: str, hotkey: int | None = None) -> View | None:
        wall = self.active_wall
        try:
            view = self.station.views.save(View(name, wall.layout_, tuple(wall.cameras()), hotkey))
        except VideowallError as err:
            self.views_panel.error = core_text(err.user_message)
            return None
        self.view_names[id(wall)] = view.name
        self.screens.remember(wall, view.name)
        self.views_panel.reload()
        return view

    def set_view_tour(self, wall: WallWindow, tour: Tour[str] | None) -> None:
        """Cycle ``wall`` through saved views (by name); operator activity in the wall pauses it."""
        wall.view_tour = tour
        if tour is not None:
            self._show_named(wall, tour.current)

    def apply_layout(self, layout: Layout) -> None:
        wall = self.active_wall
        wall.show_view(layout, wall.cameras())

    def selected_camera(self, wall: WallWindow | None = None) -> int | None:
        wall = wall or self.active_wall
        cameras = wall.cameras()
        return cameras[wall.selected_index] if wall.selected_index < len(cameras) else None

    def bookmark_selected_tile(self, wall: WallWindow | None = None) -> None:
        """Bookmark the selected tile's camera at this moment; its edit dialog opens once it is saved."""
        camera_id = self.selected_camera(wall)
        if camera_id is None:
            self.statusBar().showMessage(tr("Select a tile showing a camera to bookmark it."), STATUS_MS)
            return
        self.bookmarks.bookmark_now(camera_id, self)

    def export_evidence(self) -> None:
        """The export dialog for the selected tile's camera over the last 15 minutes (all can be changed)."""
        from ui.export import open_export_dialog

        camera_id = self.selected_camera()
        now = self.clock.now_utc()
        open_export_dialog(self, self.station, camera_ids=() if camera_id is None else (camera_id,),
                           start_utc=now - EXPORT_BACK, end_utc=now)

    def shift_activity_record(self) -> None:
        from ui.activity import ShiftRecordDialog

        ShiftRecordDialog(self.station, self).exec()

    # -- Qt ---------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        self.bookmarks.close()
        self.screens.close_all()
        self.wall.close()
        super().closeEvent(event)

    # -- internals --------------------------------------------------------------------------------
    def _new_wall(self, ids, layout: Layout | None = None) -> WallWindow:
        wall = WallWindow(self.station.supervisor, ids, self._tz, repaint_hz=self.station.settings.wall_repaint_hz,
                          layout=layout, snapshot_dir=self._snapshot_dir)
        wall.view_key_pressed.connect(lambda hotkey, w=wall: self.recall_hotkey(w, hotkey))
        wall.view_tour_due.connect(lambda name, w=wall: self._show_named(w, name))
        wall.bookmark_key_pressed.connect(lambda w=wall: self.bookmark_selected_tile(w))
        self.warmup.watch(wall)
        return wall

    def _build_incidents_menu(self) -> None:
        menu = self.menuBar().addMenu(tr("&Incidents"))
        # No shortcut on this action: the walls take B / Ctrl+B themselves (a text field keeps its B).
        menu.addAction(tr("Bookmark the selected tile") + "\tB", lambda: self.bookmark_selected_tile())
        export = QAction(tr("Export evidence…"), self)
        export.setShortcut(QKeySequence("Ctrl+E"))
        export.triggered.connect(self.export_evidence)
        self.addAction(export)
        menu.addAction(export)
        menu.addAction(tr("Shift activity record…"), self.shift_activity_record)

    def _on_bookmark_created(self, bookmark: Bookmark) -> None:
        names = {camera.id: camera.name for camera in self.station.cameras.list()}
        self.statusBar().showMessage(
            tr("Bookmark saved: %1, %2, %3").replace("%1", local_text(bookmark.at_utc, self._tz))
            .replace("%2", camera_names(bookmark.camera_ids, names)).replace("%3", category_text(bookmark.category)), STATUS_MS)

    def _show_named(self, wall: WallWindow, name: str) -> None:
        try:
            self.show_view(self.station.views.get(name), wall)
        except VideowallError as err:     # a toured view was deleted meanwhile: skip it
            log.warning("tour: %s", err.user_message)

    def _extra_wall(self) -> WallWindow:
        return self._new_wall([None] * 4)

    def _on_focus_changed(self, _old, now) -> None:
        widget = now
        while widget is not None:
            if isinstance(widget, WallWindow):
                self.active_wall = widget
                return
            widget = widget.parentWidget()
