"""Station administration in the GUI: deployment settings, the signing key, the audit log check, and
checking an evidence package (open its folder → a readable report). The work is the CLI's (station_admin)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox,
                               QTabWidget, QVBoxLayout, QWidget)

from ui.background import run_in_background
from ui.i18n.core import core_text
from ui.setup.texts import tr
from videowall.config.settings import Settings
from videowall.model.retention import RETENTION_LIMITS, Deployment
from videowall.runtime.errors import VideowallError
from videowall.setup.station_admin import (AuditCheck, DeploymentForm, PackageCheck, SigningKeyFacts, check_audit,
                                           check_package, deployment_form, import_signing_key, save_deployment,
                                           signing_key_facts)
from videowall.station import Station

DEPLOYMENT, SIGNING, AUDIT, PACKAGE = range(4)
OK_STYLE = "color: #30b040; font-weight: bold;"
FAIL_STYLE = "color: #e05050; font-weight: bold;"


def _mono() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setReadOnly(True)
    box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return box


def _result_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


def _show_result(label: QLabel, ok: bool, text: str) -> None:
    label.setStyleSheet(OK_STYLE if ok else FAIL_STYLE)
    label.setText(text)


class DeploymentTab(QWidget):
    saved = Signal(object)      # the new Settings

    def __init__(self, station: Station) -> None:
        super().__init__()
        self._station = station
        form = deployment_form(station.settings)
        self.station_name = QLineEdit(form.station_name)
        self.organisation = QLineEdit(form.organisation)
        self.organisation.setPlaceholderText(tr("e.g. Straż Miejska Miasta Krakowa"))
        self.unit = QLineEdit(form.unit)
        self.unit.setPlaceholderText(tr("e.g. Centrum Monitoringu"))
        self.deployment = QComboBox()
        self.deployment.addItem(tr("Straż Miejska / Gminna (footage kept 20–60 days)"), Deployment.STRAZ.value)
        self.deployment.addItem(tr("Municipal monitoring run by the gmina (at most 90 days)"), Deployment.GMINA.value)
        self.retention_days = QSpinBox()
        self.retention_days.setSuffix(tr(" days"))
        self.min_free_gb = QDoubleSpinBox()
        self.warn_free_gb = QDoubleSpinBox()
        for box in (self.min_free_gb, self.warn_free_gb):
            box.setRange(0, 100_000)
            box.setDecimals(1)
            box.setSuffix(tr(" GB"))
        self.timezone = QLineEdit(form.timezone)
        self.language = QComboBox()
        self.language.addItem(tr("The system's language"), None)
        self.language.addItem("Polski", "pl")
        self.language.addItem("English", "en")
        self.deployment.currentIndexChanged.connect(self._limit_retention)
        self.result = _result_label()
        save = QPushButton(tr("Save the settings"))
        save.clicked.connect(self.save)
        layout = QFormLayout(self)
        layout.addRow(tr("Station name"), self.station_name)
        layout.addRow(tr("Organisation"), self.organisation)
        layout.addRow(tr("Unit"), self.unit)
        layout.addRow(tr("Deployment"), self.deployment)
        layout.addRow(tr("Keep footage for"), self.retention_days)
        layout.addRow(tr("Delete the oldest footage early below"), self.min_free_gb)
        layout.addRow(tr("Warn when free space is below"), self.warn_free_gb)
        layout.addRow(tr("Time zone"), self.timezone)
        layout.addRow(tr("Language (after a restart)"), self.language)
        layout.addRow(save)
        layout.addRow(self.result)
        self._show(form)

    def _show(self, form: DeploymentForm) -> None:
        self.deployment.setCurrentIndex(max(0, self.deployment.findData(form.deployment)))
        self._limit_retention()
        self.retention_days.setValue(form.retention_days)
        self.min_free_gb.setValue(form.min_free_gb)
        self.warn_free_gb.setValue(form.warn_free_gb)
        self.language.setCurrentIndex(max(0, self.language.findData(form.ui_language)))

    def _limit_retention(self) -> None:
        low, high = RETENTION_LIMITS[Deployment(self.deployment.currentData())]
        self.retention_days.setRange(low, high)

    def form(self) -> DeploymentForm:
        return DeploymentForm(
            station_name=self.station_name.text(), organisation=self.organisation.text(), unit=self.unit.text(),
            deployment=self.deployment.currentData(), retention_days=self.retention_days.value(),
            min_free_gb=self.min_free_gb.value(), warn_free_gb=self.warn_free_gb.value(),
            timezone=self.timezone.text().strip(), ui_language=self.language.currentData())

    def save(self) -> Settings | None:
        try:
            settings = save_deployment(self._station, self.form())
        except VideowallError as err:
            _show_result(self.result, False, core_text(err.user_message))
            return None
        _show_result(self.result, True, tr("Saved. Recording uses the new retention and free-space limits from "
                                           "its next start."))
        self.saved.emit(settings)
        return settings


class SigningTab(QWidget):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self._station = station
        self.show_button = QPushButton(tr("Show the signing certificate"))
        self.show_button.clicked.connect(self.show_key)
        self.import_button = QPushButton(tr("Import a CA-issued certificate (PKCS#12)…"))
        self.import_button.clicked.connect(self._ask_import)
        self.result = _result_label()
        self.details = _mono()
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Evidence packages are signed with this certificate. Give its SHA-256 "
                                   "fingerprint to the recipients so they can check the signature.")))
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.details, 1)

    def show_key(self) -> None:
        self._busy(tr("Reading the signing key (the first time, a key is created: this takes a moment)…"))
        run_in_background(self, lambda: signing_key_facts(self._station), self._on_facts, name="signing-key")

    def import_file(self, path: Path, password: str | None) -> None:
        self._busy(tr("Importing…"))
        run_in_background(self, lambda: import_signing_key(self._station, path, password), self._on_facts,
                          name="signing-key-import")

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("PKCS#12 file"), "", tr("PKCS#12 (*.p12 *.pfx)"))
        if not path:
            return
        password, accepted = QInputDialog.getText(self, tr("PKCS#12 password"), tr("The file's password:"),
                                                  QLineEdit.EchoMode.Password)
        if accepted:
            self.import_file(Path(path), password)

    def _busy(self, text: str) -> None:
        self.show_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(text)

    def _on_facts(self, facts: SigningKeyFacts | VideowallError) -> None:
        self.show_button.setEnabled(True)
        self.import_button.setEnabled(True)
        if isinstance(facts, VideowallError):
            _show_result(self.result, False, core_text(facts.user_message))
            return
        source = tr("imported, issued by a CA") if facts.source == "imported" else tr("made by this station")
        _show_result(self.result, True, tr("Signing certificate: %1; signatures use %2.").replace("%1", source)
                     .replace("%2", facts.hash_alg))
        self.details.setPlainText(facts.fingerprints)


class AuditTab(QWidget):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self._station = station
        self.verify_button = QPushButton(tr("Verify the audit log"))
        self.verify_button.clicked.connect(self.verify)
        self.result = _result_label()
        self.details = _mono()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Every export, legal hold and bookmark change is in the audit log; each entry "
                                   "carries the hash of the one before, so a changed or removed entry is found.")))
        layout.addWidget(self.verify_button)
        layout.addWidget(self.result)
        layout.addWidget(self.details, 1)

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(tr("Checking…"))
        run_in_background(self, lambda: check_audit(self._station), self._on_checked, name="audit-verify")

    def _on_checked(self, check: AuditCheck | VideowallError) -> None:
        self.verify_button.setEnabled(True)
        if isinstance(check, VideowallError):
            _show_result(self.result, False, core_text(check.user_message))
            return
        if check.ok:
            _show_result(self.result, True, tr("The audit log is intact; the chain is unbroken. Entries: %1.")
                         .replace("%1", str(check.entries)))
            self.details.setPlainText(tr("Last entry's hash: %1").replace("%1", check.head))
        else:
            _show_result(self.result, False, tr("The audit log has been tampered with. Problems found: %1.")
                         .replace("%1", str(len(check.problems))))
            self.details.setPlainText("\n".join(core_text(p) for p in check.problems))


class PackageTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.open_button = QPushButton(tr("Open a package folder…"))
        self.open_button.clicked.connect(self._ask_folder)
        self.folder = QLabel()
        self.result = _result_label()
        self.details = _mono()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Checks an evidence package as its recipient would: the signature, every file "
                                   "against the manifest, SHA256SUMS, the frame hashes of every clip and the "
                                   "audit excerpt.")))
        layout.addWidget(self.open_button)
        layout.addWidget(self.folder)
        layout.addWidget(self.result)
        layout.addWidget(self.details, 1)

    def _ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("The package folder (the one holding manifest.json)"))
        if folder:
            self.verify_folder(Path(folder))

    def verify_folder(self, folder: Path) -> None:
        self.open_button.setEnabled(False)
        self.folder.setText(str(folder))
        self.result.setStyleSheet("")
        self.result.setText(tr("Checking every file and frame…"))
        self.details.clear()
        run_in_background(self, lambda: check_package(folder), self._on_checked, name="package-verify")

    def _on_checked(self, check: PackageCheck | VideowallError) -> None:
        self.open_button.setEnabled(True)
        if isinstance(check, VideowallError):
            _show_result(self.result, False, core_text(check.user_message))
            return
        report = check.report
        if check.ok:
            _show_result(self.result, True, tr("The package is intact and signed by %1. Files matching the "
                                               "manifest: %2.").replace("%1", report.signer)
                         .replace("%2", str(report.checked_files)))
            self.details.setPlainText(tr("manifest.json SHA-256: %1").replace("%1", check.manifest_sha256))
        else:
            _show_result(self.result, False, tr("The package does NOT check; do not rely on it. Problems found: %1.")
                         .replace("%1", str(len(report.problems))))
            self.details.setPlainText("\n".join(core_text(p) for p in report.problems))


class StationDialog(QDialog):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Station settings and checks"))
        self.tabs = QTabWidget()
        self.deployment = DeploymentTab(station)
        self.signing = SigningTab(station)
        self.audit = AuditTab(station)
        self.package = PackageTab()
        self.tabs.addTab(self.deployment, tr("Deployment"))
        self.tabs.addTab(self.signing, tr("Signing key"))
        self.tabs.addTab(self.audit, tr("Audit log"))
        self.tabs.addTab(self.package, tr("Verify a package"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(900, 620)
