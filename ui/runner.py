"""Runs a wall in a Qt event loop until the operator closes it or ``seconds`` have passed."""

from __future__ import annotations

import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from ui.app import create_application
from ui.i18n.core import core_text
from ui.report import wall_report, write_report
from ui.wall.wall_window import WallWindow
from videowall.station import Station

log = logging.getLogger(__name__)
OFFSCREEN_WALL_SIZE = (1920, 1080)


def run_wall(station: Station, camera_ids: list[int], offscreen: bool = False, seconds: float | None = None,
             report: Path | None = None, language: str | None = None, main_window: bool = False) -> int:
    """Open the wall (alone, or inside the operator's main window) and run until closed or ``seconds`` pass."""
    app = create_application(offscreen=offscreen, language=language or station.settings.ui_language)
    for warning in station.warnings:
        print(f"videowall: {core_text(warning.user_message)}", file=sys.stderr)
    with_users = station.users is not None and station.users.any()
    if with_users and station.session is None and not _logged_in(station):
        print("videowall: nobody logged in; the wall was not opened.", file=sys.stderr)
        return 1
    if main_window:
        from ui.main_window import MainWindow
        window = MainWindow(station, camera_ids, extra_screens=not offscreen)
        wall = window.wall
        if with_users:
            from ui.login.attach import AccountMenu
            window.account = AccountMenu(window)
            from ui.access.live_log import attach_live_log
            window.live_log = attach_live_log(window)
            window.account.person_changed.append(window.live_log.person_changed)
    else:
        window = wall = WallWindow(station.supervisor, camera_ids, ZoneInfo(station.settings.timezone),
                                   repaint_hz=station.settings.wall_repaint_hz)
    ptz = attach_ptz(wall, station, window if main_window else None)
    alarms = _attach_alarms(window) if main_window else None
    recording = attach_recording(station, window if main_window else None, alarms)
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
        ptz.close()         # stops any moving camera before the windows go
        recording.close()
        if alarms is not None:
            alarms.close()
        live_log = getattr(window, "live_log", None)
        if live_log is not None:
            live_log.close()        # the live sessions end before the station closes
        window.close()
        app.quit()

    if seconds is not None:
        QTimer.singleShot(int(seconds * 1000), finish)
    wake = close_on_signals(finish)
    app.exec()
    wake.stop()
    if not result:
        result.update(wall_report(wall, started))
    if report is not None:
        write_report(report, result)
    return 0


def close_on_signals(finish: Callable[[], None]) -> QTimer:
    """SIGINT and SIGTERM call ``finish`` from the Qt event loop; returns the timer that lets them in.

    Python runs a signal handler between two bytecodes of whatever Python code is running — often the
    wall's repaint tick — so closing the windows inside the handler would pull the views out from
    under a tile in mid-refresh. The handler only queues ``finish``.
    """
    def on_signal(*_args) -> None:
        QTimer.singleShot(0, finish)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    wake = QTimer()         # lets Python run its signal handlers while Qt's loop is in C++
    wake.timeout.connect(lambda: None)
    wake.start(200)
    return wake


def _logged_in(station: Station) -> bool:
    """The log-in dialog at start, where the deployment has users."""
    from ui.login.dialog import LoginDialog

    return LoginDialog(station).exec() == LoginDialog.DialogCode.Accepted


def attach_ptz(wall: WallWindow, station: Station, main_window=None):
    """PTZ control for the wall's PTZ cameras: in-tile keys/drag and the PTZ panel (docked if possible)."""
    from ui.ptz.wall_ptz import WallPtz

    ptz = WallPtz(wall, station)
    if main_window is not None:
        for extra in main_window.walls()[1:]:
            ptz.attach_wall(extra)
        main_window.wall_added.connect(ptz.attach_wall)
        dock = main_window.add_dock(ptz.panel, ptz.panel.windowTitle(), Qt.DockWidgetArea.RightDockWidgetArea,
                                    key="ptz")
        ptz.set_panel_opener(dock.show)
    return ptz


def _attach_alarms(main_window):
    """The alarm list, event search and pop-ups of the main window; subscribes to the cameras' events."""
    from ui.alarms.attach import attach_alarms

    return attach_alarms(main_window)


def attach_recording(station: Station, main_window=None, alarms=None):
    """Record the cameras marked for it; in the main window, warnings in the status bar and Ctrl+P playback
    (with the alarms' events on the timeline, and the event search opening playback)."""
    from PySide6.QtGui import QAction, QKeySequence

    from ui.recording_controller import RecordingController
    from videowall.recording.timebase import to_us

    controller = RecordingController(station, bookmarks=main_window.bookmarks if main_window is not None else None,
                                     place=main_window.show_playback if main_window is not None else None,
                                     events=alarms.controller.events_over if alarms is not None else None)
    if main_window is None:
        controller.warnings_changed.connect(lambda texts: [log.warning("recording: %s", t) for t in texts])
    else:
        main_window.recording = controller
        bar = main_window.statusBar()
        controller.warnings_changed.connect(lambda texts: bar.showMessage(" · ".join(texts)))
        action = QAction(QCoreApplication.translate("MainWindow", "Playback"), main_window)
        action.setShortcut(QKeySequence("Ctrl+P"))
        action.triggered.connect(lambda: controller.open_playback(main_window.wall.cameras(),
                                                                  layout=main_window.wall.layout_))
        main_window.addAction(action)
        main_window.menuBar().addAction(action)
        main_window.camera_setup.cameras_changed.connect(lambda _cameras: controller.follow_cameras())
        main_window.bookmarks_panel.playback_requested.connect(
            lambda bookmark: controller.open_playback(bookmark.camera_ids, to_us(bookmark.start_utc)))
        if alarms is not None:
            alarms.search.playback_requested.connect(lambda camera_id, at_us: controller.open_playback([camera_id], at_us))
    controller.start_if_configured()
    return controller
