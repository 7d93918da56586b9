"""QAbstractItemModel over a Catalog's tree: district → place → camera, without a Python object per row.

An index's internalId encodes where its parent sits, so 25,000 cameras cost no per-row allocations:
0 = top level (district), PLACE_TAG|g = a place under district g, CAMERA_TAG|g<<20|p = a camera
under place p of district g.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ui.cameras.catalog import Catalog, TreeSlice
from ui.setup.texts import state_text
from ui.wall.dnd import camera_mime
from videowall.model.camera import Camera
from videowall.setup.camera_state import CameraState

PLACE_TAG = 1 << 40
CAMERA_TAG = 2 << 40
LOW20 = (1 << 20) - 1
CAMERA_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CAMERA_STATE_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_COLOURS = {CameraState.IDLE: QColor("#808080"), CameraState.CONNECTING: QColor("#d0a020"),
                 CameraState.LIVE: QColor("#30b040"), CameraState.RECONNECTING: QColor("#e08020"),
                 CameraState.OFFLINE: QColor("#d03030"), CameraState.RECORDING: QColor("#e02060")}
StateLookup = Callable[[int], CameraState]

Index = QModelIndex | QPersistentModelIndex


class CameraTreeModel(QAbstractItemModel):
    def __init__(self, catalog: Catalog, parent=None, state_of: StateLookup | None = None) -> None:
        """``state_of``: camera id → its state, asked for the rows on screen whenever they are drawn."""
        super().__init__(parent)
        self.catalog = catalog
        self.tree: TreeSlice = catalog.full_tree
        self.query = ""
        self.state_of = state_of

    def set_cameras(self, cameras: list[Camera]) -> None:
        """The station's cameras changed (added, edited, removed): rebuild the tree, keeping the search."""
        self.beginResetModel()
        self.catalog = Catalog(cameras)
        self.tree = self.catalog.filtered_tree(self.query)
        self.endResetModel()

    def set_query(self, query: str) -> None:
        """Filter (GUI thread). Resets the model: cheaper than diffing at this size."""
        self.beginResetModel()
        self.query = query
        self.tree = self.catalog.filtered_tree(query)
        self.endResetModel()

    def match_count(self) -> int:
        return self.tree.camera_count

    def camera_id(self, index: Index) -> int | None:
        if not index.isValid() or index.internalId() & CAMERA_TAG == 0:
            return None
        return self.catalog.entries[self._camera_entry(index)].id

    def first_camera_index(self) -> QModelIndex:
        if not self.tree.group_count():
            return QModelIndex()
        group = self.index(0, 0)
        return self.index(0, 0, self.index(0, 0, group))

    # -- QAbstractItemModel --------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < self.tree.group_count() else QModelIndex()
        tag = parent.internalId()
        if tag == 0:
            g = parent.row()
            return self.createIndex(row, 0, PLACE_TAG | g) if row < self.tree.place_count(g) else QModelIndex()
        if tag & PLACE_TAG:
            g, p = tag & LOW20, parent.row()
            if row < self.tree.place_camera_count(g, p):
                return self.createIndex(row, 0, CAMERA_TAG | (g << 20) | p)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        tag = index.internalId()
        if tag == 0:
            return QModelIndex()
        if tag & PLACE_TAG:
            return self.createIndex(tag & LOW20, 0, 0)
        g, p = (tag >> 20) & LOW20, tag & LOW20
        return self.createIndex(p, 0, PLACE_TAG | g)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return self.tree.group_count()
        tag = parent.internalId()
        if tag == 0:
            return self.tree.place_count(parent.row())
        if tag & PLACE_TAG:
            return self.tree.place_camera_count(tag & LOW20, parent.row())
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        tag = index.internalId()
        if role == Qt.ItemDataRole.DisplayRole:
            if tag == 0:
                g = index.row()
                return f"{self.tree.group_name(g) or '—'} ({self.tree.group_camera_count(g)})"
            if tag & PLACE_TAG:
                return self.tree.place_name(tag & LOW20, index.row()) or "—"
            entry = self.catalog.entries[self._camera_entry(index)]
            state = self._state(index)
            suffix = f" — {state_text(state)}" if state is not None else ""
            return f"{entry.id} · {entry.name}{suffix}"
        if role == CAMERA_ID_ROLE:
            return self.camera_id(index)
        if role in (CAMERA_STATE_ROLE, Qt.ItemDataRole.DecorationRole):
            state = self._state(index)
            if role == CAMERA_STATE_ROLE or state is None:
                return state
            return STATE_COLOURS[state]
        return None

    def _state(self, index: Index) -> CameraState | None:
        camera_id = self.camera_id(index)
        return self.state_of(camera_id) if camera_id is not None and self.state_of is not None else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.camera_id(index) is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:  # noqa: N802
        from ui.wall.dnd import CAMERA_MIME
        return [CAMERA_MIME]

    def mimeData(self, indexes):  # noqa: N802
        ids = [self.camera_id(i) for i in indexes if self.camera_id(i) is not None]
        return camera_mime(ids[0]) if ids else None

    def _camera_entry(self, index: Index) -> int:
        tag = index.internalId()
        g, p = (tag >> 20) & LOW20, tag & LOW20
        return self.tree.entry_index(g, p, index.row())
