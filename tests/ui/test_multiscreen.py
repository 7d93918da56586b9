"""One wall per screen, remembered per screen, and a wall moving when its screen goes away.

Qt's screens are fixed when QApplication starts, so each case runs the real app in a subprocess:
the offscreen platform with a JSON config of several screens, and Xvfb with several monitors.
Neither platform can unplug a screen at run time, so the probe calls the wall manager's
screen-removed handler (the slot QGuiApplication.screenRemoved is connected to) for that screen.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.processes import stop_process
from tests.fixtures.waiting import wait_for
from videowall.model.layout import uniform
from videowall.station import Station
from videowall.storage.views import View

REPO = Path(__file__).resolve().parents[2]
SCREENS = [{"name": "Left", "x": 0, "y": 0, "width": 1920, "height": 1080},
           {"name": "Right", "x": 1920, "y": 0, "width": 1280, "height": 1024}]

PROBE = r"""
import json, sys
from ui.app import create_application
from ui.main_window import MainWindow
from ui.wall.screens import screen_key
from videowall.station import Station
from PySide6.QtGui import QGuiApplication

app = create_application(offscreen=False, language="en")
station = Station.open(sys.argv[1], secrets_kind="memory")
window = MainWindow(station, [None])
window.show()
app.processEvents()

def walls():
    out = {}
    for key, wall in [*window.screens.walls.items(), *(("moved:" + k, w) for k, w in window.screens.moved.items())]:
        g = wall.geometry()
        out[key] = {"screen": wall.windowHandle().screen().name(), "geometry": [g.x(), g.y(), g.width(), g.height()],
                    "fullscreen": wall.isFullScreen(), "cameras": wall.cameras(), "visible": wall.isVisible()}
    return out

before = walls()
screens = {screen_key(s): s for s in QGuiApplication.screens()}
window.screens.on_screen_removed(screens[sys.argv[2]])
app.processEvents()
print(json.dumps({"screens": sorted(screens), "main": screen_key(window.screen()), "before": before,
                  "after": walls()}))
window.close()
station.close()
"""


def prepare(data: Path) -> list[int]:
    station = Station.open(data, secrets_kind="memory")
    ids = [station.cameras.add(name=f"C{i}", main_url=f"rtsp://127.0.0.1:9/c{i}").id for i in range(1, 5)]
    station.views.save(View("Night", uniform(2), tuple(ids)))
    station.views.remember_screen("Right 1280x1024+1920+0", "Night", fullscreen=True)
    station.close()
    return ids


def run_probe(env: dict, data: Path, remove: str) -> dict:
    env = {**os.environ, **env, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", PROBE, str(data), remove], env=env, cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_offscreen_two_screens_walls_placed_remembered_and_moved(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": SCREENS}))
    ids = prepare(tmp_path / "data")
    out = run_probe({"QT_QPA_PLATFORM": f"offscreen:configfile={config}"}, tmp_path / "data",
                    "Right 1280x1024+1920+0")
    assert out["screens"] == ["Left 1920x1080+0+0", "Right 1280x1024+1920+0"]
    assert out["main"] == "Left 1920x1080+0+0"
    right = out["before"]["Right 1280x1024+1920+0"]
    assert right["screen"] == "Right" and right["fullscreen"] and right["geometry"] == [1920, 0, 1280, 1024]
    assert right["cameras"] == ids                          # the view remembered for this screen
    moved = out["after"]["moved:Right 1280x1024+1920+0"]
    assert moved["screen"] == "Left" and moved["visible"] and not moved["fullscreen"]
    x, y, w, h = moved["geometry"]
    assert 0 <= x and x + w <= 1920 and 0 <= y and y + h <= 1080
    assert moved["cameras"] == ids


@pytest.fixture
def xvfb_display():
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    display = f":{90 + os.getpid() % 400}"
    # Two X screens: Qt (xcb) shows them as two QScreens, both named "screen", told apart by geometry.
    proc = subprocess.Popen(["Xvfb", display, "-nolisten", "tcp",
                             "-screen", "0", "1920x1080x24", "-screen", "1", "1280x1024x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    try:
        wait_for(lambda: socket.exists() or proc.poll() is not None, "Xvfb to start", 60)
        if not socket.exists():
            pytest.skip(f"Xvfb exited with {proc.returncode}")
        yield display
    finally:
        stop_process(proc)


@pytest.mark.xvfb
def test_xvfb_two_screens(tmp_path, xvfb_display):
    data = tmp_path / "data"
    ids = prepare(data)
    station = Station.open(data, secrets_kind="memory")
    station.views.remember_screen("screen 1280x1024+0+0", "Night", fullscreen=True)
    station.close()
    out = run_probe({"QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb_display}, data, "screen 1280x1024+0+0")
    assert out["screens"] == ["screen 1280x1024+0+0", "screen 1920x1080+0+0"]
    assert out["main"] == "screen 1920x1080+0+0"
    second = out["before"]["screen 1280x1024+0+0"]
    assert second["visible"] and second["cameras"] == ids
    moved = out["after"]["moved:screen 1280x1024+0+0"]
    assert moved["visible"] and moved["cameras"] == ids
    assert moved["geometry"][2] <= 1920 and moved["geometry"][3] <= 1080
