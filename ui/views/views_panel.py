"""Views panel: the station's saved views; Enter/double-click recalls one, save the wall as a view, delete."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from ui.i18n.core import core_text

from videowall.runtime.errors import VideowallError
from videowall.storage.views import View, ViewStore

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("ViewsPanel", text)


def key_label(hotkey: int | None) -> str:
    """How the operator recalls a view: F2–F12 and Alt+1…9 (F1 is help)."""
    if hotkey is None:
        return ""
    keys = [f"F{hotkey}"] if hotkey >= 2 else []
    if hotkey <= 9:
        keys.append(f"Alt+{hotkey}")
    return " / ".join(keys)


class ViewsPanel(QWidget):
    view_chosen = Signal(object)         # View
    save_requested = Signal(str, object)  # name, hotkey (int | None)
    views_changed = Signal()             # the list was re-read (a view saved, deleted or re-keyed)

    def __init__(self, store: ViewStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.list = QListWidget(self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(tr("View name"))
        self.hotkey = QComboBox(self)
        self.hotkey.addItem(tr("no key"), None)
        for n in range(1, 13):
            self.hotkey.addItem(key_label(n), n)
        save, delete = QPushButton(tr("Save wall as view"), self), QPushButton(tr("Delete"), self)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.hotkey)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.list, 1)
        box.addLayout(row)
        box.addWidget(save)
        box.addWidget(delete)
        self.list.itemActivated.connect(self._activated)
        self.name.returnPressed.connect(self._save)
        save.clicked.connect(self._save)
        delete.clicked.connect(self.delete_selected)
        self.error = ""
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for view in self.store.list():
            label = view.name + (f"   [{key_label(view.hotkey)}]" if view.hotkey else "")
            item = QListWidgetItem(f"{label}   {view.layout.name}", self.list)
            item.setData(NAME_ROLE, view.name)
        self.views_changed.emit()

    def names(self) -> list[str]:
        return [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count())]

    def choose(self, name: str) -> View | None:
        try:
            view = self.store.get(name)
        except VideowallError as err:
            self.error = core_text(err.user_message)
            return None
        self.view_chosen.emit(view)
        return view

    def delete_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.store.remove(item.data(NAME_ROLE))
            self.reload()

    def _activated(self, item: QListWidgetItem) -> None:
        self.choose(item.data(NAME_ROLE))

    def _save(self) -> None:
        if self.name.text().strip():
            self.save_requested.emit(self.name.text().strip(), self.hotkey.currentData())
