"""Every revision of a bookmark: when (station time), who, what, each field's old → new value, and why."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from ui.bookmarks.texts import FIELD_ORDER, action_text, field_text, local_text, tr, value_text
from ui.i18n.core import core_text
from videowall.model.bookmark import BookmarkRevision
from videowall.runtime.errors import VideowallError

COLUMNS = ("When", "Who", "Action", "Field", "Old → new", "Reason")


class HistoryDialog(QDialog):
    def __init__(self, controller, bookmark_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("History of bookmark %1").replace("%1", str(bookmark_id)))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 400)
        self._tz = ZoneInfo(controller.station.settings.timezone)
        self._names = {camera.id: camera.name for camera in controller.station.cameras.list()}
        self.status = QLabel(tr("Loading…"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(name) for name in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.loaded = False
        controller.history(bookmark_id, self._show, self._on_error)

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def _show(self, revisions: list[BookmarkRevision]) -> None:
        rows = []
        for revision in revisions:
            when, who, what = local_text(revision.changed_utc, self._tz), revision.changed_by, \
                action_text(revision.action)
            changes = sorted(revision.changes.items(), key=_field_rank)
            if revision.action == "created":       # what it was created with, empty fields left out
                changes = [(name, pair) for name, pair in changes if pair[1] not in (None, "", [])]
            for name, (old, new) in changes or [("", (None, None))]:
                if revision.action == "created":
                    change = value_text(name, new, self._tz, self._names) if name else ""
                else:
                    change = (f"{value_text(name, old, self._tz, self._names)} → "
                              f"{value_text(name, new, self._tz, self._names)}") if name else ""
                rows.append([when, who, what, field_text(name) if name else "", change, revision.reason])
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.status.setText(tr("%1 revisions").replace("%1", str(len(revisions))))
        self.loaded = True

    def _on_error(self, err: VideowallError) -> None:
        self.status.setText(core_text(err.user_message))
        self.status.setStyleSheet("color: #d33;")
        self.loaded = True


def _field_rank(item) -> tuple[int, str]:
    name = item[0]
    return (FIELD_ORDER.index(name) if name in FIELD_ORDER else len(FIELD_ORDER), name)
