"""The alarm list as a Qt table: open alarms (or all), most urgent first, then newest; updates merge in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from ui.alarms.texts import camera_text, kind_text, local_text, state_text, tr
from videowall.events.model import Alarm, AlarmState

COLUMNS = ("Priority", "State", "Camera", "Event", "Time", "Count", "Handled by")
PRIORITY_COLORS = {1: QColor(170, 30, 30), 2: QColor(190, 110, 20), 3: QColor(150, 140, 30)}


class AlarmTableModel(QAbstractTableModel):
    def __init__(self, tz: ZoneInfo, camera_names: Mapping[int, str]) -> None:
        super().__init__()
        self._tz = tz
        self._names = dict(camera_names)
        self._alarms: list[Alarm] = []
        self.include_closed = False

    def set_alarms(self, alarms: Iterable[Alarm]) -> None:
        self.beginResetModel()
        self._alarms = self._ordered({a.id: a for a in alarms if self._shown(a)}.values())
        self.endResetModel()

    def merge(self, alarms: Iterable[Alarm]) -> None:
        """Changed or new alarms replace their rows; closed ones leave unless closed ones are shown."""
        by_id = {alarm.id: alarm for alarm in self._alarms}
        for alarm in alarms:
            by_id[alarm.id] = alarm
        self.set_alarms(by_id.values())

    def alarm(self, row: int) -> Alarm | None:
        return self._alarms[row] if 0 <= row < len(self._alarms) else None

    def row_of(self, alarm_id: int) -> int | None:
        return next((row for row, alarm in enumerate(self._alarms) if alarm.id == alarm_id), None)

    def _shown(self, alarm: Alarm) -> bool:
        return self.include_closed or alarm.state is not AlarmState.CLOSED

    @staticmethod
    def _ordered(alarms: Iterable[Alarm]) -> list[Alarm]:
        return sorted(alarms, key=lambda a: (a.state is AlarmState.CLOSED, a.priority, -a.last_utc.timestamp()))

    # -- Qt ---------------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._alarms)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        alarm = self.alarm(index.row())
        if alarm is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(alarm, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.BackgroundRole and alarm.state is AlarmState.NEW:
            return PRIORITY_COLORS.get(alarm.priority)
        if role == Qt.ItemDataRole.ToolTipRole and alarm.comment:
            return alarm.comment
        return None

    def _cell(self, alarm: Alarm, column: str) -> str:
        if column == "Priority":
            return str(alarm.priority)
        if column == "State":
            return state_text(alarm.state)
        if column == "Camera":
            return camera_text(alarm.camera_id, self._names)
        if column == "Event":
            return f"{kind_text(alarm.kind)} ({alarm.source})" if alarm.source else kind_text(alarm.kind)
        if column == "Time":
            return local_text(alarm.first_utc, self._tz)
        if column == "Count":
            return str(alarm.count)
        return alarm.closed_by or alarm.acknowledged_by
