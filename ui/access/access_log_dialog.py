"""The supervisor's access log screen: view sessions and exports filtered by camera and period, in station time.

Reading runs on a worker (the audit log is on the database); the core refuses it to a person without the
"read the access log" permission (shift supervisors and administrators), and the refusal is shown here.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ui.i18n.core import core_text
from ui.station_time import edit_moment, station_time_edit
from videowall.audit.access_list import AccessSession
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import VideowallError
from videowall.station import Station

DEFAULT_DAYS = 7


def tr(text: str) -> str:
    return QCoreApplication.translate("AccessLog", text)


def kind_text(kind: str) -> str:
    return {"live": tr("live"), "playback": tr("playback"), "export": tr("export")}.get(kind, kind)


class AccessLogDialog(QDialog):
    loaded = Signal(object)          # list[AccessSession] or VideowallError, from the worker

    def __init__(self, station: Station, parent: QWidget | None = None, clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Access log"))
        self._station = station
        self._zone = station.zone
        now = clock.now_utc()
        self.camera_combo = QComboBox(self)
        self.camera_combo.addItem(tr("All cameras"), None)
        for camera in station.cameras.list():
            self.camera_combo.addItem(camera.name, camera.id)
        self.start_edit = station_time_edit(now - timedelta(days=DEFAULT_DAYS), self._zone, self)
        self.end_edit = station_time_edit(now + timedelta(minutes=1), self._zone, self)
        self.search_button = QPushButton(tr("Search"), self)
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels([tr("Session"), tr("Kind"), tr("Camera"), tr("Footage"), tr("Who"),
                                              tr("Station"), tr("Case number"), tr("Reason")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Camera"), self.camera_combo)
        form.addRow(tr("From (%1)").replace("%1", self._zone.key), self.start_edit)
        form.addRow(tr("To"), self.end_edit)
        form.addRow("", self.search_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.search_button.clicked.connect(self.search)
        self.loaded.connect(self._on_self_loaded)
        self.resize(1000, 500)

    def search(self) -> None:
        camera_id = self.camera_combo.currentData()
        start, end = edit_moment(self.start_edit, self._zone), edit_moment(self.end_edit, self._zone)
        self.search_button.setEnabled(False)
        self.status.setText(tr("Reading the access log…"))

        def work() -> None:
            try:
                self.loaded.emit(self._station.access_log(camera_id, start, end))
            except VideowallError as err:
                self.loaded.emit(err)

        threading.Thread(target=work, name="access-log-read", daemon=True).start()

    def _on_self_loaded(self, result: list[AccessSession] | VideowallError) -> None:
        self.search_button.setEnabled(True)
        if isinstance(result, VideowallError):
            self.table.setRowCount(0)
            self.status.setText(core_text(result.user_message))
            return
        names = {self.camera_combo.itemData(i): self.camera_combo.itemText(i) for i in range(self.camera_combo.count())}
        self.table.setRowCount(len(result))
        for row, session in enumerate(result):
            for column, text in enumerate(self._cells(session, names)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.status.setText(tr("Sessions found: %1. Times in %2.").replace("%1", str(len(result)))
                            .replace("%2", self._zone.key))

    def _cells(self, s: AccessSession, names: dict) -> list[str]:
        ended = self._local(s.ended_utc) if s.ended_utc else tr("not closed")
        footage = "—" if s.footage_from_utc is None else (
            f"{self._local(s.footage_from_utc)} – {self._local(s.footage_to_utc) if s.footage_to_utc else '?'}")
        cameras = ", ".join(s.cameras) if any(s.cameras) else ", ".join(names.get(cid, str(cid)) for cid in s.camera_ids)
        return [f"{self._local(s.started_utc)} – {ended}", kind_text(s.kind), cameras, footage, s.actor,
                s.station or "—", s.case_number or "—", s.reason or "—"]

    def _local(self, moment: datetime) -> str:
        return f"{moment.astimezone(self._zone):%Y-%m-%d %H:%M:%S}"
