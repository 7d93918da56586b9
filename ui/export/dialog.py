"""The evidence export dialog: footage, the authority's request, destination, then a verified package.

Checks and writing are the core's (``plan_export``, ``ExportJob``, shared with ``videowall export``);
the dialog collects the request, runs them on a worker thread and shows what happened in words.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ui.export.destination_section import DestinationSection
from ui.export.drive_watcher import DriveWatcher
from ui.export.export_worker import ExportWorker
from ui.export.footage_section import FootageSection
from ui.export.progress_panel import ERROR_STYLE, ProgressPanel
from ui.export.request_section import RequestSection
from ui.export.services import ExportServices, services_for
from ui.export.texts import tr
from videowall.evidence.request import ExportRequest, Officer
from videowall.station import Station

DEFAULT_RANGE = timedelta(minutes=15)
INITIAL_SIZE = (1040, 720)


class ExportDialog(QDialog):
    export_finished = Signal(object)   # ExportResult of a verified package

    def __init__(self, services: ExportServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export evidence"))
        self._services = services
        self._cameras = services.cameras()
        self._bookmark_ids: tuple[int, ...] = ()
        self._worker: ExportWorker | None = None
        self._busy = False                 # from Export until the worker's one final signal
        self._close_when_stopped = False
        self._watcher: DriveWatcher | None = None
        self.footage = FootageSection(self._cameras, services.timezone)
        self.request = RequestSection()
        self.destination = DestinationSection(services.folder_prober)
        self.progress = ProgressPanel()
        self.export_button = QPushButton(tr("Export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Cancel export"))
        self.close_button = QPushButton(tr("Close"))
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.reject)
        self._build_layout()
        self._set_running(False)
        self.resize(*INITIAL_SIZE)

    def _build_layout(self) -> None:
        operator = QLabel(tr("Operator: %1").replace("%1", self._services.operator))
        left = QVBoxLayout()
        left.addWidget(self.footage)
        left.addWidget(self.destination)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(self.request, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(operator)
        layout.addLayout(columns)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)

    def prefill(self, *, camera_ids=(), start_utc: datetime | None = None, end_utc: datetime | None = None,
                bookmark=None) -> None:
        """From a bookmark (any object with the bookmark fields) and/or explicit cameras and range."""
        if bookmark is not None:
            self._bookmark_ids = (bookmark.id,)
            camera_ids = camera_ids or bookmark.camera_ids
            start_utc, end_utc = start_utc or bookmark.start_utc, end_utc or bookmark.end_utc
            self.request.set_value("case_number", bookmark.case_number)
            self.request.set_value("reason", bookmark.description)
            self.request.set_value("incident_description", bookmark.description)
            self.request.set_value("incident_place", bookmark.place)
        end_utc = end_utc or self._services.clock.now_utc()
        self.footage.set_range(start_utc or end_utc - DEFAULT_RANGE, end_utc)
        self.footage.set_cameras(camera_ids)

    @property
    def running(self) -> bool:
        return self._busy

    def start_export(self) -> None:
        """What the Export button does: check the form, then plan and run the export on a worker."""
        missing = self.request.check_required()
        cameras_chosen = self.footage.check_cameras()
        folder = self.destination.selected_path()
        if folder is None:
            self.destination.show_error(tr("Choose a removable drive or another folder."))
        if missing or not cameras_chosen or folder is None:
            self.progress.show_message(tr("Fill in the fields marked above."), ERROR_STYLE)
            return
        worker = ExportWorker(self._services)
        worker.planned.connect(self.progress.planned)
        worker.progressed.connect(self.progress.progressed)
        worker.refused.connect(self._on_refused)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        worker.succeeded.connect(self._on_succeeded)
        self._worker = worker
        self.progress.started()
        self._set_running(True)
        worker.start(self._build_request(folder), folder, self._cameras)

    def cancel_export(self) -> None:
        if self._worker is not None:
            self.cancel_button.setEnabled(False)
            self.progress.stage_label.setText(tr("Cancelling…"))
            self._worker.cancel()

    def _build_request(self, folder: Path) -> ExportRequest:
        values = self.request.values()
        start, end = self.footage.range_utc()
        return ExportRequest(
            exhibit_id=values.exhibit_id, camera_ids=self.footage.camera_ids(), start_utc=start, end_utc=end,
            authority=values.authority, case_number=values.case_number, reason=values.reason,
            legal_basis=values.legal_basis, request_ref=values.request_ref,
            officer=Officer(values.officer_name, values.officer_rank, values.officer_badge),
            bookmark_ids=self._bookmark_ids, incident_description=values.incident_description,
            incident_place=values.incident_place)

    def _set_running(self, running: bool, finished: bool = False) -> None:
        self._busy = running
        for section in (self.footage, self.request, self.destination):
            section.setEnabled(not running and not finished)
        self.export_button.setVisible(not running and not finished)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def _on_refused(self, message: str) -> None:
        self._set_running(False)
        self.progress.refused(message)
        self._close_if_asked()

    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self.progress.failed(message)
        self._close_if_asked()

    def _on_cancelled(self, partial: Path | None) -> None:
        self._set_running(False)
        self.progress.cancelled(partial)
        self._close_if_asked()

    def _on_succeeded(self, result) -> None:
        self._set_running(False, finished=True)
        self.progress.succeeded(result)
        self.close_button.setDefault(True)
        self.export_finished.emit(result)
        self._close_if_asked()

    def _close_if_asked(self) -> None:
        if self._close_when_stopped:
            self._close_when_stopped = False
            super().reject()

    def reject(self) -> None:
        """Escape, Close and the window's close button: while exporting, only after cancelling."""
        if not self.running:
            super().reject()
            return
        if self._confirm_cancel():
            self._close_when_stopped = True
            self.cancel_export()

    def _confirm_cancel(self) -> bool:
        answer = QMessageBox.question(
            self, tr("Export running"),
            tr("The export is still running. Cancel it? Nothing complete will be written."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._watcher is None:
            self._watcher = DriveWatcher(self._services.drive_lister)
            self._watcher.drives_changed.connect(self.destination.set_drives)
            self._watcher.start()

    def hideEvent(self, event) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        super().hideEvent(event)


def open_export_dialog(parent: QWidget | None, station: Station, *, camera_ids=(), start_utc: datetime | None = None,
                       end_utc: datetime | None = None, bookmark=None,
                       services: ExportServices | None = None) -> ExportDialog:
    """Open (non-modal) the export dialog for the station, prefilled from a bookmark or cameras and a range."""
    dialog = ExportDialog(services or services_for(station), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.prefill(camera_ids=tuple(camera_ids), start_utc=start_utc, end_utc=end_utc, bookmark=bookmark)
    dialog.show()
    return dialog
