"""Playback controls: back to live, frame back, play/pause, frame forward, slower/faster, jump to a time,
bookmark the selected tile.

Only emits what the operator asked for; the PlaybackWindow turns that into session commands and
calls ``show_state`` with what the session reports.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.playback.badge import speed_text
from videowall.recording.timebase import from_us, to_us


COMPACT_BELOW_PX = 820


def tr(text: str) -> str:
    return QCoreApplication.translate("Playback", text)


class PlaybackControlsWidget(QWidget):
    back_to_live = Signal()
    play_pause = Signal()
    step = Signal(int)              # +1 / -1 frame
    slower = Signal()
    faster = Signal()
    jump_requested = Signal("qlonglong")    # UTC µs
    bookmark = Signal()

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.live_button = self._button(tr("Back to live"), self.back_to_live.emit, layout)
        self.slower_button = self._button("◀◀", self.slower.emit, layout, tr("Slower / reverse"))
        self.step_back_button = self._button("|◀", lambda: self.step.emit(-1), layout, tr("Previous frame"))
        self.play_button = self._button("▶", self.play_pause.emit, layout, tr("Play / pause"))
        self.step_forward_button = self._button("▶|", lambda: self.step.emit(1), layout, tr("Next frame"))
        self.faster_button = self._button("▶▶", self.faster.emit, layout, tr("Faster"))
        self.speed_label = QLabel(speed_text(1.0))
        self.speed_label.setMinimumWidth(40)
        layout.addWidget(self.speed_label)
        layout.addStretch(1)
        self.date_edit = QDateTimeEdit()
        self.date_edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setToolTip(tr("Jump to this date and time (station time)"))
        layout.addWidget(self.date_edit)
        self.go_button = self._button(tr("Go"), self._jump, layout)
        self.bookmark_button = self._button(tr("Bookmark"), self.bookmark.emit, layout,
                                            tr("Bookmark the moment shown on the selected tile (B)"))

    def resizeEvent(self, event) -> None:  # noqa: N802
        """Narrow (playback inside one tile): the jump-to-date field and its button give way to the transport."""
        compact = self.width() < COMPACT_BELOW_PX
        self.date_edit.setVisible(not compact)
        self.go_button.setVisible(not compact)
        self.live_button.setText(tr("Live") if compact else tr("Back to live"))
        super().resizeEvent(event)

    def show_state(self, playing: bool, rate: float) -> None:
        self.play_button.setText("❚❚" if playing else "▶")
        self.speed_label.setText(speed_text(rate))

    def set_jump_time(self, utc_us: int) -> None:
        local = from_us(utc_us).astimezone(self._tz)
        self.date_edit.setDateTime(QDateTime(local.year, local.month, local.day, local.hour, local.minute,
                                             local.second))

    def jump_time_us(self) -> int:
        """The date edit's local time as UTC µs (a time that does not exist locally moves forward)."""
        shown = self.date_edit.dateTime()
        date, time = shown.date(), shown.time()
        local = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), time.second(),
                         tzinfo=self._tz)
        return to_us(local)

    def _jump(self) -> None:
        self.jump_requested.emit(self.jump_time_us())

    def _button(self, text: str, slot, layout: QHBoxLayout, tooltip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button
