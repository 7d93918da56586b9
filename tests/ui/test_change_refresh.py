"""Changes to the shared state refresh the operator's panels without a restart, on the GUI thread, one
refresh per burst; a server that cannot be reached is said in the status bar."""

from __future__ import annotations

import threading

from ui.app import create_application
from ui.changes_bridge import ChangeBridge
from ui.main_window import MainWindow
from videowall.config.paths import database_path
from videowall.model.layout import uniform
from videowall.station import Station
from videowall.storage.cameras import CameraStore
from videowall.storage.changes import RESYNC_ALL, UPDATE, Change, ChangeFeed, feed
from videowall.storage.db import open_database
from videowall.storage.views import View, ViewStore

WAIT_MS = 20_000


def test_a_burst_from_another_thread_arrives_as_one_refresh_on_the_gui_thread(qtbot):
    create_application(offscreen=True, language="en")
    change_feed = ChangeFeed()
    bridge = ChangeBridge(change_feed)
    heard: list[tuple[frozenset, bool]] = []
    bridge.tables_changed.connect(lambda tables: heard.append((tables, threading.current_thread()
                                                                is threading.main_thread())))
    sender = threading.Thread(target=lambda: change_feed.publish(
        [Change("views", n, UPDATE) for n in range(50)] + [Change("cameras", 1, UPDATE)]))
    sender.start()
    sender.join()
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT_MS)
    assert heard == [(frozenset({"views", "cameras"}), True)]
    change_feed.publish([RESYNC_ALL])
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=WAIT_MS)
    assert heard[1] == (frozenset({"*"}), True)
    bridge.close()


def test_panels_show_views_and_cameras_saved_on_another_connection(qtbot, tmp_path):
    create_application(offscreen=True, language="en")
    data = tmp_path / "data"
    station = Station.open(data, secrets_kind="memory")
    window = MainWindow(station, [], layout=uniform(1), extra_screens=False)
    qtbot.addWidget(window)
    window.show()
    other = open_database(database_path(data))      # what a command or another window of this station writes
    try:
        ViewStore(other).save(View("Rynek nocą", uniform(2), (None,)))
        qtbot.waitUntil(lambda: window.views_panel.names() == ["Rynek nocą"], timeout=WAIT_MS)
        CameraStore(other).add("Brama główna", "rtsp://127.0.0.1:8554/cam1")
        qtbot.waitUntil(lambda: len(window.cameras_panel.model.catalog) == 1, timeout=WAIT_MS)
    finally:
        other.close()
        window.close()
        station.close()


def test_the_status_bar_says_when_the_server_database_is_unreachable(qtbot, tmp_path):
    create_application(offscreen=True, language="en")
    station = Station.open(tmp_path / "data", secrets_kind="memory")
    window = MainWindow(station, [], layout=uniform(1), extra_screens=False)
    qtbot.addWidget(window)
    window.show()
    label = window.shared_state.unreachable_label
    change_feed = feed(str(database_path(tmp_path / "data")))
    try:
        assert not label.isVisible()
        # The listener's verdict (tests/integration/test_station_changes.py stops a real server for it).
        threading.Thread(target=change_feed.set_reachable, args=(False,)).start()
        qtbot.waitUntil(label.isVisible, timeout=WAIT_MS)
        assert "unreachable" in label.text()
        change_feed.set_reachable(True)
        qtbot.waitUntil(lambda: not label.isVisible(), timeout=WAIT_MS)
    finally:
        window.close()
        station.close()
