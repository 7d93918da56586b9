"""The bookmark's edit dialog (non-modal): category, description, place, cameras, footage range, case, result.

The bookmark is already saved when this opens; "Save" writes only the fields the operator changed, as
one revision in the bookmark's history. The footage range is edited either as pre/post-roll seconds
around the marked moment or as start/end times; both stay in step.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from ui.bookmarks.texts import category_text, from_qdatetime, local_text, to_qdatetime, tr
from ui.i18n.core import core_text
from videowall.model.bookmark import MAX_ROLL_S, Bookmark
from videowall.runtime.errors import VideowallError

CAMERA_ROLE = Qt.ItemDataRole.UserRole + 1


class BookmarkEditDialog(QDialog):
    def __init__(self, controller, bookmark: Bookmark, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Bookmark %1").replace("%1", str(bookmark.id)))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._controller = controller
        self._tz = ZoneInfo(controller.station.settings.timezone)
        self._opened = bookmark            # what the fields were filled from
        self._latest = bookmark            # the newest revision seen (another dialog may change it)
        self._start, self._end = bookmark.start_utc, bookmark.end_utc
        self._build(bookmark)
        controller.changed.connect(self._on_changed)

    @property
    def bookmark(self) -> Bookmark:
        return self._latest

    def changes(self) -> dict:
        """The fields the operator changed, as ``BookmarkStore.update`` takes them."""
        now = {"category": self.category.currentData(), "description": self.description.toPlainText().strip(),
               "place": self.place.text().strip(), "camera_ids": self.chosen_cameras(),
               "case_number": self.case_number.text().strip(), "result": self.result.toPlainText().strip(),
               "start_utc": self._start, "end_utc": self._end}
        if set(now["camera_ids"]) == set(self._opened.camera_ids):
            del now["camera_ids"]
        return {name: value for name, value in now.items() if value != getattr(self._opened, name)}

    def chosen_cameras(self) -> tuple[int, ...]:
        items = (self.cameras.item(i) for i in range(self.cameras.count()))
        return tuple(item.data(CAMERA_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked)

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.accept()
            return
        self.error.hide()
        self.buttons.setEnabled(False)
        self._controller.update(self._latest, changes, done=self._on_saved, error=self._on_error)

    # -- internals --------------------------------------------------------------------------------
    def _build(self, bookmark: Bookmark) -> None:
        settings = self._controller.station.settings
        header = QLabel(tr("Marked at %1 by %2").replace("%1", local_text(bookmark.at_utc, self._tz))
                        .replace("%2", bookmark.operator))
        self.category = QComboBox()
        categories = list(settings.bookmark_categories)
        if bookmark.category not in categories:       # a category since removed from the station's list
            categories.append(bookmark.category)
        for category in categories:
            self.category.addItem(category_text(category), category)
        self.category.setCurrentIndex(self.category.findData(bookmark.category))
        self.description = QPlainTextEdit(bookmark.description)
        self.description.setTabChangesFocus(True)
        self.place = QLineEdit(bookmark.place)
        self.cameras = QListWidget()
        for camera in self._controller.station.cameras.list():
            item = QListWidgetItem(camera.name, self.cameras)
            item.setData(CAMERA_ROLE, camera.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if camera.id in bookmark.camera_ids else Qt.CheckState.Unchecked)
        self.cameras.setMaximumHeight(110)
        self.pre_roll, self.post_roll = self._roll_box(), self._roll_box()
        self.start_edit, self.end_edit = self._time_edit(), self._time_edit()
        self._show_range()
        self.case_number = QLineEdit(bookmark.case_number)
        self.result = QPlainTextEdit(bookmark.result)
        self.result.setTabChangesFocus(True)
        self.result.setPlaceholderText(tr("What was done, e.g. patrol sent, police informed"))
        for box in (self.description, self.result):
            box.setMaximumHeight(70)
        rolls = QHBoxLayout()
        for label, box in ((tr("before"), self.pre_roll), (tr("after"), self.post_roll)):
            rolls.addWidget(QLabel(label))
            rolls.addWidget(box)
        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end_edit)
        form = QFormLayout()
        form.addRow(tr("Category"), self.category)
        form.addRow(tr("Description"), self.description)
        form.addRow(tr("Place"), self.place)
        form.addRow(tr("Cameras"), self.cameras)
        form.addRow(tr("Footage (seconds)"), rolls)
        form.addRow(tr("Footage from–to"), times)
        form.addRow(tr("Case number"), self.case_number)
        form.addRow(tr("Result"), self.result)
        self.error = QLabel()
        self.error.setStyleSheet("color: #d33;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.pre_roll.valueChanged.connect(self._on_rolls_changed)
        self.post_roll.valueChanged.connect(self._on_rolls_changed)
        self.start_edit.dateTimeChanged.connect(self._on_times_changed)
        self.end_edit.dateTimeChanged.connect(self._on_times_changed)

    def _roll_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, MAX_ROLL_S)
        box.setSuffix(" s")
        return box

    def _time_edit(self) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        edit.setCalendarPopup(True)
        return edit

    def _show_range(self) -> None:
        """Put ``_start``/``_end`` into both the roll boxes and the time edits, without feedback."""
        at = self._opened.at_utc
        values = ((self.pre_roll, round((at - self._start).total_seconds())),
                  (self.post_roll, round((self._end - at).total_seconds())))
        for box, seconds in values:
            box.blockSignals(True)
            box.setValue(max(0, min(MAX_ROLL_S, seconds)))
            box.blockSignals(False)
        for edit, moment in ((self.start_edit, self._start), (self.end_edit, self._end)):
            edit.blockSignals(True)
            edit.setDateTime(to_qdatetime(moment, self._tz))
            edit.blockSignals(False)

    def _on_rolls_changed(self) -> None:
        at = self._opened.at_utc
        self._start = at - timedelta(seconds=self.pre_roll.value())
        self._end = at + timedelta(seconds=self.post_roll.value())
        self._show_range()

    def _on_times_changed(self) -> None:
        self._start = _keep_subsecond(from_qdatetime(self.start_edit.dateTime(), self._tz), self._start)
        self._end = _keep_subsecond(from_qdatetime(self.end_edit.dateTime(), self._tz), self._end)
        self._show_range()

    def _on_saved(self, bookmark: Bookmark) -> None:
        self._latest = bookmark
        self.buttons.setEnabled(True)
        self.accept()

    def _on_error(self, err: VideowallError) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(core_text(err.user_message))
        self.error.show()

    def _on_changed(self, bookmark: Bookmark) -> None:
        if bookmark.id == self._latest.id and bookmark.revision > self._latest.revision:
            self._latest = bookmark


def _keep_subsecond(edited: datetime, before: datetime) -> datetime:
    """The edit shows whole seconds: an untouched time keeps its exact value."""
    if edited.replace(microsecond=0) == before.astimezone(edited.tzinfo).replace(microsecond=0):
        return before
    return edited
