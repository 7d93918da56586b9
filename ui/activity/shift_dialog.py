"""The activity record of a shift: from/to in station time (the running 12-hour shift by default), one
operator or all, saved as a PDF on a worker thread."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QPushButton, QVBoxLayout,
    QWidget,
)

from ui.activity.job import ActivityPdfJob, tr, with_pdf_suffix
from ui.i18n.core import core_text
from ui.station_time import edit_moment, station_time_edit
from videowall.access.roles import Permission
from videowall.activity.record import record_for_shift
from videowall.activity.shift import current_shift
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import VideowallError
from videowall.station import Station

class ShiftRecordDialog(QDialog):
    saved = Signal(object)          # the written Path
    failed = Signal(str)            # the operator-facing message
    _operators_loaded = Signal(object)   # list[str] or VideowallError, from the worker thread

    def __init__(self, station: Station, parent: QWidget | None = None, clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Activity record of a shift"))
        self._station = station
        self._zone = ZoneInfo(station.settings.timezone)
        self.target_path: Path | None = None    # when set, saved there without asking (scripted use, tests)
        self._job: ActivityPdfJob | None = None
        start, end = current_shift(clock.now_utc(), self._zone)
        self.start_edit = station_time_edit(start, self._zone, self)
        self.end_edit = station_time_edit(end, self._zone, self)
        self.operator_combo = QComboBox(self)
        self.operator_combo.addItem(tr("All operators"), None)
        self.access_check = QCheckBox(tr("Include the access log (who watched or exported footage, and why)"), self)
        self.access_check.setEnabled(station.session is None or station.session.may(Permission.READ_ACCESS_LOG))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(tr("Save PDF…"), self)
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        form = QFormLayout()
        form.addRow(tr("From (%1)").replace("%1", station.settings.timezone), self.start_edit)
        form.addRow(tr("To"), self.end_edit)
        form.addRow(tr("Operator"), self.operator_combo)
        form.addRow("", self.access_check)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(tr("Every bookmark of the period goes into the record (informacja), oldest first."), self))
        box.addLayout(form)
        box.addWidget(self.status)
        box.addWidget(buttons)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        self._operators_loaded.connect(self._on_self_operators_loaded)
        self._load_operators()

    def period_utc(self) -> tuple[datetime, datetime]:
        return edit_moment(self.start_edit, self._zone), edit_moment(self.end_edit, self._zone)

    def operator(self) -> str | None:
        return self.operator_combo.currentData()

    def save(self) -> None:
        """Ask for the file (unless ``target_path`` is set) and write the record on a worker."""
        start, end = self.period_utc()
        path = self.target_path or self._ask_path(start)
        if path is None:
            return
        station, operator, with_access = self._station, self.operator(), self.access_check.isChecked()
        names = {camera.id: camera.name for camera in station.cameras.list()}
        self.save_button.setEnabled(False)
        self._show(tr("Saving the activity record…"), error=False)
        self._job = ActivityPdfJob(self)
        self._job.done.connect(self._on_job_done)
        self._job.start(lambda: record_for_shift(station.bookmarks(), names, station.settings, start_utc=start,
                                                 end_utc=end, operator=operator,
                                                 alarms=station.alarms_over(start, end),
                                                 access=station.access_log(start_utc=start, end_utc=end)
                                                 if with_access else None), path)

    def _ask_path(self, start: datetime) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"informacja_zmiana_{start.astimezone(self._zone):%Y-%m-%d_%H%M}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(self, tr("Save activity record"), str(Path(folder) / name),
                                                tr("PDF documents (*.pdf)"))
        return with_pdf_suffix(chosen) if chosen else None

    def _on_job_done(self, result: Path | VideowallError) -> None:
        if self._job is not None:
            self._job.deleteLater()
            self._job = None
        self.save_button.setEnabled(True)
        if isinstance(result, VideowallError):
            self._show(tr("The activity record was not saved.") + " " + core_text(result.user_message), error=True)
            self.failed.emit(core_text(result.user_message))
        else:
            self._show(tr("The activity record was saved:") + f" {result}", error=False)
            self.saved.emit(result)

    def _load_operators(self) -> None:
        """The operator list comes from the bookmarks index, whose first opening checks it: on a worker."""
        def work() -> None:
            try:
                found: list[str] | VideowallError = self._station.bookmarks().operators()
            except VideowallError as err:
                found = err
            try:
                self._operators_loaded.emit(found)
            except RuntimeError:    # the dialog was closed and deleted first
                pass

        threading.Thread(target=work, name="activity-operators", daemon=True).start()

    def _on_self_operators_loaded(self, found: list[str] | VideowallError) -> None:
        if isinstance(found, VideowallError):
            self._show(core_text(found.user_message), error=True)
            return
        for name in found:
            self.operator_combo.addItem(name, name)

    def _show(self, text: str, error: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #c62828;" if error else "")
