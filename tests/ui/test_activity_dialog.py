"""The activity record in the GUI: the shift dialog and a bookmark's record write real PDFs on a worker."""

from __future__ import annotations

import ast
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.activity import ShiftRecordDialog, save_bookmark_record
from ui.app import create_application
from tests.fixtures.clock import FakeClock

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 6, 30, 15, 0, tzinfo=timezone.utc)          # 17:00 in Warsaw: the 06:00–18:00 shift
SHIFT_START = datetime(2026, 6, 30, 4, 0, tzinfo=timezone.utc)


@pytest.fixture
def marked(station):
    station.cameras.add("Rynek Główny", "rtsp://127.0.0.1/a")
    make = station.bookmarks().create
    first = make(at_utc=SHIFT_START + timedelta(hours=2), camera_ids=[1], category="akt wandalizmu",
                 operator="jan.kowalski", place="Rynek Główny, pomnik", result="powiadomiono Policję")
    second = make(at_utc=SHIFT_START + timedelta(hours=5), camera_ids=[1], category="kradzież",
                  operator="anna.nowak", place="ul. Floriańska")
    return first, second


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _dialog(qtbot, station) -> ShiftRecordDialog:
    create_application(offscreen=True, language="en")
    dialog = ShiftRecordDialog(station, clock=FakeClock(NOW))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shift_dialog_defaults_to_the_running_shift_and_writes_one_operators_record(qtbot, station, marked,
                                                                                    tmp_path):
    dialog = _dialog(qtbot, station)
    assert dialog.start_edit.text() == "2026-06-30 06:00"
    assert dialog.end_edit.text() == "2026-06-30 18:00"
    qtbot.waitUntil(lambda: dialog.operator_combo.count() == 3, timeout=10_000)
    assert dialog.operator_combo.itemText(0) == "All operators"

    dialog.operator_combo.setCurrentIndex(dialog.operator_combo.findData("jan.kowalski"))
    dialog.target_path = tmp_path / "zmiana.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert saved.args == [tmp_path / "zmiana.pdf"]
    assert str(tmp_path / "zmiana.pdf") in dialog.status.text()
    assert dialog.save_button.isEnabled()
    text = _pdf_text(tmp_path / "zmiana.pdf")
    assert "INFORMACJA" in text and "Rynek Główny, pomnik" in text and "powiadomiono Policję" in text
    assert "ul. Floriańska" not in text, "only the chosen operator's events"
    assert "od 2026-06-30 06:00:00 CEST do 2026-06-30 18:00:00 CEST" in text and "strona 1 z 1" in text


def test_shift_dialog_reads_the_edited_period_in_station_time(qtbot, station, marked, tmp_path):
    dialog = _dialog(qtbot, station)
    dialog.start_edit.setDateTime(QDateTime(QDate(2026, 6, 30), QTime(9, 0), QTimeZone.utc()))
    dialog.target_path = tmp_path / "rano.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    text = _pdf_text(tmp_path / "rano.pdf")
    assert "od 2026-06-30 09:00:00 CEST" in text
    assert "ul. Floriańska" in text and "Rynek Główny, pomnik" not in text   # that one ended 08:01


def test_shift_dialog_shows_why_it_could_not_save(qtbot, station, marked, tmp_path):
    dialog = _dialog(qtbot, station)
    dialog.target_path = tmp_path / "missing folder" / "zmiana.pdf"
    with qtbot.waitSignal(dialog.failed, timeout=20_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "was not saved" in dialog.status.text()
    assert "Could not save the activity record" in dialog.status.text()


def test_bookmark_record_is_saved_and_the_operator_told_where(qtbot, station, marked, tmp_path):
    create_application(offscreen=True, language="en")
    first, _ = marked
    target = tmp_path / "informacja_2026-06-30_1.pdf"

    job = save_bookmark_record(None, station, first, path=target)
    with qtbot.waitSignal(job.done, timeout=20_000):
        pass

    def result_box() -> QMessageBox | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.objectName() == "activityRecordResult" and w.isVisible()),
                    None)

    qtbot.waitUntil(lambda: result_box() is not None)
    box = result_box()
    assert str(target) in box.text()
    box.close()
    text = _pdf_text(target)
    assert "akt wandalizmu" in text and "jan.kowalski" in text and "Zdarzenie 1 z 1" in text


def test_shift_dialog_speaks_polish(qtbot, station):
    create_application(offscreen=True, language="pl")
    try:
        dialog = ShiftRecordDialog(station, clock=FakeClock(NOW))
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Informacja z czynności — zmiana"
        assert dialog.save_button.text() == "Zapisz PDF…"
        assert dialog.operator_combo.itemText(0) == "Wszyscy operatorzy"
    finally:
        create_application(offscreen=True, language="en")


def _translated_strings() -> set[str]:
    found = set()
    for path in (ROOT / "ui" / "activity").glob("*.py"):
        for call in (n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Call)):
            if isinstance(call.func, ast.Name) and call.func.id == "tr" and call.args \
                    and isinstance(call.args[0], ast.Constant):
                found.add(call.args[0].value)
    return found


@pytest.mark.parametrize("language", ["pl", "en"])
def test_translations_cover_the_activity_ui(language):
    root = ET.parse(ROOT / "ui" / "i18n" / f"activity_{language}.ts").getroot()
    entries = {msg.findtext("source"): msg.findtext("translation")
               for ctx in root.iter("context") if ctx.findtext("name") == "Activity" for msg in ctx.iter("message")}
    needed = _translated_strings()
    assert len(needed) >= 10 and needed <= set(entries)
    assert all(entries[text] for text in needed)
