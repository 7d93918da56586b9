"""Tours panel: create, edit, save and delete tours; start one on the wall (view tour) or on the selected tile
(tile tour), stop it. The panel only edits and asks: the main window runs tours on its walls."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from ui.i18n.core import core_text
from ui.tours.store import CAMERAS, VIEWS, SavedTour, TourStore
from videowall.runtime.errors import VideowallError

DATA_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("ToursPanel", text)


class ToursPanel(QWidget):
    start_requested = Signal(object)     # SavedTour
    stop_requested = Signal(str)         # VIEWS: the wall's view tour; CAMERAS: the selected tile's tour

    def __init__(self, store: TourStore, views: Callable[[], Sequence[str]],
                 cameras: Callable[[], Sequence[tuple[int, str]]], parent: QWidget | None = None) -> None:
        """``views``: the saved views' names; ``cameras``: (id, name) of the cameras (read when the list is shown)."""
        super().__init__(parent)
        self.store, self._views, self._cameras = store, views, cameras
        self.tours = QListWidget(self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(tr("Tour name"))
        self.kind = QComboBox(self)
        self.kind.addItem(tr("Views through the wall"), VIEWS)
        self.kind.addItem(tr("Cameras through the selected tile"), CAMERAS)
        self.items = QListWidget(self)
        self.dwell = QDoubleSpinBox(self)
        self.dwell.setRange(1.0, 3600.0)
        self.dwell.setValue(10.0)
        self.dwell.setSuffix(" s")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        buttons = {}
        for key, text in (("save", "Save"), ("delete", "Delete"), ("start", "Start"), ("stop", "Stop")):
            buttons[key] = QPushButton(tr(text), self)
        self.save_button, self.delete_button = buttons["save"], buttons["delete"]
        self.start_button, self.stop_button = buttons["start"], buttons["stop"]
        row = QHBoxLayout()
        for button in buttons.values():
            row.addWidget(button)
        dwell_row = QHBoxLayout()
        dwell_row.addWidget(QLabel(tr("Each for"), self))
        dwell_row.addWidget(self.dwell, 1)
        box = QVBoxLayout(self)
        for widget in (self.tours, self.name, self.kind, self.items):
            box.addWidget(widget, 1 if widget in (self.tours, self.items) else 0)
        box.addLayout(dwell_row)
        box.addLayout(row)
        box.addWidget(self.error)
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_items(()))
        self.tours.currentItemChanged.connect(lambda item, _old: item is not None and self.edit(item.data(DATA_ROLE)))
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(lambda: self.stop_requested.emit(self.kind.currentData()))
        self.reload()

    def reload(self) -> None:
        self.tours.blockSignals(True)
        self.tours.clear()
        for tour in self.store.list():
            item = QListWidgetItem(tour.name)
            item.setData(DATA_ROLE, tour)
            self.tours.addItem(item)
        self.tours.blockSignals(False)
        self._fill_items(self.checked())

    def edit(self, tour: SavedTour) -> None:
        self.name.setText(tour.name)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(tour.kind))
        self.kind.blockSignals(False)
        self.dwell.setValue(tour.dwell_s)
        self._fill_items(tour.items)

    def checked(self) -> tuple:
        return tuple(self.items.item(i).data(DATA_ROLE) for i in range(self.items.count())
                     if self.items.item(i).checkState() == Qt.CheckState.Checked)

    def current(self) -> SavedTour:
        return SavedTour(self.name.text(), self.kind.currentData(), self.checked(), self.dwell.value())

    def save(self) -> SavedTour | None:
        try:
            tour = self.store.save(self.current())
        except VideowallError as err:
            self.error.setText(core_text(err.user_message))
            return None
        self.error.clear()
        self.reload()
        return tour

    def delete(self) -> None:
        item = self.tours.currentItem()
        if item is not None:
            self.store.delete(item.data(DATA_ROLE).name)
            self.reload()

    def start(self) -> None:
        try:
            tour = self.current()
        except VideowallError as err:
            self.error.setText(core_text(err.user_message))
            return
        self.error.clear()
        self.start_requested.emit(tour)

    def _fill_items(self, checked: Sequence) -> None:
        self.items.clear()
        choices = ([(name, name) for name in self._views()] if self.kind.currentData() == VIEWS
                   else [(camera_id, name) for camera_id, name in self._cameras()])
        for value, label in choices:
            item = QListWidgetItem(label)
            item.setData(DATA_ROLE, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
            self.items.addItem(item)
