"""Puts set-up into the main window: the Cameras menu, the tree's add/edit/remove, live tree and walls, and the
Station menu (deployment settings, signing key, audit and evidence package checks)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from ui.setup.controller import CameraSetupController
from ui.setup.station_dialog import AUDIT, DEPLOYMENT, PACKAGE, SIGNING, StationDialog
from ui.setup.texts import tr
from videowall.model.camera import Camera
from videowall.setup.camera_state import CameraState, camera_state
from videowall.station import Station

STATUS_MS = 10_000


def camera_state_lookup(station: Station):
    """camera id → CameraState, from the supervisor's sessions and (once it runs) the recorder."""
    def recorder(camera_id: int):
        service = station.recording
        return service.recorder_status(camera_id) if service is not None else None

    def state_of(camera_id: int) -> CameraState:
        return camera_state(camera_id, station.supervisor.session_status, recorder)

    return state_of


def install_setup(window, discovery_target: tuple[str, int] | None = None) -> CameraSetupController:
    """``window``: the MainWindow. Returns the camera controller (its ``cameras_changed`` also drives recording)."""
    controller = CameraSetupController(window.station, window, discovery_target=discovery_target)
    panel = window.cameras_panel
    panel.add_requested.connect(lambda: controller.add_camera())
    panel.edit_requested.connect(controller.edit_camera)
    panel.remove_requested.connect(controller.remove_camera)
    controller.cameras_changed.connect(panel.set_cameras)
    controller.camera_removed.connect(lambda camera: _clear_tiles_of(window, camera))
    controller.camera_saved.connect(lambda camera: _reopen_tiles_of(window, camera))
    controller.failed.connect(lambda text: window.statusBar().showMessage(text, STATUS_MS))
    menu = window.menuBar().addMenu(tr("&Cameras"))
    add = menu.addAction(tr("Add camera…"), lambda: controller.add_camera())
    add.setShortcut(QKeySequence("Ctrl+Shift+A"))
    menu.addAction(tr("Search the network for cameras…"), lambda: controller.add_camera(discover=True))
    menu.addAction(tr("Edit the selected tile's camera…"), lambda: _edit_selected(window, controller))
    _station_menu(window)
    return controller


def open_station_dialog(window, tab: int = DEPLOYMENT) -> StationDialog:
    dialog = StationDialog(window.station, window)
    dialog.tabs.setCurrentIndex(tab)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.show()
    return dialog


def _station_menu(window) -> None:
    menu = window.menuBar().addMenu(tr("&Station"))
    menu.addAction(tr("Deployment settings…"), lambda: open_station_dialog(window, DEPLOYMENT))
    menu.addAction(tr("Signing key…"), lambda: open_station_dialog(window, SIGNING))
    menu.addAction(tr("Verify the audit log…"), lambda: open_station_dialog(window, AUDIT).audit.verify())
    menu.addAction(tr("Verify an evidence package…"),
                   lambda: open_station_dialog(window, PACKAGE).package.open_button.click())


def _edit_selected(window, controller: CameraSetupController) -> None:
    camera_id = window.selected_camera()
    if camera_id is None:
        window.statusBar().showMessage(tr("Select a tile showing a camera to edit it."), STATUS_MS)
        return
    controller.edit_camera(camera_id)


def _clear_tiles_of(window, camera: Camera) -> None:
    for wall in window.walls():
        for index, camera_id in enumerate(wall.cameras()):
            if camera_id == camera.id:
                wall.set_tile_camera(index, None)


def _reopen_tiles_of(window, camera: Camera) -> None:
    """An edited camera's streams reconnect with its new details; its tiles open it again (its new name)."""
    window.station.supervisor.reopen_camera(camera.id)
    for wall in window.walls():
        for index, camera_id in enumerate(wall.cameras()):
            if camera_id == camera.id:
                wall.set_tile_camera(index, None)
                wall.set_tile_camera(index, camera.id)
