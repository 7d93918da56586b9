"""The camera tree panel: a search box over a lazily drawn tree; Enter or double-click puts a camera on the wall."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ui.cameras.catalog import Catalog
from ui.cameras.tree_model import CameraTreeModel

EXPAND_ALL_BELOW = 300      # expanding every place of a big result would cost more than it helps


def tr(text: str) -> str:
    return QCoreApplication.translate("CameraPanel", text)


class CameraPanel(QWidget):
    camera_activated = Signal(int)       # Enter / double-click on a camera: show it in the selected tile

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CameraTreeModel(catalog, self)
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
        layout.addWidget(self.count)
        self.search.textChanged.connect(self.set_query)
        self.search.returnPressed.connect(self._activate_first)
        self.tree.activated.connect(self._activate)
        self._show_count()

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
