"""Progress of a running export, and its outcome: the summary with "Open folder", a refusal, a failure or a cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.export.texts import size_text, stage_text, tr
from videowall.evidence.job import ExportResult
from videowall.evidence.plan import ExportPlan
from videowall.evidence.progress import ExportProgress

BAR_STEPS = 1000
ERROR_STYLE = "color: #c62828;"
SUCCESS_STYLE = "color: #2e7d32;"
_BYTE_STAGES = ("remux", "read_back")


class ProgressPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, BAR_STEPS)
        self.stage_label = QLabel()
        self.bytes_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setObjectName("exportMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(tr("Open folder"))
        self.open_folder_button.clicked.connect(self._open_folder)
        self._package_dir: Path | None = None
        self._estimated_bytes = 0
        row = QHBoxLayout()
        row.addWidget(self.stage_label, 1)
        row.addWidget(self.bytes_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addLayout(row)
        layout.addWidget(self.message_label)
        layout.addWidget(self.open_folder_button)
        self.reset()

    def reset(self) -> None:
        self.bar.hide()
        self.stage_label.clear()
        self.bytes_label.clear()
        self.open_folder_button.hide()
        self._package_dir = None
        self.show_message("")

    def started(self) -> None:
        self.reset()
        self.bar.setValue(0)
        self.bar.show()
        self.stage_label.setText(stage_text("validate"))

    def planned(self, plan: ExportPlan) -> None:
        self._estimated_bytes = plan.estimated_bytes
        parts = tr(" Files are split into parts below %1.").replace("%1", size_text(plan.max_part_bytes)) \
            if plan.max_part_bytes else ""
        self.show_message(tr("Writing about %1 to %2 (%3).").replace("%1", size_text(plan.estimated_bytes))
                          .replace("%2", str(plan.partial_dir)).replace("%3", plan.destination.filesystem.upper())
                          + parts)

    def progressed(self, progress: ExportProgress) -> None:
        self.bar.setValue(round(progress.overall_fraction * BAR_STEPS))
        self.stage_label.setText(stage_text(progress.stage))
        if progress.stage in _BYTE_STAGES and self._estimated_bytes:
            done = int(progress.stage_fraction * self._estimated_bytes)
            self.bytes_label.setText(tr("about %1 of %2").replace("%1", size_text(done))
                                     .replace("%2", size_text(self._estimated_bytes)))
        else:
            self.bytes_label.clear()

    def succeeded(self, result: ExportResult) -> None:
        self.bar.setValue(BAR_STEPS)
        self.stage_label.setText(tr("Export complete"))
        self.bytes_label.clear()
        self._package_dir = result.package_dir
        self.open_folder_button.show()
        lines = [
            tr("Exported to %1").replace("%1", str(result.package_dir)),
            tr("%1 files, %2").replace("%1", str(result.files)).replace("%2", size_text(result.total_bytes)),
            tr("Verification passed: every file was read back from the medium, its SHA-256 matched and the "
               "signature checked."),
            tr("SHA-256 of manifest.json (for the handover protocol): %1").replace("%1", result.manifest_sha256),
            tr("Signer certificate SHA-256: %1").replace("%1", result.signer_cert_sha256),
        ]
        self.show_message("\n".join(lines), SUCCESS_STYLE)

    def refused(self, message: str) -> None:
        self.reset()
        self.show_message(tr("Cannot export: %1 Nothing was written.").replace("%1", message), ERROR_STYLE)

    def failed(self, message: str) -> None:
        self.bar.hide()
        self.stage_label.setText(tr("Export failed"))
        self.bytes_label.clear()
        self.show_message(message, ERROR_STYLE)

    def cancelled(self, partial: Path | None) -> None:
        self.bar.hide()
        self.stage_label.setText(tr("Export cancelled"))
        self.bytes_label.clear()
        if partial is None:
            text = tr("The export was cancelled before anything was written.")
        else:
            text = tr("The export was cancelled. Nothing complete was written: the incomplete files are in %1 "
                      "(delete them).").replace("%1", str(partial))
        self.show_message(text, ERROR_STYLE)

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
        self.message_label.setVisible(bool(text))

    @property
    def package_dir(self) -> Path | None:
        return self._package_dir

    def _open_folder(self) -> None:
        if self._package_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._package_dir)))
