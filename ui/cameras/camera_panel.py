"""The camera tree panel: a search box over a lazily drawn tree; Enter or double-click puts a camera on the wall.

The tree follows the station's camera list (``set_cameras``) and redraws the rows on screen every second so
each camera's state (live, reconnecting, offline, recording) stays current; its context menu adds, edits and
removes cameras (the set-up controller does the work).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QTreeView,
                               QVBoxLayout, QWidget)

from ui.cameras.catalog import Catalog
from ui.cameras.tree_model import CameraTreeModel, StateLookup
from videowall.model.camera import Camera

EXPAND_ALL_BELOW = 300      # expanding every place of a big result would cost more than it helps
STATE_REFRESH_MS = 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("CameraPanel", text)


class CameraPanel(QWidget):
    camera_activated = Signal(int)       # Enter / double-click on a camera: show it in the selected tile
    add_requested = Signal()
    edit_requested = Signal(int)
    remove_requested = Signal(int)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None, state_of: StateLookup | None = None,
                 editable: bool = False) -> None:
        super().__init__(parent)
        self.model = CameraTreeModel(catalog, self, state_of=state_of)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search: number, name, place, district"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)      # lets the view skip measuring 25,000 rows
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        self.editable = editable
        if editable:
            self.add_button = QPushButton(tr("Add camera…"), self)
            self.add_button.clicked.connect(self.add_requested)
            bottom.addWidget(self.add_button)
            self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.tree.customContextMenuRequested.connect(self._context_menu)
        layout.addLayout(bottom)
        self.search.textChanged.connect(self.set_query)
        self.search.returnPressed.connect(self._activate_first)
        self.tree.activated.connect(self._activate)
        self._show_count()
        if state_of is not None:
            self._states = QTimer(self)
            self._states.setInterval(STATE_REFRESH_MS)
            self._states.timeout.connect(self.tree.viewport().update)   # the rows on screen ask for their state
            self._states.start()

    def set_cameras(self, cameras: list[Camera]) -> None:
        """Show the station's current cameras (after an add, edit or remove), keeping the search."""
        self.model.set_cameras(cameras)
        if self.model.query.strip() and self.model.match_count() <= EXPAND_ALL_BELOW:
            self.tree.expandAll()
        self._show_count()

    def context_menu_for(self, camera_id: int | None) -> QMenu:
        menu = QMenu(self)
        menu.addAction(tr("Add camera…"), self.add_requested.emit)
        if camera_id is not None:
            menu.addAction(tr("Edit camera…"), lambda: self.edit_requested.emit(camera_id))
            menu.addAction(tr("Remove camera…"), lambda: self.remove_requested.emit(camera_id))
        return menu

    def _context_menu(self, where: QPoint) -> None:
        menu = self.context_menu_for(self.model.camera_id(self.tree.indexAt(where)))
        menu.exec(self.tree.viewport().mapToGlobal(where))

    def set_query(self, text: str) -> None:
        self.model.set_query(text)
        if text.strip() and self.model.match_count() <= EXPAND_ALL_BELOW:
            self.tree.expandAll()
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(tr("%1 of %2 cameras").replace("%1", str(self.model.match_count()))
                           .replace("%2", str(len(self.model.catalog))))

    def _activate(self, index: QModelIndex) -> None:
        camera_id = self.model.camera_id(index)
        if camera_id is not None:
            self.camera_activated.emit(camera_id)

    def _activate_first(self) -> None:
        """Enter in the search box takes the first match (a typed number picks that camera at once)."""
        query = self.search.text().strip()
        if query.isdigit() and self.model.catalog.entry(int(query)) is not None:
            self.camera_activated.emit(int(query))
            return
        first = self.model.first_camera_index()
        if first.isValid():
            self._activate(first)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return
        super().keyPressEvent(event)
