"""The evidence export dialog on real recorded footage: filled in through its widgets, checked with the
recipients' own tools; refusals, cancel and a destination that fills up, as the operator sees them."""

from __future__ import annotations

import functools
import os
import subprocess
import threading
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit

from tests.fixtures.footage import CAMERA_NAMES, REQUEST_MARGINS
from tests.integration.test_export_failures import tmpfs
from tests.unit.test_evidence_destinations import _mountinfo, _sysfs
from ui.app import create_application
from ui.export import open_export_dialog, services_for
from videowall.audit import AuditLog
from videowall.model.bookmark import Bookmark
from videowall.config.paths import database_path
from videowall.evidence.destinations import list_removable
from videowall.evidence.verify import verify_package
from videowall.storage.db import open_database

WAIT_MS = 120_000
REQUEST = {"exhibit_id": "SM-2026-000777", "authority": "Komenda Miejska Policji w Krakowie",
           "case_number": "RSD-777/26", "request_ref": "L.dz. 77/26", "officer_name": "Anna Nowak",
           "officer_rank": "st. asp.", "officer_badge": "12345", "legal_basis": "art. 217 § 1 KPK",
           "reason": "zabezpieczenie nagrania kolizji", "incident_place": "Rynek Główny / Szewska"}


@pytest.fixture
def machine(tmp_path):
    """A prepared /proc/self/mountinfo and /sys/class/block: no removable drive until a test plugs one in."""
    block = _sysfs(tmp_path / "sys")
    info = _mountinfo(tmp_path / "mountinfo", {})
    return info, block


@pytest.fixture
def export_station(station, simulator, footage, machine):
    """The test station with the footage's two cameras (same ids), and its export services."""
    create_application(offscreen=True, language="en")
    for camera, name in zip(footage.camera_ids, CAMERA_NAMES):
        assert station.cameras.add(name, simulator.url(camera, "main"), location=f"Kraków, {name}").id == camera
    lister = functools.partial(list_removable, *machine)
    return station, lambda **parts: services_for(station, recordings=lambda: footage.index, drive_lister=lister,
                                                 **parts)


def _open(qtbot, export_station, footage, **parts):
    station, services = export_station
    start, end = footage.common_range()
    dialog = open_export_dialog(None, station, camera_ids=footage.camera_ids, start_utc=start + REQUEST_MARGINS[0],
                                end_utc=end - REQUEST_MARGINS[1], services=services(**parts))
    qtbot.addWidget(dialog)
    return dialog


def _fill(qtbot, dialog, values=REQUEST) -> None:
    for name, text in values.items():
        editor = dialog.request.inputs[name]
        editor.setFocus()
        if text.isascii():
            qtbot.keyClicks(editor, text)
        else:   # QTest types ASCII only; Polish letters arrive as an input method would deliver them
            editor.setPlainText(text) if isinstance(editor, QPlainTextEdit) else editor.setText(text)


def _audit(station) -> list:
    conn = open_database(database_path(station.data_dir))
    try:
        return [e for e in AuditLog(conn).entries() if e.action.startswith("evidence.export.")]
    finally:
        conn.close()


def _wait_until_stopped(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.export_button.isVisible() or dialog.progress.open_folder_button.isVisible(),
                    timeout=WAIT_MS)


def test_export_through_the_dialog_writes_a_package_the_recipients_tools_accept(qtbot, export_station, footage,
                                                                               tmp_path):
    station, _ = export_station
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = _open(qtbot, export_station, footage)
    _fill(qtbot, dialog)
    dialog.destination.choose_folder(usb)
    qtbot.waitUntil(lambda: "free of" in dialog.destination.drive_list.currentItem().text(), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.export_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    package = usb / "SM-2026-000777"
    assert finished.args[0].package_dir == package
    message = dialog.progress.message_label.text()
    assert f"Exported to {package}" in message and "Verification passed" in message
    assert f"{finished.args[0].files} files" in message and dialog.progress.open_folder_button.isVisible()
    assert verify_package(package).problems == []
    openssl = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.json.p7s",
                              "-content", "manifest.json", "-noverify", "-out", "/dev/null"],
                             cwd=package, capture_output=True, text=True, timeout=30)
    assert openssl.stderr.strip() == "CMS Verification successful"
    manifest = (package / "manifest.json").read_text(encoding="utf-8")
    assert '"case_number": "RSD-777/26"' in manifest and '"badge": "12345"' in manifest
    assert [e.action for e in _audit(station)] == ["evidence.export.started", "evidence.export.completed"]
    assert os.listdir(usb) == ["SM-2026-000777"]


def test_missing_required_fields_block_the_export_with_messages_next_to_them(qtbot, export_station, footage,
                                                                            tmp_path):
    station, _ = export_station
    dialog = _open(qtbot, export_station, footage)
    _fill(qtbot, dialog, {"exhibit_id": "SM-1", "authority": "KMP Kraków", "reason": "kolizja"})
    dialog.destination.choose_folder(tmp_path)
    before = sorted(os.listdir(tmp_path))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    shown = {name: label.text() for name, label in dialog.request.errors.items() if label.isVisible()}
    assert shown == {"case_number": "Enter the case number of the request.",
                     "officer_name": "Enter the officer who requested the footage.",
                     "legal_basis": "Enter the legal basis of the request."}
    assert dialog.progress.message_label.text() == "Fill in the fields marked above."
    assert dialog.export_button.isVisible() and not dialog.running
    assert sorted(os.listdir(tmp_path)) == before and _audit(station) == []
    qtbot.keyClicks(dialog.request.inputs["case_number"], "RSD-1/26")
    assert not dialog.request.errors["case_number"].isVisible()   # typing clears the field's message


def test_no_camera_and_a_bad_exhibit_id_are_refused_before_writing(qtbot, export_station, footage, tmp_path):
    dialog = _open(qtbot, export_station, footage)
    _fill(qtbot, dialog, {**REQUEST, "exhibit_id": "SM 2026/1"})
    dialog.destination.choose_folder(tmp_path)
    for row in range(dialog.footage.camera_list.count()):
        dialog.footage.camera_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.footage.camera_error.isVisible()
    assert dialog.footage.camera_error.text() == "Choose at least one camera."
    dialog.footage.camera_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Cannot export" in dialog.progress.message_label.text(), timeout=WAIT_MS)
    assert "The exhibit id 'SM 2026/1' must be 1–64 ASCII letters" in dialog.progress.message_label.text()
    assert "Nothing was written" in dialog.progress.message_label.text()
    assert not any(name.startswith("SM") for name in os.listdir(tmp_path))


def _pause_in_remux():
    """A progress hook that stops the export's thread once remuxing has begun, until ``release`` is set."""
    reached, release = threading.Event(), threading.Event()

    def hook(progress) -> None:
        if progress.stage == "remux" and progress.stage_fraction > 0 and not reached.is_set():
            reached.set()
            release.wait(60)

    return hook, reached, release


def _export_paused_in_remux(qtbot, export_station, footage, destination):
    """The dialog filled in and exporting to ``destination``, its job held inside the remux."""
    hook, reached, release = _pause_in_remux()
    dialog = _open(qtbot, export_station, footage, progress_hook=hook)
    _fill(qtbot, dialog)
    dialog.destination.choose_folder(destination)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=WAIT_MS)
    return dialog, release


def test_cancel_mid_export_leaves_only_partial_and_an_audit_entry(qtbot, export_station, footage, tmp_path):
    station, _ = export_station
    dialog, release = _export_paused_in_remux(qtbot, export_station, footage, tmp_path)
    assert dialog.cancel_button.isVisible() and not dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    _wait_until_stopped(qtbot, dialog)
    partial = tmp_path / "SM-2026-000777.partial"
    assert dialog.progress.stage_label.text() == "Export cancelled"
    assert dialog.progress.message_label.text() == (
        f"The export was cancelled. Nothing complete was written: the incomplete files are in {partial} "
        "(delete them).")
    assert partial.is_dir() and not (tmp_path / "SM-2026-000777").exists()
    assert [e.action for e in _audit(station)] == ["evidence.export.started", "evidence.export.cancelled"]
    assert _audit(station)[1].details["stage"] == "remux"


def test_closing_while_exporting_asks_to_cancel_first(qtbot, export_station, footage, tmp_path):
    dialog, release = _export_paused_in_remux(qtbot, export_station, footage, tmp_path)
    questions = []

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        questions.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer_yes)
    dialog.close()
    assert questions == ["The export is still running. Cancel it? Nothing complete will be written."]
    assert dialog.isVisible()   # stays open until the job has stopped
    with qtbot.waitSignal(dialog.destroyed, timeout=WAIT_MS):   # closed (and freed) once the job stopped
        release.set()
    assert (tmp_path / "SM-2026-000777.partial").is_dir() and not (tmp_path / "SM-2026-000777").exists()


def test_too_small_destination_is_refused_with_a_clear_message(qtbot, export_station, footage, tmp_path):
    station, _ = export_station
    with tmpfs(tmp_path / "small", "1m") as small:
        dialog = _open(qtbot, export_station, footage)
        _fill(qtbot, dialog)
        dialog.destination.choose_folder(small)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Cannot export" in dialog.progress.message_label.text(), timeout=WAIT_MS)
        message = dialog.progress.message_label.text()
        assert f"Not enough free space on {small}" in message and "10 %" in message
        assert os.listdir(small) == [] and _audit(station) == []
        assert dialog.export_button.isVisible() and dialog.request.isEnabled()


def test_destination_filling_up_mid_export_shows_the_error_and_nothing_looks_complete(qtbot, export_station,
                                                                                     footage, tmp_path):
    station, _ = export_station
    with tmpfs(tmp_path / "usb", "8m") as usb:
        def fill_up(progress) -> None:   # another program takes the space after validation
            if progress.stage == "remux" and not (usb / "filler").exists():
                with open(usb / "filler", "wb") as filler:
                    filler.write(b"\0" * (os.statvfs(usb).f_bavail * os.statvfs(usb).f_frsize - 100_000))

        dialog = _open(qtbot, export_station, footage, progress_hook=fill_up)
        _fill(qtbot, dialog)
        dialog.destination.choose_folder(usb)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        _wait_until_stopped(qtbot, dialog)
        assert dialog.progress.stage_label.text() == "Export failed"
        message = dialog.progress.message_label.text()
        assert message.startswith("The destination is full")
        assert f"NOT complete; what was written is in {usb / 'SM-2026-000777.partial'}" in message
        assert "Traceback" not in message
        assert sorted(os.listdir(usb)) == ["SM-2026-000777.partial", "filler"]
        assert [e.action for e in _audit(station)] == ["evidence.export.started", "evidence.export.failed"]


def test_a_stick_plugged_in_appears_by_itself_with_filesystem_and_free_space(qtbot, export_station, footage,
                                                                            machine, tmp_path):
    mountinfo, _block = machine
    dialog = _open(qtbot, export_station, footage)
    qtbot.waitUntil(lambda: dialog.destination.empty_label.isVisible(), timeout=WAIT_MS)
    assert dialog.destination.drive_list.count() == 0
    stick = tmp_path / "media" / "PENDRIVE"
    stick.mkdir(parents=True)
    _mountinfo(mountinfo, {"sdb1": (stick, "vfat")})   # plugged in (and mounted) while the dialog is open
    qtbot.waitUntil(lambda: dialog.destination.drive_list.count() == 1, timeout=WAIT_MS)
    text = dialog.destination.drive_list.item(0).text()
    assert text.startswith(f"[USB/SD] PENDRIVE — {stick}\nVFAT, ") and " free of " in text
    assert "files split below 4 GiB" in text
    assert dialog.destination.selected_path() == stick and not dialog.destination.empty_label.isVisible()
    _mountinfo(mountinfo, {})   # pulled out
    qtbot.waitUntil(lambda: dialog.destination.drive_list.count() == 0, timeout=WAIT_MS)
    assert dialog.destination.selected_path() is None


def test_a_bookmark_prefills_cameras_range_and_request(qtbot, export_station, footage):
    station, services = export_station
    at = datetime(2026, 7, 14, 18, 30, 5, tzinfo=timezone.utc)
    bookmark = Bookmark(id=42, at_utc=at, start_utc=at - timedelta(seconds=30), end_utc=at + timedelta(seconds=60),
                        category="zdarzenie drogowe", description="kolizja dwóch aut", place="Szewska 3",
                        camera_ids=(2,), operator="jan", case_number="RSD-42/26", result="", created_utc=at,
                        updated_utc=at, revision=1, hold_ids=(), evidence=False, withdrawn=False)
    dialog = open_export_dialog(None, station, bookmark=bookmark, services=services())
    qtbot.addWidget(dialog)
    assert dialog.footage.camera_ids() == (2,)
    assert dialog.footage.start_edit.text() == "2026-07-14 20:29:35"   # Warsaw summer time, UTC+2
    assert dialog.footage.end_edit.text() == "2026-07-14 20:31:05"
    assert dialog.footage.range_utc() == (bookmark.start_utc, bookmark.end_utc)
    assert dialog.request.value("case_number") == "RSD-42/26"
    assert dialog.request.value("reason") == "kolizja dwóch aut"
    assert dialog.request.value("incident_place") == "Szewska 3"
    assert dialog.request.value("exhibit_id") == ""


def test_polish_translation_of_the_dialog(qtbot, export_station, footage):
    station, services = export_station
    create_application(offscreen=True, language="pl")
    try:
        dialog = open_export_dialog(None, station, services=services())
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Eksport dowodowy"
        assert dialog.destination.other_button.text() == "Inny folder…"
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.request.errors["authority"].text() == "Wpisz organ, który zażądał nagrania."
    finally:
        create_application(offscreen=True, language="en")
