"""Keeps the operator's main window in step with the shared state: panels read a table again when another
station (or connection) changed it, and the status bar says while the server database cannot be reached."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from ui.background import run_in_background
from ui.changes_bridge import ChangeBridge
from ui.i18n.core import core_text
from videowall.runtime.errors import VideowallError
from videowall.storage.changes import ALL

STATUS_MS = 10_000   # as long as the window's own status messages


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)   # the window's own texts, translated with it


class SharedStateRefresh(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.unreachable_label = QLabel(tr("Server database unreachable — the wall goes on; changes cannot be "
                                           "saved until it returns."))
        self.unreachable_label.setObjectName("database-unreachable")
        self.unreachable_label.setVisible(False)
        window.statusBar().addPermanentWidget(self.unreachable_label)
        self.changes = ChangeBridge(window.station.changes(), parent=self)
        self.changes.tables_changed.connect(self._on_tables_changed)
        self.changes.reachable_changed.connect(self._on_reachable_changed)
        self._on_reachable_changed(self.changes.reachable)

    def _on_tables_changed(self, tables: frozenset) -> None:
        """Panels showing a changed table read it again (after the server came back: all of them)."""
        every, window = ALL in tables, self._window
        if every or tables & {"bookmarks", "legal_holds"}:
            window.bookmarks_panel.refresh()
        if every or "views" in tables:
            window.views_panel.reload()
        if every or "cameras" in tables:
            run_in_background(window, window.station.cameras.list, self._show_cameras, name="camera-list")

    def _show_cameras(self, result) -> None:
        if isinstance(result, VideowallError):
            self._window.statusBar().showMessage(core_text(result.user_message), STATUS_MS)
        else:
            self._window.cameras_panel.set_cameras(result)

    def _on_reachable_changed(self, reachable: bool) -> None:
        self.unreachable_label.setVisible(not reachable)
