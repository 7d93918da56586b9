"""The bookmarks panel: search as you type, filters, the bookmarks table and what can be done with one.

Searches run on the controller's worker; a newer search makes an older answer stale (dropped). The
panel reloads whenever the controller announces a created or changed bookmark. Double-click asks for
playback of the bookmark's cameras from its start (``playback_requested``).
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateTimeEdit, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMenu, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from ui.bookmarks.history_dialog import HistoryDialog
from ui.bookmarks.reason_dialog import ReasonDialog
from ui.bookmarks.table_model import COLUMNS, BookmarkTableModel
from ui.bookmarks.texts import category_text, from_qdatetime, local_text, to_qdatetime, tr
from ui.i18n.core import core_text
from videowall.model.bookmark import Bookmark, BookmarkFilter
from videowall.runtime.errors import VideowallError

SEARCH_DELAY_MS = 250
DESCRIPTION_COLUMN = COLUMNS.index("Description")


class BookmarksPanel(QWidget):
    playback_requested = Signal(object)     # Bookmark: play its cameras from its start

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Bookmarks"))
        self.controller = controller
        self.station = controller.station
        self._tz = ZoneInfo(self.station.settings.timezone)
        self._search_seq = 0
        self.shown_seq = 0                  # the search whose answer is shown (tests wait for it)
        self.last_dialog: QWidget | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        cameras = self.station.cameras.list()
        self.model = BookmarkTableModel(self._tz, {camera.id: camera.name for camera in cameras})
        self._build_filters(cameras)
        self._build_table()
        self._build_actions()
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(self._actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._filters)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)
        controller.changed.connect(self._on_bookmark_changed)
        self._update_actions()
        self.refresh()
        controller.operators(self._set_operators)

    # -- searching --------------------------------------------------------------------------------
    def current_filter(self) -> BookmarkFilter:
        return BookmarkFilter(
            start_utc=from_qdatetime(self.from_edit.dateTime(), self._tz) if self.from_check.isChecked() else None,
            end_utc=from_qdatetime(self.to_edit.dateTime(), self._tz) if self.to_check.isChecked() else None,
            camera_id=self.camera.currentData(), category=self.category.currentData(),
            operator=self.operator.currentData(), text=self.text.text().strip(),
            evidence_only=self.evidence_only.isChecked(), include_withdrawn=self.show_withdrawn.isChecked())

    def refresh(self) -> None:
        """Search now with the current filters (answers arrive later, newest wins)."""
        self._search_timer.stop()
        self._search_seq += 1
        seq = self._search_seq
        self.controller.search(self.current_filter(), lambda rows, seq=seq: self._show(seq, rows),
                               lambda err, seq=seq: self._show_error(seq, err))

    def schedule_refresh(self) -> None:
        self._search_timer.start()

    @property
    def search_pending(self) -> bool:
        return self._search_timer.isActive() or self.shown_seq != self._search_seq

    def selected_bookmark(self) -> Bookmark | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.bookmark(rows[0].row()) if rows else None

    def select_bookmark(self, bookmark_id: int) -> bool:
        row = self.model.row_of(bookmark_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    # -- actions on the selected bookmark ----------------------------------------------------------
    def play_selected(self) -> None:
        bookmark = self.selected_bookmark()
        if bookmark is not None:
            self.playback_requested.emit(bookmark)

    def edit_selected(self) -> None:
        bookmark = self.selected_bookmark()
        if bookmark is not None:
            self.last_dialog = self.controller.edit(bookmark, self.window())

    def show_history(self) -> None:
        bookmark = self.selected_bookmark()
        if bookmark is not None:
            self._open(HistoryDialog(self.controller, bookmark.id, self))

    def mark_as_evidence(self) -> None:
        bookmark = self.selected_bookmark()
        if bookmark is None:
            return
        prompt = tr("The footage of the bookmark's cameras from %1 to %2 will be kept (legal hold) until the "
                    "evidence is released.").replace("%1", local_text(bookmark.start_utc, self._tz)) \
            .replace("%2", local_text(bookmark.end_utc, self._tz))
        self._open(ReasonDialog(tr("Mark as evidence"), prompt,
                                lambda reason, case, done, error: self.controller.mark_as_evidence(
                                    bookmark.id, reason, case, done, error),
                                self, case_number=bookmark.case_number))

    def release_evidence(self) -> None:
        bookmark = self.selected_bookmark()
        if bookmark is None:
            return
        prompt = tr("The legal hold on the footage (case %1) will be lifted; it is deleted when its retention "
                    "ends.").replace("%1", bookmark.case_number)
        self._open(ReasonDialog(tr("Release evidence"), prompt,
                                lambda reason, _case, done, error: self.controller.release_evidence(
                                    bookmark.id, reason, done, error), self))

    def withdraw_or_restore(self) -> None:
        bookmark = self.selected_bookmark()
        if bookmark is None:
            return
        if bookmark.withdrawn:
            self._open(ReasonDialog(tr("Restore"), tr("The bookmark will be shown again."),
                                    lambda reason, _case, done, error: self.controller.restore(
                                        bookmark.id, reason, done, error), self))
        else:
            self._open(ReasonDialog(tr("Withdraw"), tr("The bookmark will be hidden (kept with its history)."),
                                    lambda reason, _case, done, error: self.controller.withdraw(
                                        bookmark.id, reason, done, error), self))

    def export_evidence(self) -> None:
        bookmark = self.selected_bookmark()
        if bookmark is not None:
            from ui.export import open_export_dialog

            open_export_dialog(self.window(), self.station, bookmark=bookmark)

    def save_activity_record(self) -> None:
        bookmark = self.selected_bookmark()
        if bookmark is not None:
            from ui.activity import save_bookmark_record

            save_bookmark_record(self.window(), self.station, bookmark)

    # -- building ---------------------------------------------------------------------------------
    def _build_filters(self, cameras) -> None:
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("Search description, place, case number, category"))
        self.text.setClearButtonEnabled(True)
        self.text.textChanged.connect(self.schedule_refresh)
        now = self.controller.clock.now_utc()
        self.from_check, self.from_edit = QCheckBox(tr("From")), self._time_edit(now - timedelta(days=1))
        self.to_check, self.to_edit = QCheckBox(tr("To")), self._time_edit(now)
        self.camera = self._combo(tr("All cameras"), [(camera.name, camera.id) for camera in cameras])
        self.category = self._combo(tr("All categories"),
                                    [(category_text(name), name) for name in self.station.settings.bookmark_categories])
        self.operator = self._combo(tr("All operators"), [])
        self.evidence_only = QCheckBox(tr("Evidence only"))
        self.show_withdrawn = QCheckBox(tr("Show withdrawn"))
        for box in (self.from_check, self.to_check, self.evidence_only, self.show_withdrawn):
            box.toggled.connect(self.schedule_refresh)
        for edit in (self.from_edit, self.to_edit):
            edit.dateTimeChanged.connect(self._on_time_edited)
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.text, 3)
        for combo in (self.camera, self.category, self.operator):
            first.addWidget(combo, 1)
        for widget in (self.from_check, self.from_edit, self.to_check, self.to_edit, self.evidence_only,
                       self.show_withdrawn):
            second.addWidget(widget)
        second.addStretch(1)
        self._filters = QVBoxLayout()
        self._filters.addLayout(first)
        self._filters.addLayout(second)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DESCRIPTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(lambda index: self.playback_requested.emit(self.model.bookmark(index.row())))
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.status = QLabel()
        self.status.setWordWrap(True)

    def _build_actions(self) -> None:
        self.play_button = self._button(tr("Play"), self.play_selected)
        self.play_button.setToolTip(tr("Play the bookmark's cameras from its start (or double-click the row)"))
        self.edit_button = self._button(tr("Edit…"), self.edit_selected)
        self.history_button = self._button(tr("History…"), self.show_history)
        self.evidence_button = self._button(tr("Mark as evidence…"), self.mark_as_evidence)
        self.release_button = self._button(tr("Release evidence…"), self.release_evidence)
        self.withdraw_button = self._button(tr("Withdraw…"), self.withdraw_or_restore)
        self.export_button = self._button(tr("Export evidence…"), self.export_evidence)
        self.record_button = self._button(tr("Activity record (PDF)…"), self.save_activity_record)
        self._actions = QVBoxLayout()
        for button in self._action_buttons():
            self._actions.addWidget(button)
        self._actions.addStretch(1)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def _combo(self, everything: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self.schedule_refresh)
        return combo

    def _time_edit(self, moment) -> QDateTimeEdit:
        edit = QDateTimeEdit(to_qdatetime(moment, self._tz))
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        return edit

    # -- internals --------------------------------------------------------------------------------
    def _show(self, seq: int, bookmarks: list[Bookmark]) -> None:
        if seq != self._search_seq:
            return                          # a newer search is under way
        selected = self.selected_bookmark()
        self.model.set_bookmarks(bookmarks)
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select_bookmark(selected.id)
        self.status.setStyleSheet("")
        self.status.setText(tr("%1 bookmarks").replace("%1", str(len(bookmarks))))
        self.shown_seq = seq
        self._update_actions()

    def _show_error(self, seq: int, err: VideowallError) -> None:
        if seq != self._search_seq:
            return
        self.status.setStyleSheet("color: #d33;")
        self.status.setText(core_text(err.user_message))
        self.shown_seq = seq

    def _set_operators(self, operators: list[str]) -> None:
        chosen = self.operator.currentData()
        known = {self.operator.itemData(i) for i in range(1, self.operator.count())}
        self.operator.blockSignals(True)
        for name in operators:
            if name not in known:
                self.operator.addItem(name, name)
        self.operator.setCurrentIndex(max(0, self.operator.findData(chosen)) if chosen else 0)
        self.operator.blockSignals(False)

    def _on_time_edited(self) -> None:
        if self.from_check.isChecked() or self.to_check.isChecked():
            self.schedule_refresh()

    def _on_bookmark_changed(self, _bookmark: Bookmark) -> None:
        self.schedule_refresh()
        self.controller.operators(self._set_operators)

    def _update_actions(self) -> None:
        bookmark = self.selected_bookmark()
        chosen = bookmark is not None
        for button in (self.play_button, self.history_button, self.export_button, self.record_button):
            button.setEnabled(chosen)
        self.edit_button.setEnabled(chosen and not bookmark.withdrawn)
        self.evidence_button.setEnabled(chosen and not bookmark.evidence and not bookmark.withdrawn)
        self.release_button.setEnabled(chosen and bookmark.evidence)
        self.withdraw_button.setEnabled(chosen and not bookmark.evidence)
        self.withdraw_button.setText(tr("Restore…") if chosen and bookmark.withdrawn else tr("Withdraw…"))

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for button in self._action_buttons():
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _action_buttons(self) -> tuple[QPushButton, ...]:
        return (self.play_button, self.edit_button, self.history_button, self.withdraw_button,
                self.evidence_button, self.release_button, self.export_button, self.record_button)

    def _open(self, dialog: QWidget) -> None:
        self.last_dialog = dialog
        dialog.show()
