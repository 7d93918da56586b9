"""Only what is on screen decodes: a minimised wall and a locked screen stop every decoder, and come back live."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.fixtures.processes import stop_process
from tests.ui.conftest import add_sim_cameras
from ui.wall.screen_lock import ScreenLock, screen_lock

LIVE_MS = 20_000


def wait_painting(qtbot, wall):
    before = [t.painted_frames for t in wall.tiles]
    qtbot.waitUntil(lambda: all(t.painted_frames > b + 2 for t, b in zip(wall.tiles, before)), timeout=LIVE_MS)


def wait_packets(qtbot, wall, more: int = 10) -> None:
    packets = [t.view.stats().packets_in for t in wall.tiles]
    qtbot.waitUntil(lambda: all(t.view.stats().packets_in > p + more for t, p in zip(wall.tiles, packets)),
                    timeout=LIVE_MS)


def decoded(wall) -> list[int]:
    return [t.view.stats().frames_decoded for t in wall.tiles]


def test_a_minimised_wall_decodes_nothing(qtbot, station, simulator, open_wall):
    wall = open_wall(add_sim_cameras(station, simulator, 4), size=(1280, 720))
    wait_painting(qtbot, wall)
    wall.showMinimized()
    qtbot.waitUntil(lambda: station.supervisor.live_decoder_count() == 0, timeout=LIVE_MS)
    assert all(t.view.stats().packets_in > 0 for t in wall.tiles)     # sessions stay connected
    wall.showNormal()
    qtbot.waitUntil(lambda: station.supervisor.live_decoder_count() == 4, timeout=LIVE_MS)
    wait_painting(qtbot, wall)


def test_a_locked_screen_decodes_nothing_until_unlocked(qtbot, station, simulator, open_wall):
    wall = open_wall(add_sim_cameras(station, simulator, 4), size=(1280, 720))
    wait_painting(qtbot, wall)
    lock = screen_lock()
    try:
        lock.set_locked(True)
        assert station.supervisor.live_decoder_count() == 0
        wait_packets(qtbot, wall)          # the packet in flight when the lock came is done
        frozen = decoded(wall)
        wait_packets(qtbot, wall)          # more packets arrive: none of them is decoded
        assert decoded(wall) == frozen
    finally:
        lock.set_locked(False)
    qtbot.waitUntil(lambda: station.supervisor.live_decoder_count() == 4, timeout=LIVE_MS)
    wait_painting(qtbot, wall)


@pytest.fixture
def session_bus(tmp_path):
    """A private D-Bus session bus (the desktop's screen locker talks on the real one)."""
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        yield daemon.stdout.readline().strip()
    finally:
        stop_process(daemon)


def test_the_screen_lockers_signal_on_the_session_bus_is_followed(qtbot, session_bus, monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus)
    from PySide6.QtDBus import QDBusConnection
    name = "screen-lock-test"
    bus = QDBusConnection.connectToBus(session_bus, name)
    try:
        watch = ScreenLock(bus=bus)
        assert watch.watching
        with qtbot.waitSignal(watch.changed, timeout=10_000) as locked:
            _emit(session_bus, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "true")
        assert locked.args == [True] and watch.locked
        with qtbot.waitSignal(watch.changed, timeout=10_000) as unlocked:
            _emit(session_bus, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "false")
        assert unlocked.args == [False] and not watch.locked
    finally:
        QDBusConnection.disconnectFromBus(name)


def _emit(address: str, path: str, interface: str, value: str) -> None:
    subprocess.run(["gdbus", "emit", "--session", "--object-path", path,
                    "--signal", f"{interface}.ActiveChanged", value], check=True, timeout=10,
                   env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": address})
