"""Asks for the reason (and, for evidence, the case number) a change needs, then runs it.

The dialog stays open until the change succeeds: an empty reason or case number, or the store refusing,
is shown in the dialog in red, so the operator sees why nothing happened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from ui.bookmarks.texts import tr
from ui.i18n.core import core_text
from videowall.runtime.errors import VideowallError

# (reason, case number or None, done, error): starts the change; one of the callbacks follows.
Submit = Callable[[str, str | None, Callable, Callable[[VideowallError], None]], None]


class ReasonDialog(QDialog):
    def __init__(self, title: str, prompt: str, submit: Submit, parent: QWidget | None = None,
                 case_number: str | None = None) -> None:
        """``case_number``: None asks no case number; a string asks one (prefilled with it) and requires it."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._submit = submit
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self._asks_case = case_number is not None
        self.case_number = QLineEdit(case_number or "", self)
        self.case_number.setVisible(self._asks_case)
        form = QFormLayout()
        form.addRow(tr("Reason"), self.reason)
        if self._asks_case:
            form.addRow(tr("Case number"), self.case_number)
        self.error = QLabel()
        self.error.setStyleSheet("color: #d33;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(title)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        prompt_label = QLabel(prompt)
        prompt_label.setWordWrap(True)
        layout.addWidget(prompt_label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @property
    def error_text(self) -> str:
        return self.error.text() if self.error.isVisible() else ""

    def confirm(self) -> None:
        reason = self.reason.toPlainText().strip()
        case = self.case_number.text().strip() if self._asks_case else None
        if not reason:
            self._show_error(tr("Give the reason: it is kept in the bookmark's history and the audit log."))
            return
        if case is not None and not case:
            self._show_error(tr("Give the case number the evidence belongs to."))
            return
        self.error.hide()
        self.buttons.setEnabled(False)
        self._submit(reason, case, self._on_done, self._on_error)

    def _on_done(self, _result) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _on_error(self, err: VideowallError) -> None:
        self.buttons.setEnabled(True)
        self._show_error(core_text(err.user_message))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
