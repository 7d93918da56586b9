"""Asks the reason and case number the deployment requires before footage opens (the core checks them again).

The last case number is remembered for the shift: an officer working one case is not asked to type it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from videowall.access.purpose import MAX_CASE_CHARS, MAX_REASON_CHARS, NO_PURPOSE, Purpose, ViewKind
from videowall.activity.shift import current_shift
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.station import Station


def tr(text: str) -> str:
    return QCoreApplication.translate("AccessReason", text)


class ShiftCaseMemory:
    """The case number given last during the running shift ("" once the shift has changed)."""

    def __init__(self, station: Station, clock: Clock = SYSTEM_CLOCK) -> None:
        self._station = station
        self._clock = clock
        self._case = ""
        self._shift: tuple[datetime, datetime] | None = None

    def last(self) -> str:
        return self._case if self._shift == self._current() else ""

    def remember(self, case_number: str) -> None:
        self._case, self._shift = case_number, self._current()

    def _current(self) -> tuple[datetime, datetime]:
        return current_shift(self._clock.now_utc(), self._station.zone)


class ReasonDialog(QDialog):
    def __init__(self, what: str, case_number: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Reason for access"))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(MAX_REASON_CHARS)
        self.case_edit = QLineEdit(case_number, self)
        self.case_edit.setMaxLength(MAX_CASE_CHARS)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        intro = QLabel(tr("This deployment records why footage is opened: %1.").replace("%1", what), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Reason"), self.reason_edit)
        form.addRow(tr("Case number"), self.case_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update)
        self.case_edit.textChanged.connect(self._update)
        self._update()

    def purpose(self) -> Purpose:
        return Purpose.of(self.reason_edit.text(), self.case_edit.text())

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.purpose().complete)


def what_text(kind: ViewKind, camera_names: Sequence[str]) -> str:
    cameras = ", ".join(camera_names)
    if kind is ViewKind.LIVE:
        return tr("live view of %1").replace("%1", cameras)
    return tr("playback of %1").replace("%1", cameras)


def ask_purpose(station: Station, kind: ViewKind, camera_names: Sequence[str], memory: ShiftCaseMemory,
                parent: QWidget | None = None) -> Purpose | None:
    """The purpose to open ``kind`` footage with: none needed, the one given, or None when the person cancels."""
    if not station.reason_needed(kind):
        return NO_PURPOSE
    dialog = ReasonDialog(what_text(kind, camera_names), memory.last(), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    purpose = dialog.purpose()
    memory.remember(purpose.case_number)
    return purpose
