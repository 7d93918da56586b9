"""The bookmarks panel's rows: one bookmark per row, times in the station's zone, withdrawn ones greyed."""

from __future__ import annotations

from collections.abc import Mapping
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from ui.bookmarks.texts import camera_names, category_text, local_text, status_text, tr
from videowall.model.bookmark import Bookmark

COLUMNS = ("Time", "Cameras", "Category", "Description", "Place", "Operator", "Case", "Evidence")
WITHDRAWN_COLOR = QColor(140, 140, 140)
EVIDENCE_COLOR = QColor(190, 40, 190)


class BookmarkTableModel(QAbstractTableModel):
    def __init__(self, tz: ZoneInfo, camera_names_: Mapping[int, str]) -> None:
        super().__init__()
        self._tz = tz
        self._names = dict(camera_names_)
        self._rows: list[Bookmark] = []

    def set_bookmarks(self, bookmarks: list[Bookmark]) -> None:
        self.beginResetModel()
        self._rows = list(bookmarks)
        self.endResetModel()

    def bookmark(self, row: int) -> Bookmark:
        return self._rows[row]

    def bookmarks(self) -> list[Bookmark]:
        return list(self._rows)

    def row_of(self, bookmark_id: int) -> int | None:
        return next((n for n, b in enumerate(self._rows) if b.id == bookmark_id), None)

    def cells(self, bookmark: Bookmark) -> list[str]:
        return [local_text(bookmark.at_utc, self._tz), camera_names(bookmark.camera_ids, self._names),
                category_text(bookmark.category), bookmark.description.replace("\n", " "), bookmark.place, bookmark.operator,
                bookmark.case_number, status_text(bookmark)]

    # -- Qt ---------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        bookmark = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(bookmark)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return bookmark.description or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if bookmark.withdrawn:
                return WITHDRAWN_COLOR
            if bookmark.evidence:
                return EVIDENCE_COLOR
        return None
