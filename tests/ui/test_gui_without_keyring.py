"""A station on a machine without an OS keyring: the wall starts; only a camera that needs a password says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.conftest import WARSAW
from ui.app import create_application
from ui.report import wall_report
from ui.wall.wall_window import WallWindow
from videowall.config.paths import database_path
from videowall.media.types import SessionState
from videowall.station import Station
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

REPO_ROOT = Path(__file__).resolve().parents[2]
NO_KEYRING = {"VIDEOWALL_KEYRING": "os", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


@pytest.fixture
def keyless_station(tmp_path, monkeypatch):
    for name, value in NO_KEYRING.items():
        monkeypatch.setenv(name, value)
    station = Station.open(tmp_path / "data")       # used to raise NO_KEYRING here
    yield station
    station.close()


def test_cameras_without_a_password_play_and_one_with_a_password_names_the_keyring(
        qtbot, keyless_station, simulator):
    open_camera = keyless_station.cameras.add(name="Yard", main_url=simulator.url(1, "main"),
                                              sub_url=simulator.url(1, "sub"))
    locked_camera = keyless_station.cameras.add(name="Gate", main_url=simulator.url(2, "main"),
                                                sub_url=simulator.url(2, "sub"), has_credentials=True)
    create_application(offscreen=True, language="en")
    wall = WallWindow(keyless_station.supervisor, [open_camera.id, locked_camera.id], WARSAW)
    qtbot.addWidget(wall)
    wall.resize(1280, 360)
    wall.show()
    yard, gate = wall.tiles
    qtbot.waitUntil(lambda: yard.label.state is SessionState.LIVE and yard.painted_frames > 3, timeout=20_000)
    qtbot.waitUntil(lambda: gate.view.status().error is not None, timeout=20_000)
    error = gate.view.status().error
    assert gate.label.state is not SessionState.LIVE and gate.label.problem
    assert error.user_message.startswith(f"Camera {locked_camera.id}'s password needs the OS keyring.")
    report = {tile["camera"]: tile for tile in wall_report(wall, 0.0)["tiles"]}
    assert report["Yard"]["last_error"] is None
    assert "needs the OS keyring" in report["Gate"]["last_error"]
    wall.close()


def test_the_gui_command_starts_without_a_keyring(tmp_path):
    data = tmp_path / "data"
    conn = open_database(database_path(data))
    CameraStore(conn).add("Yard", "rtsp://127.0.0.1:9/none")     # no password: needs no keyring
    conn.close()
    report = tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIDEOWALL_")} | NO_KEYRING
    result = subprocess.run([sys.executable, "-m", "ui.cli", "gui", "--offscreen", "--seconds", "0.5",
                             "--data-dir", str(data), "--report", str(report)],
                            capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "keyring" not in result.stderr.lower()
    assert [tile["camera"] for tile in json.loads(report.read_text())["tiles"]] == ["Yard"]
