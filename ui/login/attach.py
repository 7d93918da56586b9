"""The Account menu of the main window: who is logged in, and "Lock / switch user" while the wall keeps running."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from ui.login.dialog import LoginDialog, tr


class AccountMenu:
    def __init__(self, main_window) -> None:
        self.window = main_window
        self.station = main_window.station
        self.dialog: LoginDialog | None = None
        self.person_changed: list = []          # callables run after a lock and after the next login
        menu = main_window.menuBar().addMenu(tr("&Account"))
        self.switch_action = menu.addAction(tr("Lock / switch user…"), self.switch_user)
        self.switch_action.setShortcut(QKeySequence("Ctrl+L"))
        self.show_who()

    def switch_user(self) -> LoginDialog:
        """Nobody is logged in until the next person logs in; the walls and the recording go on."""
        self.station.lock()
        self.show_who()
        self._tell()
        self.dialog = LoginDialog(self.station, self.window, tr("Switch user"))
        self.dialog.accepted.connect(self.show_who)
        self.dialog.accepted.connect(self._tell)
        self.dialog.open()
        return self.dialog

    def _tell(self) -> None:
        for call in self.person_changed:
            call()

    def show_who(self) -> None:
        session = self.station.session
        text = session.operator if session is not None else tr("Locked: nobody is logged in")
        self.window.statusBar().showMessage(text)
