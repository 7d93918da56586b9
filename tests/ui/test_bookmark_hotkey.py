"""B / Ctrl+B on the selected live tile bookmarks its camera at the clock's moment with the station's rolls;
the edit dialog that opens saves a revision that the history dialog shows."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from ui.app import create_application
from ui.bookmarks.history_dialog import HistoryDialog
from ui.main_window import MainWindow
from ui.wall.wall_keys import SHORTCUTS
from tests.fixtures.clock import FakeClock

NOW = datetime(2026, 11, 21, 22, 15, 30, 250_000, tzinfo=timezone.utc)     # 23:15:30 in Warsaw
NO_STREAM = "rtsp://127.0.0.1:9/none"      # the tile is selectable without any picture


@pytest.fixture
def window(qtbot, station):
    create_application(offscreen=True, language="en")
    station.settings = replace(station.settings, bookmark_pre_roll_s=12, bookmark_post_roll_s=45)
    gate = station.cameras.add(name="Gate", main_url=NO_STREAM, location="ul. Floriańska 1")
    square = station.cameras.add(name="Square", main_url=NO_STREAM, location="Rynek Główny")
    win = MainWindow(station, [gate.id, square.id], extra_screens=False, clock=FakeClock(NOW))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _bookmarks(station):
    return station.bookmarks().search()


def _wait_for_queued_work(qtbot, window) -> None:
    """Until the bookmark worker has finished everything queued so far (one worker thread runs jobs in
    order): a bookmark a key press had asked for would exist by then."""
    done = []
    window.bookmarks.call(lambda _store: None, done=lambda _result: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)


def test_b_on_the_selected_tile_bookmarks_its_camera_now_with_the_station_rolls(qtbot, station, window):
    square = station.cameras.find("Square")
    window.wall.select(1)
    qtbot.keyClick(window.wall, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: len(_bookmarks(station)) == 1, timeout=10_000)
    bookmark = _bookmarks(station)[0]
    assert bookmark.camera_ids == (square.id,)
    assert bookmark.at_utc == NOW
    assert bookmark.start_utc == NOW - timedelta(seconds=12) and bookmark.end_utc == NOW + timedelta(seconds=45)
    assert bookmark.category == station.settings.bookmark_categories[0]
    assert bookmark.place == "Rynek Główny" and bookmark.operator == station.operator
    qtbot.waitUntil(lambda: window.bookmarks.editor(bookmark.id) is not None, timeout=10_000)
    assert window.bookmarks.editor(bookmark.id).isVisible()
    assert "23:15:30" in window.statusBar().currentMessage()


def test_ctrl_b_works_too_and_the_help_lists_the_key(qtbot, station, window):
    qtbot.keyClick(window.wall, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_bookmarks(station)) == 1, timeout=10_000)
    assert _bookmarks(station)[0].camera_ids == (station.cameras.find("Gate").id,)
    assert any("B" in keys and "bookmark" in what for keys, what in SHORTCUTS)
    window.wall.toggle_help()
    assert "bookmark this moment" in window.wall._help.text()


def test_a_tile_without_a_camera_says_so_and_bookmarks_nothing(qtbot, station, window):
    window.wall.set_tile_camera(0, None)
    window.wall.select(0)
    qtbot.keyClick(window.wall, Qt.Key.Key_B)
    assert "Select a tile showing a camera" in window.statusBar().currentMessage()
    _wait_for_queued_work(qtbot, window)
    assert _bookmarks(station) == []


def test_the_edit_dialog_saves_a_revision_the_history_shows(qtbot, station, window):
    gate, square = station.cameras.find("Gate"), station.cameras.find("Square")
    window.wall.select(0)
    qtbot.keyClick(window.wall, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: len(_bookmarks(station)) == 1, timeout=10_000)
    bookmark_id = _bookmarks(station)[0].id
    qtbot.waitUntil(lambda: window.bookmarks.editor(bookmark_id) is not None, timeout=10_000)
    dialog = window.bookmarks.editor(bookmark_id)
    dialog.category.setCurrentText("theft")
    dialog.description.setPlainText("Kradzież roweru spod sklepu")
    dialog.case_number.setText("RSOW 123/26")
    dialog.pre_roll.setValue(20)
    square_item = next(dialog.cameras.item(i) for i in range(dialog.cameras.count())
                       if dialog.cameras.item(i).text() == "Square")
    square_item.setCheckState(Qt.CheckState.Checked)
    dialog.save()
    qtbot.waitUntil(lambda: window.bookmarks.editor(bookmark_id) is None, timeout=10_000)   # saved and closed
    saved = station.bookmarks().get(bookmark_id)
    assert saved.revision == 2 and saved.category == "theft" and saved.case_number == "RSOW 123/26"
    assert set(saved.camera_ids) == {gate.id, square.id}
    assert saved.start_utc == NOW - timedelta(seconds=20) and saved.end_utc == NOW + timedelta(seconds=45)

    history = HistoryDialog(window.bookmarks, bookmark_id, window)
    qtbot.addWidget(history)
    qtbot.waitUntil(lambda: history.loaded, timeout=10_000)
    rows = history.rows()
    edits = {row[3]: row[4] for row in rows if row[2] == "edited"}
    assert edits["description"] == "— → Kradzież roweru spod sklepu"
    assert edits["category"] == "traffic offence → theft"
    assert edits["cameras"] == "Gate → Gate, Square"
    assert edits["start"] == "2026-11-21 23:15:18 → 2026-11-21 23:15:10"
    assert {row[1] for row in rows} == {station.operator}
    assert rows[0][2] == "created" and rows[-1][2] == "edited"


def test_an_invalid_edit_is_refused_in_the_dialog(qtbot, station, window):
    qtbot.keyClick(window.wall, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: len(_bookmarks(station)) == 1, timeout=10_000)
    bookmark_id = _bookmarks(station)[0].id
    qtbot.waitUntil(lambda: window.bookmarks.editor(bookmark_id) is not None, timeout=10_000)
    dialog = window.bookmarks.editor(bookmark_id)
    for i in range(dialog.cameras.count()):
        dialog.cameras.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.isVisible() and "camera" in dialog.error.text().lower()
    assert station.bookmarks().get(bookmark_id).revision == 1


def test_ctrl_shift_b_toggles_the_bookmarks_panel_without_bookmarking(qtbot, station, window):
    window.activateWindow()
    qtbot.waitActive(window)
    assert not window.bookmarks_dock.isVisible()        # side panels start collapsed
    assert window.bookmarks_dock.toggleViewAction() in window.view_menu.actions()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.wall, Qt.Key.Key_B, ctrl_shift)
    qtbot.waitUntil(lambda: window.bookmarks_dock.isVisible(), timeout=10_000)
    qtbot.keyClick(window.wall, Qt.Key.Key_B, ctrl_shift)
    qtbot.waitUntil(lambda: not window.bookmarks_dock.isVisible(), timeout=10_000)
    _wait_for_queued_work(qtbot, window)
    assert _bookmarks(station) == []
