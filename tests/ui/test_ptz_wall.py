"""PTZ on a real wall: an ONVIF-onboarded PTZ camera's tile drives the simulator; errors land on the tile."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.fixtures.onvif import PASSWORD, USER
from videowall.config.paths import database_path
from ui.ptz.wall_ptz import WallPtz
from videowall.model.camera import Credentials
from videowall.onvif.saved import add_camera, ptz_device
from videowall.onvif.store import OnvifStore
from videowall.storage.db import open_database


def test_a_ptz_tile_moves_the_camera_and_the_panel_follows_focus(qtbot, station, open_wall, ptz_sim):
    ptz_camera, _ = add_camera(station.cameras, station.secrets, "PTZ 1", ptz_sim.onvif_url(1),
                               Credentials(USER, PASSWORD))
    fixed_camera, _ = add_camera(station.cameras, station.secrets, "Fixed 2", ptz_sim.onvif_url(2),
                                 Credentials(USER, PASSWORD))
    onvif = OnvifStore(open_database(database_path(station.data_dir)))
    wall = open_wall([ptz_camera.id, fixed_camera.id], size=(960, 540), rows=1, cols=2)
    ptz = WallPtz(wall, station)
    device = ptz_device(ptz_camera.id, onvif, station.secrets)
    device.goto_home()
    try:
        assert ptz.ptz_camera_ids == {ptz_camera.id}
        tiles = {getattr(t.view, "camera", None) and t.view.camera.id: t for t in ptz._tile_widgets()}
        tile = tiles[ptz_camera.id]
        tile.setFocus()
        qtbot.waitUntil(lambda: ptz.panel.camera_id == ptz_camera.id, timeout=15_000)
        qtbot.keyPress(tile, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: device.status().pan > 0.02, timeout=10000)
        qtbot.keyRelease(tile, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: not _moving(device), timeout=10000)
        qtbot.keyPress(tiles[fixed_camera.id], Qt.Key.Key_Right)  # not a PTZ tile: nothing is sent
        assert ptz.bridge.controller.queue(ptz_camera.id).pending() == []
    finally:
        ptz.close()
        device.goto_home()


def _moving(device) -> bool:
    first = device.status().pan
    return device.status().pan != first
