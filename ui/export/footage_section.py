"""Which footage: the cameras (checkable) and the time range, edited in the station's time zone, kept in UTC."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, Qt, QTimeZone
from PySide6.QtWidgets import (QDateTimeEdit, QFormLayout, QGroupBox, QLabel, QListWidget, QListWidgetItem,
                               QVBoxLayout)

from ui.export.texts import tr
from videowall.model.camera import Camera

CAMERA_ROLE = Qt.ItemDataRole.UserRole
DISPLAY_FORMAT = "yyyy-MM-dd HH:mm:ss"
ERROR_STYLE = "color: #c62828;"


class FootageSection(QGroupBox):
    def __init__(self, cameras: list[Camera], zone: ZoneInfo, parent=None) -> None:
        super().__init__(tr("Footage"), parent)
        self._zone = zone
        self.camera_list = QListWidget()
        self.camera_list.setObjectName("exportCameras")
        self.camera_list.setMinimumHeight(80)
        for camera in cameras:
            label = f"CAM{camera.id:03d} {camera.name}" + (f" — {camera.location}" if camera.location else "")
            item = QListWidgetItem(label)
            item.setData(CAMERA_ROLE, camera.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.camera_list.addItem(item)
        self.camera_error = _error_label()
        self.start_edit = _time_edit()
        self.end_edit = _time_edit()
        form = QFormLayout()
        form.addRow(tr("From"), self.start_edit)
        form.addRow(tr("To"), self.end_edit)
        zone_note = QLabel(tr("Times are local time of the station (%1).").replace("%1", zone.key))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Cameras")))
        layout.addWidget(self.camera_list)
        layout.addWidget(self.camera_error)
        layout.addLayout(form)
        layout.addWidget(zone_note)
        self.camera_list.itemChanged.connect(lambda _item: self.camera_error.hide())

    def set_cameras(self, camera_ids: Iterable[int]) -> None:
        wanted = set(camera_ids)
        for item in self._items():
            checked = item.data(CAMERA_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def camera_ids(self) -> tuple[int, ...]:
        return tuple(item.data(CAMERA_ROLE) for item in self._items()
                     if item.checkState() == Qt.CheckState.Checked)

    def set_range(self, start_utc: datetime, end_utc: datetime) -> None:
        self.start_edit.setDateTime(_to_wall_clock(start_utc, self._zone))
        self.end_edit.setDateTime(_to_wall_clock(end_utc, self._zone))

    def range_utc(self) -> tuple[datetime, datetime]:
        return (_from_wall_clock(self.start_edit.dateTime(), self._zone),
                _from_wall_clock(self.end_edit.dateTime(), self._zone))

    def check_cameras(self) -> bool:
        """Show an inline message when no camera is chosen; True when at least one is."""
        missing = not self.camera_ids()
        self.camera_error.setText(tr("Choose at least one camera.") if missing else "")
        self.camera_error.setVisible(missing)
        return not missing

    def _items(self) -> list[QListWidgetItem]:
        return [self.camera_list.item(row) for row in range(self.camera_list.count())]


def _time_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    # The editor holds the station's wall-clock time; a UTC spec keeps the machine's own zone (and its DST
    # gaps) out of it. The conversion to the station's zone happens in _from_wall_clock.
    edit.setTimeZone(QTimeZone.utc())
    edit.setDisplayFormat(DISPLAY_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def _to_wall_clock(moment: datetime, zone: ZoneInfo) -> QDateTime:
    local = moment.astimezone(zone)
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute, local.second, local.microsecond // 1000), QTimeZone.utc())


def _from_wall_clock(value: QDateTime, zone: ZoneInfo) -> datetime:
    day, time = value.date(), value.time()
    local = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), time.second(),
                     time.msec() * 1000, tzinfo=zone)
    return local.astimezone(timezone.utc)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label
