"""``videowall onvif probe|add`` and ``videowall ptz`` as an admin runs them (subprocesses, real simulator)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.fixtures.onvif import PASSWORD, USER


def _run(*args: str, stdin: str = "", data_dir=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, VIDEOWALL_KEYRING="memory")
    if data_dir is not None:
        env["VIDEOWALL_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "videowall.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=60, env=env)


@pytest.fixture(scope="module")
def open_ptz_sim(sim_factory):
    """A PTZ camera without auth: each CLI run is its own process, so a memory keyring cannot carry a password."""
    return sim_factory(cameras=1, ptz_cameras=(1,), main_size=(640, 360))


def test_probe_prints_json_with_the_real_uris(ptz_sim):
    result = _run("onvif", "probe", f"http://127.0.0.1:{ptz_sim.onvif_port}", "--user", USER, "--password-stdin",
                  stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["main_uri"] == ptz_sim.url(1, "main") and report["ptz"] is True
    assert PASSWORD not in result.stdout + result.stderr


def test_probe_with_a_wrong_password_says_so(ptz_sim):
    result = _run("onvif", "probe", ptz_sim.onvif_url(1), "--user", USER, "--password-stdin", stdin="nope\n")
    assert result.returncode == 1 and "refused the username or password" in result.stderr


def test_add_then_drive_the_saved_camera(open_ptz_sim, tmp_path):
    added = _run("onvif", "add", f"http://127.0.0.1:{open_ptz_sim.onvif_port}", "--name", "Gate PTZ",
                 data_dir=tmp_path)
    assert added.returncode == 0, added.stderr
    assert "ptz=True" in added.stdout
    listed = json.loads(_run("camera", "list", "--json", data_dir=tmp_path).stdout)
    assert listed[0]["main_url"] == open_ptz_sim.url(1, "main")
    moved = _run("ptz", "Gate PTZ", "move", "--pan", "1", "--seconds", "0.3", data_dir=tmp_path)
    assert moved.returncode == 0, moved.stderr
    token = _run("ptz", "Gate PTZ", "set", "Door", data_dir=tmp_path).stdout.strip()
    presets = json.loads(_run("ptz", "Gate PTZ", "presets", data_dir=tmp_path).stdout)
    door = next(p for p in presets if p["token"] == token)
    assert door["name"] == "Door" and door["position"]["pan"] > 0.05
    assert _run("ptz", "Gate PTZ", "home", data_dir=tmp_path).returncode == 0


def test_a_camera_moved_from_another_station_is_neither_moved_nor_stopped(open_ptz_sim, tmp_path):
    from videowall.access.roles import Role
    from videowall.config.paths import database_path
    from videowall.onvif.ptz_lease import Holder, PtzLeases
    from videowall.storage.db import open_database

    assert _run("onvif", "add", f"http://127.0.0.1:{open_ptz_sim.onvif_port}", "--name", "Gate PTZ",
                data_dir=tmp_path).returncode == 0
    camera_id = json.loads(_run("camera", "list", "--json", data_dir=tmp_path).stdout)[0]["id"]
    db = open_database(database_path(tmp_path))
    try:
        other = Holder("jkowalska", "J. Kowalska", Role.OPERATOR, "station 2")
        PtzLeases(db, lease_s=3600).take(camera_id, other, "Gate PTZ")     # outlasts any slow run
        moved = _run("ptz", "Gate PTZ", "move", "--pan", "1", "--seconds", "0.3", data_dir=tmp_path)
        assert moved.returncode != 0
        assert "PTZ: J. Kowalska, station 2 — J. Kowalska (operator) is moving camera 'Gate PTZ'" in moved.stderr
        assert "Traceback" not in moved.stderr
        stopped = _run("ptz", "Gate PTZ", "stop", data_dir=tmp_path)
        assert stopped.returncode == 1
        assert "not stopped: PTZ: J. Kowalska, station 2 moves this camera" in stopped.stderr
        PtzLeases(db).release(camera_id, other)
        assert _run("ptz", "Gate PTZ", "stop", data_dir=tmp_path).returncode == 0
    finally:
        db.close()
