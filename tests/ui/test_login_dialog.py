"""The log-in dialog against a real station with users, and switching user while the main window stays open."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from ui.login.attach import AccountMenu
from ui.login.dialog import LoginDialog
from videowall.access.roles import Role
from videowall.station import Station

PASSWORD = "Zmiana-nocna-2026"


@pytest.fixture
def station(tmp_path):
    st = Station.open(tmp_path / "data", secrets_kind="memory", streams=False)
    st.users.add("op", "Olga Pol", Role.OPERATOR, PASSWORD)
    st.users.add("sup", "Stefan Ul", Role.SUPERVISOR, PASSWORD)
    yield st
    st.close()


def test_a_refused_login_is_shown_and_a_good_one_accepts(qtbot, station):
    dialog = LoginDialog(station)
    qtbot.addWidget(dialog)
    dialog.login_edit.setText("op")
    dialog.password_edit.setText("not-the-password")
    dialog.buttons.accepted.emit()
    assert dialog.message.text().startswith("Wrong login or password.")
    assert dialog.password_edit.text() == "" and station.session is None and dialog.isVisible() is False
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert station.operator == "Olga Pol (operator)"


def test_switching_user_keeps_the_window_and_shows_who_is_logged_in(qtbot, station):
    station.login("op", PASSWORD)
    window = QMainWindow()
    window.station = station
    qtbot.addWidget(window)
    window.show()
    account = AccountMenu(window)
    assert window.statusBar().currentMessage() == "Olga Pol (operator)"
    dialog = account.switch_user()
    assert station.session is None and "Locked" in window.statusBar().currentMessage()
    dialog.login_edit.setText("sup")
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert window.isVisible() and window.statusBar().currentMessage() == "Stefan Ul (shift supervisor)"
