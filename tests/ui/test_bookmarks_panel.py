"""The bookmarks panel on a real station: search and filters show the right rows; evidence needs a reason and
a case number and places real legal holds; withdrawn bookmarks hide; double-click asks for playback."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui.app import create_application
from ui.bookmarks import history_dialog, table_model
from ui.bookmarks.controller import BookmarksController
from ui.bookmarks.panel import BookmarksPanel
from ui.bookmarks.texts import to_qdatetime
from ui.i18n import I18N_DIR
from tests.fixtures.clock import FakeClock

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)        # 09:00 in Warsaw
NO_STREAM = "rtsp://127.0.0.1:9/none"


@pytest.fixture
def cameras(station):
    return {name: station.cameras.add(name=name, main_url=NO_STREAM).id for name in ("Gate", "Square", "Bridge")}


@pytest.fixture
def bookmarks(station, cameras):
    """Four bookmarks over a day, by two operators, on different cameras and categories."""
    store = station.bookmarks()
    made = {}
    for key, hours, camera, category, who, description, case in (
            ("bike", 0, "Gate", "kradzież", "anna.nowak", "Kradzież roweru", ""),
            ("crash", 3, "Square", "zdarzenie drogowe", "jan.kowalski", "Stłuczka na skrzyżowaniu", "RSD 5/26"),
            ("graffiti", 6, "Bridge", "akt wandalizmu", "anna.nowak", "Graffiti na moście", ""),
            ("noise", 9, "Square", "zakłócanie porządku", "jan.kowalski", "Głośna grupa przy fontannie", "")):
        made[key] = store.create(at_utc=T0 + timedelta(hours=hours), camera_ids=(cameras[camera],),
                                 category=category, operator=who, description=description, case_number=case)
    return made


@pytest.fixture
def panel(qtbot, station, bookmarks):
    create_application(offscreen=True, language="en")
    controller = BookmarksController(station, FakeClock(T0 + timedelta(hours=12)))
    widget = BookmarksPanel(controller)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    _settle(qtbot, widget)
    yield widget
    controller.close()


def _settle(qtbot, panel) -> None:
    qtbot.waitUntil(lambda: not panel.search_pending, timeout=10_000)


def _descriptions(qtbot, panel) -> list[str]:
    _settle(qtbot, panel)
    return [b.description for b in panel.model.bookmarks()]


def _choose(combo, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_all_active_bookmarks_show_newest_first_in_station_time(qtbot, panel):
    assert _descriptions(qtbot, panel) == ["Głośna grupa przy fontannie", "Graffiti na moście",
                                           "Stłuczka na skrzyżowaniu", "Kradzież roweru"]
    assert panel.model.cells(panel.model.bookmark(3))[:3] == ["2026-11-20 09:00:00", "Gate", "kradzież"]
    assert panel.status.text() == "4 bookmarks"


def test_search_as_you_type_ignores_case_and_diacritics(qtbot, panel):
    qtbot.keyClicks(panel.text, "GRAFFITI")
    assert _descriptions(qtbot, panel) == ["Graffiti na moście"]
    panel.text.setText("rsd 5")
    assert _descriptions(qtbot, panel) == ["Stłuczka na skrzyżowaniu"]
    panel.text.setText("kradziez")
    assert _descriptions(qtbot, panel) == ["Kradzież roweru"]


def test_camera_category_and_operator_filters(qtbot, panel):
    _choose(panel.camera, "Square")
    assert _descriptions(qtbot, panel) == ["Głośna grupa przy fontannie", "Stłuczka na skrzyżowaniu"]
    _choose(panel.category, "zdarzenie drogowe")
    assert _descriptions(qtbot, panel) == ["Stłuczka na skrzyżowaniu"]
    _choose(panel.camera, "All cameras")
    _choose(panel.category, "All categories")
    qtbot.waitUntil(lambda: panel.operator.findText("anna.nowak") > 0, timeout=10_000)
    _choose(panel.operator, "anna.nowak")
    assert _descriptions(qtbot, panel) == ["Graffiti na moście", "Kradzież roweru"]


def test_time_range_filter_in_station_time(qtbot, panel):
    tz = panel._tz
    panel.from_edit.setDateTime(to_qdatetime(T0 + timedelta(hours=2), tz))
    panel.to_edit.setDateTime(to_qdatetime(T0 + timedelta(hours=7), tz))
    panel.from_check.setChecked(True)
    panel.to_check.setChecked(True)
    assert _descriptions(qtbot, panel) == ["Graffiti na moście", "Stłuczka na skrzyżowaniu"]
    panel.to_check.setChecked(False)
    assert len(_descriptions(qtbot, panel)) == 3


def test_evidence_needs_reason_and_case_then_holds_the_footage(qtbot, station, panel, bookmarks):
    bike = bookmarks["bike"]
    assert panel.select_bookmark(bike.id)
    assert panel.evidence_button.isEnabled() and not panel.release_button.isEnabled()
    panel.mark_as_evidence()
    dialog = panel.last_dialog
    dialog.confirm()                                   # no reason
    assert dialog.isVisible() and "reason" in dialog.error_text.lower()
    dialog.reason.setPlainText("Zgłoszenie policji, sprawca nagrany")
    dialog.confirm()                                   # no case number (the bookmark had none)
    assert dialog.isVisible() and "case number" in dialog.error_text.lower()
    assert station.recording.holds.list() == []
    dialog.case_number.setText("RSOW 777/26")
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.confirm()
    holds = station.recording.holds.list()
    assert [(h.camera_id, h.case_number) for h in holds] == [(bike.camera_ids[0], "RSOW 777/26")]
    assert (holds[0].start_utc, holds[0].end_utc) == (bike.start_utc, bike.end_utc)
    panel.evidence_only.setChecked(True)
    assert _descriptions(qtbot, panel) == ["Kradzież roweru"]
    assert panel.model.cells(panel.model.bookmark(0))[-1] == "evidence"
    panel.select_bookmark(bike.id)
    assert panel.release_button.isEnabled() and not panel.withdraw_button.isEnabled()

    panel.release_evidence()
    release = panel.last_dialog
    release.confirm()
    assert "reason" in release.error_text.lower() and station.recording.holds.list() != []
    release.reason.setPlainText("Policja odebrała nagranie na innym nośniku")
    with qtbot.waitSignal(release.finished, timeout=10_000):
        release.confirm()
    assert station.recording.holds.list() == []
    assert _descriptions(qtbot, panel) == []


def test_withdrawn_bookmarks_hide_unless_asked_for(qtbot, station, panel, bookmarks):
    panel.select_bookmark(bookmarks["graffiti"].id)
    panel.withdraw_or_restore()
    dialog = panel.last_dialog
    dialog.reason.setPlainText("Pomyłka: to był mural na zlecenie miasta")
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.confirm()
    assert "Graffiti na moście" not in _descriptions(qtbot, panel)
    panel.show_withdrawn.setChecked(True)
    assert "Graffiti na moście" in _descriptions(qtbot, panel)
    panel.select_bookmark(bookmarks["graffiti"].id)
    assert panel.withdraw_button.text() == "Restore…" and not panel.edit_button.isEnabled()
    assert station.bookmarks().get(bookmarks["graffiti"].id).withdrawn


def test_new_bookmarks_appear_and_double_click_asks_for_playback(qtbot, station, panel, cameras):
    panel.controller.bookmark_at(cameras["Bridge"], T0 + timedelta(hours=11))
    qtbot.waitUntil(lambda: len(panel.model.bookmarks()) == 5 and not panel.search_pending, timeout=10_000)
    newest = panel.model.bookmark(0)
    assert newest.camera_ids == (cameras["Bridge"],)
    panel.controller.editor(newest.id).close()
    index = panel.model.index(0, 2)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.playback_requested, timeout=15_000) as asked:
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked.args[0].id == newest.id


def test_history_lists_the_evidence_change_with_its_reason(qtbot, station, panel, bookmarks):
    crash = bookmarks["crash"]
    station.bookmarks().mark_as_evidence(crash.id, by="jan.kowalski", reason="Wniosek policji")
    panel.select_bookmark(crash.id)
    panel.show_history()
    dialog = panel.last_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    marked = [row for row in dialog.rows() if row[2] == "marked as evidence"]
    assert {row[3] for row in marked} >= {"evidence"}
    assert all(row[1] == "jan.kowalski" and row[5] == "Wniosek policji" for row in marked)
    assert next(row for row in marked if row[3] == "evidence")[4] == "no → yes"


def tr_sources(path: Path) -> set[str]:
    """The literal texts passed to tr() in a module."""
    return {node.args[0].value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)}


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_bookmarks_text_has_a_translation(language):
    root = ET.parse(I18N_DIR / f"bookmarks_{language}.ts").getroot()
    have = {msg.findtext("source") for ctx in root.iter("context") if ctx.findtext("name") == "Bookmarks"
            for msg in ctx.iter("message") if msg.findtext("translation")}
    needed = set(table_model.COLUMNS) | set(history_dialog.COLUMNS)
    for module in (Path(__file__).resolve().parents[2] / "ui" / "bookmarks").glob("*.py"):
        needed |= tr_sources(module)
    assert needed and not sorted(needed - have)
