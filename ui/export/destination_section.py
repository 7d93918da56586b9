"""Where the package goes: the removable drives (refreshed by themselves) or any folder the operator picks."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout)

from ui.export.texts import destination_text, tr
from videowall.evidence.destination import Destination

log = logging.getLogger(__name__)
PATH_ROLE = Qt.ItemDataRole.UserRole
ERROR_STYLE = "color: #c62828;"


class DestinationSection(QGroupBox):
    """``selected_path()`` is what the export writes into; ``choose_folder`` is what "Other folder…" does
    once the file dialog returns."""

    _folder_probed = Signal(object)   # Destination, from the probing thread

    def __init__(self, folder_prober: Callable[[Path], Destination], parent=None) -> None:
        super().__init__(tr("Destination"), parent)
        self._prober = folder_prober
        self._drives: list[Destination] = []
        self._folder: Destination | None = None
        self.drive_list = QListWidget()
        self.drive_list.setObjectName("exportDestinations")
        self.drive_list.setMinimumHeight(110)
        self.drive_list.setWordWrap(True)
        self.empty_label = QLabel(tr("No removable drive found. Plug in a USB stick or SD card (it appears here "
                                     "by itself), or choose another folder."))
        self.empty_label.setWordWrap(True)
        self.other_button = QPushButton(tr("Other folder…"))
        self.other_button.clicked.connect(self._on_other_clicked)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        row = QHBoxLayout()
        row.addWidget(self.empty_label, 1)
        row.addWidget(self.other_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drive_list)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self.drive_list.currentItemChanged.connect(self._on_current_changed)
        self._folder_probed.connect(self._on_folder_probed)
        self._rebuild()

    def set_drives(self, drives: list[Destination]) -> None:
        self._drives = list(drives)
        self._rebuild()

    def choose_folder(self, folder: Path | str) -> None:
        """Use ``folder``; its filesystem and free space are looked up off the GUI thread (network folders)."""
        path = Path(folder)
        self._folder = Destination(path, path.name or str(path), "", 0, 0, False)
        self._rebuild(select=path)
        threading.Thread(target=self._probe, args=(path,), name="export-probe", daemon=True).start()

    def selected_path(self) -> Path | None:
        item = self.drive_list.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _rebuild(self, select: Path | None = None) -> None:
        keep = select or self.selected_path()
        self.drive_list.blockSignals(True)
        self.drive_list.clear()
        for where in self._drives:
            self._add_item(where, tr("USB/SD") if where.removable else tr("Drive"))
        if self._folder is not None:
            self._add_item(self._folder, tr("Folder"))
        self.drive_list.blockSignals(False)
        self.empty_label.setVisible(not self._drives)
        rows = [self.drive_list.item(i) for i in range(self.drive_list.count())]
        chosen = next((r for r in rows if keep is not None and Path(r.data(PATH_ROLE)) == keep), None)
        if chosen is None and keep is None and rows:
            chosen = rows[0]
        self.drive_list.setCurrentItem(chosen)

    def _add_item(self, where: Destination, kind: str) -> None:
        probing = where is self._folder and not where.filesystem
        text = f"{where.label} — {where.path}\n{tr('checking…')}" if probing else destination_text(where)
        item = QListWidgetItem(f"[{kind}] {text}")
        item.setData(PATH_ROLE, str(where.path))
        self.drive_list.addItem(item)

    def _on_other_clicked(self) -> None:
        start = str(self.selected_path() or Path.home())
        folder = QFileDialog.getExistingDirectory(self, tr("Export into folder"), start)
        if folder:
            self.choose_folder(folder)

    def _probe(self, path: Path) -> None:
        try:
            probed = self._prober(path)
        except OSError as err:
            log.warning("probing %s failed: %s", path, err)
            return
        try:
            self._folder_probed.emit(replace(probed, path=path, label=path.name or str(path)))
        except RuntimeError:   # the dialog was closed while the folder was probed
            pass

    def _on_folder_probed(self, where: Destination) -> None:
        if self._folder is not None and self._folder.path == where.path:
            self._folder = where
            self._rebuild()

    def _on_current_changed(self, *_items) -> None:
        self.show_error("")
