"""Alarm pop-up: a newly raised alarm puts its camera where the operator chose (a tile of the main wall or
the alarm monitor window), and one with a sound beeps. Alarms whose rule shows nothing only list."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from ui.alarms.panel import POPUP_MONITOR, POPUP_OFF
from ui.alarms.texts import tr
from ui.wall.wall_window import WallWindow
from videowall.events.model import Alarm, Show

MONITOR_TILES = 4


class AlarmPopup(QObject):
    def __init__(self, main_window, panel, controller) -> None:
        super().__init__(main_window)
        self._main = main_window
        self._panel = panel
        self.monitor: WallWindow | None = None
        self._next_monitor_tile = 0
        self.shown: list[tuple[int, str, int]] = []       # (alarm id, "tile"/"monitor", tile index)
        controller.alarms_changed.connect(self._on_controller_alarms_changed)

    def _on_controller_alarms_changed(self, alarms: list[Alarm], raised: set[int]) -> None:
        new = sorted((a for a in alarms if a.id in raised), key=lambda a: (a.priority, a.first_utc))
        if any(alarm.sound for alarm in new):
            QApplication.beep()
        target = self._panel.popup_target.currentData()
        for alarm in reversed(new):            # the most urgent last, so it stays on screen
            if alarm.camera_id is None or alarm.show is Show.NONE or target == POPUP_OFF:
                continue
            if alarm.show is Show.MONITOR or target == POPUP_MONITOR:
                self._to_monitor(alarm)
            else:
                self._to_tile(alarm)

    def _to_tile(self, alarm: Alarm) -> None:
        wall = self._main.wall
        index = min(self._panel.popup_tile.value() - 1, len(wall.cameras()) - 1)
        wall.set_tile_camera(index, alarm.camera_id)
        self.shown.append((alarm.id, "tile", index))

    def _to_monitor(self, alarm: Alarm) -> None:
        if self.monitor is None:
            station = self._main.station
            self.monitor = WallWindow(station.supervisor, [None] * MONITOR_TILES,
                                      ZoneInfo(station.settings.timezone), rows=2, cols=2)
            self.monitor.setWindowTitle(tr("videowall — alarm monitor"))
            self.monitor.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the main window quits
            self.monitor.resize(960, 540)
        index = self._next_monitor_tile
        self._next_monitor_tile = (index + 1) % MONITOR_TILES
        self.monitor.set_tile_camera(index, alarm.camera_id)
        self.monitor.show()
        self.monitor.raise_()
        self.shown.append((alarm.id, "monitor", index))

    def close(self) -> None:
        if self.monitor is not None:
            self.monitor.close()
