"""Camera set-up from the main window: opens the camera dialog, removes cameras, tells everyone what changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n.core import core_text
from ui.setup.camera_dialog import CameraDialog
from ui.setup.texts import tr
from videowall.model.camera import Camera
from videowall.runtime.errors import VideowallError
from videowall.setup.cameras import CameraSetup
from videowall.station import Station


def ask_before_removing(parent: QWidget | None, camera: Camera) -> bool:
    answer = QMessageBox.question(
        parent, tr("Remove camera"),
        tr("Remove camera %1? Its recordings stay until the retention period deletes them.").replace("%1", camera.name))
    return answer == QMessageBox.StandardButton.Yes


class CameraSetupController(QObject):
    cameras_changed = Signal(list)      # list[Camera]: the station's cameras after an add, edit or remove
    camera_saved = Signal(object)       # the added or edited Camera
    camera_removed = Signal(object)     # the removed Camera
    failed = Signal(str)                # a translated message for the status bar

    def __init__(self, station: Station, window: QWidget | None = None,
                 discovery_target: tuple[str, int] | None = None,
                 confirm_remove: Callable[[QWidget | None, Camera], bool] = ask_before_removing) -> None:
        super().__init__(window)
        self._station = station
        self._window = window
        self._setup = CameraSetup(station.cameras, station.secrets)
        self._discovery_target = discovery_target
        self._confirm_remove = confirm_remove
        self.dialog: CameraDialog | None = None
        QCoreApplication.instance().aboutToQuit.connect(self._on_quit)

    def add_camera(self, discover: bool = False) -> CameraDialog:
        return self._open(None, discover)

    def edit_camera(self, camera_id: int) -> CameraDialog | None:
        try:
            camera = self._station.cameras.get(camera_id)
        except VideowallError as err:
            self.failed.emit(core_text(err.user_message))
            return None
        return self._open(camera, False)

    def remove_camera(self, camera_id: int) -> Camera | None:
        try:
            camera = self._station.cameras.get(camera_id)
            if not self._confirm_remove(self._window, camera):
                return None
            removed = self._setup.remove(camera_id)
        except VideowallError as err:
            self.failed.emit(core_text(err.user_message))
            return None
        self.camera_removed.emit(removed)
        self._changed()
        return removed

    def _open(self, camera: Camera | None, discover: bool) -> CameraDialog:
        if self.dialog is not None:
            self.dialog.close()
        groups = [c.group for c in self._station.cameras.list()]
        self.dialog = dialog = CameraDialog(self._setup, groups, self._station.settings.retention_days, camera,
                                            discovery_target=self._discovery_target, parent=self._window)
        dialog.saved.connect(self._on_saved)
        dialog.finished.connect(lambda _result: self._on_dialog_finished(dialog))
        dialog.show()
        if discover:
            dialog.discover()
        return dialog

    def _on_dialog_finished(self, dialog: CameraDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_quit(self) -> None:
        """A connection test still playing stops before the interpreter goes (its thread decodes video)."""
        if self.dialog is not None:
            self.dialog.preview.stop(wait=True)
            self.dialog.reject()

    def _on_saved(self, camera: Camera) -> None:
        self.camera_saved.emit(camera)
        self._changed()

    def _changed(self) -> None:
        self.cameras_changed.emit(self._station.cameras.list())
