"""The operator's main window: the wall of this screen fills it; camera tree, views, layout and bookmarks are
side panels that start collapsed to a thin bar at the left edge (a click on a tab brings one back; P on the
wall collapses or restores them all); F on a wall is full-screen without any chrome, Esc leaves it. Playback
replaces the live wall in the same place (``show_playback``) until "back to live". One more wall window per
extra screen. Other panels (PTZ…) dock in with ``add_dock``; other menus come in with ``add_menu``.
B / Ctrl+B on any wall bookmarks its selected tile's camera now. Dark theme unless the operator chose light.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QStackedWidget, QWidget

from ui.bookmarks.controller import BookmarksController
from ui.bookmarks.panel import BookmarksPanel
from ui.bookmarks.texts import camera_names, category_text, local_text
from ui.cameras.camera_panel import CameraPanel
from ui.shared_state import SharedStateRefresh
from ui.cameras.catalog import Catalog
from ui.i18n.core import core_text
from ui.panel_bar import PanelBar
from ui.panel_memory import PanelMemory
from ui.preferences import UiPreferences
from ui.setup.window_hook import camera_state_lookup, install_setup
from ui.theme import DARK, LIGHT, apply_theme, current_theme
from ui.tours.panel import ToursPanel
from ui.tours.store import VIEWS, SavedTour, TourStore
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
REPLAY_BACK = timedelta(seconds=30)       # R replays the selected tile from 30 s ago
STATUS_MS = 10_000


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    wall_added = Signal(object)          # a wall for another screen was made (PTZ and others attach to it)

    def __init__(self, station: Station, camera_ids: list[int | None] | None = None,
                 layout: Layout | None = None, extra_screens: bool = True,
                 snapshot_dir: Path | None = None, clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__()
        self.setWindowTitle(tr("videowall"))
        self.station = station
        self.clock = clock
        self.preferences = UiPreferences(station.data_dir)
        apply_theme(QApplication.instance(), self.preferences.theme)
        self.menus: dict[str, QMenu] = {}
        self.view_menu = self.add_menu("view", tr("&View"))
        self._panel_actions_end = self.view_menu.addSeparator()     # dock entries go above it
        self.docks: dict[str, QDockWidget] = {}
        self.panel_bar = PanelBar(tr("Panels"), self)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.panel_bar)
        self._panels = PanelMemory(default=("cameras",))
        self._fullscreen_panels = PanelMemory()
        self._state_before_fullscreen = Qt.WindowState.WindowNoState
        self.wall_fullscreen = False
        self.playback: QWidget | None = None
        self.recording = None                        # the RecordingController, once attached (runner)
        self.tile_playbacks: dict[tuple[int, int], QWidget] = {}   # (id(wall), tile index) → its playback
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
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.wall)
        self.setCentralWidget(self.centre)
        self.active_wall = self.wall
        self.view_names: dict[int, str | None] = {}     # id(wall) → name of the view it shows
        self.access_log_dialog = None                    # the access log screen, once opened
        self.cameras_panel = CameraPanel(Catalog(cameras), state_of=camera_state_lookup(station), editable=True)
        self.cameras_panel.camera_activated.connect(self.put_camera)
        self.add_dock(self.cameras_panel, tr("Cameras"), key="cameras")
        self.views_panel = ViewsPanel(station.views)
        self.views_panel.view_chosen.connect(lambda view: self.show_view(view))
        self.views_panel.save_requested.connect(self.save_view)
        self.views_panel.views_changed.connect(self.warmup.schedule)
        self.add_dock(self.views_panel, tr("Views"), key="views")
        self.layout_editor = LayoutEditor()
        self.layout_editor.edit(self.wall.layout_)
        self.layout_editor.layout_applied.connect(self.apply_layout)
        self.add_dock(self.layout_editor, tr("Layout"), key="layout")
        self.tours_panel = ToursPanel(TourStore(station.data_dir), lambda: [v.name for v in station.views.list()],
                                      lambda: [(c.id, c.name) for c in station.cameras.list()])
        self.tours_panel.start_requested.connect(self.start_tour)
        self.tours_panel.stop_requested.connect(self.stop_tour)
        self.views_panel.views_changed.connect(self.tours_panel.reload)
        self.add_dock(self.tours_panel, tr("Tours"), key="tours")
        self.bookmarks_panel = BookmarksPanel(self.bookmarks)
        self.bookmarks_dock = self.add_dock(self.bookmarks_panel, tr("Bookmarks"),
                                            Qt.DockWidgetArea.BottomDockWidgetArea, key="bookmarks")
        self.bookmarks_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+B"))
        self._build_view_menu()
        self._build_incidents_menu()
        self.camera_setup = install_setup(self)      # the Cameras and Station menus; add/edit/remove in the tree
        self.screens = ScreenWalls(self._extra_wall, station.views, skip=self.screen(), parent=self)
        if extra_screens:
            self.screens.open_all()
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.shared_state = SharedStateRefresh(self)

    # -- hooks for other panels ------------------------------------------------------------------
    def add_menu(self, key: str, title: str) -> QMenu:
        """The menu ``key`` ("view", "incidents"…), created with ``title`` the first time (set-up dialogs hook in here)."""
        if key not in self.menus:
            self.menus[key] = self.menuBar().addMenu(title)
        return self.menus[key]

    def add_dock(self, widget: QWidget, title: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea, key: str | None = None) -> QDockWidget:
        """Dock a panel (PTZ, bookmarks…) beside the wall, collapsed: a tab on the panel bar and an entry in the
        View menu bring it out. Returns the dock for further set-up."""
        key = key or title.lower()
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        dock.hide()
        self.docks[key] = dock
        self.panel_bar.add_tab(key, dock.toggleViewAction())
        self.view_menu.insertAction(self._panel_actions_end, dock.toggleViewAction())
        return dock

    def open_panels(self) -> set[str]:
        return {key for key, dock in self.docks.items() if not dock.isHidden()}

    def show_panels(self, keys: set[str]) -> None:
        for key, dock in self.docks.items():
            dock.setVisible(key in keys)

    def toggle_panels(self) -> None:
        """Collapse every side panel to the bar, or bring back the ones open last time."""
        if not self.wall_fullscreen:
            self.show_panels(self._panels.toggle(self.open_panels()))

    def set_wall_fullscreen(self, on: bool) -> None:
        """The wall alone on this screen: no menu, panels, bar or status line (Esc or F leaves)."""
        if on == self.wall_fullscreen:
            return
        self.wall_fullscreen = on
        if on:
            self._state_before_fullscreen = self.windowState()
            self.show_panels(self._fullscreen_panels.collapse(self.open_panels()))
        for chrome in (self.menuBar(), self.statusBar(), self.panel_bar):
            chrome.setVisible(not on)
        if on:
            self.showFullScreen()
        else:
            self.show_panels(self._fullscreen_panels.restore())
            self.setWindowState(self._state_before_fullscreen)
            self.show()

    def set_theme(self, name: str) -> None:
        """Dark or light, for the whole application; remembered for the next start."""
        self.preferences.theme = apply_theme(QApplication.instance(), name)
        for action in self._theme_actions.actions():
            action.setChecked(action.data() == self.preferences.theme)

    def show_playback(self, playback: QWidget) -> None:
        """Playback takes the live wall's place (same window, panels untouched) until it asks for live again."""
        self.show_live()
        self.playback = playback
        self.centre.addWidget(playback)
        self.centre.setCurrentWidget(playback)
        playback.back_to_live_requested.connect(self.show_live)
        playback.setFocus()

    def play_tile(self, wall: WallWindow | None = None, back: timedelta = REPLAY_BACK) -> None:
        """Play back the selected tile's camera from ``back`` ago inside that tile; the other tiles stay live."""
        wall = wall or self.active_wall
        camera_id = self.selected_camera(wall)
        if camera_id is None or self.recording is None:
            self.statusBar().showMessage(tr("Select a tile showing a camera to replay it."), STATUS_MS)
            return
        index = wall.selected_index
        start_us = int((self.clock.now_utc() - back).timestamp() * 1_000_000)
        self.recording.open_playback([camera_id], start_us,
                                     place=lambda playback: self._place_tile_playback(wall, index, playback))

    def end_tile_playback(self, wall: WallWindow, index: int) -> None:
        playback = self.tile_playbacks.pop((id(wall), index), None)
        if playback is not None:
            playback.close()
            playback.deleteLater()
            wall.setFocus()

    def _place_tile_playback(self, wall: WallWindow, index: int, playback: QWidget) -> None:
        self.end_tile_playback(wall, index)
        if index >= len(wall.tiles):
            playback.close()
            return
        self.tile_playbacks[(id(wall), index)] = playback
        playback.setParent(wall)
        playback.setGeometry(wall.tiles[index].geometry())
        playback.back_to_live_requested.connect(lambda: self.end_tile_playback(wall, index))
        playback.show()
        playback.raise_()
        playback.setFocus()
        playback.toggle_play()

    def _follow_tiles(self, wall: WallWindow) -> None:
        """Tile playbacks stay over their tile when the wall changes layout or size."""
        for (wall_id, index), playback in list(self.tile_playbacks.items()):
            if wall_id == id(wall):
                if index < len(wall.tiles) and wall.maximised_index in (None, index):
                    playback.setGeometry(wall.tiles[index].geometry())
                    playback.raise_()
                else:
                    self.end_tile_playback(wall, index)

    def show_live(self) -> None:
        playback, self.playback = self.playback, None
        self.centre.setCurrentWidget(self.wall)
        if playback is not None:
            self.centre.removeWidget(playback)
            playback.close()
            playback.deleteLater()
            self.wall.setFocus()

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

    def start_tour(self, tour: SavedTour, wall: WallWindow | None = None) -> None:
        """A view tour on the wall, or a tile tour on its selected tile (from the tours panel)."""
        wall = wall or self.active_wall
        if tour.kind == VIEWS:
            self.set_view_tour(wall, Tour(list(tour.items), tour.dwell_s, clock=self.clock))
        else:
            wall.set_tile_tour(wall.selected_index, Tour(list(tour.items), tour.dwell_s, clock=self.clock))

    def stop_tour(self, kind: str, wall: WallWindow | None = None) -> None:
        wall = wall or self.active_wall
        if kind == VIEWS:
            self.set_view_tour(wall, None)
        else:
            wall.set_tile_tour(wall.selected_index, None)

    def apply_layout(self, layout: Layout) -> None:
        wall = self.active_wall
        wall.show_view(layout, wall.cameras())
        self.layout_editor.edit(layout)

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

    def show_access_log(self) -> None:
        """The access log screen, for shift supervisors and administrators (the core checks it again)."""
        from ui.access.access_log_dialog import AccessLogDialog
        from videowall.access.roles import Permission

        try:
            self.station.require(Permission.READ_ACCESS_LOG)
        except VideowallError as err:
            self.statusBar().showMessage(core_text(err.user_message), STATUS_MS)
            return
        self.access_log_dialog = AccessLogDialog(self.station, self)
        self.access_log_dialog.open()
        self.access_log_dialog.search()          # the last days at once; the filters narrow it

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
        wall.panels_key_pressed.connect(self.toggle_panels)
        wall.replay_key_pressed.connect(lambda w=wall: self.play_tile(w))
        wall.content_changed.connect(lambda w=wall: self._follow_tiles(w))
        wall.fullscreen_key_pressed.connect(lambda w=wall: self._toggle_fullscreen(w))
        wall.escape_unused.connect(lambda w=wall: self._leave_fullscreen(w))
        self.warmup.watch(wall)
        return wall

    def _toggle_fullscreen(self, wall: WallWindow) -> None:
        if wall is self.wall:
            self.set_wall_fullscreen(not self.wall_fullscreen)
        elif wall.isFullScreen():
            wall.showNormal()
        else:
            wall.showFullScreen()

    def _leave_fullscreen(self, wall: WallWindow) -> None:
        if wall is self.wall:
            self.set_wall_fullscreen(False)
        elif wall.isFullScreen():
            wall.showNormal()

    def _build_view_menu(self) -> None:
        menu = self.view_menu
        menu.addAction(tr("Show or hide the panels") + "\tP", self.toggle_panels)
        menu.addAction(tr("Full-screen wall") + "\tF", lambda: self.set_wall_fullscreen(not self.wall_fullscreen))
        themes = menu.addMenu(tr("Theme"))
        self._theme_actions = QActionGroup(self)
        for name, title in ((DARK, tr("Dark")), (LIGHT, tr("Light"))):
            action = themes.addAction(title)
            action.setData(name)
            action.setCheckable(True)
            action.setChecked(name == current_theme(QApplication.instance()))
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self._theme_actions.addAction(action)

    def _build_incidents_menu(self) -> None:
        menu = self.add_menu("incidents", tr("&Incidents"))
        # No shortcut on this action: the walls take B / Ctrl+B themselves (a text field keeps its B).
        menu.addAction(tr("Bookmark the selected tile") + "\tB", lambda: self.bookmark_selected_tile())
        export = QAction(tr("Export evidence…"), self)
        export.setShortcut(QKeySequence("Ctrl+E"))
        export.triggered.connect(self.export_evidence)
        self.addAction(export)
        menu.addAction(export)
        menu.addAction(tr("Shift activity record…"), self.shift_activity_record)
        menu.addAction(tr("Access log…"), self.show_access_log)

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
        wall = self._new_wall([None] * 4)
        self.wall_added.emit(wall)
        return wall

    def _on_focus_changed(self, _old, now) -> None:
        widget = now
        while widget is not None:
            if isinstance(widget, WallWindow):
                if widget is not self.active_wall:
                    self.active_wall = widget
                    self.layout_editor.edit(widget.layout_)
                return
            widget = widget.parentWidget()
