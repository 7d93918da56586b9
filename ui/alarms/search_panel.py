"""Event search: by camera, type and period, newest first; double-click plays the camera from the event."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateTimeEdit, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ui.alarms.texts import active_text, camera_text, kind_text, local_text, tr
from ui.bookmarks.texts import from_qdatetime, to_qdatetime
from ui.i18n.core import core_text
from videowall.events.model import EventFilter, EventKind, StoredEvent
from videowall.recording.timebase import to_us

COLUMNS = ("Time", "Camera", "Event", "State", "Count", "Source")
DEFAULT_BACK = timedelta(hours=12)


class EventSearchPanel(QWidget):
    playback_requested = Signal(int, "qlonglong")     # camera id, UTC µs of the event's start

    def __init__(self, controller, clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Events"))
        self.controller = controller
        station = controller.station
        self._tz = ZoneInfo(station.settings.timezone)
        self._names = {camera.id: camera.name for camera in station.cameras.list()}
        self.results: list[StoredEvent] = []
        self.camera = QComboBox()
        self.camera.addItem(tr("All cameras"), None)
        for camera_id, name in self._names.items():
            self.camera.addItem(name, camera_id)
        self.kind = QComboBox()
        self.kind.addItem(tr("All events"), None)
        for kind in EventKind:
            self.kind.addItem(kind_text(kind), kind)
        now = clock.now_utc()
        self.from_edit = self._time_edit(to_qdatetime(now - DEFAULT_BACK, self._tz))
        self.to_edit = self._time_edit(to_qdatetime(now + timedelta(hours=1), self._tz))
        self.search_button = QPushButton(tr("Search"))
        self.search_button.clicked.connect(self.search)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(self._on_table_cell_double_clicked)
        self.status = QLabel()
        filters = QHBoxLayout()
        for widget in (self.camera, self.kind, QLabel(tr("From")), self.from_edit, QLabel(tr("To")), self.to_edit,
                       self.search_button):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    @staticmethod
    def _time_edit(value) -> QDateTimeEdit:
        edit = QDateTimeEdit(value)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        return edit

    def current_filter(self) -> EventFilter:
        return EventFilter(camera_id=self.camera.currentData(), kind=self.kind.currentData(),
                           start_utc=from_qdatetime(self.from_edit.dateTime(), self._tz),
                           end_utc=from_qdatetime(self.to_edit.dateTime(), self._tz))

    def search(self) -> None:
        self.search_button.setEnabled(False)
        self.controller.search(self.current_filter(), self._show, self._failed)

    def _show(self, events: list[StoredEvent]) -> None:
        self.search_button.setEnabled(True)
        self.results = events
        self.table.setRowCount(len(events))
        for row, event in enumerate(events):
            cells = (local_text(event.first_utc, self._tz), camera_text(event.camera_id, self._names),
                     kind_text(event.kind) if event.kind is not EventKind.OTHER else event.topic,
                     active_text(event.active), str(event.count), event.source)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.status.setText(tr("%1 events").replace("%1", str(len(events))))

    def _failed(self, err) -> None:
        self.search_button.setEnabled(True)
        self.status.setText(core_text(err.user_message))

    def _on_table_cell_double_clicked(self, row: int, _column: int) -> None:
        event = self.results[row]
        if event.camera_id is not None:
            self.playback_requested.emit(event.camera_id, to_us(event.first_utc))
