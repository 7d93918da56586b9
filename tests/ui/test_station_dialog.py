"""Station administration in the GUI: deployment settings saved to the settings file, the signing key shown
and imported (openssl-made PKCS#12), the audit chain checked (and tampering found), an evidence package checked."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest

from tests.fixtures.footage import build_export_env
from ui.app import create_application
from ui.setup.station_dialog import StationDialog
from videowall.config.paths import database_path, settings_path
from videowall.config.settings import load_settings
from videowall.storage.schema_audit import TRIGGERS

WORK_MS = 120_000


@pytest.fixture
def dialog(qtbot, station):
    create_application(offscreen=True, language="en")
    window = StationDialog(station)
    qtbot.addWidget(window)
    window.show()
    return window


def test_deployment_settings_are_checked_saved_and_used(dialog, station):
    tab = dialog.deployment
    tab.organisation.setText("Urząd Gminy Zabierzów")
    tab.deployment.setCurrentIndex(tab.deployment.findData("gmina"))
    assert tab.retention_days.maximum() == 90            # the law of the chosen deployment bounds the field
    tab.retention_days.setValue(90)
    tab.timezone.setText("Mars/Olympus")
    assert tab.save() is None
    assert "timezone" in tab.result.text()
    assert not settings_path(station.data_dir).exists()   # nothing written
    tab.timezone.setText("Europe/Warsaw")
    tab.language.setCurrentIndex(tab.language.findData("pl"))
    saved = tab.save()
    on_disk, problem = load_settings(settings_path(station.data_dir))
    assert problem is None and on_disk == saved == station.settings
    assert (on_disk.organisation, on_disk.deployment, on_disk.retention_days, on_disk.ui_language) == (
        "Urząd Gminy Zabierzów", "gmina", 90, "pl")


def test_signing_key_is_shown_and_a_pkcs12_is_imported(qtbot, dialog, tmp_path):
    tab = dialog.signing
    tab.show_key()
    qtbot.waitUntil(lambda: "SHA-256" in tab.details.toPlainText(), timeout=WORK_MS)
    assert "made by this station" in tab.result.text()
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "key.pem", "-out", "cert.pem", "-days", "30", "-subj", "/O=Straz Miejska/CN=Sygnatariusz"],
                   cwd=tmp_path, check=True, capture_output=True, timeout=60)
    subprocess.run(["openssl", "pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", "id.p12",
                    "-passout", "pass:p12-Haslo-9"], cwd=tmp_path, check=True, capture_output=True, timeout=60)
    tab.import_file(tmp_path / "id.p12", "wrong")
    qtbot.waitUntil(lambda: tab.import_button.isEnabled(), timeout=WORK_MS)
    assert "wrong password" in tab.result.text()
    tab.import_file(tmp_path / "id.p12", "p12-Haslo-9")
    qtbot.waitUntil(lambda: "Sygnatariusz" in tab.details.toPlainText(), timeout=WORK_MS)
    assert "imported, issued by a CA" in tab.result.text()


def test_audit_chain_is_verified_and_tampering_is_named(qtbot, dialog, station):
    with station.audit() as log:
        for n in range(3):
            log.append("bookmark.created", {"n": n}, actor="jan.kowalski")
    tab = dialog.audit
    tab.verify()
    qtbot.waitUntil(lambda: tab.verify_button.isEnabled(), timeout=WORK_MS)
    assert tab.result.text() == "The audit log is intact; the chain is unbroken. Entries: 3."
    raw = sqlite3.connect(database_path(station.data_dir))
    for name in TRIGGERS:
        raw.execute(f"DROP TRIGGER IF EXISTS {name}")
    raw.execute("UPDATE audit_log SET actor = 'ktoś' WHERE seq = 2")
    raw.commit()
    raw.close()
    tab.verify()
    qtbot.waitUntil(lambda: tab.verify_button.isEnabled() and "tampered" in tab.result.text(), timeout=WORK_MS)
    assert "2" in tab.details.toPlainText()


def test_an_evidence_package_gets_a_readable_report(qtbot, dialog, footage, simulator, station_identity, tmp_path):
    env = build_export_env(footage, simulator, station_identity, tmp_path / "exporting")
    (tmp_path / "usb").mkdir()
    try:
        package = env.export(tmp_path / "usb").package_dir
    finally:
        env.conn.close()
    tab = dialog.package
    tab.verify_folder(package)
    qtbot.waitUntil(lambda: tab.open_button.isEnabled(), timeout=WORK_MS)
    assert tab.result.text().startswith("The package is intact and signed by ")
    assert "manifest.json SHA-256: " in tab.details.toPlainText()
    copy = shutil.copytree(package, tmp_path / "copy" / package.name)
    (copy / "video" / "extra.mp4").write_bytes(b"not evidence")
    tab.verify_folder(copy)
    qtbot.waitUntil(lambda: tab.open_button.isEnabled(), timeout=WORK_MS)
    assert tab.result.text() == "The package does NOT check; do not rely on it. Problems found: 1."
    assert tab.details.toPlainText() == "video/extra.mp4: extra file, not in the manifest"
