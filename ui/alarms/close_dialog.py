"""Closing an alarm: the operator's comment (what was seen and done) is required."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.alarms.texts import tr
from ui.i18n.core import core_text
from videowall.events.model import Alarm
from videowall.runtime.errors import VideowallError


class CloseAlarmDialog(QDialog):
    def __init__(self, controller, alarm: Alarm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Close alarm %1").replace("%1", str(alarm.id)))
        self._controller = controller
        self._alarm = alarm
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(tr("What was seen and what was done (required)"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Close alarm"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.comment.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Comment")))
        layout.addWidget(self.comment)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.comment.toPlainText().strip()))

    def _submit(self) -> None:
        self.buttons.setEnabled(False)
        self._controller.close_alarm(self._alarm.id, self.comment.toPlainText(), lambda _alarm: self.accept(),
                                     self._failed)

    def _failed(self, err: VideowallError) -> None:
        self.error.setText(core_text(err.user_message))
        self.buttons.setEnabled(True)
        self._update()
