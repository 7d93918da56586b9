"""The alarm list dock: open alarms by priority, acknowledge, close with a comment, show the camera, bookmark.

Updates from the engine merge into the table as they come; "Show closed" reloads the list with the closed
alarms. Subscription problems (a camera without events, one that keeps failing) show under the table.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTableView,
    QVBoxLayout, QWidget,
)

from ui.alarms.close_dialog import CloseAlarmDialog
from ui.alarms.table_model import AlarmTableModel
from ui.alarms.texts import camera_text, tr
from ui.i18n.core import core_text
from videowall.events.model import Alarm, AlarmState
from videowall.events.subscriptions import SubscriptionState

POPUP_TILE, POPUP_MONITOR, POPUP_OFF = "tile", "monitor", "off"


class AlarmsPanel(QWidget):
    show_camera_requested = Signal(int)          # camera id: put it on the chosen tile now
    bookmark_requested = Signal(object)          # Alarm: bookmark its time range

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Alarms"))
        self.controller = controller
        station = controller.station
        self._names = {camera.id: camera.name for camera in station.cameras.list()}
        self.model = AlarmTableModel(ZoneInfo(station.settings.timezone), self._names)
        self.last_dialog: CloseAlarmDialog | None = None
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)   # measuring every cell per update is slow
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.show_camera())
        self.show_closed = QCheckBox(tr("Show closed"))
        self.show_closed.toggled.connect(self._on_show_closed_toggled)
        self.popup_target = QComboBox()
        for text, value in ((tr("Pop up on tile"), POPUP_TILE), (tr("Pop up on the alarm monitor"), POPUP_MONITOR),
                            (tr("No pop-up"), POPUP_OFF)):
            self.popup_target.addItem(text, value)
        self.popup_tile = QSpinBox()
        self.popup_tile.setRange(1, 64)
        self.popup_tile.setPrefix(tr("tile "))
        self.acknowledge_button = self._button(tr("Acknowledge"), self.acknowledge)
        self.close_button = self._button(tr("Close…"), self.close_selected)
        self.show_button = self._button(tr("Show camera"), self.show_camera)
        self.bookmark_button = self._button(tr("Bookmark this"), self.bookmark_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._build_layout()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        controller.alarms_changed.connect(self._on_controller_alarms_changed)
        controller.statuses_changed.connect(self._on_controller_statuses_changed)
        controller.failed.connect(self.status.setText)
        self._update_buttons()
        self.reload()

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.show_closed)
        top.addStretch(1)
        top.addWidget(self.popup_target)
        top.addWidget(self.popup_tile)
        buttons = QHBoxLayout()
        for button in (self.acknowledge_button, self.close_button, self.show_button, self.bookmark_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    # -- operator actions -------------------------------------------------------------------------
    def selected_alarm(self) -> Alarm | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.alarm(rows[0].row()) if rows else None

    def select_alarm(self, alarm_id: int) -> None:
        row = self.model.row_of(alarm_id)
        if row is not None:
            self.table.selectRow(row)

    def acknowledge(self) -> None:
        alarm = self.selected_alarm()
        if alarm is not None and alarm.state is AlarmState.NEW:
            self.controller.acknowledge(alarm.id, error=lambda err: self.status.setText(core_text(err.user_message)))

    def close_selected(self) -> CloseAlarmDialog | None:
        alarm = self.selected_alarm()
        if alarm is None or alarm.state is AlarmState.CLOSED:
            return None
        self.last_dialog = CloseAlarmDialog(self.controller, alarm, self)
        self.last_dialog.open()
        return self.last_dialog

    def show_camera(self) -> None:
        alarm = self.selected_alarm()
        if alarm is not None and alarm.camera_id is not None:
            self.show_camera_requested.emit(alarm.camera_id)

    def bookmark_selected(self) -> None:
        alarm = self.selected_alarm()
        if alarm is not None and alarm.camera_id is not None:
            self.bookmark_requested.emit(alarm)

    def reload(self) -> None:
        self.controller.alarms(self.show_closed.isChecked(), self._show_all)

    # -- internals --------------------------------------------------------------------------------
    def _show_all(self, alarms: list[Alarm]) -> None:
        selected = self.selected_alarm()
        self.model.set_alarms(alarms)
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select_alarm(selected.id)
        self._update_buttons()

    def _on_show_closed_toggled(self, checked: bool) -> None:
        self.model.include_closed = checked
        self.reload()

    def _on_controller_alarms_changed(self, alarms: list[Alarm], _raised: set[int]) -> None:
        selected = self.selected_alarm()
        rows = self.model.rowCount()
        self.model.merge(alarms)
        if self.model.rowCount() != rows:
            self.table.resizeColumnsToContents()
        if selected is not None:
            self.select_alarm(selected.id)
        self._update_buttons()

    def _on_controller_statuses_changed(self, statuses: dict) -> None:
        problems = []
        for camera_id, status in sorted(statuses.items()):
            name = camera_text(camera_id, self._names)
            if status.state is SubscriptionState.NOT_SUPPORTED:
                problems.append(tr("%1: the camera does not support ONVIF events.").replace("%1", name))
            elif status.state is SubscriptionState.RETRYING:
                problems.append(tr("%1: events interrupted, reconnecting (%2)").replace("%1", name)
                                .replace("%2", status.message))
        self.status.setText("\n".join(problems))

    def _update_buttons(self) -> None:
        alarm = self.selected_alarm()
        self.acknowledge_button.setEnabled(alarm is not None and alarm.state is AlarmState.NEW)
        self.close_button.setEnabled(alarm is not None and alarm.state is not AlarmState.CLOSED)
        has_camera = alarm is not None and alarm.camera_id is not None
        self.show_button.setEnabled(has_camera)
        self.bookmark_button.setEnabled(has_camera)
