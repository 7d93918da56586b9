"""Runs a wall in a Qt event loop until the operator closes it or ``seconds`` have passed."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer

from ui.app import create_application
from ui.report import wall_report, write_report
from ui.wall.wall_window import WallWindow
from videowall.station import Station

OFFSCREEN_WALL_SIZE = (1920, 1080)


def run_wall(station: Station, camera_ids: list[int], offscreen: bool = False, seconds: float | None = None,
             report: Path | None = None, language: str | None = None, main_window: bool = False) -> int:
    """Open the wall (alone, or inside the operator's main window) and run until closed or ``seconds`` pass."""
    app = create_application(offscreen=offscreen, language=language or station.settings.ui_language)
    for warning in station.warnings:
        print(f"videowall: {warning.user_message}", file=sys.stderr)
    if main_window:
        from ui.main_window import MainWindow
        window = MainWindow(station, camera_ids, extra_screens=not offscreen)
        wall = window.wall
    else:
        window = wall = WallWindow(station.supervisor, camera_ids, ZoneInfo(station.settings.timezone),
                                   repaint_hz=station.settings.wall_repaint_hz)
    started = time.monotonic()
    if offscreen:
        window.resize(*OFFSCREEN_WALL_SIZE)
        window.show()
    else:
        window.resize(1600, 900)
        window.showMaximized()
    result: dict = {}

    def finish() -> None:
        result.update(wall_report(wall, started))
        window.close()
        app.quit()

    if seconds is not None:
        QTimer.singleShot(int(seconds * 1000), finish)
    signal.signal(signal.SIGINT, lambda *_: finish())
    signal.signal(signal.SIGTERM, lambda *_: finish())
    wake = QTimer()         # lets Python run its signal handlers while Qt's loop is in C++
    wake.start(200)
    wake.timeout.connect(lambda: None)
    app.exec()
    if not result:
        result.update(wall_report(wall, started))
    if report is not None:
        write_report(report, result)
    return 0
