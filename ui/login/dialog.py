"""The log-in dialog: login and password, checked by the core (``Station.login``); a refusal is shown in it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from ui.i18n.core import core_text
from videowall.runtime.errors import VideowallError
from videowall.station import Station


def tr(text: str) -> str:
    return QCoreApplication.translate("LoginDialog", text)


class LoginDialog(QDialog):
    def __init__(self, station: Station, parent=None, title: str | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.setWindowTitle(title or tr("Log in"))
        self.login_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Login"), self.login_edit)
        form.addRow(tr("Password"), self.password_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def try_login(self) -> None:
        """Accept on a good login; otherwise say why and keep the dialog (the password is cleared)."""
        password = self.password_edit.text()
        self.password_edit.clear()
        try:
            self.station.login(self.login_edit.text(), password)
        except VideowallError as err:
            self.message.setText(core_text(err.user_message))
            return
        self.accept()
